"""Editors' input that no database can store as it is: a 400 with a message, never a 500,
and nothing written (issue 11, finding 10).

PostgreSQL refuses a NUL byte and text longer than its column; both drivers refuse a lone
surrogate; SQLite would keep the first two silently. One rule (``quizapp.services.storable``)
refuses all three on both databases, whichever way the text came in.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, Choice, Claim, ImportJob, Question, Quiz
from quizapp.services import verdicts as verdict_service
from quizapp.services.exports import export_quiz
from quizapp.services.quizzes import seed_text
from quizapp.services.storable import problem_of
from tests.factories import make_quiz


def _snapshot() -> dict[str, Any]:
    """What an editor's refused request must leave exactly as it was."""
    counts = {
        model.__name__: db.session.scalar(db.select(db.func.count()).select_from(model)) or 0
        for model in (Article, Claim, Quiz, Question, Choice, ImportJob)
    }
    verdicts = db.session.execute(
        db.select(Claim.id, Claim.verdict, Claim.verdict_note, Claim.verdict_url).order_by(Claim.id)
    ).all()
    explanations = db.session.scalars(db.select(Question.explanation).order_by(Question.id)).all()
    return {"counts": counts, "verdicts": verdicts, "explanations": explanations}


def _quiz_file(quiz: Quiz, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The quiz's JSON export with ``change`` made to the document."""
    document = json.loads(export_quiz(quiz.id, "json").data)
    change(document)
    return json.dumps(document).encode()  # ensure_ascii: a lone surrogate travels as \ud800


def _upload(client: FlaskClient, data: bytes, format_name: str) -> Any:
    return client.post(
        "/editor/import-quiz",
        data={"upload": (io.BytesIO(data), "quiz.txt"), "format": format_name},
        content_type="multipart/form-data",
    )


def _verdict(client: FlaskClient, quiz: Quiz, **fields: str) -> Any:
    claim = quiz.article.claims[0]
    data = {f"c{claim.id}-{key}": value for key, value in fields.items()}
    return client.post(f"/editor/quizzes/{quiz.id}/claims/{claim.id}/verdict", data=data)


def _stem(document: dict[str, Any], value: str) -> None:
    document["questions"][0]["stem"] = value


def _json_with_huge_version(quiz: Quiz) -> bytes:
    text = export_quiz(quiz.id, "json").data.decode()
    return text.replace('"version": 1', '"version": 1' + "0" * 5000, 1).encode()


def _gift_with_nul(quiz: Quiz) -> bytes:
    gift = export_quiz(quiz.id, "gift").data.decode()
    return gift.replace("Question 1", "Question\x00 1", 1).encode()


LONG_URL = "https://example.org/" + "a" * 2000

# (id, request, words the message must contain)
CASES: list[tuple[str, Callable[[FlaskClient, Quiz], Any], str]] = [
    ("verdict-note-nul", lambda c, q: _verdict(c, q, verdict="false", note="Not\x00 so"), "NUL"),
    (
        "verdict-url-nul",
        lambda c, q: _verdict(c, q, verdict="false", url="https://factcheck.example/a\x00b"),
        "control characters",  # the one URL rule (services/validation.py) speaks first
    ),
    (
        "json-import-lone-surrogate-stem",
        lambda c, q: _upload(c, _quiz_file(q, lambda d: _stem(d, "Who said \ud800?")), "json"),
        "lone surrogate",
    ),
    (
        "json-import-version-of-5001-digits",
        lambda c, q: _upload(c, _json_with_huge_version(q), "json"),
        "could not be read",
    ),
    (
        "json-import-nul-stem",
        lambda c, q: _upload(c, _quiz_file(q, lambda d: _stem(d, "Who\x00 said it?")), "json"),
        "NUL",
    ),
    (
        "json-import-nul-title",
        lambda c, q: _upload(c, _quiz_file(q, lambda d: d.update(title="Quiz\x00")), "json"),
        "NUL",
    ),
    (
        "json-import-nul-url",
        lambda c, q: _upload(
            c, _quiz_file(q, lambda d: d.update(source_url="https://a.example/\x00")), "json"
        ),
        "NUL",
    ),
    (
        "json-import-url-over-2000",
        lambda c, q: _upload(c, _quiz_file(q, lambda d: d.update(source_url=LONG_URL)), "json"),
        "2,000",
    ),
    ("gift-import-nul", lambda c, q: _upload(c, _gift_with_nul(q), "gift"), "NUL"),
]


@pytest.mark.parametrize(("send", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unstorable_editor_input_is_a_400_and_changes_nothing(
    editor_client: FlaskClient, send: Callable[[FlaskClient, Quiz], Any], words: str
) -> None:
    quiz = make_quiz()
    before = _snapshot()
    response = send(editor_client, quiz)
    text = response.get_data(as_text=True)
    assert response.status_code == 400, text[-2000:]
    assert words in text
    db.session.rollback()
    assert _snapshot() == before


def test_an_explanation_with_a_nul_byte_is_a_400(editor_client: FlaskClient) -> None:
    """Edit a verdict question (its gate is structural only) with a NUL in its explanation."""
    quiz = make_quiz()
    claim = quiz.article.claims[0]
    verdict_service.set_verdict(claim, "false", "Checked.", "")
    question = verdict_service.add_verdict_question(quiz, claim)
    data = {"stem": question.stem, "explanation": "Because\x00 the article says so."}
    for i, choice in enumerate(question.choices, start=1):
        data[f"option_{i}"] = choice.text
        if choice.is_correct:
            data["key"] = str(i)
    before = _snapshot()
    response = editor_client.post(f"/editor/questions/{question.id}/edit", data=data)
    assert response.status_code == 400
    assert "The explanation contains a NUL byte" in response.get_data(as_text=True)
    db.session.rollback()
    assert _snapshot() == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("title", "Seed\x00", "title contains a NUL"), ("source_url", LONG_URL, "2,000")],
)
def test_an_article_import_with_an_unstorable_field_is_a_400(
    editor_client: FlaskClient, field: str, value: str, words: str
) -> None:
    """The article form (title, source URL): refused before anything is stored."""
    response = editor_client.post("/editor/import", data={"text": seed_text(), field: value})
    assert response.status_code == 400
    assert words in response.get_data(as_text=True)
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(Article.id))) == 0


@pytest.mark.parametrize(
    ("value", "length", "problem"),
    [
        ("ok", None, None),
        ("a\x00b", None, "contains a NUL byte"),
        ("a\ud800b", None, "contains a lone surrogate (text that is not valid Unicode)"),
        ("x" * 2001, 2000, "is longer than 2,000 characters"),
        ("😀" * 2000, 2000, None),  # characters, not bytes
    ],
)
def test_the_one_rule(value: str, length: int | None, problem: str | None) -> None:
    assert problem_of(value, length) == problem
