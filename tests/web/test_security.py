"""Security hardening: headers, cookies, rate limits, the health check, who may see what."""

from __future__ import annotations

import re
import threading

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.exc import OperationalError

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response, User
from tests import ROOT
from tests.conftest import POSTGRES
from tests.factories import a_wrong_answer, api_answer, editor_token, form_answer, log_in


def _api_answers(quiz: Quiz) -> dict[str, int]:
    return {str(q.id): q.choices[0].id for q in quiz.questions}


def _keys_of(quiz: Quiz) -> dict[str, int]:
    return {str(q.id): q.correct_choice.id for q in quiz.questions}  # type: ignore[union-attr]


# -- headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/quizzes/{id}",
        "/api/quizzes",
        "/nope",
        "/healthz",
        "/static/css/app.css",
        "/api/quizzes/999999",
    ],
)
def test_security_headers_on_every_response(client: FlaskClient, quiz: Quiz, path: str) -> None:
    response = client.get(path.format(id=quiz.id))
    response.close()
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "style-src 'self'" in csp and "img-src 'self' data:" in csp
    assert "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.app_config(
    FRAME_ANCESTORS="'self' https://lms.example.org", SESSION_COOKIE_SECURE=True
)
def test_frame_ancestors_and_https_from_configuration(client: FlaskClient, quiz: Quiz) -> None:
    response = client.get(f"/quizzes/{quiz.id}")
    assert (
        "frame-ancestors 'self' https://lms.example.org"
        in response.headers["Content-Security-Policy"]
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def _session_cookie(client: FlaskClient, quiz: Quiz) -> str:
    response = client.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Ada", "submission_id": "cookie-test-1", **form_answer(quiz)},
    )
    assert response.status_code == 303
    cookies = [v for k, v in response.headers.items() if k == "Set-Cookie"]
    return next(c for c in cookies if c.startswith("session="))


def test_session_cookie_is_httponly_and_lax(client: FlaskClient, quiz: Quiz) -> None:
    cookie = _session_cookie(client, quiz)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


@pytest.mark.app_config(SESSION_COOKIE_SECURE=True)
def test_session_cookie_is_secure_behind_https(client: FlaskClient, quiz: Quiz) -> None:
    assert "Secure" in _session_cookie(client, quiz)


def test_answer_key_is_never_sent_before_submission(client: FlaskClient, quiz: Quiz) -> None:
    body = client.get(f"/api/quizzes/{quiz.id}").get_json()
    for question in body["questions"]:
        for option in question["options"]:
            assert set(option) == {"id", "text"}
    html = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    for question in quiz.questions:
        assert question.explanation not in html
    tags = re.findall(r"<(?:input|label|li|fieldset)\b[^>]*>", html)
    assert tags
    for tag in tags:  # nothing in the markup of an option tells the key from a distractor
        assert not re.search(r"correct|is_key|mutation|typed_list", tag, re.I), tag


# -- health check ------------------------------------------------------------------------------


def test_healthz_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_503_when_the_database_is_down(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"
    assert "database" in response.get_json()["message"]


# -- rate limits -------------------------------------------------------------------------------

LIMITED = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_SUBMIT": "2 per minute",
    "RATELIMIT_LOGIN": "2 per minute",
}


@pytest.mark.app_config(**LIMITED)
def test_api_submissions_are_rate_limited(client: FlaskClient, quiz: Quiz) -> None:
    url = f"/api/quizzes/{quiz.id}/attempts"
    for _ in range(2):
        assert client.post(url, json={"name": "A", "answers": api_answer(quiz)}).status_code == 201
    response = client.post(url, json={"name": "A", "answers": api_answer(quiz)})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    error = response.get_json()["error"]
    assert error["status"] == 429 and "try again" in error["message"]
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 2
    # Reading is not limited.
    assert client.get(f"/api/quizzes/{quiz.id}").status_code == 200


