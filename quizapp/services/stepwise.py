"""Taking a quiz one question at a time, with feedback after each answer.

The answers given so far are kept in :class:`StepwiseAttempt` rows, apart from
finished attempts, so the scoreboard and statistics never see an unfinished
attempt. Questions are answered in order, each once; finishing stores an
ordinary attempt through :func:`quizapp.services.taking.submit`.

Each attempt shows its questions' options in its own order, drawn from the id its first page
was shown with (``start_id``, :mod:`quizapp.services.option_order`), and stores that order
with the finished attempt. The same id posted again is that first page sent again (Back, a
double click): :func:`replayed_start` finds the attempt it started.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz, StepwiseAnswer, StepwiseAttempt
from quizapp.models.quiz import DisplayMode
from quizapp.services import option_order
from quizapp.services.errors import Conflict, InvalidSubmission
from quizapp.services.taking import clean_name, new_submission_id, submit
from quizapp.services.tokens import by_token


def get_stepwise(token: str) -> StepwiseAttempt:
    """The one-at-a-time attempt named by its secret token."""
    return by_token(
        StepwiseAttempt,
        StepwiseAttempt.token,
        token,
        max_length=64,
        missing="There is no such attempt under way.",
    )


def answered(stepwise: StepwiseAttempt) -> dict[int, StepwiseAnswer]:
    """The answers given so far, by question id."""
    return {a.question_id: a for a in stepwise.answers}


def next_question(stepwise: StepwiseAttempt) -> Question | None:
    """The first active question not answered yet (None when every one is)."""
    done = answered(stepwise)
    return next((q for q in stepwise.quiz.active_questions if q.id not in done), None)


def position(quiz: Quiz, question: Question) -> tuple[int, int]:
    """``(number, total)`` of a question among the quiz's active ones ("Question 3 of 12")."""
    questions = quiz.active_questions
    ids = [q.id for q in questions]
    return (ids.index(question.id) + 1 if question.id in ids else len(ids)), len(ids)


def options_in_order(seed: str | None, question: Question) -> tuple[int, ...]:
    """The option ids of ``question`` in the order an attempt with ``seed`` shows them (the
    seed of a first page not yet answered, or :attr:`StepwiseAttempt.start_id`)."""
    return option_order.shuffled(seed, question.id, question.kind, [c.id for c in question.choices])


def replayed_start(quiz: Quiz, start_id: str, tokens: Iterable[str]) -> StepwiseAttempt | None:
    """The attempt of ``quiz``, among this browser's (``tokens``), that the first page with
    ``start_id`` started: that page sent again leads to where the attempt is now."""
    tokens = list(tokens)
    if not tokens:
        return None
    return db.session.execute(
        db.select(StepwiseAttempt).where(
            StepwiseAttempt.token.in_(tokens),
            StepwiseAttempt.quiz_id == quiz.id,
            StepwiseAttempt.start_id == start_id,
        )
    ).scalar_one_or_none()


def start(
    quiz: Quiz,
    name: str,
    question_id: int,
    choice_id: int | None,
    start_id: str | None = None,
) -> StepwiseAttempt:
    """Begin a one-at-a-time attempt with the name and the first question's answer.

    ``start_id`` is the id the first page was shown with: the seed of the attempt's option
    order (a new one when the form had none).
    """
    if quiz.display_mode != DisplayMode.ONE:
        raise Conflict("This quiz shows all its questions on one page.")
    name = clean_name(name)
    stepwise = StepwiseAttempt(
        quiz=quiz,
        name=name,
        token=secrets.token_urlsafe(18),
        start_id=start_id or new_submission_id(),
    )
    _check_answer(stepwise, question_id, choice_id)
    db.session.add(stepwise)
    _add_answer(stepwise, question_id, choice_id)
    return stepwise


def answer(stepwise: StepwiseAttempt, question_id: int, choice_id: int | None) -> StepwiseAnswer:
    """Record the answer to the next question; nothing changes when it does not fit."""
    _check_answer(stepwise, question_id, choice_id)
    return _add_answer(stepwise, question_id, choice_id)


def finish(stepwise: StepwiseAttempt) -> Attempt:
    """Store the finished attempt (once: finishing again returns the same attempt)."""
    if stepwise.attempt is not None:
        return stepwise.attempt
    if next_question(stepwise) is not None:
        raise Conflict("Answer every question before you see your results.")
    questions = stepwise.quiz.active_questions
    active = {q.id for q in questions}
    answers = {a.question_id: a.choice_id for a in stepwise.answers if a.question_id in active}
    # The order each question was shown in (an attempt from before start_id: their own).
    seen = {q.id: options_in_order(stepwise.start_id, q) for q in questions}
    # Bound to this stepwise attempt: finishing twice (a double click) stores one attempt.
    submission = submit(
        stepwise.quiz_id,
        answers,
        stepwise.name,
        stepwise.token,
        origin="play",
        owner=stepwise.token,
        started_at=stepwise.started_at,
        option_order=seen if stepwise.start_id else None,
    )
    stepwise.attempt = submission.attempt
    db.session.commit()
    return submission.attempt


def _check_answer(stepwise: StepwiseAttempt, question_id: int, choice_id: int | None) -> None:
    """Raise unless ``choice_id`` answers the question the taker is at."""
    if stepwise.attempt_id is not None:
        raise Conflict("This attempt is finished: its answers cannot change.")
    questions = {q.id: q for q in stepwise.quiz.active_questions}
    question = questions.get(question_id)
    if question is None:
        raise InvalidSubmission("That question is not part of this quiz.")
    if question_id in answered(stepwise):
        raise Conflict("You have already answered this question.")
    expected = next_question(stepwise)
    if expected is None or expected.id != question_id:
        raise Conflict("Answer the questions in order: this is not the next one.")
    if choice_id is None:
        raise InvalidSubmission("Choose one of the options.")
    if not any(c.id == choice_id for c in question.choices):
        raise InvalidSubmission("That option does not belong to this question.")


def _add_answer(
    stepwise: StepwiseAttempt, question_id: int, choice_id: int | None
) -> StepwiseAnswer:
    choice = db.session.get(Choice, choice_id)
    if choice is None:  # checked by _check_answer; a concurrent edit may have removed it
        raise InvalidSubmission("That option does not belong to this question.")
    row = StepwiseAnswer(question_id=question_id, choice_id=choice.id, is_correct=choice.is_correct)
    stepwise.answers.append(row)
    try:
        db.session.commit()
    except IntegrityError as exc:
        # The same answer posted twice at once: the other request stored it.
        db.session.rollback()
        raise Conflict("You have already answered this question.") from exc
    return row
