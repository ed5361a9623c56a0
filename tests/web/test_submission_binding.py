"""Submission ids are bound to whoever made them (issue 11, finding 1).

A submission id makes a retried request answer with the attempt stored the first time. It must
never let anyone else plant an attempt in a taker's place or read hers: the id of a finished
one-at-a-time attempt (once visible in its ``/play/<token>`` URL) and a web form's id are not
accepted through the API, and an API id replayed with other answers is refused with nothing
revealed. Runs on SQLite and, with ``QUIZAPP_TEST_DATABASE_URI``, on PostgreSQL.
"""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz
from tests.factories import api_answer, editor_token, form_answer, make_quiz


def _key(q: Question) -> int:
    return q.correct_choice.id  # type: ignore[union-attr]


def _attempts() -> list[Attempt]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(Attempt).order_by(Attempt.id)))


def _finish_one_at_a_time(client: FlaskClient, quiz: Quiz) -> tuple[str, str]:
    """Take a one-at-a-time quiz to the end, every answer right: (progress token, result URL)."""
    questions = quiz.active_questions
    response = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Victim", "question": questions[0].id, "choice": _key(questions[0])},
    )
    match = re.search(r"/play/([^/]+)/questions/", response.location)
    assert match, response.get_data(as_text=True)
    token = match.group(1)
    for q in questions[1:]:
        client.post(f"/play/{token}/questions/{q.id}", data={"choice": _key(q)})
    done = client.post(f"/play/{token}/finish")
    assert done.status_code == 303
    return token, done.location


def test_a_play_token_cannot_plant_an_attempt_in_the_takers_place(
    app: Flask, client: FlaskClient
) -> None:
    quiz = make_quiz(n_questions=3, title="Stepwise")
    quiz.display_mode = "one"
    db.session.commit()
    questions = quiz.active_questions
    start = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Victim", "question": questions[0].id, "choice": _key(questions[0])},
    )
    token = re.search(r"/play/([^/]+)/", start.location).group(1)  # type: ignore[union-attr]
    attacker = app.test_client()
    planted = attacker.post(
        f"/api/quizzes/{quiz.id}/attempts",
        json={"name": "X", "answers": {}, "submission_id": f"progress-{token}"},
    )
    # A one-at-a-time quiz takes no whole attempt through the API at all (issue 11, finding 12).
    assert planted.status_code == 409
    assert "one question at a time" in planted.get_json()["error"]["message"]
    for q in questions[1:]:
        client.post(f"/play/{token}/questions/{q.id}", data={"choice": _key(q)})
    done = client.post(f"/play/{token}/finish")
    mine = client.get(done.location).get_data(as_text=True)
    assert "Victim" in mine and "3 / 3" in mine
    assert sorted((a.name, a.score) for a in _attempts()) == [("Victim", 3)]


def test_a_finished_play_token_reveals_nothing_through_the_api(
    app: Flask, client: FlaskClient
) -> None:
    quiz = make_quiz(n_questions=3, title="Stepwise")
    quiz.display_mode = "one"
    db.session.commit()
    token, result_url = _finish_one_at_a_time(client, quiz)
    victim = _attempts()[0]
    attacker = app.test_client()
    for answers in ({}, {str(q.id): _key(q) for q in quiz.active_questions}):
        response = attacker.post(
            f"/api/quizzes/{quiz.id}/attempts",
            json={"name": "Victim", "answers": answers, "submission_id": f"progress-{token}"},
        )
        # A new attempt of the attacker's (201), then the attacker's own id reused (409).
        assert response.status_code in (201, 409)
        assert victim.token not in (response.headers.get("Location") or "")
        assert victim.token not in response.get_data(as_text=True)
    assert attacker.get(result_url).status_code == 403


def test_a_web_form_id_replayed_through_the_api_is_another_attempt(
    app: Flask, client: FlaskClient, quiz: Quiz
) -> None:
    form = {"name": "Ada", "submission_id": "ada-form-0001"}
    form |= {f"q_{q.id}": str(_key(q)) for q in quiz.questions}
    first = client.post(f"/quizzes/{quiz.id}", data=form)
    assert first.status_code == 303
    ada = _attempts()[0]
    replay = app.test_client().post(
        f"/api/quizzes/{quiz.id}/attempts",
        json={
            "name": "Ada",
            "answers": {str(q.id): _key(q) for q in quiz.questions},
            "submission_id": "ada-form-0001",
        },
    )
    assert replay.status_code == 201
    assert ada.token not in replay.get_data(as_text=True) + replay.headers["Location"]
    assert len(_attempts()) == 2


def test_a_web_form_replayed_from_another_browser_does_not_reveal_the_first(
    app: Flask, quiz: Quiz
) -> None:
    ada, bob = app.test_client(), app.test_client()
    ada.get(f"/quizzes/{quiz.id}")
    form = {"name": "Ada", "submission_id": "ada-form-0002", **form_answer(quiz)}
    first = ada.post(f"/quizzes/{quiz.id}", data=form)
    again = ada.post(f"/quizzes/{quiz.id}", data=form)  # a double click: the same attempt
    assert again.status_code == 303 and again.location == first.location
    replay = bob.post(f"/quizzes/{quiz.id}", data=form)
    assert replay.status_code == 303 and replay.location != first.location
    assert bob.get(first.location).status_code == 403
    assert len(_attempts()) == 2


def test_an_api_id_replayed_with_other_answers_is_refused_and_reveals_nothing(
    app: Flask, quiz: Quiz
) -> None:
    url = f"/api/quizzes/{quiz.id}/attempts"
    body = {
        "name": "Client",
        "answers": {str(q.id): _key(q) for q in quiz.questions},
        "submission_id": "client-chosen-0001",
    }
    first = app.test_client().post(url, json=body)
    assert first.status_code == 201
    retry = app.test_client().post(url, json=body)  # the client's own retry
    assert retry.status_code == 200 and retry.headers["Location"] == first.headers["Location"]
    other = app.test_client().post(url, json=body | {"name": "Someone else", "answers": {}})
    assert other.status_code == 409
    assert "Location" not in other.headers
    stored = _attempts()[0]
    assert stored.token not in other.get_data(as_text=True)
    assert len(_attempts()) == 1


def test_api_ids_are_namespaced_per_client(app: Flask, client: FlaskClient, quiz: Quiz) -> None:
    token = editor_token()
    url = f"/api/quizzes/{quiz.id}/attempts"
    body = {"name": "Same", "answers": api_answer(quiz), "submission_id": "shared-id-0001"}
    assert client.post(url, json=body).status_code == 201
    authed = client.post(url, json=body, headers={"Authorization": f"Bearer {token}"})
    assert authed.status_code == 201  # the token's namespace is its own
    assert len(_attempts()) == 2
    assert all(not a.submission_id.startswith(("progress-", "shared")) for a in _attempts())
