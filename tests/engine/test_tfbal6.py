"""True/false balance (branch tfbal6): a negation that clashes with an added amount, and the
negation cue counted by what a false statement shows, not by how it was made.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import importlib

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.truefalse import fair_negation
from quizapp.engine.types import Evidence, Option, Question

sel = importlib.import_module("quizapp.engine.select")  # the package re-exports select()

EV = Evidence(0, 10, "Acme sold.")

FUNDS = """Orchard growers get a rescue package

The regional government is to give its struggling apple growers 50m euros in aid this year.
A further 12m euros will be lent to fruit cooperatives in the hill districts at low interest.
An extra 4m euros will go to marketing the region's cider abroad.
Growers' unions are worried about how the extra money will be paid back by small farms.
"""


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def test_no_negation_of_an_amount_added_to_others() -> None:
    # "A further 12m euros will not be lent": the "not" clashes with "further" (2.10.0)
    for prefix in ("A further 12m", "An extra 4m"):
        _doc, claim = _claim(FUNDS, prefix)
        assert not fair_negation(claim), prefix


def test_extra_without_an_amount_still_negates() -> None:
    # "the extra money" is no added amount: the negation stays fair (2.10.0, accepted)
    _doc, claim = _claim(FUNDS, "Growers' unions")
    assert fair_negation(claim)


def _tf(stem: str, false_key: bool, mutation: str | None, claim: int) -> Question:
    opts = [Option("True", not false_key, mutation), Option("False", false_key, None)]
    return Question("true_false", stem, claim, "", opts, EV)


def test_a_dropped_not_is_no_negation_cue() -> None:
    state = sel.QuizState()
    first = _tf(
        "True or false: the article says that the mayor did not open the new bridge.",
        True,
        "negation",
        1,
    )
    second = _tf(
        "True or false: the article says that the ferry company has not raised its fares.",
        True,
        "negation",
        2,
    )
    state.add(first)
    assert state.negation_cue(second)  # two inserted "not"s and nothing else false
    # made false by dropping the article's own "not": it shows none, so it weighs against
    # the cue like a changed figure or name
    dropped = _tf(
        "True or false: the article says that the harbour trust sells its own fuel.",
        True,
        "negation",
        3,
    )
    assert not state.negation_cue(dropped)
    state.add(dropped)
    assert state.other_false == 1 and state.negated_false == 1
    assert not state.negation_cue(second)
