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


def questions_for(quiz: Quiz, retake_of: Attempt | None = None) -> list[Question]:
    """The questions a new attempt answers: all active ones, or those a retake covers."""
    if retake_of is None:
        return quiz.active_questions
    missed = missed_question_ids(retake_of)
    return [q for q in quiz.active_questions if q.id in missed]


def asked_question_ids(attempt: Attempt) -> set[int]:
    """Active questions an attempt asked: all of them, or for a retake its parent's misses."""
    if attempt.retake_of is None:
        return {q.id for q in attempt.quiz.active_questions}
    return missed_question_ids(attempt.retake_of)


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
