"""Quizzes round-trip through files: export from the app, import back as a new draft quiz."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.services.editing import GateRejected, update_question
from quizapp.services.exports import export_quiz
from quizapp.services.quiz_files import import_quiz_file
from quizapp.services.quizzes import seed_if_empty


def _shape(quiz: Quiz) -> list[tuple[object, ...]]:
    return [
        (
            q.kind,
            q.stem,
            q.explanation,
            q.evidence_text,
            [(c.text, c.is_correct, c.mutation) for c in q.choices],
        )
        for q in quiz.active_questions
    ]


@pytest.mark.parametrize("name", ["gift", "moodle-xml", "qti", "json"])
def test_seed_quiz_round_trips(app: Flask, name: str) -> None:
    original = seed_if_empty()
    assert original is not None
    exported = export_quiz(original.id, name)
    original.title = "Seed, renamed"
    original.questions[0].stem += " (as of the article)"  # not the very same quiz any more
    db.session.commit()
    copy = import_quiz_file(exported.data, name)
    original.questions[0].stem = original.questions[0].stem.removesuffix(" (as of the article)")
    assert copy.id != original.id and copy.status == "draft"
    assert _shape(copy) == _shape(original)
    for question in copy.questions:
        assert copy.article.text[question.evidence_start : question.evidence_end]


def test_aiken_keeps_stems_options_and_keys(app: Flask) -> None:
    original = seed_if_empty()
    assert original is not None
    data = export_quiz(original.id, "aiken").data
    with pytest.raises(Exception, match="neither evidence nor feedback"):
        import_quiz_file(data, "aiken")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "gift", "could not be read"),
        (b"::Q1:: What? {=yes ~no}", "gift", "neither evidence nor feedback"),
        (b"<quiz><question type='essay'/></quiz>", "moodle-xml", "could not be read"),
        (b"PK\x03\x04broken", "qti", "could not be read"),
        (b"{}", "json", "could not be read"),
        (b"x", "docx", "can be imported from"),
    ],
)
def test_bad_quiz_files(app: Flask, data: bytes, name: str, message: str) -> None:
    with pytest.raises(Exception, match=message):
        import_quiz_file(data, name)
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


def test_importing_the_same_file_twice_says_so(app: Flask) -> None:
    original = seed_if_empty()
    assert original is not None
    data = export_quiz(original.id, "json").data
    import_quiz_file(data, "json")
    with pytest.raises(Exception, match="imported before"):
        import_quiz_file(data, "json")
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 2


def test_editor_upload_and_cli(
    editor_client: FlaskClient, runner: FlaskCliRunner, tmp_path: Path
) -> None:
    original = seed_if_empty()
    assert original is not None
    gift = export_quiz(original.id, "gift").data
    response = editor_client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(gift), "quiz.gift.txt"), "format": "gift"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    bad = editor_client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(b"nonsense"), "quiz.xml"), "format": "moodle-xml"},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 400 and "could not be read" in bad.get_data(as_text=True)
    original.title = "Changed so the article differs"  # a second, different quiz file
    original.questions[0].stem = "A reworded question: " + original.questions[0].stem
    db.session.commit()
    path = tmp_path / "quiz.xml"
    path.write_bytes(export_quiz(original.id, "json").data)
    result = runner.invoke(args=["import-quiz", str(path), "--format", "json", "--publish"])
    assert result.exit_code == 0, result.output
    assert db.session.get(Quiz, int(result.output)).is_published  # type: ignore[union-attr]


def test_two_keys_or_none_are_refused(app: Flask) -> None:
    quiz = seed_if_empty()
    assert quiz is not None
    question = next(q for q in quiz.questions if q.kind != "true_false")
    texts = [c.text for c in question.choices]
    for options in (
        [(t, True) for t in texts[:2]] + [(t, False) for t in texts[2:]],
        [(t, False) for t in texts],
    ):
        with pytest.raises(GateRejected, match="exactly one correct option"):
            update_question(question, stem=question.stem, options=options, explanation="")
    db.session.refresh(question)
    assert sum(c.is_correct for c in question.choices) == 1