@pytest.mark.app_config(**LIMITED)
def test_form_submissions_are_rate_limited(client: FlaskClient, quiz: Quiz) -> None:
    for i in range(2):
        data = {"name": "A", "submission_id": f"limit-form-{i}", **form_answer(quiz)}
        assert client.post(f"/quizzes/{quiz.id}", data=data).status_code == 303
    response = client.post(
        f"/quizzes/{quiz.id}", data={"name": "A", "submission_id": "limit-x1", **form_answer(quiz)}
    )
    assert response.status_code == 429
    assert "Retry-After" in response.headers
    assert "try again" in response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    for _ in range(3):
        assert client.get(f"/quizzes/{quiz.id}").status_code == 200


@pytest.mark.app_config(**LIMITED)
def test_login_is_rate_limited(client: FlaskClient) -> None:
    for _ in range(2):
        assert client.post("/login", data={"username": "x", "password": "y"}).status_code == 400
    response = client.post("/login", data={"username": "x", "password": "y"})
    assert response.status_code == 429 and "Retry-After" in response.headers


@pytest.mark.app_config(RATELIMIT_ENABLED=False, RATELIMIT_SUBMIT="1 per minute")
def test_rate_limits_can_be_switched_off(client: FlaskClient, quiz: Quiz) -> None:
    url = f"/api/quizzes/{quiz.id}/attempts"
    for _ in range(3):
        assert client.post(url, json={"name": "A", "answers": api_answer(quiz)}).status_code == 201


# -- who may see what --------------------------------------------------------------------------


def test_editor_api_refuses_anonymous_callers(client: FlaskClient, quiz: Quiz) -> None:
    response = client.get(f"/api/quizzes/{quiz.id}/stats")
    assert response.status_code == 401
    assert response.get_json()["error"]["status"] == 401
    bad_token = client.get(
        f"/api/quizzes/{quiz.id}/stats", headers={"Authorization": "Bearer not-a-token"}
    )
    assert bad_token.status_code == 401


def test_editor_pages_refuse_non_editors(
    client: FlaskClient, quiz: Quiz, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every role there is (models.Role) edits; the gate must still hold for one that would not.
    monkeypatch.setattr(User, "is_editor", property(lambda user: user.username != "viewer"))
    token = editor_token("viewer")
    response = client.get(
        f"/api/quizzes/{quiz.id}/stats", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403
    log_in(client, "viewer")
    assert client.get("/editor/").status_code == 403


def test_takers_cannot_read_each_others_results(app: Flask, quiz: Quiz) -> None:
    ada, bob = app.test_client(), app.test_client()
    response = ada.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Ada", "submission_id": "ada-00001", **form_answer(quiz)},
    )
    assert ada.get(response.location).status_code == 200
    assert bob.get(response.location).status_code == 403
    # Replaying Ada's form from Bob's browser does not reveal her answers either: the form's
    # submission id is bound to Ada's browser, so Bob's copy is an attempt of Bob's own.
    replay = bob.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Ada", "submission_id": "ada-00001", **form_answer(quiz)},
    )
    assert replay.status_code == 303 and replay.location != response.location


# -- no lost or doubled answers under concurrency ----------------------------------------------


def test_concurrent_copies_of_one_submission_store_one_attempt(app: Flask, quiz: Quiz) -> None:
    url = f"/api/quizzes/{quiz.id}/attempts"
    body = {"name": "Racer", "answers": _keys_of(quiz), "submission_id": "same-submission-1"}
    n_questions = len(quiz.questions)
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def submit() -> None:
        with app.app_context():  # each thread its own context, session and connection
            client = app.test_client()
            barrier.wait(timeout=10)
            statuses.append(client.post(url, json=body).status_code)

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200] * 5 + [201]
    db.session.expire_all()
    attempts = db.session.scalars(db.select(Attempt).where(Attempt.name == "Racer")).all()
    assert len(attempts) == 1
    assert db.session.scalar(db.select(db.func.count(Response.id))) == n_questions


def test_concurrent_distinct_submissions_are_all_stored(app: Flask, quiz: Quiz) -> None:
    url = f"/api/quizzes/{quiz.id}/attempts"
    answers = _api_answers(quiz)
    statuses: list[int] = []
    barrier = threading.Barrier(8)

    def submit(i: int) -> None:
        body = {"name": f"T{i}", "answers": answers, "submission_id": f"distinct-{i:04}"}
        with app.app_context():  # each thread its own context, session and connection
            client = app.test_client()
            barrier.wait(timeout=10)
            statuses.append(client.post(url, json=body).status_code)

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [201] * 8
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 8
    assert db.session.scalar(db.select(db.func.count(Response.id))) == 8 * len(quiz.questions)


