"""Quiz exports from the app: CLI and editor downloads, round-tripped through the importers."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.formats import FORMATS
from quizapp.models import Quiz
from tests.factories import log_in, make_editor


@pytest.mark.parametrize("name", ["gift", "moodle-xml", "qti", "json"])
def test_cli_export_round_trips(
    runner: FlaskCliRunner, quiz: Quiz, tmp_path: Path, name: str
) -> None:
    out = tmp_path / f"quiz{FORMATS[name].extension}"
    result = runner.invoke(args=["export", str(quiz.id), "--format", name, "-o", str(out)])
    assert result.exit_code == 0, result.output
    parsed = FORMATS[name].parse(out.read_bytes())  # type: ignore[misc]
    assert [q.stem for q in parsed.questions] == [q.stem for q in quiz.questions]
    for got, question in zip(parsed.questions, quiz.questions, strict=True):
        assert [o.text for o in got.options] == [c.text for c in question.choices]
        assert [o.correct for o in got.options] == [c.is_correct for c in question.choices]
        assert got.explanation == question.explanation
        assert got.evidence == question.evidence_text


def test_aiken_keeps_stems_options_and_key(runner: FlaskCliRunner, quiz: Quiz) -> None:
    result = runner.invoke(args=["export", str(quiz.id), "--format", "aiken"])
    assert result.exit_code == 0
    assert "ANSWER: A" in result.output and quiz.questions[0].stem in result.output


def test_cli_export_unknown_quiz(runner: FlaskCliRunner, app: Flask) -> None:
    result = runner.invoke(args=["export", "999", "--format", "gift"])
    assert result.exit_code != 0 and "There is no quiz 999" in result.output


def test_editor_download(client: FlaskClient, quiz: Quiz) -> None:
    assert client.get(f"/editor/quizzes/{quiz.id}/export/gift").status_code == 302
    make_editor()
    log_in(client)
    response = client.get(f"/editor/quizzes/{quiz.id}/export/qti")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    assert client.get(f"/editor/quizzes/{quiz.id}/export/docx").status_code == 400
    assert client.get("/editor/quizzes/999/export/gift").status_code == 404
