"""Editors' authoring: import an article, review and fix its draft quiz, publish."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.extensions import db
from quizapp.models import Article, Question, Quiz
from quizapp.services.quizzes import seed_text
from tests.factories import edit_form, submit_attempt

ARTICLE = (
    "Acme Corp said on Monday it would open 12 new stores in Lisbon and Porto.\n"
    "The company, founded in 1998 by Maria Silva, employs 4,000 people in Europe.\n"
    "Its revenue rose to $4.2bn last year, up from $3.1bn in 2022.\n"
    "Chief executive John Carter said the expansion would create 600 jobs in Portugal.\n"
    "Rival Globex Ltd has closed 30 stores in Spain since March.\n"
)


def _counts() -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        db.session.scalar(db.select(db.func.count()).select_from(model)) or 0
        for model in (Article, Quiz, Question)
    )


def test_import_pasted_text_makes_a_draft(editor_client: FlaskClient) -> None:
    response = editor_client.post(
        "/editor/import",
        data={"title": "Acme expands", "source_url": "https://example.org/acme", "text": ARTICLE},
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    quiz = db.session.execute(db.select(Quiz)).scalar_one()
    assert quiz.status == "draft" and quiz.title == "Acme expands"
    assert quiz.article.text == ARTICLE and len(quiz.questions) >= 3
    page = editor_client.get(response.location).get_data(as_text=True)
    assert "<mark>" in page and "Publish" in page
    # drafts are invisible to quiz takers
    assert editor_client.get(f"/quizzes/{quiz.id}").status_code == 404


def test_import_same_text_twice_says_so(editor_client: FlaskClient) -> None:
    editor_client.post("/editor/import", data={"text": ARTICLE})
    before = _counts()
    again = editor_client.post("/editor/import", data={"text": ARTICLE.replace("\n", "\r\n")})
    assert again.status_code == 409
    assert "imported before" in again.get_data(as_text=True)
    assert _counts() == before


def test_import_html_upload_strips_scripts(editor_client: FlaskClient) -> None:
    html = (
        "<html><head><title>Acme grows</title><script>alert('x')</script></head><body>"
        "<nav>Home | News</nav><article>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
        + "<script>document.write('evil')</script></article></body></html>"
    )
    response = editor_client.post(
        "/editor/import",
        data={"upload": (io.BytesIO(html.encode()), "page.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    article = db.session.execute(db.select(Article)).scalar_one()
    assert "alert" not in article.text and "evil" not in article.text
    assert article.title == "Acme grows"


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"text": ""}, 400, "Paste the article"),
        ({"text": "   \n  "}, 400, "Paste the article"),
        ({"text": "Hello there."}, 422, "No question could be made"),
        ({"upload": (io.BytesIO(b"\x89PNG\x00\x00\x01binary"), "photo.txt")}, 400, "binary"),
        ({"upload": (io.BytesIO("Café 5% in Zürich".encode("latin-1")), "a.txt")}, 400, "UTF-8"),
        ({"upload": (io.BytesIO(b"x"), "article.pdf")}, 400, ".pdf is not read"),
        ({"upload": (io.BytesIO(b""), "empty.txt")}, 400, "empty"),
        ({"upload": (io.BytesIO(b"<script>alert(1)</script>"), "x.html")}, 400, "No article text"),
        ({"text": ARTICLE, "source_url": "javascript:alert(1)"}, 400, "URL"),
    ],
)
def test_bad_imports_are_refused(
    editor_client: FlaskClient, data: dict[str, object], status: int, message: str
) -> None:
    response = editor_client.post("/editor/import", data=data, content_type="multipart/form-data")
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert _counts() == (0, 0, 0)


@pytest.mark.app_config(ARTICLE_MAX_CHARS=1000)
def test_too_long_article(editor_client: FlaskClient) -> None:
    response = editor_client.post("/editor/import", data={"text": ARTICLE * 10})
    assert response.status_code == 413 and "the limit is 1,000" in response.get_data(as_text=True)


@pytest.mark.app_config(MAX_CONTENT_LENGTH=1024 * 1024)
def test_huge_upload_is_413(editor_client: FlaskClient) -> None:
    # The multipart body is built here: werkzeug's test builder would spool 10 MB to a
    # temporary file that it never closes.
    boundary = "quizappboundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + b"a" * (10 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = editor_client.post(
        "/editor/import", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 413
    assert _counts() == (0, 0, 0)


def test_import_requires_an_editor(client: FlaskClient) -> None:
    response = client.post("/editor/import", data={"text": ARTICLE})
    assert response.status_code == 302 and "/login" in response.location
    assert _counts() == (0, 0, 0)


def _draft(editor_client: FlaskClient) -> Quiz:
    editor_client.post("/editor/import", data={"text": seed_text(), "title": "Seed"})
    return db.session.execute(db.select(Quiz)).scalar_one()


def test_edit_question_in_a_draft(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    question = next(q for q in quiz.questions if q.kind != "true_false")
    new_stem = "According to the article, " + question.stem[0].lower() + question.stem[1:]
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit", data=edit_form(question, stem=new_stem)
    )
    assert response.status_code == 303
    db.session.refresh(question)
    assert question.stem == new_stem and question.status == "active"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"option_2": "SAME", "option_3": "same"}, "duplicate options"),
        ({"key": ""}, "Choose the correct option"),
        ({"option_4": "", "option_3": "", "key": "1"}, "option"),
    ],
)
def test_edit_rejected_by_the_gate(
    editor_client: FlaskClient, changes: dict[str, str], message: str
) -> None:
    quiz = _draft(editor_client)
    question = next(q for q in quiz.questions if len(q.choices) == 4)
    before = [(c.text, c.is_correct) for c in question.choices]
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit", data=edit_form(question, **changes)
    )
    assert response.status_code == 400
    assert message.lower() in response.get_data(as_text=True).lower()
    db.session.refresh(question)
    assert [(c.text, c.is_correct) for c in question.choices] == before


def test_editing_a_quiz_with_attempts_retires_instead(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    question = quiz.questions[0]
    quiz.status = "published"  # taken while it was published, then back to draft
    db.session.commit()
    submit_attempt(quiz, "Early", {question.id: question.choices[0].id})
    quiz.status = "draft"
    db.session.commit()
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit",
        data=edit_form(question, explanation="A clearer explanation."),
    )
    assert response.status_code == 303
    db.session.refresh(question)
    assert question.status == "retired"
    replacement = next(q for q in quiz.active_questions if q.position == question.position)
    assert replacement.explanation == "A clearer explanation." and replacement.id != question.id


def test_delete_move_publish(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    first, second = quiz.active_questions[:2]
    editor_client.post(f"/editor/questions/{second.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert quiz.active_questions[0].id == second.id
    n = len(quiz.active_questions)
    editor_client.post(f"/editor/questions/{first.id}/delete", data={"confirm": "yes"})
    db.session.expire_all()
    assert len(quiz.active_questions) == n - 1 and db.session.get(Question, first.id) is None
    editor_client.post(f"/editor/quizzes/{quiz.id}/status", data={"status": "published"})
    db.session.expire_all()
    assert quiz.is_published and editor_client.get(f"/quizzes/{quiz.id}").status_code == 200
    bad = editor_client.post(f"/editor/quizzes/{quiz.id}/status", data={"status": "gone"})
    assert bad.status_code == 400


def test_regenerate_and_add_by_hand(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    # a recall question: other seeds give it other wrong options (a true statement that has
    # no clearly false variant may have nothing else to offer)
    question = next(q for q in quiz.active_questions if q.kind.value == "fact_recall")
    old = (question.stem, sorted(c.text for c in question.choices))
    response = editor_client.post(
        f"/editor/questions/{question.id}/regenerate", data={"confirm": "yes"}
    )
    assert response.status_code == 303
    assert "A new question was generated" in editor_client.get(response.location).get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(Question, question.id) is None  # a draft: the old one is gone
    new = next(q for q in quiz.active_questions if q.position == question.position)
    assert (new.stem, sorted(c.text for c in new.choices)) != old
    claim = quiz.article.claims[0]
    data = {
        "claim": str(claim.id),
        "kind": "fact_recall",
        "stem": "Which company's chips did China approve for import?",
        "option_1": "Huawei",
        "option_2": "Intel",
        "option_3": "Nvidia",
        "key": "3",
        "explanation": "The article says China approved Nvidia H200 imports.",
    }
    added = editor_client.post(f"/editor/quizzes/{quiz.id}/questions/new", data=data)
    assert added.status_code == 303, added.get_data(as_text=True)
    db.session.expire_all()
    assert any(q.stem == data["stem"] for q in quiz.active_questions)


def test_retire_and_replace_from_analysis(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    question = quiz.active_questions[0]
    response = editor_client.post(
        f"/editor/questions/{question.id}/replace", data={"confirm": "yes"}
    )
    assert response.status_code == 303 and "/analysis" in response.location
    db.session.expire_all()
    assert question.status == "retired"
    assert any(q.position == question.position for q in quiz.active_questions)


def test_cli_import(runner: FlaskCliRunner, tmp_path: Path, app: Flask) -> None:
    path = tmp_path / "acme.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(args=["import", str(path), "--title", "Acme", "--publish"])
    assert result.exit_code == 0, result.output
    quiz = db.session.get(Quiz, int(result.output.strip()))
    assert quiz is not None and quiz.is_published and quiz.title == "Acme"
    again = runner.invoke(args=["import", str(path)])
    assert again.exit_code != 0 and "imported before" in again.output
    bad = runner.invoke(args=["import", str(path), "--url", "ftp://x"])
    assert bad.exit_code != 0


def test_verdicts_questions_and_claimreview(editor_client: FlaskClient) -> None:
    quiz = _draft(editor_client)
    claim = quiz.article.claims[0]
    page = editor_client.get(f"/editor/quizzes/{quiz.id}/claims")
    assert page.status_code == 200 and claim.text in page.get_data(as_text=True)
    prefix = f"c{claim.id}-"
    saved = editor_client.post(
        f"/editor/quizzes/{quiz.id}/claims/{claim.id}/verdict",
        data={
            prefix + "verdict": "misleading",
            prefix + "note": "Only </script><b>partly</b> true.",
            prefix + "url": "https://factcheck.example/1",
        },
    )
    assert saved.status_code == 303
    db.session.refresh(claim)
    assert claim.verdict == "misleading" and claim.verdict_at is not None
    bad = editor_client.post(
        f"/editor/quizzes/{quiz.id}/claims/{claim.id}/verdict",
        data={prefix + "verdict": "wrong-verdict"},
    )
    assert bad.status_code == 400
    added = editor_client.post(f"/editor/quizzes/{quiz.id}/claims/{claim.id}/question")
    assert added.status_code == 303
    question = next(q for q in quiz.active_questions if q.kind == "verdict")
    assert [c.text for c in question.choices] == ["Accurate", "Misleading", "False", "Unverifiable"]
    assert question.correct_choice.text == "Misleading"  # type: ignore[union-attr]
    assert question.explanation.startswith("Only ")
    twice = editor_client.post(f"/editor/quizzes/{quiz.id}/claims/{claim.id}/question")
    assert twice.status_code == 400
    # A verdict on a claim no question asks about is published as ClaimReview markup.
    other = quiz.article.claims[1]
    editor_client.post(
        f"/editor/quizzes/{quiz.id}/claims/{other.id}/verdict",
        data={
            f"c{other.id}-verdict": "false",
            f"c{other.id}-note": "Only </script><b>partly</b> true.",
            f"c{other.id}-url": "https://factcheck.example/2",
        },
    )
    editor_client.post(f"/editor/quizzes/{quiz.id}/status", data={"status": "published"})
    html = editor_client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert '<script type="application/ld+json">' in html
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<b>" not in block and "\\u003c/script\\u003e" in block  # cannot break out
    data = editor_client.get(f"/api/articles/{quiz.article_id}/claimreview.json").get_json()
    assert [review["claimReviewed"] for review in data] == [other.text]  # not the asked one
    assert data[0]["@type"] == "ClaimReview"
    assert data[0]["reviewRating"]["alternateName"] == "False"
    assert data[0]["url"] == "https://factcheck.example/2"
    assert editor_client.get("/api/articles/999/claimreview.json").status_code == 404


def test_options_are_edited_whole_in_text_areas_and_kept_on_one_line(
    editor_client: FlaskClient,
) -> None:
    """Options that differ only at their end looked alike in one-line fields: each is a text
    area now, read whole; a line break typed into one is stored as a space."""
    quiz = _draft(editor_client)
    question = next(q for q in quiz.questions if q.kind != "true_false")
    html = editor_client.get(f"/editor/questions/{question.id}/edit").get_data(as_text=True)
    assert '<textarea id="option_1" name="option_1" rows="2">' in html
    wrong = next(i for i, c in enumerate(question.choices, start=1) if not c.is_correct)
    text = question.choices[wrong - 1].text
    words = text.split()
    broken = " ".join(words[:1]) + "\n  " + " ".join(words[1:]) if len(words) > 1 else text
    response = editor_client.post(
        f"/editor/questions/{question.id}/edit",
        data=edit_form(question, **{f"option_{wrong}": broken}),
    )
    assert response.status_code == 303
    db.session.refresh(question)
    assert question.choices[wrong - 1].text == " ".join(text.split())
