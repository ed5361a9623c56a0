"""What both blind judges of a tuning packet refused at 2.17.5, each class mended (2.18.0).

- "Which statement does the article support?" with three copies of "... closed at $40.15 -
  a drop of 5.1% - ..." differing in the drop, and three copies of "Investigating the blasts
  which killed ... and wounded 1,000, the film ..." differing in the wounded: a gloss on
  another figure and a figure in the opening participle clause ("near-identical sentences
  only test the 5.1% figure", "background injury count"). Recall had refused both since
  2.14.0; a false statement or a verification option changed them still.
- "Mercedes faces fierce competition ... from BMW" cut from "... from BMW and but hopes to
  ...": a sentence the article garbled ("source sentence garbled").
- "a branch manager was jailed for life in a separate case": another matter than the
  story's ("means nothing out of context; a minor side detail").
- "selling the Fiat's car-making unit": the article's stray "the" before a name it writes
  without one everywhere else, copied (both judges of a packet of the two-option recall
  experiment, "ungrammatical"; 2.18.1).

Sentences written for the tests; each first test of a class fails on 2.17.5.
"""

from __future__ import annotations

import importlib
import random

from quizapp.engine.claims import minor_figure
from quizapp.engine.context import self_contained, stray_article
from quizapp.engine.mutations import false_variants, mutate_number
from quizapp.engine.quality import garbled
from quizapp.engine.recall import generate_recall
from quizapp.engine.salience import separate_matter
from quizapp.engine.sides import counterparts
from tests.engine.helpers import claim_with, claims_of

sel = importlib.import_module("quizapp.engine.select")

OIL = (
    "Oil slides for a third day\n\n"
    "Oil prices fell for a third day on Friday as stocks in the US rose sharply.\n\n"
    "Texas crude closed at $41.20 on Friday - a fall of 4.2% - after dipping below $41 "
    "for the first time since June.\n\n"
    "Covering the floods which displaced 2,000 families, the report was due to be read "
    "out in parliament on Monday.\n\n"
    "Analysts said prices could fall to $38 a barrel by March.\n"
)


def _changed(claim_words: str) -> set[str]:
    doc, claims = claims_of(OIL)
    claim = claim_with(doc, claims, claim_words)
    return {m.old for m in mutate_number(doc, claim, random.Random(1))}


def test_a_gloss_on_another_figure_is_never_changed() -> None:
    changed = _changed("closed at $41.20")
    assert not any("4.2" in old for old in changed), changed


def test_a_figure_of_an_opening_participle_clause_is_never_changed() -> None:
    changed = _changed("displaced 2,000 families")
    assert "2,000" not in changed, changed


def test_the_main_figure_of_the_sentence_still_changes() -> None:
    doc, claims = claims_of(OIL)
    claim = claim_with(doc, claims, "could fall to $38")
    variants = false_variants(doc, claim, random.Random(1))
    assert any(m.type == "number" and "38" in m.old for m in variants), variants


def test_minor_figure_tells_the_gloss_from_the_figure_it_glosses() -> None:
    doc, claims = claims_of(OIL)
    claim = claim_with(doc, claims, "closed at $41.20")
    quantities = [
        q for q in claim.sentence.quantities if claim.start <= q.start and q.end <= claim.end
    ]
    minor = {doc.text[q.start : q.end]: minor_figure(doc, claim, q) for q in quantities}
    assert minor.get("$41.20") is False, minor
    assert any(v for k, v in minor.items() if "4.2" in k), minor


ROBOTS = (
    "Acme plans to double robot output\n\n"
    "Acme said on Tuesday that it would double its robot output by 2021.\n\n"
    "Acme faces tough competition in the robot market from Globex and but plans to grow "
    "its share in Europe.\n\n"
    "The company employs 4,000 people at its plant in Lyon.\n\n"
    "Earlier this month, a Globex manager was fined 10,000 euros in a separate case.\n\n"
    "Acme's chief executive said the new robots would be cheaper to run.\n"
)


def test_a_garbled_sentence_gives_no_claim() -> None:
    doc, claims = claims_of(ROBOTS)
    assert not any("tough competition" in c.text for c in claims), [c.text for c in claims]
    assert any("4,000 people" in c.text for c in claims), "the other sentences still count"


def test_garbled_is_two_conjunctions_in_a_row() -> None:
    assert garbled("from Globex and but plans to grow")
    assert garbled("from Globex and\nbut plans to grow")
    assert garbled("sold robots or and drones")
    assert not garbled("from Globex, and plans to grow but slowly")
    assert not garbled("Brand and Butler sold shares")


def test_a_claim_on_a_separate_case_is_a_side_detail() -> None:
    doc, claims = claims_of(ROBOTS)
    claim = claim_with(doc, claims, "separate case")
    assert claim.peripheral
    assert not claim_with(doc, claims, "4,000 people").peripheral


CARS = (
    "Rovo in talks over van unit\n\n"
    "Rovo will meet Kestrel on Monday to agree the future of its loss-making van unit.\n\n"
    "Rovo claims that Kestrel must buy the rest of the unit under a 2001 contract.\n\n"
    "Analysts say that selling the Rovo's van unit may not prove so simple.\n\n"
    "The BBC's business editor said the BBC had seen the contract.\n\n"
    "Kestrel's chief said the BBC's report was wrong.\n"
)


def test_a_stray_the_before_a_name_is_a_copied_slip() -> None:
    doc, claims = claims_of(CARS)
    slip = claim_with(doc, claims, "the Rovo's van unit")
    assert stray_article(doc, slip)
    assert not self_contained(doc, slip, slip.text)
    # the article writes "the BBC": "the BBC's" is its own usage
    bbc = claim_with(doc, claims, "the BBC's report")
    assert not stray_article(doc, bbc)


