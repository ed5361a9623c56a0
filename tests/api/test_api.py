"""The JSON API: quizzes, attempts, statistics, errors, OpenAPI."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from tests.factories import editor_token, make_quiz


def _editor_token(app: Flask) -> str:
    return editor_token()


def _one_wrong(quiz: Quiz) -> dict[str, int]:
    """One wrong answer, as JSON: the least an attempt is stored with."""
    first = quiz.active_questions[0]
    return {str(first.id): next(c.id for c in first.choices if not c.is_correct)}


def _counts() -> tuple[int, int]:
    return (
        db.session.scalar(db.select(db.func.count(Attempt.id))) or 0,
        db.session.scalar(db.select(db.func.count(Response.id))) or 0,
    )


def test_list_quizzes(client: FlaskClient, quiz: Quiz) -> None:
    make_quiz(title="Hidden", status="draft")
    data = client.get("/api/quizzes").get_json()
    assert data["quizzes"] == [
        {
            "id": quiz.id,
            "title": "Acme quiz",
            "questions": 3,
            "attempts": 0,
            "url": f"/api/quizzes/{quiz.id}",
        }
    ]


def test_quiz_detail_never_reveals_the_key(client: FlaskClient, quiz: Quiz) -> None:
    response = client.get(f"/api/quizzes/{quiz.id}")
    data = response.get_json()
    assert [q["id"] for q in data["questions"]] == [q.id for q in quiz.questions]
    assert set(data["questions"][0]["options"][0]) == {"id", "text"}
    assert "correct" not in response.get_data(as_text=True)


def test_submit_attempt(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, _ = quiz.questions
    key1 = q1.correct_choice.id  # type: ignore[union-attr]
    wrong2 = next(c.id for c in q2.choices if not c.is_correct)
    response = client.post(
        f"/api/quizzes/{quiz.id}/attempts",
        json={"name": "Api Taker", "answers": {str(q1.id): key1, str(q2.id): wrong2}},
    )
    assert response.status_code == 201
    body = response.get_json()
    assert (body["score"], body["total"]) == (1, 3)
    assert response.headers["Location"].startswith("/api/attempts/")
    results = {r["question_id"]: r for r in body["results"]}
    assert results[q1.id]["is_correct"] and results[q1.id]["chosen_choice_id"] == key1
    assert results[q2.id]["correct_choice_id"] == q2.correct_choice.id  # type: ignore[union-attr]
    assert results[quiz.questions[2].id]["chosen_choice_id"] is None
    assert client.get(response.headers["Location"]).get_json()["attempt_id"] == body["attempt_id"]
    assert _counts() == (1, 2)


def test_idempotent_submission(client: FlaskClient, quiz: Quiz) -> None:
    payload = {"name": "Twice", "answers": _one_wrong(quiz), "submission_id": "same-submission-1"}
    first = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    second = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.get_json() == second.get_json()
    assert _counts() == (1, 1)


@pytest.mark.parametrize("answers", [{}, None])
def test_an_attempt_without_answers_is_refused(
    client: FlaskClient, quiz: Quiz, answers: dict[str, int] | None
) -> None:
    payload: dict[str, Any] = {"name": "Nobody", "submission_id": "empty-submission-1"}
    if answers is not None:
        payload["answers"] = answers
    response = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    assert response.status_code == 400
    assert "not answered any question" in response.get_json()["error"]["message"]
    assert _counts() == (0, 0)
    # Partial answers are the client's to decide: stored, the rest counted wrong.
    payload["answers"] = _one_wrong(quiz)
    response = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    assert response.status_code == 201 and response.get_json()["total"] == 3
    assert _counts() == (1, 1)


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"data": "name=x", "content_type": "application/x-www-form-urlencoded"}, 415, "JSON"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "not valid JSON"),
        ({"json": []}, 400, "must be a JSON object"),
        ({"json": {"answers": {}}}, 400, "'name'"),
        ({"json": {"name": 5}}, 400, "'name'"),
        ({"json": {"name": ""}}, 400, "display name"),
        ({"json": {"name": "x" * 41}}, 400, "at most 40"),
        ({"json": {"name": "A", "answers": []}}, 400, "'answers'"),
        ({"json": {"name": "A", "answers": {"abc": 1}}}, 400, "not a question id"),
        ({"json": {"name": "A", "answers": {"1": "2"}}}, 400, "positive integer"),
        ({"json": {"name": "A", "answers": {"1": -2}}}, 400, "positive integer"),
        ({"json": {"name": "A", "answers": {"1": True}}}, 400, "positive integer"),
        ({"json": {"name": "A", "answers": {"1": 2**70}}}, 400, "positive integer"),
        ({"json": {"name": "A", "answers": {"99999": 1}}}, 400, "not part of this quiz"),
        ({"json": {"name": "A", "submission_id": 7}}, 400, "submission_id"),
    ],
)
def test_malformed_bodies(
    client: FlaskClient, quiz: Quiz, kwargs: dict[str, Any], status: int, message: str
) -> None:
    response = client.post(f"/api/quizzes/{quiz.id}/attempts", **kwargs)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["status"] == status and message in error["message"]
    assert _counts() == (0, 0)


def test_choice_of_another_question(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, _ = quiz.questions
    response = client.post(
        f"/api/quizzes/{quiz.id}/attempts",
        json={"name": "A", "answers": {str(q1.id): q2.choices[0].id}},
    )
    assert response.status_code == 400
    assert "is not an option of question" in response.get_json()["error"]["message"]
    assert _counts() == (0, 0)


def test_unknown_and_draft_quizzes_are_404(client: FlaskClient, app: Flask) -> None:
    draft = make_quiz(status="draft")
    for path in ("/api/quizzes/999", f"/api/quizzes/{draft.id}", "/api/attempts/nope"):
        response = client.get(path)
        assert response.status_code == 404 and response.get_json()["error"]["status"] == 404
    response = client.post("/api/quizzes/999/attempts", json={"name": "A"})
    assert response.status_code == 404


def test_stats_need_an_editor(client: FlaskClient, quiz: Quiz, app: Flask) -> None:
    anonymous = client.get(f"/api/quizzes/{quiz.id}/stats")
    assert anonymous.status_code == 401
    assert "Bearer" in anonymous.get_json()["error"]["message"]
    bad = client.get(f"/api/quizzes/{quiz.id}/stats", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    token = _editor_token(app)
    client.post(f"/api/quizzes/{quiz.id}/attempts", json={"name": "A", "answers": _one_wrong(quiz)})
    ok = client.get(f"/api/quizzes/{quiz.id}/stats", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    data = ok.get_json()
    assert data["attempts"] == 1 and data["alpha"] is None
    assert {"id", "facility", "discrimination", "sd", "flags", "options"} == set(
        data["questions"][0]
    )
    assert set(data["questions"][0]["options"][0]) == {"id", "count", "mutation", "correct"}


def test_openapi_document(client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {
        "/api/quizzes",
        "/api/quizzes/{quiz_id}",
        "/api/quizzes/{quiz_id}/attempts",
        "/api/quizzes/{quiz_id}/stats",
    } <= set(doc["paths"])


def test_unknown_api_path_is_json(client: FlaskClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and "error" in response.get_json()


def test_a_submission_id_of_another_quiz_is_refused(client: FlaskClient, quiz: Quiz) -> None:
    other = make_quiz(title="Other quiz")
    payload: dict[str, Any] = {
        "name": "Twice",
        "answers": _one_wrong(quiz),
        "submission_id": "shared-submission-1",
    }
    assert client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload).status_code == 201
    response = client.post(f"/api/quizzes/{other.id}/attempts", json=payload)
    assert response.status_code == 409
    assert "already used" in response.get_json()["error"]["message"]
    assert _counts() == (1, 1)
    # The refused submission left the session usable: the next one is stored.
    payload["submission_id"] = "shared-submission-2"
    payload["answers"] = _one_wrong(other)
    assert client.post(f"/api/quizzes/{other.id}/attempts", json=payload).status_code == 201
