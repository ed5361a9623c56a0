"""Lookups shared by the blueprints: 404 for what does not exist, 400 for a bad form,
whether a destructive action was confirmed."""

from __future__ import annotations

from flask import abort, request

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services import quizzes as quiz_service
from quizapp.web.editor_forms import ActionForm


def require_action_form() -> None:
    """Refuse a button POST whose CSRF token is missing or wrong."""
    if not ActionForm().validate_on_submit():
        abort(400, "The form could not be accepted.")


def confirmed() -> bool:
    """Whether a destructive button's POST comes from its confirmation page (``confirm=yes``).

    The first POST of such a button only shows what will happen; the CSRF token is checked
    on both.
    """
    return request.form.get("confirm") == "yes"


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


def published_quiz_or_404(quiz_id: int) -> Quiz:
    """A quiz that takers may see, with its questions and options."""
    return quiz_service.get_published_quiz(quiz_id)
