"""The name a verification stem is anchored to ("Which statement about X ...?") is what the
claim is about (2.9.0, blind judges on the dev articles): the subject's own name before an owner
of it, never one member of a list inside the subject, and "the UK" where the article says so."""

from __future__ import annotations

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.verification import topic_stem


def _stem(text: str, starts: str) -> str:
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith(starts))
    return topic_stem(doc, claim, [])


LIST = """Browsers gain on Vexa

Figures from the monitor Clickrate show that Vexa has lost 5% of its users since May.

Rival browsers, like Orbit and Lumen's Dart, are challenging Vexa's grip on the market.

Orbit has doubled its share to 4% this year, Clickrate said.
"""


def test_a_member_of_a_list_in_the_subject_is_no_topic() -> None:
    assert "Orbit" not in _stem(LIST, "Rival browsers")
    assert "about Orbit" in _stem(LIST, "Orbit has doubled")  # its own subject: still the topic


PLACE = """House prices slow

House prices in the UK rose by 0.5% in March, the lender Homestead said.

UK exports fell by 3% in the same month as the pound rose against the dollar.
"""


def test_a_place_the_article_writes_with_the_keeps_it() -> None:
    assert "about the UK does" in _stem(PLACE, "UK exports")


OWNER = """Steel makers pay more for ore

Japan's Toyo Steel has agreed to pay 72% more for iron ore this year.

Toyo Steel said the rise would cost it $900m, as steel demand in Japan grows.
"""


def test_the_subjects_own_name_comes_before_its_owner() -> None:
    assert "about Toyo Steel" in _stem(OWNER, "Japan's Toyo Steel")
