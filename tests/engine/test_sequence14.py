"""No false statement made by negating a verb of sequence (2.16.1).

"The approval does not follow discussions with Nvidia CEO Jensen Huang" (the seed quiz's
false statement) reads as "does not obey", or denies only the order of two events: unclear
rather than false. Following what one obeys ("the rules") is still negated. Sentences
written for the test; the first test fails on 2.16.0.
"""

from __future__ import annotations

import random

from quizapp.engine.mutations import mutate_negation
from tests.engine.helpers import claim_with, claims_of

TEXT = (
    "Harbour merger cleared\n\n"
    "The Northam regulator has cleared the merger of the two harbour firms.\n\n"
    "The decision follows talks with the head of Eastport during his visit to Northam.\n\n"
    "The ruling precedes a vote by the shareholders of both firms.\n\n"
    "The regulator approved the merger plan in March.\n"
)


def test_a_verb_of_sequence_is_never_negated() -> None:
    doc, claims = claims_of(TEXT)
    for words in ("follows talks", "precedes a vote"):
        claim = claim_with(doc, claims, words)
        assert mutate_negation(doc, claim, random.Random(1)) == []


def test_following_what_one_obeys_is_negated() -> None:
    text = "Harbour firm fined\n\nThe harbour firm followed the rules of the port.\n"
    doc, claims = claims_of(text)
    claim = claim_with(doc, claims, "followed the rules")
    (mut,) = mutate_negation(doc, claim, random.Random(1))
    assert mut.new == "did not follow"


def test_an_ordinary_verb_still_is() -> None:
    doc, claims = claims_of(TEXT)
    claim = claim_with(doc, claims, "approved the merger plan")
    (mut,) = mutate_negation(doc, claim, random.Random(1))
    assert mut.new == "did not approve"
