"""What both blind judges refused at 2.19.3 on a third fresh set (sixteen reports of other
outlets, judged before any rule saw them), each class mended (2.19.4).

- A quotation left open in a stem or option ("GM said it will cut executive ranks by 15 per cent
  to \u201cstreamline ...", cut before the closing mark): "fix before publishing".
- "an estimated _____ in England had an infection in 2022 – a rise of 4% since 2021 (55,792)":
  the stem lets a reader compute the key.
- "With a weaker online offering ..., Debenhams has not struggled ...", "The victims did not
  include five children ...", "The Lok Sabha had not approved the draft law late on Monday
  night": a negation against a fronted premise, of a list's membership, or beside a day (not at
  all, or not then?).
- "Operating profit in the division fell ...": which division?
- "How many people lost their lives ...? (2,202 people)" beside "... from 2,110 to 2,202": the
  figure without its unit gives the answer away too.

Sentences written for the tests; each first test of a class fails on 2.19.3.
"""

from __future__ import annotations

import importlib
import random

from quizapp.engine.distractors import quantity_pool
from quizapp.engine.gate import check_question
from quizapp.engine.lexicon import ROLE_CLASSES
from quizapp.engine.mutations import negatable
from quizapp.engine.numbers import arithmetic_gives_away
from quizapp.engine.quality import needs_context
from quizapp.engine.types import Evidence, Option, Question
from tests.engine.helpers import claim_with, claims_of

sel = importlib.import_module("quizapp.engine.select")

ART = "Acme said it will cut management by 15 per cent to \u201cstreamline decisions\u201d."


def test_a_quotation_left_open_is_refused() -> None:
    opts = [
        ("Acme said it will cut management by 15 per cent to \u201cstreamline.", True),
        ("Acme said it will cut management by 25 per cent to \u201cstreamline.", False),
        ("Acme said it will cut management by 35 per cent to \u201cstreamline.", False),
    ]
    reasons = check_question(
        "claim_verification", "Which statement does the article support?", opts, (0, 74), ART
    )
    assert "a quotation left open" in reasons


def test_a_closed_quotation_passes() -> None:
    stem = 'Who does the article quote as saying: "We will streamline decisions"?'
    opts = [("Ann Moss", True), ("Tom Reed", False), ("Dan Hale", False)]
    art = 'Ann Moss said: "We will streamline decisions." Tom Reed and Dan Hale agreed.'
    assert "a quotation left open" not in check_question("attribution", stem, opts, (0, 46), art)


def test_a_key_the_stated_change_computes() -> None:
    text = (
        "An estimated 58,224 people had the infection in 2022 - a rise of 4% since 2021 (55,792)."
    )
    i = text.index("58,224")
    assert arithmetic_gives_away(text, i, i + 6)
    other = "Acme sold 4,200 robots in 2019, up 12%, and Globex sold 3,100."
    j = other.index("4,200")
    assert not arithmetic_gives_away(other, j, j + 5)


NEGATIONS = (
    "Shops struggle\n\n"
    "With a weaker website and two strong rivals, Hallam Stores has struggled to win back "
    "shoppers this year.\n\n"
    "The victims included five children who died when their homes collapsed in the storm.\n\n"
    "The upper house approved the draft law late on Monday night after a long debate.\n\n"
    "Hallam Stores closed its flagship branch in Leeds after sales fell by a third.\n"
)


def test_no_negation_against_a_premise_a_list_or_a_day() -> None:
    doc, claims = claims_of(NEGATIONS)
    assert not negatable(doc, claim_with(doc, claims, "has struggled"))
    assert not negatable(doc, claim_with(doc, claims, "victims included"))
    assert not negatable(doc, claim_with(doc, claims, "approved the draft law"))


def test_a_plain_fact_is_still_negated() -> None:
    doc, claims = claims_of(NEGATIONS)
    assert negatable(doc, claim_with(doc, claims, "closed its flagship branch"))


def test_the_division_needs_its_name() -> None:
    assert needs_context("Operating profit in the division fell 2.1% to £40m.")
    assert not needs_context("Operating profit in the brewing division of Hallam fell 2.1%.")


def _q(kind: str, stem: str, options: list[tuple[str, bool]], ev: str, claim: int) -> Question:
    return Question(
        kind=kind,
        stem=stem,
        options=[Option(t, c) for t, c in options],
        evidence=Evidence(0, len(ev), ev),
        claim_id=claim,
        explanation="",
    )


def test_a_figure_without_its_unit_gives_the_answer_away() -> None:
    recall = _q(
        "fact_recall",
        "How many people died of the infection in 2022?",
        [("1,508 people", False), ("2,202 people", True), ("3,028 people", False)],
        "Some 2,202 people died of the infection in 2022.",
        1,
    )
    shown = "True or false: the article says that deaths rose from 2,110 to 2,202 in 2022."
    tf = _q(
        "true_false",
        shown,
        [("True", True), ("False", False)],
        "Deaths rose from 2,110 to 2,202 in 2022.",
        2,
    )
    state = sel.QuizState(topic=frozenset())
    state.add(recall)
    assert state.conflicts(tf)


GOLF = (
    "Cantlay wins the Memorial\n\n"
    "Patrick Cantlay shot a sparkling 64 on Sunday to win the Memorial Tournament by two "
    "shots.\n\n"
    "Cantlay had missed a 19-foot putt on the 12th and turned in 31 after three birdies.\n\n"
    "Adam Scott finished second after a closing 68, with Jason Day a shot further back on 70.\n"
)


def test_a_bare_numbers_options_are_near_it() -> None:
    doc, claims = claims_of(GOLF)
    claim = claim_with(doc, claims, "sparkling 64")
    q = next(q for q in claim.sentence.quantities if q.text == "64")
    values = {t for t, _src in quantity_pool(doc, claim, q, random.Random(3), 3)}
    assert values and not values & {"19", "31"}


def test_an_opener_is_a_job_not_a_name() -> None:
    assert "opener" in ROLE_CLASSES