@pytest.mark.parametrize(
    "path",
    [
        "/quizzes/{big}",
        "/api/quizzes/{big}",
        "/quizzes/{big}/scores",
        "/api/quizzes/{big}/attempts",
    ],
)
def test_ids_too_large_for_the_database_are_404(client: FlaskClient, path: str) -> None:
    url = path.format(big=2**64)
    response = client.post(url, json={}) if url.endswith("attempts") else client.get(url)
    assert response.status_code == 404


@pytest.mark.skipif(POSTGRES, reason="SQLite's single writer: PostgreSQL has no such lock")
def test_a_locked_database_is_waited_out_not_lost(client: FlaskClient, quiz: Quiz) -> None:
    """Another process holds SQLite's write lock for a while: the submission waits it out
    (the connection's busy timeout, ``QUIZAPP_SQLITE_BUSY_TIMEOUT_MS``)."""
    import sqlite3

    path = db.engine.url.database
    assert path
    other = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the write lock, as a busy writer elsewhere holds it
    released = threading.Timer(0.2, lambda: (other.execute("COMMIT"), other.close()))
    released.start()
    try:
        body = {"name": "Patient", "answers": _keys_of(quiz)}
        response = client.post(f"/api/quizzes/{quiz.id}/attempts", json=body)
    finally:
        released.join()
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["score"] == len(quiz.questions)
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1
    assert db.session.scalar(db.select(db.func.count(Response.id))) == len(quiz.questions)


def test_a_database_error_while_storing_is_raised_and_stores_nothing(
    client: FlaskClient, quiz: Quiz
) -> None:
    from sqlalchemy import event

    from quizapp.services import taking

    calls = {"n": 0}
    dbapi_error = db.engine.dialect.loaded_dbapi.OperationalError

    def broken_disk(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "INSERT INTO attempt" in statement:
            calls["n"] += 1
            raise dbapi_error("disk I/O error")

    event.listen(db.engine, "before_cursor_execute", broken_disk)
    try:
        with pytest.raises(OperationalError):
            taking.submit(quiz.id, a_wrong_answer(quiz), "A", None, origin="api", owner="anonymous")
    finally:
        event.remove(db.engine, "before_cursor_execute", broken_disk)
    db.session.rollback()
    assert calls["n"] == 1
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_healthz_503_with_no_database_server(tmp_path: object) -> None:
    from quizapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "RATELIMIT_ENABLED": False,
            # Nothing listens on port 9 of loopback: the connection is refused at once.
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:9/none",
        }
    )
    with app.app_context():
        response = app.test_client().get("/healthz")
        db.engine.dispose()
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "message": "The database is not reachable."}
    assert response.headers["Retry-After"] == "5"


# -- issue 11: what private pages, logs and public markup must not give away ---------------------


def test_a_verdict_asked_by_a_published_quiz_is_not_on_its_pages_or_api(
    client: FlaskClient, quiz: Quiz
) -> None:
    """Finding 2: the ClaimReview rating of a claim is the key of the quiz's verdict question
    on it. Until the taker has answered, that claim is left out of the JSON-LD and the API;
    a verdict no question asks about is still published."""
    from quizapp.services import verdicts

    asked, other = quiz.article.claims[0], quiz.article.claims[1]
    verdicts.set_verdict(asked, "misleading", "Half of it.", "https://factcheck.example/1")
    verdicts.set_verdict(other, "false", "None of it.", "https://factcheck.example/2")
    question = verdicts.add_verdict_question(quiz, asked)
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    api = client.get(f"/api/articles/{quiz.article_id}/claimreview.json").get_json()
    assert [review["claimReviewed"] for review in api] == [other.text]
    jsonld = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "Misleading" not in jsonld and "Half of it." not in jsonld and "False" in jsonld
    answered = client.post(
        f"/quizzes/{quiz.id}",
        data={
            "name": "Ann",
            "submission_id": "verdict-01",
            f"q_{question.id}": question.choices[1].id,
            "confirm_unanswered": "yes",
        },
    )
    results = client.get(answered.location).get_data(as_text=True)
    assert "Half of it." in results and "Misleading" in results  # shown once answered


