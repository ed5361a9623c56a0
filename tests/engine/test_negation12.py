"""A false statement is never made by negating a passive main verb ("was not given access
to", "was not carried out by"): blind editors of the tuning articles called such items a
mechanical "not" or unclear in scope (3 of 7 judgments accepted, against 17 of 20 for negated
active verbs). An active verb's negation is still a fair false statement.

Every sentence here was written for the test.
"""

from __future__ import annotations

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.truefalse import fair_negation

STORY = """Harbour survey finds support for new ferry

A survey of harbour residents was carried out by the regional transport board.
The harbour council has approved a new ferry service to the mainland islands.
Local traders were given a seat on the new ferry board.
"""


def _claim(words: str):
    doc = analyse(STORY)
    return next(c for c in extract_claims(doc) if words in c.text)


def test_passive_main_verb_is_never_negated() -> None:
    assert not fair_negation(_claim("carried out by"))
    assert not fair_negation(_claim("were given a seat"))


def test_active_main_verb_may_be_negated() -> None:
    assert fair_negation(_claim("has approved"))
