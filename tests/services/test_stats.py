"""Statistics against hand-computed values on a small made-up set of attempts."""

from __future__ import annotations

import math

import pytest
from flask import Flask

from quizapp import item_analysis as maths
from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.services.stats import quiz_stats
from tests.factories import make_quiz, submit_attempt

# Item scores of four attempts on three questions (rows: attempts A-D).
MATRIX = [
    [1, 1, 1],  # T = 3
    [1, 1, 0],  # T = 2
    [1, 0, 0],  # T = 1
    [0, 0, 0],  # T = 0, B-D's zeros are wrong answers except D's last two: left unanswered
]


def _answer(quiz: Quiz, row: list[int], name: str, skip: bool = False) -> None:
    answers = {}
    for number, (question, right) in enumerate(zip(quiz.questions, row, strict=True)):
        if skip and number > 0:  # an attempt answers at least one question
            continue
        choice = next(c for c in question.choices if c.is_correct == bool(right))
        answers[question.id] = choice.id
    submit_attempt(quiz, name, answers)


@pytest.fixture
def filled(app: Flask) -> Quiz:
    quiz = make_quiz()
    for i, row in enumerate(MATRIX):
        _answer(quiz, row, f"Taker {i}", skip=(i == 3))
    return quiz


def test_quiz_level_statistics(filled: Quiz) -> None:
    stats = quiz_stats(filled)
    assert stats.attempts == 4 and stats.k == 3
    assert stats.histogram == {0: 1, 1: 1, 2: 1, 3: 1}
    assert stats.mean == pytest.approx(1.5)
    assert stats.median == pytest.approx(1.5)
    assert stats.sd == pytest.approx(math.sqrt(1.25))
    # alpha = 3/2 · (1 − (0.1875 + 0.25 + 0.1875) / 1.25) = 0.75
    assert stats.alpha == pytest.approx(0.75)


def test_item_statistics_by_hand(filled: Quiz) -> None:
    by_position = {q.position: q for q in quiz_stats(filled).questions}
    assert [by_position[i].facility for i in range(3)] == pytest.approx([0.75, 0.5, 0.25])
    # item-rest correlations worked out by hand: .1875/sqrt(.1875·.6875), .25/sqrt(.25·.5), …
    assert by_position[0].discrimination == pytest.approx(0.52223, abs=1e-5)
    assert by_position[1].discrimination == pytest.approx(0.70711, abs=1e-5)
    assert by_position[2].discrimination == pytest.approx(0.52223, abs=1e-5)
    assert by_position[1].sd == pytest.approx(0.5)
    q0 = by_position[0]
    key = next(o for o in q0.options if o.correct)
    assert key.count == 3 and key.share == pytest.approx(0.75)
    assert sum(o.count for o in q0.options) == 4
    assert sum(o.count for o in by_position[1].options) == 3  # D left it unanswered
    assert q0.flags == []  # fewer than 20 attempts: no flags yet


def test_discrimination_matches_numpy(filled: Quiz) -> None:
    import numpy as np

    x = np.array(MATRIX, dtype=float)
    total = x.sum(axis=1)
    for q in quiz_stats(filled).questions:
        i = q.position
        expected = np.corrcoef(x[:, i], total - x[:, i])[0, 1]
        assert q.discrimination == pytest.approx(expected)


def test_null_cases(app: Flask) -> None:
    quiz = make_quiz()
    empty = quiz_stats(quiz)
    assert (empty.attempts, empty.mean, empty.median, empty.sd, empty.alpha) == (
        0,
        None,
        None,
        None,
        None,
    )
    assert all(q.facility is None and q.discrimination is None for q in empty.questions)

    _answer(quiz, [1, 0, 1], "Only one")
    one = quiz_stats(quiz)
    assert one.alpha is None
    assert all(q.discrimination is None for q in one.questions)

    _answer(quiz, [1, 1, 0], "Second")
    two = quiz_stats(quiz)
    first = next(q for q in two.questions if q.position == 0)
    assert first.facility == 1.0 and first.discrimination is None  # zero variance


def test_alpha_null_when_total_has_no_variance(app: Flask) -> None:
    quiz = make_quiz()
    _answer(quiz, [1, 0, 0], "A")
    _answer(quiz, [0, 1, 0], "B")
    stats = quiz_stats(quiz)
    assert stats.sd == 0 and stats.alpha is None


def test_alpha_null_for_a_single_question(app: Flask) -> None:
    quiz = make_quiz(n_questions=1)
    _answer(quiz, [1], "A")
    _answer(quiz, [0], "B")
    assert quiz_stats(quiz).alpha is None


def test_retired_question_leaves_the_totals(filled: Quiz) -> None:
    filled.questions[0].status = "retired"
    db.session.commit()
    stats = quiz_stats(filled)
    assert stats.k == 2
    assert stats.histogram == {2: 1, 1: 1, 0: 2}


def test_flags_after_twenty_attempts(app: Flask) -> None:
    quiz = make_quiz()
    for i in range(20):
        # Question 1 always right (too easy); question 3 right for the top 2 only (too hard).
        row = [1, 1 if i < 10 else 0, 1 if i < 2 else 0]
        _answer(quiz, row, f"T{i}")
    by_position = {q.position: q for q in quiz_stats(quiz).questions}
    assert "too easy" in by_position[0].flags
    assert "too hard" in by_position[2].flags
    # every wrong answer picks the same distractor, so the other one is never chosen
    assert "non-functioning distractor" in by_position[1].flags


def test_flag_maths_directly() -> None:
    item = maths.ItemStats(facility=0.5, discrimination=0.05, sd=0.5)
    assert maths.flags(item, {1: 10, 2: 10, 3: 0}, {1}, 20) == [
        "does not discriminate",
        "non-functioning distractor",
    ]
    assert maths.flags(item, {1: 10, 2: 10, 3: 0}, {1}, 19) == []


@pytest.mark.parametrize(
    ("histogram", "median"),
    [({5: 1}, 5), ({1: 1, 3: 1}, 2), ({0: 2, 4: 1}, 0), ({1: 1, 2: 2, 9: 1}, 2)],
)
def test_median_from_histogram(histogram: dict[int, int], median: float) -> None:
    assert maths.summarize(histogram).median == median
