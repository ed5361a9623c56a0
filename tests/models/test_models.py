"""Models: relationships, constraints, defaults."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Quiz, Response
from tests.factories import make_attempt, make_quiz


def test_quiz_questions_and_choices_are_ordered(app: Flask, quiz: Quiz) -> None:
    assert [q.position for q in quiz.questions] == [0, 1, 2]
    for question in quiz.questions:
        assert [c.position for c in question.choices] == [0, 1, 2]
        assert sum(c.is_correct for c in question.choices) == 1
        assert question.correct_choice is not None
        assert (
            question.evidence_text
            == quiz.article.text[question.evidence_start : question.evidence_end]
        )


def test_retired_questions_are_not_active(app: Flask, quiz: Quiz) -> None:
    quiz.questions[0].status = "retired"
    db.session.commit()
    assert len(quiz.active_questions) == 2


def test_created_at_is_timezone_aware(app: Flask, quiz: Quiz) -> None:
    db.session.expire_all()
    reloaded = db.session.get(Quiz, quiz.id)
    assert reloaded is not None and reloaded.created_at.tzinfo is not None


def test_one_response_per_question_per_attempt(app: Flask, quiz: Quiz) -> None:
    question = quiz.questions[0]
    attempt = make_attempt(quiz)
    choice = question.choices[0]
    attempt.responses = [
        Response(question_id=question.id, choice_id=choice.id, is_correct=False),
        Response(question_id=question.id, choice_id=choice.id, is_correct=False),
    ]
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_submission_id_is_unique(app: Flask, quiz: Quiz) -> None:
    make_attempt(quiz, submission_id="same")
    db.session.commit()
    make_attempt(quiz, submission_id="same")
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_article_sha256_is_unique(app: Flask) -> None:
    make_quiz(title="One", text="Same text.\n")
    with pytest.raises(IntegrityError):
        make_quiz(title="Two", text="Same text.\n")
    db.session.rollback()


def test_attempts_are_write_only_and_queryable(app: Flask, quiz: Quiz) -> None:
    make_attempt(quiz, name="A")
    db.session.commit()
    names = db.session.scalars(quiz.attempts.select()).all()
    assert [a.name for a in names] == ["A"]
