"""Generator 2.4.0's failure classes: person items in stems that state a sex, a surname option
the stem itself names, and a topic name answered beside the blank's next word.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.persons import stated_sex
from quizapp.engine.recall import generate_recall, surname_options

MEN = """Harbour board picks a new chairman

Mr Alder, the harbour board's treasurer, was named its new chairman on Monday.
Mr Alder said his first task would be to repair the north pier.
Mr Brook had led the board for ten years before stepping down in May.
Mr Brook will stay on the board as a member.
Mr Crane, the port's engineer, will inspect the pier with Mr Alder next week.
Mr Crane expects the repairs to take a year.
Mrs Ellery, who owns the ferry company, welcomed the choice.
Mrs Ellery said the ferry company would pay for part of the work.
"""


def _drafts(text: str, prefix: str) -> list:
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith(prefix))
    return generate_recall(doc, claim, random.Random(0), 0)


def test_sex_is_stated_by_titles_and_first_names() -> None:
    doc = analyse(MEN)
    assert stated_sex(doc, "Alder") == "m"
    assert stated_sex(doc, "Ellery") == "f"
    # a pronoun is no evidence: "she said he ..." may speak of someone else
    other = analyse("Quay plans\n\nKai Vost said he would sign the quay plan on Friday.\n")
    assert stated_sex(other, "Kai Vost") is None
    # a first name used for one sex only counts; one used for both does not
    assert stated_sex(other, "Anna Vost") == "f"
    assert stated_sex(other, "Brian Vost") == "m"
    assert stated_sex(other, "Jamie Vost") is None


def test_person_item_in_a_gendered_stem_offers_only_the_same_sex() -> None:
    drafts = [d for d in _drafts(MEN, "Mr Alder said his first task") if d.key == "Alder"]
    assert drafts
    for d in drafts:
        assert {t for t, _ in d.distractors} <= {"Brook", "Crane"}


def test_person_item_refused_when_sexes_are_unknown() -> None:
    text = """Quay plans approved

Kai Vost, the quay's manager, said his plan for the quay was approved on Friday.
Tom Reed and Lena Hart from the council voted for the quay plan on Friday.
Tom Reed said the quay would open in the spring.
Lena Hart said the council would pay for the new quay.
"""
    assert not [d for d in _drafts(text, "Kai Vost") if d.key in {"Kai Vost", "Vost"}]


def test_no_surname_option_that_the_stem_names() -> None:
    text = "Mr Grey, who brought Mr Hale back into the party, said the mayor should apologise."
    wrong = [("Tom Hale", "article_entity"), ("Sam Pike", "article_entity")]
    assert surname_options(wrong, "Grey", text) == [("Pike", "article_entity")]
    assert surname_options([("Ann Grey", "article_entity")], "Grey", text) == []


def test_recall_stems_need_no_context_and_keep_their_titles() -> None:
    from quizapp.engine.context import vague
    from quizapp.engine.stems import ok_stem

    # "the victory" without saying which: the taker lacks the match
    assert vague("Who applauded the decisive move which earned the victory?")
    assert not vague("Who scored the goal that earned the victory over Norland?")
    # a title cut at its colon and fronted is no question
    assert not ok_stem("The Harbour Saga:, how much did the Final Chapter take on Friday?")


def test_a_club_tagged_as_a_person_is_no_speaker() -> None:
    from quizapp.engine.persons import not_a_person

    assert not_a_person("Manchester United")
    assert not_a_person("Kestrel Rovers")
    assert not not_a_person("Brian Kerr")


def test_a_personal_pronoun_needs_a_person_before_it() -> None:
    from quizapp.engine.context import vague

    # a body named with "the" is no antecedent for "he"
    assert vague("The Harbour Party said it was odd that he could not recall the letter.")
    assert not vague("Mr Alder said his first task would be to repair the pier.")
    assert not vague("Former chairman Tom Brook says Mr Alder has a bigger task than his own.")
