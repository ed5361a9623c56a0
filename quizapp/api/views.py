"""API views: quizzes, attempts, statistics, the OpenAPI document."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.api.openapi import openapi_document
from quizapp.extensions import db, limiter, submit_limit
from quizapp.identity import editor_required
from quizapp.models import Article, Attempt, Quiz
from quizapp.models.quiz import QuestionStatus
from quizapp.security import MAX_ID, parse_id
from quizapp.services import attempts as attempt_service
from quizapp.services import quiz_cache
from quizapp.services import quizzes as quiz_service
from quizapp.services import verdicts as verdict_service
from quizapp.services.quizzes import QuizHead
from quizapp.services.stats import quiz_stats
from quizapp.web.lookups import published_head_or_404

bp = Blueprint("api", __name__, url_prefix="/api")

#: A client's idempotency key: printable ASCII that any database stores as it is (UUIDs fit).
SUBMISSION_ID = re.compile(r"[A-Za-z0-9_.:-]{8,64}")


@bp.get("/quizzes")
def list_quizzes() -> ResponseReturnValue:
    """Published quizzes with their question and attempt counts."""
    return jsonify(
        quizzes=[
            {
                "id": quiz.id,
                "title": quiz.title,
                "questions": n_questions,
                "attempts": n_attempts,
                "url": url_for("api.get_quiz", quiz_id=quiz.id),
            }
            for quiz, n_questions, n_attempts in quiz_service.published_quizzes()
        ]
    )


@bp.get("/quizzes/<int:quiz_id>")
def get_quiz(quiz_id: int) -> ResponseReturnValue:
    """A published quiz with its questions and options, never which option is correct."""
    quiz = published_head_or_404(quiz_id)
    return jsonify(
        id=quiz.id,
        title=quiz.title,
        article_id=quiz.article_id,
        questions=quiz_cache.cached(quiz, "json", lambda: _questions_json(quiz)),
    )


def _questions_json(head: QuizHead) -> list[dict[str, Any]]:
    """The active questions and their options, never which option is correct."""
    return [
        {
            "id": q.id,
            "kind": q.kind,
            "stem": q.stem,
            "options": [{"id": c.id, "text": c.text} for c in q.choices],
        }
        for q in quiz_service.get_published_quiz(head.id).active_questions
    ]


@bp.post("/quizzes/<int:quiz_id>/attempts")
@limiter.limit(submit_limit)
def create_attempt(quiz_id: int) -> ResponseReturnValue:
    """Submit an attempt: ``{"name": str, "answers": {"<question_id>": <choice_id>}}``.

    An optional ``submission_id`` (or an ``Idempotency-Key`` header) makes a
    retried request return the stored attempt instead of storing it twice.
    """
    quiz = published_head_or_404(quiz_id)
    body = _json_body()
    name = body.get("name")
    if not isinstance(name, str):
        abort(400, "'name' must be a string of 1 to 40 characters.")
    answers = _answers(body.get("answers", {}))
    submission_id = body.get("submission_id") or request.headers.get("Idempotency-Key")
    if submission_id is not None and (
        not isinstance(submission_id, str) or not SUBMISSION_ID.fullmatch(submission_id)
    ):
        abort(
            400,
            "'submission_id' must be a string of 8 to 64 characters: "
            "letters, digits, '-', '_', '.' or ':'.",
        )
    if submission_id is not None:
        # Bound to the client: an editor's token, else the shared anonymous namespace, where
        # the id itself is the secret (and a replay must carry the very same name and answers).
        owner = f"user-{current_user.id}" if current_user.is_authenticated else "anonymous"
        submission_id = attempt_service.submission_key("api", owner, submission_id)
    attempt, created = attempt_service.record_attempt(
        quiz, name, answers, submission_id=submission_id, strict_replay=True
    )
    key = attempt_service.scored_key(attempt) if created else None
    if key is not None:
        body = _new_attempt_body(attempt, key, answers)
    else:
        body = _attempt_body(attempt)
    response = jsonify(body)
    response.status_code = 201 if created else 200
    response.headers["Location"] = url_for("api.get_attempt", token=attempt.token)
    return response


@bp.get("/attempts/<token>")
def get_attempt(token: str) -> ResponseReturnValue:
    """An attempt's result, for whoever holds its secret token."""
    attempt = attempt_service.get_attempt(token)
    return jsonify(_attempt_body(attempt))


