"""Reported speech asked as attribution: a speaker named after a title ("Sir Ian Hale said")
is one of the article's sources, and a clause whose "he" is the speaker ("said he had ...")
reads as the stem puts it ("who said that he had ..."). Sentences written for these tests."""

from __future__ import annotations

import random

from quizapp.engine.attribution import _speakers, generate_attribution
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse

STORY = """Minister cleared over tender

Transport minister Paul Garner has been cleared of wrongdoing over the ferry tender.
Opposition spokesman Colin Marsh said the tender had cost taxpayers far too much money.
Mr Garner said the contract had saved the department money over ten years.
Union leader Tom Ridley said ferry workers were worried about their jobs.
But Sir Ian Hale, who led the review, said he had found no evidence that any rules were broken.
Mr Marsh said he would raise the matter in parliament next week.
Mr Ridley said the union would meet ferry managers in May.
"""


def _claim(doc, words: str):
    return next(c for c in extract_claims(doc) if words in c.text)


def test_titled_speaker_is_a_source() -> None:
    # "Sir" before the name: a title, not part of a longer name
    assert "Ian Hale" in _speakers(analyse(STORY))


def test_reported_clause_whose_he_is_the_speaker() -> None:
    doc = analyse(STORY)
    drafts = generate_attribution(doc, _claim(doc, "no evidence"), random.Random(1), 0)
    assert drafts, "the reviewer's finding is asked as who said it"
    d = drafts[0]
    assert d.key == "Ian Hale"
    assert d.stem.startswith("According to the article, who said that he had found no evidence")
    # every option a man, as the clause's "he" says; no one named in the clause
    assert {w for w, _ in d.distractors} <= {"Paul Garner", "Colin Marsh", "Tom Ridley"}


def test_clause_with_a_pronoun_for_something_else_is_still_refused() -> None:
    text = """Council split on library

Councillor Ann Ward said the library should stay open on Sundays.
Councillor Joe Kemp said it would cost far too much to staff at weekends.
Councillor Ray Dunn said the budget would be set in March.
Councillor Ann Ward said she would ask the mayor to decide.
"""
    doc = analyse(text)
    assert generate_attribution(doc, _claim(doc, "far too much"), random.Random(1), 0) == []
