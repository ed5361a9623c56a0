"""Long articles: generated in the background while the page shows the server's progress."""

from __future__ import annotations

import time

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp import engine
from quizapp.engine import progress
from quizapp.extensions import db
from quizapp.models import ImportJob, Quiz
from quizapp.services.quizzes import seed_text


def test_engine_reports_progress_up_to_one() -> None:
    seen: list[tuple[float, str]] = []
    with progress.reporting(lambda fraction, stage: seen.append((fraction, stage))):
        engine.generate(seed_text())
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 3
    # outside the context nothing is reported
    engine.generate("Acme Corp said on Monday it would open 12 stores in Lisbon.")
    assert len(seen) == len(fractions)


@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=100, IMPORT_JOBS_INLINE=True)
def test_long_article_goes_through_a_job(editor_client: FlaskClient) -> None:
    response = editor_client.post("/editor/import", data={"text": seed_text(), "title": "Seed"})
    assert response.status_code == 303 and "/editor/imports/" in response.location
    token = response.location.rsplit("/", 1)[1]
    status = editor_client.get(f"/editor/imports/{token}.json").get_json()
    assert status["status"] == "done" and status["progress"] == 1.0
    page = editor_client.get(response.location)
    assert page.status_code == 303 and page.location == status["review_url"]
    job = db.session.execute(db.select(ImportJob)).scalar_one()
    assert job.text is None  # the article now lives in its Article row
    assert db.session.get(Quiz, job.quiz_id) is not None


@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=10, IMPORT_JOBS_INLINE=True)
def test_failed_job_says_why(editor_client: FlaskClient) -> None:
    response = editor_client.post("/editor/import", data={"text": "Hello there, all of you."})
    page = editor_client.get(response.location)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "The import failed" in html and "No question could be made" in html
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


@pytest.mark.slow  # the whole seed article generated in a thread, polled until done
@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=100)
def test_job_runs_in_a_thread_and_the_page_follows(editor_client: FlaskClient) -> None:
    response = editor_client.post("/editor/import", data={"text": seed_text(), "title": "Seed"})
    token = response.location.rsplit("/", 1)[1]
    page = editor_client.get(response.location)
    if page.status_code == 200:  # still running: the page shows a progress bar fed by the server
        html = page.get_data(as_text=True)
        assert "<progress" in html and 'http-equiv="refresh"' in html
    deadline = time.monotonic() + 90
    status = {}
    while time.monotonic() < deadline:
        status = editor_client.get(f"/editor/imports/{token}.json").get_json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    assert status["status"] == "done", status


def test_duplicate_is_refused_before_queueing(editor_client: FlaskClient, app: Flask) -> None:
    app.config.update(IMPORT_BACKGROUND_CHARS=100, IMPORT_JOBS_INLINE=True)
    editor_client.post("/editor/import", data={"text": seed_text()})
    again = editor_client.post("/editor/import", data={"text": seed_text()})
    assert again.status_code == 409
    assert db.session.scalar(db.select(db.func.count(ImportJob.id))) == 1


def test_unknown_job_is_404(editor_client: FlaskClient) -> None:
    assert editor_client.get("/editor/imports/nope").status_code == 404
    assert editor_client.get("/editor/imports/nope.json").status_code == 404


def test_job_token_with_a_nul_byte_is_404_not_500(editor_client: FlaskClient) -> None:
    """A NUL byte is an error in PostgreSQL, not just a miss: refused before the query."""
    for path in (
        "/editor/imports/ab%00cd",
        "/editor/imports/ab%00cd.json",
        "/editor/imports/" + "x" * 300,
    ):
        assert editor_client.get(path).status_code == 404