KREMLIN = (
    "Kremlin rejects the plan\n\n"
    "Kremlin spokesman Ivan Petrov said on Monday that the plan would not work.\n\n"
    "Kremlin officials also said that talks would go on next week in Geneva.\n\n"
    "The plan was drawn up by the Rovo group and sent to Moscow in May.\n\n"
    "Analysts said the Kremlin's position had hardened since the spring.\n"
)


def test_a_name_used_only_as_a_modifier_keeps_its_the() -> None:
    doc, claims = claims_of(KREMLIN)
    claim = claim_with(doc, claims, "the Kremlin's position")
    assert not stray_article(doc, claim)


def test_separate_matter_is_another_case_not_another_statement() -> None:
    assert separate_matter("a manager was jailed for life in a separate case.")
    assert separate_matter("In an unrelated trial, two men were cleared.")
    assert not separate_matter("Acme said in a separate statement that it would cut 5,000 jobs.")
    assert not separate_matter("In another move, the bank raised rates to 5%.")
    assert not separate_matter("It came in another case-by-case review.")


STAR = (
    "Miller wins photographer battle\n\n"
    "Singer Sarah Miller has won a court order against two photographers who she says left "
    "her afraid to leave her Leeds home.\n\n"
    "The award-winning star took action against Gary Doyle and Keith Marsh after a listening "
    "device was found outside her home earlier this week.\n\n"
    "Miller was prompted to take action following a reported high-speed car chase with "
    "members of the press in Leeds last weekend.\n\n"
    "Lawyers for the two men denied that they were involved in the chase.\n\n"
    "Miller is in Leeds to record her new album with singer Tom Hart.\n\n"
    '"Sarah respects that reporters have a job to do," said Miller\'s agent Jane Cole.\n\n'
    "Miller said after the hearing that she was relieved and could now sleep at night.\n\n"
    "Miller's next concert in Leeds will be in May, Tom Hart said.\n"
)


def test_the_people_a_star_took_action_against_are_not_her_stand_ins() -> None:
    """ "Who was prompted to take action following a ... car chase with members of the
    paparazzi?" with the two photographers she took action against as wrong options: both
    judges of two panels refused it ("the stem rules them out"; 2.18.4)."""
    doc, claims = claims_of(STAR)
    claim = claim_with(doc, claims, "prompted to take action")
    drafts = generate_recall(doc, claim, random.Random(1), 0)
    assert drafts, "the question is still asked"
    for d in drafts:
        wrong = {text for text, _ in d.distractors}
        assert not wrong & {"Gary Doyle", "Keith Marsh"}, (d.stem, wrong)


def test_counterparts_by_a_verb_against_and_by_the_main_actor_s_description() -> None:
    doc, _ = claims_of(STAR)
    # "The award-winning star took action against Gary Doyle ...": the star is Sarah Miller
    assert counterparts(doc, "Sarah Miller", "Gary Doyle")
    assert counterparts(doc, "Keith Marsh", "Sarah Miller")
    # her fellow singer and her agent are no counterparts of hers, nor of the photographers
    assert not counterparts(doc, "Sarah Miller", "Tom Hart")
    assert not counterparts(doc, "Tom Hart", "Gary Doyle")
    assert not counterparts(doc, "Sarah Miller", "Jane Cole")


def test_the_main_person_is_a_topic_name_in_the_form_questions_show() -> None:
    """The model ran a job into the story's main person ("Broadcaster Chris Evans"): the
    topic names every item may show held that form and the surname, not "Chris Evans", so an
    attribution on his own remark ("I just want to get rid of it all") was refused as given
    away by the lead's statement, and the quiz had one question (2.18.5, tuning)."""
    text = (
        "Broadcaster sells his belongings\n\n"
        "Broadcaster Chris Morgan has begun selling thousands of his possessions from a stall "
        "in Camden Market, London.\n\n"
        "Morgan sat on a stool as shoppers wandered around the stall packed with his furniture.\n\n"
        'Asked the reason for the sale, Morgan said: "I just want to get rid of it all."\n\n'
        "Morgan has taken out the stall with business partner Pete Walsh.\n\n"
        "Morgan said the sale was not about the money.\n"
    )
    doc, _ = claims_of(text)
    topic = sel._topic_names(doc)
    assert "chris morgan" in topic and "morgan" in topic, sorted(topic)
    assert "pete walsh" not in topic


COURT = (
    "Singer wins order against photographers\n\n"
    "Singer Anna Lowry has won a court order against two photographers who followed her.\n\n"
    "Lowry is in Leeds to record her new album with singer Tom Hart.\n\n"
    "Mr Hart said last month that the album would be out in the spring.\n\n"
    "Lowry said after the hearing that she was relieved.\n\n"
    "Judge Sarah Byrne said the photographers had gone beyond acceptable limits.\n"
)


def test_a_judge_is_never_stood_in_for_by_the_singers_before_her() -> None:
    """Judges, lawyers and photographers have a world of jobs too (2.18.6): "Judge _____ said
    ..." with the two singers of a court story as wrong options is absurd, as a director is
    for a film critic (roles9)."""
    doc, claims = claims_of(COURT)
    claim = claim_with(doc, claims, "gone beyond acceptable limits")
    for d in generate_recall(doc, claim, random.Random(1), 0):
        wrong = {text for text, _ in d.distractors}
        assert not wrong & {"Anna Lowry", "Tom Hart"}, (d.stem, wrong)
