"""Session 12 (seed quiz refusals): the rejected counter tells a give-away between two facts
from a second question on a fact already asked. Sentences written for these tests."""

from __future__ import annotations

import importlib

from quizapp.engine import generate
from quizapp.engine.types import Evidence, Option, Question

sel = importlib.import_module("quizapp.engine.select")

# a story shaped like a summary-led import approval: one figure, one maker, names listed
TURBINES = (
    "Brazil clears turbine imports for three cloud firms\n\n"
    "Brazil has approved imports of Siemens turbines, allowing cloud firms like Microsoft, "
    "Google and Amazon to buy them.\n"
    "Regulators have granted permission to key players in the cloud sector, including "
    "Microsoft and Google, to buy nearly 1,200 Siemens turbines.\n"
    "The approval follows a visit by Siemens chief Karl Weber to Brasilia last spring.\n"
    "Oracle was refused a licence after it missed the bidding deadline in March.\n"
    "Siemens turbines are more efficient than local alternatives like Vestas turbines.\n"
    "Brazil wants local producers to build 300 turbines a year by 2030.\n"
)


def _item(kind: str, stem: str, opts: list[tuple[str, bool]], claim: int) -> Question:
    ev = Evidence(0, 47, "Ports in Lumbria handled 8,400 ships in 2021.")
    return Question(kind, stem, claim, "", [Option(t, c, None) for t, c in opts], ev)


RECALL = _item(
    "fact_recall",
    "Fill in the blank: Ports in Lumbria handled _____ ships in 2021.",
    [("6,100", False), ("8,400", True), ("9,900", False), ("11,300", False)],
    1,
)


def test_conflict_names_why_an_item_is_refused():
    state = sel.QuizState()
    state.add(RECALL)
    shows = _item(
        "true_false",
        "True or false: the article says that 8,400 ships called at Lumbria's ports.",
        [("True", True), ("False", False)],
        2,
    )
    assert state.conflict(shows) == sel.GIVE_AWAY
    assert state.conflicts(shows)
    # the same claim asked again, in the first rounds or as a repeat showing its answer
    again = _item(
        "true_false",
        "True or false: the article says that ports in Lumbria handled 8,400 ships in 2021.",
        [("True", True), ("False", False)],
        1,
    )
    assert state.conflict(again) == sel.SAME_CLAIM
    assert state.conflict(again, repeat=True) == sel.SAME_CLAIM
    # one question per short answer
    twin = _item(
        "fact_recall",
        "How many lorries crossed the Lumbrian border in 2021?",
        [("6,100", False), ("8,400", True), ("9,900", False), ("11,300", False)],
        3,
    )
    assert state.conflict(twin) == sel.SAME_ANSWER
    other = _item(
        "true_false",
        "True or false: the article says that Lumbria opened a new dock in May.",
        [("True", True), ("False", False)],
        4,
    )
    assert state.conflict(other) is None
    assert not state.conflicts(other)


def test_a_refused_second_question_on_an_asked_fact_is_not_counted_as_a_give_away():
    result = generate(TURBINES, seed=7)
    assert result.rejected.get(sel.SAME_CLAIM, 0) >= 1
    # the counter's give-away reason is left for items on facts not yet asked
    asked = {q.claim_id for q in result.questions}
    assert len(asked) == len(result.questions)
