"""Recording attempts: validate the answers against the quiz, score, store once."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from quizapp.models.base import utcnow
from quizapp.services.errors import InvalidSubmission, NotFound

NAME_MAX = 40


def clean_name(raw: str | None) -> str:
    """A display name trimmed and checked: 1 to 40 characters, no control characters."""
    name = " ".join((raw or "").split())
    if not name:
        raise InvalidSubmission("Please enter a display name.")
    if len(name) > NAME_MAX:
        raise InvalidSubmission(f"The display name can have at most {NAME_MAX} characters.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name) or "\x00" in name:
        raise InvalidSubmission("The display name contains characters that are not allowed.")
    return name


def record_attempt(
    quiz: Quiz,
    name: str,
    answers: Mapping[int, int],
    *,
    submission_id: str | None = None,
    started_at: datetime | None = None,
) -> tuple[Attempt, bool]:
    """Store one attempt and a response per answered question.

    ``answers`` maps question id to choice id; questions left out are
    unanswered and score 0. Returns ``(attempt, created)``: a submission id seen
    before returns the stored attempt unchanged, so a double click or a retried
    request is stored once. Raises :class:`InvalidSubmission` for a question
    that is not an active question of this quiz or a choice of another question;
    nothing is written then.
    """
    name = clean_name(name)
    if submission_id:
        existing = _by_submission(submission_id)
        if existing is not None:
            if existing.quiz_id != quiz.id:
                raise InvalidSubmission("This submission belongs to another quiz.")
            return existing, False

    questions = {q.id: q for q in quiz.active_questions}
    responses = []
    score = 0
    for question_id, choice_id in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise InvalidSubmission(f"Question {question_id} is not part of this quiz.")
        choice = next((c for c in question.choices if c.id == choice_id), None)
        if choice is None:
            raise InvalidSubmission(
                f"Option {choice_id} is not an option of question {question_id}."
            )
        score += int(choice.is_correct)
        responses.append(
            Response(question_id=question.id, choice_id=choice.id, is_correct=choice.is_correct)
        )

    attempt = Attempt(
        quiz_id=quiz.id,
        name=name,
        token=secrets.token_urlsafe(18),
        submission_id=submission_id or secrets.token_urlsafe(18),
        started_at=started_at,
        finished_at=utcnow(),
        score=score,
        total=len(questions),
        responses=responses,
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # Two copies of one submission raced; the other one won. Answer with it.
        db.session.rollback()
        existing = _by_submission(attempt.submission_id)
        if existing is None:
            raise
        return existing, False
    return attempt, True


def get_attempt(token: str) -> Attempt:
    """The attempt named by its secret token."""
    attempt = db.session.execute(
        db.select(Attempt).where(Attempt.token == token)
    ).scalar_one_or_none()
    if attempt is None:
        raise NotFound("No such attempt.")
    return attempt


def _by_submission(submission_id: str) -> Attempt | None:
    return db.session.execute(
        db.select(Attempt).where(Attempt.submission_id == submission_id)
    ).scalar_one_or_none()
