"""A false statement whose change comes before a description replaced by its name (2.16.1).

``mutations.statement`` applied the change first and then put the name in at the
description's offsets in the original text, so that a change that lengthens the text ("did
not postpone" for "postponed") made the name land inside the wrong words: "The court did not
poHarbour Lightshe film's launch" (seen on a tuning article, refused by later checks before a
taker saw it). Both edits now keep their own offsets. Sentences written for the test; the
first test fails on 2.16.0, the others guard the cases that were right.
"""

from __future__ import annotations

import dataclasses

from quizapp.engine.claims import ClaimInfo
from quizapp.engine.document import Document
from quizapp.engine.mutations import Mutation, statement
from tests.engine.helpers import claims_of

TEXT = """Court delays flood film

The Northam High Court postponed the film's launch until 3 March.
"""


def _claim_with_name() -> tuple[Document, ClaimInfo]:
    doc, claims = claims_of(TEXT)
    claim = next(c for c in claims if "postponed" in c.text)
    start = doc.text.index("the film", claim.start)
    named = dataclasses.replace(claim, subst=(start, start + len("the film"), "Harbour Lights"))
    return doc, named


def _mutation(doc_text: str, old: str, new: str) -> Mutation:
    start = doc_text.index(old)
    return Mutation("negation", start, start + len(old), old, new)


def test_a_change_before_the_name_keeps_both_in_place() -> None:
    doc, claim = _claim_with_name()
    mut = _mutation(doc.text, "postponed", "did not postpone")
    assert statement(doc, claim, mut) == (
        "The Northam High Court did not postpone Harbour Lights's launch until 3 March."
    )


def test_a_change_after_the_name_keeps_both_in_place() -> None:
    doc, claim = _claim_with_name()
    mut = _mutation(doc.text, "3 March", "13 March")
    assert statement(doc, claim, mut) == (
        "The Northam High Court postponed Harbour Lights's launch until 13 March."
    )


def test_without_a_change_the_name_is_shown() -> None:
    doc, claim = _claim_with_name()
    assert statement(doc, claim) == (
        "The Northam High Court postponed Harbour Lights's launch until 3 March."
    )


def test_a_change_over_the_described_words_is_shown_without_the_name() -> None:
    # the change rewrites the words the name would replace: the change is what is shown
    doc, claim = _claim_with_name()
    start = doc.text.index("the film's")
    mut = Mutation("entity", start, start + len("the film"), "the film", "the play")
    assert statement(doc, claim, mut) == (
        "The Northam High Court postponed the play's launch until 3 March."
    )
