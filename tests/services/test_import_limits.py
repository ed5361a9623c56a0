"""Article imports that must fail fast and say why: text the parser cannot read in time
(issue 11, finding 5), and a fault of the engine, which is a server error, never a message
about the article (issue 11, "errors that pass as other errors")."""

from __future__ import annotations

import io
import logging
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

import quizapp.engine
from quizapp.extensions import db
from quizapp.models import Article, ImportJob, Quiz
from quizapp.services.imports import MAX_SYMBOL_RUN, ImportRefused, text_from_paste
from tests.factories import ARTICLE_TEXT

#: The attacker's article: 9,000 of one character on each side of a word (18k characters),
#: which took spaCy's tokenizer 15-70 s before it was refused.
PATHOLOGICAL = {ch: f"{ARTICLE_TEXT}\n{ch * 9000}word{ch * 9000}\n" for ch in '()="'}


def _counts() -> tuple[int, int, int]:
    return (
        db.session.scalar(db.select(db.func.count(Article.id))) or 0,
        db.session.scalar(db.select(db.func.count(Quiz.id))) or 0,
        db.session.scalar(db.select(db.func.count(ImportJob.id))) or 0,
    )


@pytest.mark.parametrize("char", sorted(PATHOLOGICAL))
def test_a_pathological_run_is_refused_at_once_by_the_form(
    editor_client: FlaskClient, char: str
) -> None:
    started = time.monotonic()
    response = editor_client.post("/editor/import", data={"text": PATHOLOGICAL[char]})
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Line 5 has a run of 9,000 punctuation marks or symbols" in html
    assert f"at most {MAX_SYMBOL_RUN} in a row" in html
    assert _counts() == (0, 0, 0)


@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=100)
def test_a_pathological_upload_is_refused_before_any_job(editor_client: FlaskClient) -> None:
    """Long enough for the background, but refused before a job is made."""
    started = time.monotonic()
    response = editor_client.post(
        "/editor/import",
        data={"upload": (io.BytesIO(PATHOLOGICAL["="].encode()), "article.txt")},
        content_type="multipart/form-data",
    )
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    assert "punctuation marks or symbols" in response.get_data(as_text=True)
    assert _counts() == (0, 0, 0)


def test_a_pathological_file_is_refused_by_the_cli(
    runner: FlaskCliRunner, app: Flask, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(PATHOLOGICAL[")"], encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(args=["import", str(path)])
    assert time.monotonic() - started < 5
    assert result.exit_code != 0
    assert "punctuation marks or symbols" in result.output
    assert _counts() == (0, 0, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Title\n" + "=" * 80 + "\n\nAcme Corp hired 300 workers (in Ohio) last year.\n",
        "A rule:\n\n" + "-" * MAX_SYMBOL_RUN + '\n\nAnd (((nested))) asides... "quoted"?!\n',
        "Mixed runs stay apart: " + "(x)" * 3000 + "\n",
    ],
)
def test_ordinary_punctuation_is_accepted(text: str) -> None:
    assert text_from_paste(text, max_chars=200_000) == text


def test_the_run_limit_counts_symbols_between_letters_or_spaces() -> None:
    with pytest.raises(ImportRefused, match="run of 101 punctuation"):
        text_from_paste("word " + '(="' * 33 + "(( word", max_chars=10_000)
    with pytest.raises(ImportRefused, match="run of 101 punctuation"):
        text_from_paste("a" + "_" * 101 + "b", max_chars=10_000)


# -- a fault of the engine is a server error ---------------------------------------------------


@pytest.fixture
def broken_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: the analysis step raises, as a bug in it would."""

    def broken(text: str) -> None:
        raise RuntimeError("a bug in the analysis")

    monkeypatch.setattr(quizapp.engine, "analyse", broken)


@pytest.mark.app_config(PROPAGATE_EXCEPTIONS=False)
def test_an_engine_fault_is_a_logged_500_not_a_message_about_the_article(
    editor_client: FlaskClient, broken_engine: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = editor_client.post("/editor/import", data={"text": ARTICLE_TEXT})
    assert response.status_code == 500
    assert "factual sentences" not in response.get_data(as_text=True)
    assert "question generation failed" in caplog.text and "a bug in the analysis" in caplog.text
    assert _counts() == (0, 0, 0)


@pytest.mark.app_config(IMPORT_BACKGROUND_CHARS=10, IMPORT_JOBS_INLINE=True)
def test_an_engine_fault_fails_the_job_as_generation_failed(
    editor_client: FlaskClient, broken_engine: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = editor_client.post("/editor/import", data={"text": ARTICLE_TEXT})
    assert response.status_code == 303
    db.session.expire_all()  # the job ran in a session of its own; the test's holds a copy
    status = editor_client.get(response.location + ".json").get_json()
    assert status["status"] == "failed"
    assert status["stage"] == "Generation failed"
    assert "Generation failed" in status["message"] and "factual" not in status["message"]
    assert "a bug in the analysis" in caplog.text
    page = editor_client.get(response.location).get_data(as_text=True)
    assert "Generation failed" in page
    assert _counts()[:2] == (0, 0)


def test_an_engine_fault_in_the_cli_says_generation_failed(
    runner: FlaskCliRunner, app: Flask, tmp_path: Path, broken_engine: None
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code != 0
    assert "Generation failed" in result.output and "factual" not in result.output
    assert _counts() == (0, 0, 0)
