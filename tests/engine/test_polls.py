"""Poll stories (2.10.0, blind judges on the dev articles): a share the sentence calls a
majority keeps its wrong values above a half ("only 52% exceeds half"), the lower end of a
stated range is no blank, and how a poll was taken (its sample) is no question at all."""

from __future__ import annotations

from quizapp.engine import generate
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.mutations import changeable_figure, keeps_direction
from quizapp.engine.numbers import find_quantities
from quizapp.engine.quality import poll_method, score_or_range

POLL = """Voters back the chancellor

A poll for the Sentinel newspaper found that voters still trust the government on the economy.

A majority, 52%, said Chancellor Ann Hale had done a good job, and just 16% disagreed.

Some 43% thought the home secretary had done a good job, while 30% said he had not.

The pollster Civica questioned a weighted sample of 1,981 voters online last week.

Economists at Hartley warned that house prices could fall by between 10% and 15% by 2009.

Ann Hale said that growth would reach 3% next year, up from 2% this year.
"""


def _claim(text: str, starts: str):  # type: ignore[no-untyped-def]
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(starts))


def test_a_majority_keeps_its_wrong_values_above_a_half() -> None:
    _doc, claim = _claim(POLL, "A majority")
    key = next(q for q in find_quantities(claim.text, claim.start) if q.text == "52%")
    assert not keeps_direction(claim, key, "45%")
    assert keeps_direction(claim, key, "57%")


def test_a_minority_keeps_its_wrong_values_below_a_half() -> None:
    text = POLL.replace("A majority, 52%, said", "A minority, 38%, said")
    _doc, claim = _claim(text, "A minority")
    key = next(q for q in find_quantities(claim.text, claim.start) if q.text == "38%")
    assert not keeps_direction(claim, key, "55%")
    assert keeps_direction(claim, key, "31%")


def test_no_question_offers_a_majority_below_a_half() -> None:
    for seed in range(5):
        for q in generate(POLL, seed=seed).questions:
            if "majority" in q.stem and q.kind == "fact_recall":
                assert all(float(o.text.rstrip("%")) > 50 for o in q.options), q.options


def test_the_lower_end_of_a_stated_range_is_no_figure_to_change() -> None:
    assert score_or_range("10%", " and 15% by 2009", "could fall by between ")
    assert not score_or_range("10%", " by 2009", "could fall by ")


def test_how_a_poll_was_taken_is_no_question() -> None:
    assert poll_method("The pollster Civica questioned a weighted sample of 1,981 voters.")
    assert poll_method("Some 2,000 people were surveyed by phone.")
    # a finding of a poll, with its sample named, is news
    assert not poll_method("A survey of 2,000 adults found 60% backed the plan.")
    assert not poll_method("Of the 500 firms surveyed, 40% plan to hire this year.")
    doc, claim = _claim(POLL, "The pollster Civica")
    assert claim.peripheral
    for seed in range(5):
        assert not any("1,981" in q.stem for q in generate(POLL, seed=seed).questions)


def test_the_other_side_of_a_finding_is_no_figure_to_change() -> None:
    doc, claim = _claim(POLL, "A majority")
    minor = next(q for q in find_quantities(claim.text, claim.start) if q.text == "16%")
    major = next(q for q in find_quantities(claim.text, claim.start) if q.text == "52%")
    assert not changeable_figure(doc, minor)
    assert changeable_figure(doc, major)
