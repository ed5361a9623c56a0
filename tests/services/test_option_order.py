"""Each attempt's own option order: drawn from its page's seed, stored with the attempt by
the one submission service, kept canonical everywhere else."""

from __future__ import annotations

from flask import Flask

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.services import option_order, taking
from quizapp.services.option_order import arrange, checked, order_of, shuffled
from tests.factories import make_quiz


def test_the_same_seed_gives_the_same_order_and_seeds_differ() -> None:
    ids = [11, 12, 13, 14]
    first = shuffled("seed-aaaaaaaa", 7, "fact_recall", ids)
    assert first == shuffled("seed-aaaaaaaa", 7, "fact_recall", ids)
    assert sorted(first) == ids
    orders = {shuffled(f"seed-{n:08d}", 7, "fact_recall", ids) for n in range(40)}
    assert len(orders) > 10  # most of the 24 orders turn up
    # Another question with the same seed has its own order.
    assert {shuffled("seed-aaaaaaaa", q, "fact_recall", ids) for q in range(20)} != {first}


def test_fixed_kinds_and_no_seed_keep_the_options_own_order() -> None:
    for n in range(30):
        assert shuffled(f"seed-{n:08d}", 3, "true_false", [5, 6]) == (5, 6)
    assert shuffled(None, 3, "fact_recall", [1, 2, 3]) == (1, 2, 3)
    assert option_order.is_fixed("true_false") and not option_order.is_fixed("attribution")


def test_only_exact_permutations_of_the_asked_questions_are_stored() -> None:
    options = {1: [10, 11, 12], 2: [20, 21], 3: [30, 31]}
    order = {1: (12, 10, 11), 2: (20, 99), 3: (31,), 4: (40, 41)}
    assert checked(order, options) == {"1": [12, 10, 11]}
    assert checked({}, options) is None and checked(None, options) is None
    assert checked({2: (20, 20)}, options) is None


def test_arrange_puts_options_it_does_not_know_last() -> None:
    assert arrange(["a", "b", "c", "d"], [1, 2, 3, 4], [3, 1, 2]) == ["c", "a", "b", "d"]
    assert arrange(["a", "b"], [1, 2], None) == ["a", "b"]


def _order(quiz: Quiz, seed: str) -> option_order.OptionOrder:
    return order_of(seed, taking.quiz_page(quiz.id).questions)


def test_submit_stores_the_order_the_taker_saw(app: Flask) -> None:
    quiz = make_quiz(n_questions=4)
    order = _order(quiz, "seed-stored-1")
    answers = {q.id: q.choices[0].id for q in quiz.active_questions[:2]}
    submission = taking.submit(
        quiz.id, answers, "Ann", "sub-order-1", origin="web", owner="o", option_order=order
    )
    db.session.expire_all()
    stored = db.session.get(Attempt, submission.attempt.id)
    assert stored is not None
    # Every question asked, the unanswered ones too, as the taker saw them.
    assert stored.option_order == {str(q): list(ids) for q, ids in order.items()}
    assert any(list(ids) != sorted(ids) for ids in order.values())  # really shuffled


def test_submit_without_an_order_stores_the_canonical_one_and_a_retake_only_its_questions(
    app: Flask,
) -> None:
    quiz = make_quiz(n_questions=3)
    questions = quiz.active_questions
    answers = {q.id: q.correct_choice.id for q in questions[:2]}  # type: ignore[union-attr]
    answers[questions[2].id] = next(c.id for c in questions[2].choices if not c.is_correct)
    plain = taking.submit(quiz.id, answers, "Ann", None, origin="api", owner="o").attempt
    # Without an order shown (the API), the canonical one: the record of what was asked.
    canonical = {str(q.id): [c.id for c in q.choices] for q in questions}
    assert db.session.get(Attempt, plain.id).option_order == canonical  # type: ignore[union-attr]
    retake = taking.submit(
        quiz.id,
        {questions[2].id: questions[2].correct_choice.id},  # type: ignore[union-attr]
        "Ann",
        "sub-retake-1",
        origin="web",
        owner="o",
        retake_of=db.session.get(Attempt, plain.id),
        option_order=_order(quiz, "seed-retake-1"),
    ).attempt
    stored = db.session.get(Attempt, retake.id)
    assert stored is not None and stored.option_order is not None
    assert set(stored.option_order) == {str(questions[2].id)}
