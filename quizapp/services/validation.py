"""Rules for values that come in from outside, in one place for forms, CLI, API and imports."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from quizapp.models.article import URL_MAX
from quizapp.services.errors import ServiceError

_URL_SCHEMES = ("http", "https")
# Whitespace, control characters and the backslash (which browsers read as "/") never belong in
# a link we render; NUL would also fail on PostgreSQL.
_URL_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f\\]")


class InvalidURL(ServiceError):
    """A URL that quizapp will not store or link to."""


def check_url(url: str | None, what: str = "The source URL") -> str | None:
    """``url`` stripped if it is an absolute http(s) URL of at most 2,000 characters.

    Empty or ``None`` gives ``None``; anything else raises :class:`InvalidURL` with a
    sentence starting with ``what``.  This is the one check for every URL that ends up
    in an ``<a href>``: the article form, the CLI, quiz-file imports and verdict sources.
    """
    if url is None:
        return None
    url = url.strip()
    if not url:
        return None
    if len(url) > URL_MAX:
        raise InvalidURL(f"{what} is longer than {URL_MAX:,} characters.")
    if _URL_BAD_CHARS.search(url):
        raise InvalidURL(f"{what} contains spaces or control characters.")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise InvalidURL(f"{what} is not a valid URL.") from None
    if parts.scheme.lower() not in _URL_SCHEMES:
        raise InvalidURL(f"{what} must start with http:// or https://.")
    if not parts.hostname:
        raise InvalidURL(f"{what} has no host name (expected e.g. https://example.org/page).")
    return url
