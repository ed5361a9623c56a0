"""Reading attempts: by token, a browser's history, what an attempt asked and missed.

Attempts are stored by :func:`quizapp.services.taking.submit`.
"""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz
from quizapp.services.tokens import by_token


def missed_question_ids(attempt: Attempt) -> set[int]:
    """The still-active questions an attempt asked and did not get right."""
    right = {r.question_id for r in attempt.responses if r.is_correct}
    return asked_question_ids(attempt) - right


def asked_question_ids(attempt: Attempt) -> set[int]:
    """The questions an attempt asked that its quiz still asks.

    An attempt records the questions it asked (``Attempt.option_order`` names each one): a
    question added to the quiz later was not asked, and its key is none of this attempt's
    business. Attempts stored before that record (it is empty) asked all active questions;
    a retake asked its parent's misses.
    """
    active = {q.id for q in attempt.quiz.active_questions}
    if attempt.option_order:
        return active & {int(question_id) for question_id in attempt.option_order}
    if attempt.retake_of is None:
        return active
    return missed_question_ids(attempt.retake_of)


def reviewed_questions(attempt: Attempt) -> list[Question]:
    """The questions an attempt's review shows, in quiz order: those it asked that the quiz
    still asks, and those it answered (even if an editor retired them since)."""
    shown = asked_question_ids(attempt) | {r.question_id for r in attempt.responses}
    return [q for q in attempt.quiz.questions if q.id in shown]


def questions_for(quiz: Quiz, retake_of: Attempt | None = None) -> list[Question]:
    """The questions a new attempt answers: all active ones, or those a retake covers."""
    if retake_of is None:
        return quiz.active_questions
    missed = missed_question_ids(retake_of)
    return [q for q in quiz.active_questions if q.id in missed]


def get_attempt(token: str) -> Attempt:
    """The attempt named by its secret token."""
    return by_token(Attempt, Attempt.token, token, max_length=64, missing="No such attempt.")


def get_shared_attempt(share_token: str) -> Attempt:
    """The attempt named by its public share token (score and quiz only are shown)."""
    return by_token(
        Attempt, Attempt.share_token, share_token, max_length=32, missing="No such shared result."
    )


def attempts_by_tokens(tokens: list[str]) -> list[Attempt]:
    """The attempts named by these tokens (a browser's history), newest first."""
    if not tokens:
        return []
    return list(
        db.session.scalars(
            db.select(Attempt)
            .where(Attempt.token.in_(tokens))
            .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
        )
    )
