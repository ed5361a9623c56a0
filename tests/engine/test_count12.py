"""Refusals mended (count12): a surname the model tags a person elsewhere in the paragraph
is a person for a later "he"; "the word" with no word after it is vague.
Every text here was written for these tests."""

from __future__ import annotations

from quizapp.engine.claims import extract_claims
from quizapp.engine.context import unresolved_reference, vague
from quizapp.engine.document import analyse

COACH = (
    "\n\n".join(
        [
            "Sella backs Ferri for Wales game",
            ("Former Italy centre Marco Sella believes coach Dario Conte must recall Luca Ferri."),
            (
                "Sella admitted he had been impressed by current fly-half Paolo Riva in"
                ' the Six Nations to date. "Riva has grown," said Sella.'
            ),
        ]
    )
    + "\n"
)


def test_surname_tagged_a_person_elsewhere_in_the_paragraph_is_a_person() -> None:
    doc = analyse(COACH)
    claim = next(c for c in extract_claims(doc) if "impressed" in c.text)
    assert not unresolved_reference(claim)


def test_a_he_without_any_person_is_still_unresolved() -> None:
    text = """Council backs new bridge

The council approved the new bridge over the river on Monday.

Transport admitted he had been surprised by the cost of the new bridge.
"""
    doc = analyse(text)
    claim = next((c for c in extract_claims(doc) if "surprised" in c.text), None)
    assert claim is None or unresolved_reference(claim)


def test_the_word_with_no_word_after_it_is_vague() -> None:
    assert vague("The word will now appear in the next edition of the dictionary.")
    assert vague("Officials said the words had been taken out of context.")


def test_the_word_naming_its_word_is_not_vague() -> None:
    assert not vague('The word "podcast" was added to the dictionary in 2005.')
    assert not vague("The word of the year was chosen by the dictionary's readers.")
