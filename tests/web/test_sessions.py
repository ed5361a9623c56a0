"""Editor sessions end for good: a copied session cookie is worthless after logout or a new
password, and so is the API token after a new password (issue 11, finding 8)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.extensions import db
from quizapp.models import Quiz, User
from tests.factories import EDITOR_PASSWORD, make_editor


def _saved_session(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _opens_editor(client: FlaskClient) -> bool:
    response = client.get("/editor/")
    if response.status_code == 200:
        return True
    assert response.status_code == 302 and "/login" in response.location
    return False


def test_a_saved_cookie_is_refused_after_logout(editor_client: FlaskClient) -> None:
    saved = _saved_session(editor_client)
    assert _opens_editor(editor_client)
    response = editor_client.post("/logout")
    assert response.status_code == 302
    editor_client.set_cookie("session", saved)  # the attacker's copy, from before the logout
    assert not _opens_editor(editor_client)


def test_logout_ends_the_sessions_on_other_devices(app: Flask, editor_client: FlaskClient) -> None:
    laptop = app.test_client()
    assert laptop.post("/login", data={"username": "ed", "password": EDITOR_PASSWORD}).status_code
    assert _opens_editor(laptop)
    editor_client.post("/logout")
    assert not _opens_editor(laptop)
    # logging in again works, with a cookie of the new generation
    laptop.post("/login", data={"username": "ed", "password": EDITOR_PASSWORD})
    assert _opens_editor(laptop)


def test_a_saved_cookie_is_refused_after_a_password_change(
    editor_client: FlaskClient, runner: FlaskCliRunner
) -> None:
    saved = _saved_session(editor_client)
    result = runner.invoke(args=["create-user", "ed", "--password", "a-new-password"])
    assert result.exit_code == 0, result.output
    assert "every session was logged out" in result.output
    editor_client.set_cookie("session", saved)
    assert not _opens_editor(editor_client)
    old = editor_client.post("/login", data={"username": "ed", "password": EDITOR_PASSWORD})
    assert old.status_code == 400
    new = editor_client.post("/login", data={"username": "ed", "password": "a-new-password"})
    assert new.status_code == 302 and _opens_editor(editor_client)


def test_the_api_token_does_not_outlive_a_password_change(
    client: FlaskClient, runner: FlaskCliRunner, quiz: Quiz
) -> None:
    runner.invoke(args=["create-user", "api", "--password", "password-one"])
    token = runner.invoke(args=["create-token", "api"]).output.strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/quizzes/{quiz.id}/stats", headers=headers).status_code == 200
    runner.invoke(args=["create-user", "api", "--password", "password-two"])
    assert client.get(f"/api/quizzes/{quiz.id}/stats", headers=headers).status_code == 401
    user = db.session.execute(db.select(User).where(User.username == "api")).scalar_one()
    assert user.token_hash is None


@pytest.mark.parametrize("forged", ["1", "1:", ":0", "1:0:0", "1:x", "1:²", "①:0", "9" * 40 + ":0"])
def test_a_session_id_of_another_shape_loads_nobody(app: Flask, forged: str) -> None:
    """Cookies of the old format (a bare id) and forged shapes: logged out, never a 500."""
    make_editor()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = forged
        session["_fresh"] = True
    assert not _opens_editor(client)


def test_the_current_generation_loads_the_user(app: Flask) -> None:
    user = make_editor()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
    assert _opens_editor(client)
