"""Lookups shared by the blueprints: 404 for what does not exist."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Claim, Question, Quiz
from quizapp.services import quizzes as quiz_service


def quiz_or_404(quiz_id: int) -> Quiz:
    """Any quiz, drafts included (editors only)."""
    return db.get_or_404(Quiz, quiz_id, description="There is no such quiz.")


def question_or_404(question_id: int) -> Question:
    """Any question, retired ones included (editors only)."""
    return db.get_or_404(Question, question_id, description="There is no such question.")


def claim_or_404(quiz: Quiz, claim_id: int) -> Claim:
    """A claim of the quiz's article."""
    return db.one_or_404(
        db.select(Claim).where(Claim.id == claim_id, Claim.article_id == quiz.article_id),
        description="There is no such claim in this article.",
    )


def published_quiz_or_404(quiz_id: int) -> Quiz:
    """A quiz that takers may see, with its questions and options."""
    return quiz_service.get_published_quiz(quiz_id)
