"""Quizzes round-trip through files: export from the app, import back as a new draft quiz."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.extensions import db
from quizapp.formats import FORMATS
from quizapp.models import Quiz
from quizapp.services.editing import GateRejected, update_question
from quizapp.services.errors import ServiceError
from quizapp.services.exports import export_quiz
from quizapp.services.quiz_files import import_quiz_file
from tests.factories import make_seed_quiz


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
    original = make_seed_quiz()
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


def test_aiken_quiz_imports_unsourced(app: Flask, editor_client: FlaskClient) -> None:
    original = make_seed_quiz()
    copy = import_quiz_file(export_quiz(original.id, "aiken").data, "aiken")
    assert [(q.stem, [(c.text, c.is_correct) for c in q.choices]) for q in copy.questions] == [
        (q.stem, [(c.text, c.is_correct) for c in q.choices]) for q in original.active_questions
    ]
    assert all(not q.is_sourced and q.claim is None for q in copy.questions)
    assert copy.article.text == "" and copy.article.claims == []
    page = editor_client.get(f"/editor/quizzes/{copy.id}").get_data(as_text=True)
    assert page.count("Not fact-checked:") == len(copy.questions)
    for name in FORMATS:
        assert export_quiz(copy.id, name).data


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "gift", "could not be read"),
        (b"<quiz><question type='essay'/></quiz>", "moodle-xml", "No question"),
        (b"PK\x03\x04broken", "qti", "could not be read"),
        (b"{}", "json", "could not be read"),
        (b"x", "docx", "can be imported from"),
    ],
)
def test_bad_quiz_files(app: Flask, data: bytes, name: str, message: str) -> None:
    with pytest.raises(ServiceError, match=message):
        import_quiz_file(data, name)
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


def test_importing_the_same_file_twice_says_so(app: Flask) -> None:
    original = make_seed_quiz()
    data = export_quiz(original.id, "json").data
    import_quiz_file(data, "json")
    with pytest.raises(Exception, match="imported before"):
        import_quiz_file(data, "json")
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 2


def test_editor_upload_and_cli(
    editor_client: FlaskClient, runner: FlaskCliRunner, tmp_path: Path
) -> None:
    original = make_seed_quiz()
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
    quiz = make_seed_quiz()
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


TEACHER_GIFT = """::Tomb::Who is buried in Grant's tomb?{~Grant#No, he is entombed. =no one#Right.
~Napoleon}

::Essay::Write about Grant.{}

