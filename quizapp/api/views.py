"""API views: quizzes, attempts, statistics, the OpenAPI document."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.api.openapi import openapi_document
from quizapp.extensions import db, limit_submissions
from quizapp.identity import editor_required
from quizapp.models import Article, Attempt, Quiz
from quizapp.services import attempts as attempt_service
from quizapp.services import quizzes as quiz_service
from quizapp.services import taking
from quizapp.services import verdicts as verdict_service
from quizapp.services.stats import quiz_stats

bp = Blueprint("api", __name__, url_prefix="/api")


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
    page = taking.quiz_page(quiz_id)
    return jsonify(
        id=page.id,
        title=page.title,
        article_id=page.article_id,
        questions=[
            {
                "id": q.id,
                "kind": q.kind,
                "stem": q.stem,
                "options": [{"id": choice_id, "text": text} for choice_id, text in q.options],
            }
            for q in page.questions
        ],
    )


@bp.post("/quizzes/<int:quiz_id>/attempts")
@limit_submissions
def create_attempt(quiz_id: int) -> ResponseReturnValue:
    """Submit an attempt: ``{"name": str, "answers": {"<question_id>": <choice_id>}}``.

    An optional ``submission_id`` (or an ``Idempotency-Key`` header) makes a
    retried request return the stored attempt instead of storing it twice.
    """
    quiz_service.get_published_head(quiz_id)  # 404 before anything else; submit() checks again
    body = _json_body()
    # Bound to the client: an editor's token, else the shared anonymous namespace, where the
    # id itself is the secret (and a replay must carry the very same name and answers).
    owner = f"user-{current_user.id}" if current_user.is_authenticated else "anonymous"
    answers = taking.parse_answers(body.get("answers", {}))
    submission = taking.submit(
        quiz_id,
        answers,
        body.get("name"),
        body.get("submission_id") or request.headers.get("Idempotency-Key"),
        origin="api",
        owner=owner,
    )
    attempt = submission.attempt
    if submission.created:
        result = _new_attempt_body(attempt, submission.key, answers)
    else:
        result = _attempt_body(attempt)
    response = jsonify(result)
    response.status_code = 201 if submission.created else 200
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


def _new_attempt_body(
    attempt: Attempt, key: dict[int, int | None], chosen: dict[int, int]
) -> dict[str, Any]:
    """:func:`_attempt_body` of an attempt just stored from ``chosen`` against ``key``.

    Its answers are all to active questions, so the results are the key's questions in order;
    no query is needed.
    """
    results = []
    for question_id, correct in key.items():
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
    for question in attempt_service.reviewed_questions(attempt):
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