@bp.get("/quizzes/<int:quiz_id>/stats")
@editor_required
def get_stats(quiz_id: int) -> ResponseReturnValue:
    """Item analysis of a quiz (editors only: it reveals the key)."""
    quiz = db.get_or_404(Quiz, quiz_id, description="There is no such quiz.")
    stats = quiz_stats(quiz)
    return jsonify(
        attempts=stats.attempts,
        mean=stats.mean,
        median=stats.median,
        sd=stats.sd,
        alpha=stats.alpha,
        questions=[
            {
                "id": q.id,
                "facility": q.facility,
                "discrimination": q.discrimination,
                "sd": q.sd,
                "flags": q.flags,
                "options": [
                    {"id": o.id, "count": o.count, "mutation": o.mutation, "correct": o.correct}
                    for o in q.options
                ],
            }
            for q in stats.questions
        ],
    )


@bp.get("/articles/<int:article_id>/claimreview.json")
def claim_reviews(article_id: int) -> ResponseReturnValue:
    """schema.org ClaimReview objects for the article's claims that have a verdict."""
    article = db.session.get(Article, article_id)
    if article is None or not any(q.is_published for q in article.quizzes):
        abort(404, "There is no such article.")
    return jsonify(verdict_service.claim_reviews(article))


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document())


def _json_body() -> dict[str, Any]:
    if not request.is_json:
        abort(415, "Send the body as JSON with 'Content-Type: application/json'.")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # json's parser gives up on deep nesting with this, not ValueError
        abort(400, "The body is not valid JSON: it is nested too deeply.")
    if body is None:
        abort(400, "The body is not valid JSON.")
    if not isinstance(body, dict):
        abort(400, "The body must be a JSON object.")
    return body


def _answers(raw: Any) -> dict[int, int]:
    if not isinstance(raw, dict):
        abort(400, "'answers' must be an object mapping question ids to option ids.")
    answers: dict[int, int] = {}
    for key, value in raw.items():
        question_id = parse_id(key)
        if question_id is None:
            abort(400, f"Answer key {key!r} is not a question id.")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
            abort(400, f"The answer to question {key} must be an option id (a positive integer).")
        answers[question_id] = value
    return answers


def _new_attempt_body(
    attempt: Attempt, key: quiz_cache.AnswerKey, chosen: dict[int, int]
) -> dict[str, Any]:
    """:func:`_attempt_body` of an attempt just stored from ``chosen`` against ``key``.

    Its answers are all to active questions, so the results are the key's questions in order;
    no query is needed.
    """
    results = []
    for question_id in key.order:
        correct = key.correct_choice(question_id)
        results.append(
            {
                "question_id": question_id,
                "chosen_choice_id": chosen.get(question_id),
                "correct_choice_id": correct,
                "is_correct": correct is not None and chosen.get(question_id) == correct,
            }
        )
    return {
        "attempt_id": attempt.id,
        "name": attempt.name,
        "score": attempt.score,
        "total": attempt.total,
        "results": results,
    }


def _attempt_body(attempt: Attempt) -> dict[str, Any]:
    chosen = {r.question_id: r.choice_id for r in attempt.responses}
    results = []
    for question in attempt.quiz.questions:
        if question.status != QuestionStatus.ACTIVE and question.id not in chosen:
            continue
        key = question.correct_choice
        results.append(
            {
                "question_id": question.id,
                "chosen_choice_id": chosen.get(question.id),
                "correct_choice_id": key.id if key else None,
                "is_correct": key is not None and chosen.get(question.id) == key.id,
            }
        )
    return {
        "attempt_id": attempt.id,
        "name": attempt.name,
        "score": attempt.score,
        "total": attempt.total,
        "results": results,
    }
