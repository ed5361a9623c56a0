"""The command line: the app's own commands through Flask's CLI runner, and the console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from quizapp.extensions import db
from quizapp.models import Choice, Claim, Question, Quiz
from quizapp.services.quizzes import SEED_TITLE, seed_text
from tests import ROOT

SEED_PATH = ROOT / "quizapp" / "data" / "seed_article.txt"


def test_seed_imports_and_publishes_once(runner: FlaskCliRunner, app: Flask) -> None:
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "Imported the seed article" in result.output
    quiz = db.session.execute(db.select(Quiz)).scalar_one()
    assert quiz.title == SEED_TITLE and quiz.is_published
    assert quiz.article.text == seed_text()
    # 6 or more since engine 2.17.0 dropped the seed's verification item, which swapped the
    # maker of a named chip (blind judges refused it; bench/RESULTS.md)
    assert len(quiz.active_questions) >= 6
    for question in quiz.questions:
        assert quiz.article.text[question.evidence_start : question.evidence_end]
        assert sum(c.is_correct for c in question.choices) == 1
    assert db.session.scalar(db.select(db.func.count(Claim.id))) > 0

    again = runner.invoke(args=["seed"])
    assert again.exit_code == 0 and "nothing imported" in again.output
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 1


def test_seed_stores_exactly_what_the_engine_returns(runner: FlaskCliRunner, app: Flask) -> None:
    from quizapp import engine

    runner.invoke(args=["seed"])
    quiz = db.session.execute(db.select(Quiz)).scalar_one()
    expected = engine.generate(
        seed_text(), seed=0, max_questions=app.config["QUIZ_MAX_QUESTIONS"], title=SEED_TITLE
    )
    stored = [
        (
            q.kind,
            q.stem,
            q.explanation,
            q.evidence_start,
            q.evidence_end,
            [(c.text, c.is_correct, c.mutation) for c in q.choices],
        )
        for q in quiz.questions
    ]
    wanted = [
        (
            q.kind,
            q.stem,
            q.explanation,
            q.evidence.start,
            q.evidence.end,
            [(o.text, o.correct, o.mutation) for o in q.options],
        )
        for q in expected.questions
    ]
    assert stored == wanted
    assert db.session.scalar(db.select(db.func.count(Choice.id))) == sum(
        len(q.options) for q in expected.questions
    )
    assert db.session.scalar(db.select(db.func.count(Question.id))) == len(expected.questions)


def test_generate_prints_questions(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["generate", str(SEED_PATH)])
    assert result.exit_code == 0, result.output
    assert "Evidence [" in result.output
    assert "questions from" in result.output


def test_generate_json_shape(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["generate", str(SEED_PATH), "--json", "--seed", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["article", "generator", "claims", "questions", "rejected"]
    assert data["generator"]["seed"] == 3
    text = SEED_PATH.read_text("utf-8")
    for q in data["questions"]:
        ev = q["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    again = runner.invoke(args=["generate", str(SEED_PATH), "--json", "--seed", "3"])
    assert again.output == result.output


def test_generate_refuses_text_without_questions(runner: FlaskCliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Hello\n\n")
    result = runner.invoke(args=["generate", str(path)])
    assert result.exit_code != 0
    assert "No question could be made" in result.output


def test_generate_refuses_non_utf8(runner: FlaskCliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café prices rose by 5% in Zürich.".encode("latin-1"))
    result = runner.invoke(args=["generate", str(path)])
    assert result.exit_code != 0
    assert "not UTF-8" in result.output


@pytest.mark.slow  # about 4 s: two processes that each import the app
def test_console_script_runs_flask_commands_without_app(tmp_path: Path) -> None:
    env = {**os.environ, "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.db'}"}
    env.pop("FLASK_APP", None)
    script = Path(sys.executable).parent / "quizapp"
    upgrade = subprocess.run(
        [str(script), "db", "upgrade"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert upgrade.returncode == 0, upgrade.stderr
    routes = subprocess.run(
        [str(script), "routes"], env=env, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert routes.returncode == 0, routes.stderr
    assert "/quizzes/<int:quiz_id>" in routes.stdout
