"""Editors: login, logout, the item analysis page, CSV exports, and who may see what."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.models import Quiz, User
from tests.factories import EDITOR_PASSWORD, form_answer, log_in, make_editor, submit_attempt


@pytest.fixture
def editor(app: Flask) -> User:
    return make_editor("editor")


def login(client: FlaskClient, username: str = "editor", password: str = EDITOR_PASSWORD) -> Any:
    return log_in(client, username, password)


EDITOR_PAGES = [
    "/editor/",
    "/editor/quizzes/{id}/analysis",
    "/editor/quizzes/{id}/attempts.csv",
    "/editor/quizzes/{id}/items.csv",
]


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_anonymous_users_are_sent_to_login(client: FlaskClient, quiz: Quiz, path: str) -> None:
    response = client.get(path.format(id=quiz.id))
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


def test_login_logout(client: FlaskClient, editor: User, quiz: Quiz) -> None:
    bad = login(client, password="wrong")
    assert bad.status_code == 400 and "wrong password" in bad.get_data(as_text=True)
    ok = client.post(
        "/login?next=/editor/", data={"username": "editor", "password": EDITOR_PASSWORD}
    )
    assert ok.status_code == 302 and ok.location == "/editor/"
    assert client.get("/editor/").status_code == 200
    client.post("/logout")
    assert client.get("/editor/").status_code == 302


def test_login_lands_on_the_editor_desk(client: FlaskClient, editor: User) -> None:
    response = login(client)
    assert response.status_code == 302 and response.location == "/editor/"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "https://evil.example/x",
        "/\\evil.example/x",
        "\\\\evil.example/x",
        "javascript:alert(1)",
        "editor/",
        "/editor/\x00",
    ],
)
def test_login_never_redirects_off_site(client: FlaskClient, editor: User, target: str) -> None:
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"username": "editor", "password": EDITOR_PASSWORD},
    )
    assert response.location == "/editor/"


def test_login_keeps_a_same_site_next(client: FlaskClient, editor: User, quiz: Quiz) -> None:
    target = f"/editor/quizzes/{quiz.id}/analysis?x=1"
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"username": "editor", "password": EDITOR_PASSWORD},
    )
    assert response.location == target


def test_password_is_hashed(editor: User) -> None:
    assert EDITOR_PASSWORD not in editor.password_hash
    assert editor.check_password(EDITOR_PASSWORD) and not editor.check_password("other")


def test_item_analysis_page(client: FlaskClient, editor: User, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    submit_attempt(quiz, "A", {q1.id: q1.correct_choice.id})  # type: ignore[union-attr]
    submit_attempt(quiz, "B", {q1.id: next(c.id for c in q1.choices if not c.is_correct)})
    login(client)
    html = client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert "Item analysis" in html and "Cronbach" in html
    assert "Facility 50%: about half of the takers got this right." in html
    assert "<svg" in html and "Show the numbers" in html
    assert "Which wrong options people fall for" in html
    assert "Advice on what to fix appears once the quiz has 20 attempts" in html


def test_csv_exports(client: FlaskClient, editor: User, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    submit_attempt(quiz, "=HYPERLINK(1)", {q1.id: q1.correct_choice.id})  # type: ignore[union-attr]
    login(client)
    response = client.get(f"/editor/quizzes/{quiz.id}/attempts.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:5] == ["attempt_id", "name", "finished_at", "score", "total"]
    assert len(rows[0]) == 5 + 3
    assert rows[1][1] == "'=HYPERLINK(1)"  # no formula injection into spreadsheets
    assert rows[1][3:] == ["1", "3", "1", "0", "0"]
    items = list(
        csv.reader(
            io.StringIO(client.get(f"/editor/quizzes/{quiz.id}/items.csv").get_data(as_text=True))
        )
    )
    assert items[0][:4] == ["position", "question_id", "kind", "stem"]
    assert len(items) == 1 + 9  # a row per option


def test_unknown_quiz_analysis_is_404(client: FlaskClient, editor: User) -> None:
    login(client)
    assert client.get("/editor/quizzes/999/analysis").status_code == 404


def test_create_user_and_token_commands(
    runner: FlaskCliRunner, client: FlaskClient, quiz: Quiz
) -> None:
    result = runner.invoke(args=["create-user", "newbie", "--password", "long-enough"])
    assert result.exit_code == 0 and "Created editor newbie" in result.output
    short = runner.invoke(args=["create-user", "x", "--password", "short"])
    assert short.exit_code != 0 and "at least 8" in short.output
    token = runner.invoke(args=["create-token", "newbie"]).output.strip()
    response = client.get(
        f"/api/quizzes/{quiz.id}/stats", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    missing = runner.invoke(args=["create-token", "ghost"])
    assert missing.exit_code != 0 and "no user" in missing.output


def test_review_pages_are_private(app: Flask, quiz: Quiz) -> None:
    taker = app.test_client()
    location = taker.post(
        f"/quizzes/{quiz.id}", data={"name": "T", "submission_id": "private-1", **form_answer(quiz)}
    ).location
    assert taker.get(location).status_code == 200
    assert app.test_client().get(location).status_code == 403
