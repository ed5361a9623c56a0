"""The docs stay true: links between them resolve, and the README's settings are the app's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.config import DEFAULTS
from tests import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bench" / "RESULTS.md"]

#: Settings of config.DEFAULTS that are not for operators: Flask's and extensions' own
#: switches that the app fixes, and what only the tests turn on.
NOT_DOCUMENTED = {
    "SQLALCHEMY_ENGINE_OPTIONS",
    "WTF_CSRF_ENABLED",
    "WTF_CSRF_TIME_LIMIT",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "IMPORT_JOBS_INLINE",
    "RATELIMIT_HEADERS_ENABLED",
}
#: Settings the app fills in when they are not given, so they have no entry in DEFAULTS.
DERIVED = {"SQLALCHEMY_DATABASE_URI", "SECRET_KEY"}

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(text: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown text (code blocks left out)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    headings = re.findall(r"^#+\s+(.*)$", text, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_resolve(doc: Path) -> None:
    broken = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, fragment = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and fragment not in _anchors(linked.read_text(encoding="utf-8")):
            broken.append(f"{target}: no such heading")
    assert not broken, broken


def test_readme_lists_every_setting() -> None:
    table = (ROOT / "README.md").read_text(encoding="utf-8").partition("## Configuration")[2]
    listed = set(re.findall(r"^\| `QUIZAPP_([A-Z_]+)` \|", table, flags=re.M))
    settings = set(DEFAULTS) - NOT_DOCUMENTED
    assert settings - listed == set(), "settings missing from the README's table"
    assert listed - settings - DERIVED == set(), "README rows for settings the app does not have"
