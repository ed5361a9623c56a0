"""What an outside review of the app found, each as the request that showed it.

An API token that opened the editor's forms, a login whose time told which user names exist,
secret values in the log of a failed statement, a deletion racing a submission on SQLite, an
edit that dropped a one-at-a-time answer already given, HEAD on a quiz page, and a rate limit
that each submission route counted on its own.
"""

from __future__ import annotations

import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, DisplayMode, Question, QuestionStatus, Quiz, Response
from quizapp.models import user as user_model
from quizapp.services import editing, stepwise, taking
from tests.factories import (
    api_answer,
    editor_token,
    form_answer,
    make_editor,
    make_question,
    make_quiz,
    submit_attempt,
)

# -- an API token is for the API only ----------------------------------------------------------


def test_an_api_token_opens_no_editor_page_and_changes_nothing(
    client: FlaskClient, quiz: Quiz
) -> None:
    token = editor_token()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/quizzes/{quiz.id}/stats", headers=headers).status_code == 200
    page = client.get(f"/editor/quizzes/{quiz.id}", headers=headers)
    assert page.status_code == 302 and "/login" in page.location
    question_id = quiz.active_questions[0].id
    deleted = client.post(
        f"/editor/questions/{question_id}/delete", data={"confirm": "yes"}, headers=headers
    )
    assert deleted.status_code in (302, 400)  # to the login form, or refused for want of CSRF
    assert db.session.get(Question, question_id) is not None
    # Logging out with a token ends nobody's sessions: the token names nobody there.
    editor = db.session.execute(
        db.select(user_model.User).where(user_model.User.username == "ed")
    ).scalar_one()
    generation = editor.session_generation
    client.post("/logout", headers=headers)
    db.session.refresh(editor)
    assert editor.session_generation == generation


# -- a login takes as long for a user name that does not exist ---------------------------------


def test_an_unknown_user_name_costs_a_password_check(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_editor()
    checked: list[str] = []
    real = user_model.check_password_hash

    def counting(pwhash: str, password: str) -> bool:
        checked.append(password)
        return real(pwhash, password)

    monkeypatch.setattr(user_model, "check_password_hash", counting)
    response = client.post("/login", data={"username": "nobody", "password": "guess-one"})
    assert response.status_code == 400
    assert "Unknown user name or wrong password." in response.get_data(as_text=True)
    assert checked == ["guess-one"]  # hashed as a wrong password of a real user would be
    assert not user_model.password_matches(None, "guess-two")


# -- a failed statement is logged without its values -------------------------------------------


def test_a_failed_statement_shows_no_values(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["hide_parameters"] is True
    make_editor()
    secret = "secret-hash-value-123"
    # A second "ed": the unique user name fails. (PostgreSQL's own message names the key
    # that failed, never the other values; a NOT NULL failure would echo the whole row.)
    db.session.add(user_model.User(username="ed", password_hash=secret))
    with pytest.raises(IntegrityError) as failed:
        db.session.flush()
    db.session.rollback()
    assert secret not in str(failed.value)
    assert "hide_parameters=True" in str(failed.value)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").error("failed", exc_info=failed.value)
    assert secret not in caplog.text


# -- a result shows only what its attempt asked -----------------------------------------------


def test_a_question_added_later_is_not_in_an_older_result(client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=2)
    location = client.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Ana", "submission_id": "asked-record-1", **form_answer(quiz)},
    ).location
    token = location.rsplit("/", 1)[1]
    sentence = quiz.article.text.splitlines()[2]
    with db.session.no_autoflush:
        added = make_question(
            quiz.article,
            sentence,
            start=quiz.article.text.index(sentence),
            position=9,
            key=1,
            stem="Added later?",
        )
        quiz.questions.append(added)
    db.session.commit()
    html = client.get(location).get_data(as_text=True)
    assert "Question 1 about" in html and "Added later?" not in html
    body = client.get(f"/api/attempts/{token}").get_json()
    assert added.id not in {r["question_id"] for r in body["results"]}
    assert len(body["results"]) == 2
    # Nor through the API's own submissions, which record what they asked in canonical order.
    stored = submit_attempt(quiz, "Bo")
    assert {int(q) for q in stored.option_order} == {q.id for q in quiz.active_questions}


# -- a question deleted while a submission is stored --------------------------------------------


def test_a_question_deleted_during_a_submission_is_a_409_not_a_500(
    client: FlaskClient, quiz: Quiz, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = quiz.active_questions[0].id
    read_key = taking._quiz_and_key

    def racing(quiz_id: int):  # type: ignore[no-untyped-def]
        key = read_key(quiz_id)
        # An editor deletes the question (no attempt yet) from another connection, after the
        # key was read and before the attempt's INSERT.
        with db.engine.begin() as other:
            other.execute(text("DELETE FROM question WHERE id = :id"), {"id": doomed})
        return key

    monkeypatch.setattr(taking, "_quiz_and_key", racing)
    response = client.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Ana", "submission_id": "race-deleted-1", **form_answer(quiz)},
    )
    assert response.status_code == 409
    assert "The quiz changed while your answers were being stored" in response.get_data(
        as_text=True
    )
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Response.id))) == 0


# -- an edit keeps a one-at-a-time answer already given -----------------------------------------


def test_editing_a_question_answered_in_a_quiz_under_way_retires_it(app: Flask) -> None:
    quiz = make_quiz(display_mode=DisplayMode.ONE)
    first = quiz.active_questions[0]
    under_way = stepwise.start(quiz, "Ana", first.id, first.choices[1].id)
    db.session.commit()
    assert editing.has_attempts(quiz)
    new = editing.update_question(
        first,
        stem=first.stem + " (reworded)",
        options=[(c.text, c.is_correct) for c in first.choices],
        explanation=first.explanation or "",
    )
    db.session.commit()
    assert new.id != first.id
    db.session.refresh(first)
    assert first.status == QuestionStatus.RETIRED
    db.session.refresh(under_way)
    assert [a.question_id for a in under_way.answers] == [first.id]  # the answer is kept


# -- HEAD answers as GET does ------------------------------------------------------------------


@pytest.mark.parametrize("mode", [DisplayMode.ALL, DisplayMode.ONE])
def test_head_on_a_quiz_page_is_200(client: FlaskClient, mode: DisplayMode) -> None:
    quiz = make_quiz(display_mode=mode)
    get = client.get(f"/quizzes/{quiz.id}")
    head = client.head(f"/quizzes/{quiz.id}")
    assert get.status_code == head.status_code == 200
    assert head.get_data() == b""


# -- one submission budget for every route that stores answers ---------------------------------


@pytest.mark.app_config(RATELIMIT_ENABLED=True, RATELIMIT_SUBMIT="2 per minute")
def test_the_form_and_the_api_share_one_submission_budget(client: FlaskClient, quiz: Quiz) -> None:
    for i in range(2):
        data = {"name": "A", "submission_id": f"shared-budget-{i}", **form_answer(quiz)}
        assert client.post(f"/quizzes/{quiz.id}", data=data).status_code == 303
    api = client.post(
        f"/api/quizzes/{quiz.id}/attempts", json={"name": "A", "answers": api_answer(quiz)}
    )
    assert api.status_code == 429
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 2