::Sun::The sun rises in the east.{T#No, it does.#Yes.}
"""


def test_question_without_general_feedback_is_imported_unsourced(
    app: Flask, client: FlaskClient
) -> None:
    quiz = import_quiz_file(TEACHER_GIFT.encode(), "gift", publish=True)
    tomb, sun = quiz.questions
    assert (tomb.name, sun.name) == ("Tomb", "Sun")
    assert not tomb.is_sourced and tomb.evidence_text == "" and tomb.claim is None
    assert [(c.text, c.feedback, c.mutation) for c in tomb.choices] == [
        ("Grant", "No, he is entombed.", "imported"),
        ("no one", "Right.", None),
        ("Napoleon", "", None),
    ]
    assert quiz.import_report == [
        "Question 2 “Essay” (essay, line 4) skipped: "
        "empty answer block: essay questions are not supported"
    ]
    # The review shows the chosen option's own feedback instead of an article sentence.
    answers = {f"q_{tomb.id}": str(tomb.choices[0].id), f"q_{sun.id}": str(sun.choices[0].id)}
    response = client.post(f"/quizzes/{quiz.id}", data={"name": "Ann", **answers})
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    assert "No, he is entombed." in page and "Yes." in page
    assert "Not fact-checked against an article" in page
    assert "What the article says" not in page


def test_option_feedback_and_names_are_exported_again(app: Flask) -> None:
    quiz = import_quiz_file(TEACHER_GIFT.encode(), "gift")
    for name in ("gift", "moodle-xml", "qti", "json"):
        parsed = FORMATS[name].parse(export_quiz(quiz.id, name).data)  # type: ignore[misc]
        assert [q.name for q in parsed.questions] == ["Tomb", "Sun"]
        assert [o.feedback for o in parsed.questions[0].options] == [
            "No, he is entombed.",
            "Right.",
            "",
        ]
        assert [o.feedback for o in parsed.questions[1].options] == ["Yes.", "No, it does."]
    gift = export_quiz(quiz.id, "gift").data.decode()
    assert "A wrong option from an imported quiz." not in gift and "Correct." not in gift


def test_general_feedback_is_carried_once_after_a_moodle_round_trip(app: Flask) -> None:
    moodle = (
        '<quiz><question type="multichoice"><name><text>Capital</text></name>'
        '<questiontext format="html"><text>Capital of France?</text></questiontext>'
        '<generalfeedback format="html"><text>Paris is the capital.</text></generalfeedback>'
        '<answer fraction="100"><text>Paris</text></answer>'
        '<answer fraction="0"><text>Lyon</text></answer></question></quiz>'
    )
    quiz = import_quiz_file(moodle.encode(), "moodle-xml")
    assert quiz.questions[0].is_sourced and quiz.article.text == "Paris is the capital.\n"
    exported = export_quiz(quiz.id, "moodle-xml").data.decode()
    assert exported.count("Paris is the capital.") == 1
    assert "quizapp-evidence" not in exported


@pytest.mark.parametrize("label", ["true/false", "claim verification"])
def test_a_name_never_makes_a_multiple_choice_question_true_false(
    app: Flask, editor_client: FlaskClient, runner: FlaskCliRunner, label: str
) -> None:
    """Issue 14.6: a multiple-choice question named "… (true/false)" broke every export."""
    gift = (
        f"::Geography (true/false)::Capital of France? {{=Paris ~Lyon ~Nice}}\n\n"
        f"::Q2 ({label})::Capital of Italy? {{=Rome ~Milan ~Turin}}\n"
    )
    quiz = import_quiz_file(gift.encode(), "gift")
    kinds = [q.kind for q in quiz.questions]
    assert kinds == [
        "fact_recall",
        "fact_recall" if label == "true/false" else "claim_verification",
    ]
    for name in FORMATS:
        assert editor_client.get(f"/editor/quizzes/{quiz.id}/export/{name}").status_code == 200
        result = runner.invoke(args=["export", str(quiz.id), "--format", name])
        assert result.exit_code == 0, result.output


def test_stored_true_false_kind_with_other_options_still_exports(app: Flask) -> None:
    """An export never fails on stored data: the kind follows the options."""
    quiz = import_quiz_file(b"Capital of France? {=Paris ~Lyon ~Nice}", "gift")
    quiz.questions[0].kind = "true_false"  # as the import before the fix stored it
    db.session.commit()
    for name in FORMATS:
        assert export_quiz(quiz.id, name).data


def test_partial_import_on_the_editor_page_and_the_cli(
    editor_client: FlaskClient, runner: FlaskCliRunner, tmp_path: Path
) -> None:
    response = editor_client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(TEACHER_GIFT.encode()), "t.gift.txt"), "format": "gift"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    review = editor_client.get(response.location).get_data(as_text=True)
    assert "Import report" in review and "Question 2 “Essay” (essay, line 4)" in review
    assert "Feedback: No, he is entombed." in review

    path = tmp_path / "other.gift"
    path.write_text(TEACHER_GIFT.replace("Grant's tomb", "the tomb"), encoding="utf-8")
    result = runner.invoke(args=["import-quiz", str(path), "--format", "gift"])
    assert result.exit_code == 0, result.output
    assert int(result.stdout) > 0
    assert "Question 2 “Essay” (essay, line 4) skipped" in result.stderr


def test_file_with_nothing_importable_is_refused_with_the_report(
    editor_client: FlaskClient, runner: FlaskCliRunner, tmp_path: Path
) -> None:
    only_essays = b"::E1::Tell me.{}\n\n::N1::How many? {#3}\n"
    response = editor_client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(only_essays), "e.gift.txt"), "format": "gift"},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Question 1 “E1” (essay, line 1)" in page and "Question 2 “N1” (numerical" in page
    path = tmp_path / "e.gift"
    path.write_bytes(only_essays)
    result = runner.invoke(args=["import-quiz", str(path), "--format", "gift"])
    assert result.exit_code != 0 and "Question 2 “N1” (numerical" in result.stderr
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


def test_aiken_export_warns_about_stems_that_look_like_options(
    editor_client: FlaskClient, runner: FlaskCliRunner
) -> None:
    quiz = import_quiz_file(b"A. Smith wrote it? {=yes ~no ~maybe}", "gift")
    result = runner.invoke(args=["export", str(quiz.id), "--format", "aiken"])
    assert result.exit_code == 0 and "Warning: Question 1" in result.stderr
    assert editor_client.get(f"/editor/quizzes/{quiz.id}/export/aiken").status_code == 200
    assert "cannot be read back" in editor_client.get("/editor/").get_data(as_text=True)


JAVASCRIPT = "javascript:alert(document.cookie)"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "json",
            json.dumps(
                {
                    "format": "quizapp-quiz",
                    "version": 1,
                    "source_url": JAVASCRIPT,
                    "questions": [
                        {
                            "stem": "S?",
                            "explanation": "E.",
                            "options": [
                                {"text": "a", "correct": True},
                                {"text": "b", "correct": False},
                            ],
                        }
                    ],
                }
            ).encode(),
        ),
        ("gift", f"// quizapp-source-url: {JAVASCRIPT}\n\nS? {{=a ~b ####E.}}".encode()),
        (
            "moodle-xml",
            (
                '<quiz><question type="category"><category><text>$course$/top/T</text>'
                '</category><info format="html"><text>&lt;p class="quizapp-source-url"&gt;'
                f"{JAVASCRIPT}&lt;/p&gt;</text></info></question>"
                '<question type="multichoice"><questiontext><text>S?</text></questiontext>'
                '<answer fraction="100"><text>a</text></answer>'
                '<answer fraction="0"><text>b</text></answer></question></quiz>'
            ).encode(),
        ),
        (
            "json",
            b'{"format": "quizapp-quiz", "version": 1, "source_url": "https://x.org/'
            + b"a" * 2000
            + b'", "questions": [{"stem": "S", "options": [{"text": "a", '
            b'"correct": true}, {"text": "b", "correct": false}]}]}',
        ),
    ],
)
def test_quiz_files_with_a_bad_source_url_are_refused(
    editor_client: FlaskClient, name: str, data: bytes
) -> None:
    """Issue 11.3: a javascript: URL from a quiz file became an <a href> on the article page."""
    response = editor_client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(data), "quiz"), "format": name},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "source URL" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


@pytest.mark.parametrize(
    "url", [JAVASCRIPT, "data:text/html,x", "https://", "https://x.org/" + "a" * 2000, "http://a b"]
)
def test_verdict_source_urls_use_the_same_rule(app: Flask, url: str) -> None:
    from quizapp.services.validation import InvalidURL, check_url
    from quizapp.services.verdicts import set_verdict

    quiz = make_seed_quiz()
    claim = quiz.article.claims[0]
    with pytest.raises(InvalidURL):
        set_verdict(claim, "accurate", "", url)
    with pytest.raises(InvalidURL):
        check_url(url)
    assert check_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"


def test_quizzes_without_sentences_get_an_article_each(app: Flask) -> None:
    first = import_quiz_file(b"Which river is longest?\nA. Nile\nB. Thames\nANSWER: A\n", "aiken")
    second = import_quiz_file(
        b"Which sea is saltiest?\nA. Dead Sea\nB. Baltic\nANSWER: A\n", "aiken"
    )
    assert first.article.id != second.article.id
    assert first.article.text == second.article.text == ""
    assert first.article.quizzes == [first] and second.article.quizzes == [second]
    with pytest.raises(ServiceError, match="imported before"):
        import_quiz_file(b"Which sea is saltiest?\nA. Dead Sea\nB. Baltic\nANSWER: A\n", "aiken")
