"""What both blind judges refused at 2.19.5 on a fourth fresh set (sixteen reports of other
outlets, judged before any rule saw them), each class mended (2.19.6).

- "Kishida replaced _____ out of Suga's 20 Cabinet members" offered 23 and 31: a part above a
  whole written after an owner's name, which the figure reader leaves out.
- "the 24-year-old had VAR to thank ...": a person called by an age alone ("names nobody").
- "_____, mitigating, said ...": the counsel's name, trivia.
- "Who scored a hat-trick ...?" with Burnley's manager among the options (2.19.7).
- Prince William offered as Australia's opposition leader and as the speaker of the prime
  minister's words (2.19.8).

Sentences written for the tests; each first test of a class fails on 2.19.5.
"""

from __future__ import annotations

import importlib

from quizapp.engine.distractors import plays_no_part
from quizapp.engine.mutations import keeps_direction
from quizapp.engine.nlp import club_name
from quizapp.engine.numbers import parse_quantity
from quizapp.engine.persons import not_a_person, royal
from quizapp.engine.quality import needs_context
from tests.engine.helpers import claim_with, claims_of

rec = importlib.import_module("quizapp.engine.recall")


def test_no_part_above_a_whole_after_an_owners_name() -> None:
    doc, claims = claims_of(
        "New cabinet named\n\nThe new prime minister replaced 18 out of Tanaka's 20 ministers "
        "on Monday, and 13 of them will hold office for the first time.\n"
    )
    claim = claim_with(doc, claims, "replaced 18")
    q = next(q for q in claim.sentence.quantities if q.text.startswith("18"))
    assert parse_quantity("23") is not None
    assert not keeps_direction(claim, q, "23")
    assert keeps_direction(claim, q, "12")


def test_a_person_called_by_an_age_needs_a_name() -> None:
    assert needs_context("The 24-year-old had a late goal ruled out for offside.")
    assert not needs_context("The 36-year-old Rogers made his first century on home soil.")
    assert not needs_context("A 74-year-old man drove his car into the shop.")


def test_mitigating_counsel_is_no_answer() -> None:
    assert rec._COUNSEL.match(", mitigating, said")


def test_the_manager_is_no_scorer() -> None:
    doc, _ = claims_of(
        "City beat Burnley\n\nRiyad Mahrez scored a hat-trick as Manchester City beat Burnley "
        "5-0 at the Etihad Stadium on Saturday.\n\nKyle Walker and Benjamin Mendy set up two "
        "of the goals.\n\nSean Dyche's side have now lost the last seven meetings.\n"
    )
    stem = "Who scored a hat-trick as Manchester City beat Burnley 5-0?"
    assert plays_no_part(doc, "Riyad Mahrez", "Sean Dyche", stem)
    assert not plays_no_part(doc, "Riyad Mahrez", "Kyle Walker", stem)
    assert not plays_no_part(doc, "Riyad Mahrez", "Sean Dyche", "Who spoke after the game?")


def test_a_royal_stands_only_beside_royals() -> None:
    assert royal("Prince William") and royal("Queen Margrethe")
    assert not royal("Bill Shorten") and not royal("Lord Goldsmith")


def test_one_rule_tells_a_club_from_a_person() -> None:
    # nlp.club_name is the one home; persons.not_a_person asks it
    for name in ("Manchester United", "Bolton Wanderers", "Bristol Rovers", "Aston Villa"):
        assert club_name(name) and not_a_person(name)
    assert not club_name("United") and not not_a_person("Anthony Martial")
