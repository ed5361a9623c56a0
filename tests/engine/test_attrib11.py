"""Reported speech whose clause holds its own pronoun's referent ("his side ... their win"), or
an empty "it" ("it was time to"), is asked as who said it; a pronoun with nothing to refer to
in the clause still is not. Sentences written for these tests."""

from __future__ import annotations

import random

from quizapp.engine.attribution import generate_attribution
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse

STORY = """Rovers held by Harbour in cup tie

Rovers manager Martin Hale admitted he was upset his side did not score in their draw with Harbour.
Harbour manager Colin Dray said the result was fair on both clubs.
Rovers captain Owen Pike said he felt the players had let the fans down badly.
Harbour striker Liam Ross said he had expected a much harder game at the ground.
Mr Hale said it was time for the club to buy a new striker before the deadline.
Mr Dray said it had been a difficult week for everyone at the club.
Hale and Dray have managed in the league for ten years.
"""


def _drafts(fragment: str):
    doc = analyse(STORY)
    claims = [c for c in extract_claims(doc) if fragment in c.text]
    assert claims, fragment
    return generate_attribution(doc, claims[0], random.Random(3), 0)


def test_their_with_collective_antecedent_in_clause() -> None:
    drafts = _drafts("did not score")
    assert drafts and drafts[0].key == "Martin Hale"
    assert "their draw" in drafts[0].stem


def test_empty_it_of_it_was_time() -> None:
    drafts = _drafts("buy a new striker")
    assert drafts and drafts[0].key == "Martin Hale"


def test_it_with_nothing_to_refer_to_is_refused() -> None:
    # "it had been a difficult week": no noun before "it" in the clause, no "to"/"that" clause
    assert _drafts("difficult week") == []


def test_it_of_a_blow_or_a_readiness_still_points_outside() -> None:
    # "it was a blow to the club", "it was ready to sell": "it" is a thing the clause does not
    # name, though a "to" follows; "it was time to", "it is likely that" are empty (review of
    # 2.14.0)
    from quizapp.engine.attribution import _empty_it
    from quizapp.engine.nlp import get_nlp

    nlp = get_nlp()

    def empty(sentence: str) -> bool:
        doc = nlp(sentence)
        return _empty_it(next(t for t in doc if t.lower_ == "it"))

    assert not empty("Mr Dray said it was a blow to the club and the fans.")
    assert not empty("Mr Hale said it was ready to sell the ground to a developer.")
    assert not empty("Mr Hale said it was confident that the deal would close.")
    assert empty("Mr Hale said it was time for the club to buy a new striker.")
    assert empty("Mr Dray said it was likely that the ground would be sold.")