def _owned_attempt(client: FlaskClient, quiz: Quiz) -> str:
    """The token of an attempt this browser made (its results page opens for it)."""
    data = {"name": "Ann", "submission_id": "nostore-01", **form_answer(quiz)}
    form = client.post(f"/quizzes/{quiz.id}", data=data)
    assert form.status_code == 303
    return form.location.rsplit("/", 1)[1]


@pytest.mark.parametrize(
    ("path", "private"),
    [
        ("/attempts/{token}", True),
        ("/api/attempts/{token}", True),
        ("/history", True),
        ("/editor/", True),
        ("/login", True),
        ("/api/quizzes/{id}/stats", True),
        ("/", False),
        ("/quizzes/{id}", False),
        ("/api/quizzes/{id}", False),
    ],
)
def test_private_pages_are_never_stored_by_a_cache(
    client: FlaskClient, quiz: Quiz, path: str, private: bool
) -> None:
    """Finding 15: results, history, editor pages (and their redirects) say no-store."""
    token = _owned_attempt(client, quiz)
    response = client.get(path.format(token=token, id=quiz.id))
    assert response.status_code < 500
    assert (response.headers.get("Cache-Control") == "no-store") is private


def test_one_at_a_time_pages_are_never_stored_by_a_cache(client: FlaskClient, quiz: Quiz) -> None:
    quiz.display_mode = "one"
    db.session.commit()
    first = quiz.active_questions[0]
    start = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Ann", "question": first.id, "choice": first.choices[0].id},
    )
    assert start.headers["Cache-Control"] == "no-store"
    for url in (start.location, start.location.rsplit("/questions/", 1)[0]):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"


def test_an_unhandled_error_is_logged_with_its_route_not_its_token(
    app: Flask,
    client: FlaskClient,
    quiz: Quiz,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from quizapp.services import attempts

    token = _owned_attempt(client, quiz)

    def broken(token: str) -> Attempt:
        raise RuntimeError("a bug")

    monkeypatch.setattr(attempts, "get_attempt", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get(f"/api/attempts/{token}")
    assert response.status_code == 500
    assert "Exception on /api/attempts/<token> [GET]" in caplog.text
    assert token not in caplog.text


@pytest.mark.slow
def test_the_access_log_names_routes_never_tokens(
    tmp_path: object, migrated_template: object
) -> None:
    """gunicorn with the repository's gunicorn.conf.py: the access log has the route
    ("/attempts/<token>") where the path held a secret token."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    from pathlib import Path

    if POSTGRES:
        pytest.skip("runs gunicorn on a SQLite file of its own")
    workdir = Path(str(tmp_path))
    database = workdir / "quizapp.db"
    shutil.copy(str(migrated_template), database)
    log = workdir / "access.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESSLOG": str(log),
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "QUIZAPP_SECRET_KEY": "access-log-test",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    secret = "Zsecret-token-0123456789"
    paths = [
        f"/attempts/{secret}",
        f"/api/attempts/{secret}",
        f"/play/{secret}",
        f"/quizzes/1?retake={secret}",
        f"/share/{secret}",
    ]
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                # not listening yet, or a worker still booting on a loaded machine
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        for path in paths:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30)  # noqa: S310
            except urllib.error.HTTPError:
                pass  # 404 or 403: what matters is the log line
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert secret not in text
    for route in (
        "/attempts/<token>",
        "/api/attempts/<token>",
        "/play/<token>",
        "/quizzes/<int:quiz_id>",
        "/share/<share_token>",
    ):
        assert f"GET {route} HTTP/1.1" in text, text


@pytest.mark.parametrize("format_name", ["gift", "aiken", "json", "moodle-xml", "qti"])
def test_exports_name_their_charset_once(
    editor_client: FlaskClient, quiz: Quiz, format_name: str
) -> None:
    response = editor_client.get(f"/editor/quizzes/{quiz.id}/export/{format_name}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].count("charset") <= 1
    assert response.headers["Cache-Control"] == "no-store"
