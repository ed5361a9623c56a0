"""Template filters that format values the way people write them.

Registered once for every template (taker and editor pages alike), so a date reads the same
wherever it is shown.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import Flask
from markupsafe import Markup

#: Month abbreviations, fixed (``%b`` would follow the server's locale).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC (a naive value is taken to be UTC already, as the database keeps it)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def human_date(moment: datetime, *, time: bool = True) -> str:
    """ "30 Nov 2026, 03:08" (UTC), or "30 Nov 2026" without the time."""
    moment = _utc(moment)
    day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f"{day}, {moment:%H:%M}" if time else day


def time_element(moment: datetime | None, *, time: bool = True) -> Markup:
    """A ``<time>`` element: the date as people write it, the exact ISO time in ``datetime``.

    The text is in UTC and says so; the page's script shows it in the reader's own time zone
    (``data-local``), so without JavaScript nobody reads a UTC time as local.
    """
    if moment is None:
        return Markup("—")
    moment = _utc(moment)
    iso = moment.isoformat(timespec="seconds")
    if not time:
        return Markup('<time datetime="{}">{}</time>').format(
            moment.date().isoformat(), human_date(moment, time=False)
        )
    return Markup('<time datetime="{}" data-local>{} UTC</time>').format(iso, human_date(moment))


def source_name(url: str | None) -> str:
    """The site an article came from, as its host name without ``www.`` ("" for none)."""
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def init_app(app: Flask) -> None:
    """Register the filters: ``{{ attempt.finished_at|datetime }}`` (a ``<time>`` element),
    ``|date`` (the same without the time), ``|datetime_text`` (plain text, for labels) and
    ``|source`` (an article URL's site)."""
    app.add_template_filter(time_element, "datetime")
    app.add_template_filter(lambda moment: f"{human_date(moment)} UTC", "datetime_text")
    app.add_template_filter(lambda moment: time_element(moment, time=False), "date")
    app.add_template_filter(source_name, "source")
