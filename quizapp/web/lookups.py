"""Lookups shared by the blueprints: 404 for what does not exist."""

from __future__ import annotations

from flask import abort

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services import quizzes as quiz_service
from quizapp.services.quizzes import QuizHead


def quiz_or_404(quiz_id: int) -> Quiz:
    """Any quiz, drafts included (editors only)."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        abort(404, "There is no such quiz.")
    return quiz


def question_or_404(question_id: int) -> Question:
    """Any question, retired ones included (editors only)."""
    question = db.session.get(Question, question_id)
    if question is None:
        abort(404, "There is no such question.")
    return question


def published_head_or_404(quiz_id: int) -> QuizHead:
    """The head of a quiz that takers may see (its version at most a second old)."""
    return quiz_service.get_published_head(quiz_id)


def published_quiz_or_404(quiz_id: int) -> Quiz:
    """A quiz that takers may see, with its questions and options."""
    return quiz_service.get_published_quiz(quiz_id)
