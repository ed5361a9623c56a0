"""Hostile and malformed requests: each one gets a 4xx with a clear message, never a 5xx,
and leaves the database exactly as it was.

CSRF protection is on here (as in production). Each case builds its request from a small
context: the quiz, a valid CSRF token of this client's session, another quiz, and so on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Choice, Claim, Question, Quiz, Response, User
from tests.factories import make_quiz

LIMIT = 64 * 1024  # MAX_CONTENT_LENGTH in this module

pytestmark = pytest.mark.app_config(WTF_CSRF_ENABLED=True, MAX_CONTENT_LENGTH=LIMIT)


@dataclass
class Ctx:
    quiz: Quiz
    other: Quiz
    draft: Quiz
    token: str
    client: FlaskClient
    app: Flask

    def form(self, **fields: Any) -> dict[str, Any]:
        """A valid quiz form (every question answered right) with ``fields`` replaced."""
        data: dict[str, Any] = {
            "csrf_token": self.token,
            "name": "Ada",
            "submission_id": "hostile-1",
        }
        for q in self.quiz.questions:
            data[f"q_{q.id}"] = str(q.correct_choice.id)  # type: ignore[union-attr]
        data.update(fields)
        return {k: v for k, v in data.items() if v is not None}

    def body(self, **fields: Any) -> dict[str, Any]:
        """A valid API body with ``fields`` replaced (``None`` removes one)."""
        data: dict[str, Any] = {
            "name": "Ada",
            "answers": {str(q.id): q.choices[0].id for q in self.quiz.questions},
        }
        data.update(fields)
        return {k: v for k, v in data.items() if v is not None}

    @property
    def q1(self) -> Question:
        return self.quiz.questions[0]

    @property
    def q2_choice(self) -> int:
        return self.quiz.questions[1].choices[0].id


Request = Callable[[Ctx], Any]


def form_post(make: Callable[[Ctx], dict[str, Any]], path: str = "/quizzes/{id}") -> Request:
    return lambda c: c.client.post(path.format(id=c.quiz.id), data=make(c))


def api_post(
    make: Callable[[Ctx], Any], path: str = "/api/quizzes/{id}/attempts", **kwargs: Any
) -> Request:
    def send(c: Ctx) -> Any:
        url = path.format(id=c.quiz.id, other=c.other.id, draft=c.draft.id)
        if "content_type" in kwargs:
            return c.client.post(url, data=make(c), **kwargs)
        return c.client.post(url, json=make(c), **kwargs)

    return send


def get(path: str) -> Request:
    return lambda c: c.client.get(path.format(id=c.quiz.id, draft=c.draft.id))


def replay_with_other_answers(c: Ctx) -> Any:
    """An API client's submission id sent again with another name and answers."""
    url = f"/api/quizzes/{c.quiz.id}/attempts"
    assert c.client.post(url, json=c.body(submission_id="replayed-01")).status_code == 201
    other = c.app.test_client()
    return ("counts-now", other.post(url, json=c.body(name="Eve", submission_id="replayed-01")))


# (id, request, expected status, words the message must contain)
CASES: list[tuple[str, Request, int, str]] = [
    # -- the quiz form, CSRF on ------------------------------------------------------------
    ("form-no-csrf", form_post(lambda c: c.form(csrf_token=None)), 400, "Reload the page"),
    ("form-wrong-csrf", form_post(lambda c: c.form(csrf_token="forged")), 400, "Reload the page"),
    (
        "form-csrf-of-other-session",
        lambda c: c.app.test_client().post(f"/quizzes/{c.quiz.id}", data=c.form()),
        400,
        "Reload the page",
    ),
    ("form-empty-name", form_post(lambda c: c.form(name="   ")), 400, "display name"),
    ("form-name-41", form_post(lambda c: c.form(name="x" * 41)), 400, "at most 40"),
    ("form-name-10k", form_post(lambda c: c.form(name="x" * 10_000)), 400, "at most 40"),
    (
        "form-name-null-byte",
        form_post(lambda c: c.form(name="Ada\x00Lovelace")),
        400,
        "not allowed",
    ),
    ("form-name-control", form_post(lambda c: c.form(name="Ada\x07\x1b[31m")), 400, "not allowed"),
    (
        "form-name-bidi-override",
        form_post(lambda c: c.form(name="\u202egnp.exe")),
        400,
        "not allowed",
    ),
    (
        "form-choice-of-other-question",
        form_post(lambda c: c.form(**{f"q_{c.q1.id}": str(c.q2_choice)})),
        400,
        "does not belong",
    ),
    (
        "form-choice-not-a-number",
        form_post(lambda c: c.form(**{f"q_{c.q1.id}": "abc"})),
        400,
        "does not belong",
    ),
    (
        "form-choice-negative",
        form_post(lambda c: c.form(**{f"q_{c.q1.id}": "-5"})),
        400,
        "does not belong",
    ),
    (
        "form-choice-huge",
        form_post(lambda c: c.form(**{f"q_{c.q1.id}": "9" * 40})),
        400,
        "does not belong",
    ),
    (
        "form-bad-submission-id",
        form_post(lambda c: c.form(submission_id="<script>")),
        400,
        "Bad form id",
    ),
    # "²" and "①" pass str.isdigit() and fail int() (issue 11, finding 9)
    (
        "form-question-superscript-two",
        form_post(lambda c: c.form(**{"q_²": "1"})),
        400,
        "not a question of this quiz",
    ),
    (
        "form-question-circled-one",
        form_post(lambda c: c.form(**{"q_①": "1"})),
        400,
        "not a question of this quiz",
    ),
    ("form-oversized-body", form_post(lambda c: c.form(name="x" * (LIMIT + 1))), 413, "too large"),
    ("form-unknown-quiz", form_post(lambda c: c.form(), "/quizzes/999999"), 404, "no such quiz"),
    (
        "form-huge-quiz-id",
        form_post(lambda c: c.form(), "/quizzes/" + "9" * 30),
        404,
        "does not exist",
    ),
    (
        "form-draft-quiz",
        lambda c: c.client.post(f"/quizzes/{c.draft.id}", data=c.form()),
        404,
        "no such quiz",
    ),
    ("api-id-replayed-with-other-answers", replay_with_other_answers, 409, "already used"),
    # -- the JSON API ---------------------------------------------------------------------
    ("api-text-plain", api_post(lambda c: "name=Ada", content_type="text/plain"), 415, "JSON"),
    (
        "api-form-encoded",
        api_post(lambda c: "name=Ada", content_type="application/x-www-form-urlencoded"),
        415,
        "JSON",
    ),
    (
        "api-invalid-json",
        api_post(lambda c: "{name: Ada", content_type="application/json"),
        400,
        "not valid JSON",
    ),
    ("api-json-array", api_post(lambda c: [1, 2]), 400, "JSON object"),
    (
        "api-json-null",
        api_post(lambda c: "null", content_type="application/json"),
        400,
        "not valid JSON",
    ),
    ("api-name-number", api_post(lambda c: c.body(name=42)), 400, "'name'"),
    ("api-name-missing", api_post(lambda c: c.body(name=None)), 400, "'name'"),
    ("api-name-empty", api_post(lambda c: c.body(name="")), 400, "display name"),
    ("api-name-41", api_post(lambda c: c.body(name="é" * 41)), 400, "at most 40"),
    ("api-name-null-byte", api_post(lambda c: c.body(name="A\x00B")), 400, "not allowed"),
    (
        "api-name-lone-surrogate",
        api_post(lambda c: '{"name": "A\\ud800B", "answers": {}}', content_type="application/json"),
        400,
        "not allowed",
    ),
    ("api-name-bidi-isolate", api_post(lambda c: c.body(name="Ada\u2066x")), 400, "not allowed"),
    ("api-answers-list", api_post(lambda c: c.body(answers=[1, 2])), 400, "'answers'"),
    (
        "api-answer-key-word",
        api_post(lambda c: c.body(answers={"abc": 1})),
        400,
        "not a question id",
    ),
    (
        "api-answer-key-negative",
        api_post(lambda c: c.body(answers={"-1": 1})),
        400,
        "not a question id",
    ),
    (
        "api-answer-key-huge",
        api_post(lambda c: c.body(answers={"9" * 30: 1})),
        400,
        "not a question id",
    ),
    (
        "api-answer-key-superscript-two",
        api_post(lambda c: c.body(answers={"²": 1})),
        400,
        "not a question id",
    ),
    (
        "api-answer-key-circled-one",
        api_post(lambda c: c.body(answers={"①": 1})),
        400,
        "not a question id",
    ),
    # nested past the JSON parser's recursion limit (100,000 deep in the finding; this module
    # caps bodies at 64 KB, and 30,000 is as far past the limit)
    (
        "api-json-nested-deep",
        api_post(lambda c: "[" * 30_000 + "]" * 30_000, content_type="application/json"),
        400,
        "nested too deeply",
    ),
    (
        "api-answer-value-string",
        api_post(lambda c: c.body(answers={str(c.q1.id): "1"})),
        400,
        "positive integer",
    ),
    (
        "api-answer-value-bool",
        api_post(lambda c: c.body(answers={str(c.q1.id): True})),
        400,
        "positive integer",
    ),
    (
        "api-answer-value-negative",
        api_post(lambda c: c.body(answers={str(c.q1.id): -3})),
        400,
        "positive integer",
    ),
    (
        "api-answer-value-float",
        api_post(lambda c: c.body(answers={str(c.q1.id): 1.5})),
        400,
        "positive integer",
    ),
    (
        "api-answer-value-huge",
        api_post(lambda c: c.body(answers={str(c.q1.id): 2**70})),
        400,
        "positive integer",
    ),
    (
        "api-choice-of-other-question",
        api_post(lambda c: c.body(answers={str(c.q1.id): c.q2_choice})),
        400,
        "not an option",
    ),
    (
        "api-question-of-other-quiz",
        api_post(lambda c: c.body(answers={str(c.other.questions[0].id): 1})),
        400,
        "not part of this quiz",
    ),
    (
        "api-submission-id-short",
        api_post(lambda c: c.body(submission_id="abc")),
        400,
        "'submission_id'",
    ),
    (
        "api-submission-id-number",
        api_post(lambda c: c.body(submission_id=12345678)),
        400,
        "'submission_id'",
    ),
    (
        "api-submission-id-null-byte",
        api_post(lambda c: c.body(submission_id="abcd\x00efgh")),
        400,
        "'submission_id'",
    ),
    (
        "api-idempotency-key-long",
        api_post(lambda c: c.body(), headers={"Idempotency-Key": "k" * 500}),
        400,
        "'submission_id'",
    ),
    ("api-oversized", api_post(lambda c: c.body(name="x" * (LIMIT + 1))), 413, "too large"),
    (
        "api-unknown-quiz",
        api_post(lambda c: c.body(), "/api/quizzes/999999/attempts"),
        404,
        "no such quiz",
    ),
    (
        "api-draft-quiz",
        api_post(lambda c: c.body(), "/api/quizzes/{draft}/attempts"),
        404,
        "no such quiz",
    ),
    ("api-get-on-post-only", get("/api/quizzes/{id}/attempts"), 405, "not allowed"),
    # -- paths and queries ----------------------------------------------------------------
    ("attempt-token-null-byte", get("/attempts/abc%00def"), 404, "no such attempt"),
    ("api-attempt-token-null-byte", get("/api/attempts/abc%00def"), 404, "no such attempt"),
    ("attempt-token-very-long", get("/api/attempts/" + "t" * 5000), 404, "no such attempt"),
    ("scores-page-negative", get("/quizzes/{id}/scores?page=-1"), 404, ""),
    ("scores-page-huge", get("/quizzes/{id}/scores?page=" + "9" * 30), 404, ""),
    ("negative-quiz-id", get("/quizzes/-1"), 404, "does not exist"),
    ("api-stats-anonymous", get("/api/quizzes/{id}/stats"), 401, "Editor credentials"),
    (
        "login-null-byte",
        lambda c: c.client.post(
            "/login", data={"csrf_token": c.token, "username": "ed\x00", "password": "x"}
        ),
        400,
        "wrong password",
    ),
    (
        "login-no-csrf",
        lambda c: c.client.post("/login", data={"username": "ed", "password": "x"}),
        400,
        "Reload the page",
    ),
]


def _token(html: str) -> str:
    marker = 'name="csrf_token" type="hidden" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def _counts() -> dict[str, int]:
    return {
        model.__name__: db.session.scalar(db.select(db.func.count()).select_from(model)) or 0
        for model in (Article, Claim, Quiz, Question, Choice, Attempt, Response, User)
    }


@pytest.fixture
def ctx(app: Flask, client: FlaskClient) -> Ctx:
    quiz = make_quiz(title="Target")
    other = make_quiz(title="Other")
    draft = make_quiz(title="Draft", status="draft")
    html = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    return Ctx(quiz=quiz, other=other, draft=draft, token=_token(html), client=client, app=app)


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("request_", "status", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_request_is_refused_cleanly(
    ctx: Ctx, request_: Request, status: int, words: str
) -> None:
    before = _counts()
    response = request_(ctx)
    if isinstance(response, tuple):  # the case stored something legitimately first
        before, response = _counts(), response[1]
    db.session.rollback()
    assert 400 <= response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.status_code == status, response.get_data(as_text=True)[-3000:]
    text = response.get_data(as_text=True)
    assert words.lower() in text.lower()
    if response.mimetype == "application/json":
        assert response.get_json()["error"]["status"] == status
    assert _counts() == before


def test_a_valid_form_still_passes_with_csrf_on(ctx: Ctx) -> None:
    response = ctx.client.post(f"/quizzes/{ctx.quiz.id}", data=ctx.form())
    assert response.status_code == 303


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "<b>Ada</b>", "\"'><img src=x>"])
def test_html_in_names_is_stored_as_typed_and_rendered_escaped(ctx: Ctx, name: str) -> None:
    response = ctx.client.post(f"/quizzes/{ctx.quiz.id}", data=ctx.form(name=name))
    assert response.status_code == 303
    stored = db.session.scalars(db.select(Attempt.name)).one()
    assert stored == name
    for page in (f"/quizzes/{ctx.quiz.id}/scores", response.location):
        html = ctx.client.get(page).get_data(as_text=True)
        assert name not in html
        assert "&lt;" in html


@pytest.mark.parametrize("name", ["Zoë", "李小龙", "😀 emoji", "e\u0301", "Ｆｕｌｌ"])
def test_unicode_names_are_welcome(ctx: Ctx, name: str) -> None:
    response = ctx.client.post(f"/api/quizzes/{ctx.quiz.id}/attempts", json=ctx.body(name=name))
    assert response.status_code == 201
    assert response.get_json()["name"] == name


def test_json_nested_100000_deep_is_a_400(app: Flask, ctx: Ctx) -> None:
    """The finding's own body: 100,000 arrays deep (200 KB, under the default body limit)."""
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    response = ctx.client.post(
        f"/api/quizzes/{ctx.quiz.id}/attempts",
        data="[" * 100_000 + "]" * 100_000,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["error"]["message"]


def _stale_form_after(ctx: Ctx, change: Callable[[Question], Any]) -> Any:
    """A taker opens the quiz, an editor changes its first question, the taker sends the form."""
    form = ctx.form(submission_id="stale-form-01")
    change(ctx.q1)
    return ctx.client.post(f"/quizzes/{ctx.quiz.id}", data=form)


def _edit(question: Question) -> None:
    from quizapp.services import editing

    editing.update_question(
        question,
        stem="According to the article, " + question.stem.lower(),
        options=[(c.text, c.is_correct) for c in question.choices],
        explanation="",
    )


def test_a_form_answering_an_edited_question_comes_back_with_the_reason(ctx: Ctx) -> None:
    """Issue 11, finding 11: the quiz has attempts, so the edit retires the question; the
    taker's open form must not lose that answer and be scored wrong without a word."""
    first = ctx.client.post(f"/api/quizzes/{ctx.quiz.id}/attempts", json=ctx.body(name="Earlier"))
    assert first.status_code == 201
    before = _counts()
    kept = ctx.quiz.questions[1]
    response = _stale_form_after(ctx, _edit)
    html = response.get_data(as_text=True)
    assert response.status_code == 409, html[-2000:]
    assert "An editor changed a question of this quiz after you opened it" in html
    assert "nothing was stored" in html
    checked = re.search(rf'<input checked[^>]*name="q_{kept.id}"[^>]*value="(\d+)"', html)
    assert checked and int(checked.group(1)) == kept.correct_choice.id  # type: ignore[union-attr]
    db.session.rollback()
    after = _counts()
    assert (after["Attempt"], after["Response"]) == (before["Attempt"], before["Response"])


def test_a_form_answering_a_deleted_question_comes_back_with_the_reason(ctx: Ctx) -> None:
    """Without attempts, a deleted question is gone for good: the same reason applies."""
    from quizapp.services import editing

    before_delete = _counts()
    response = _stale_form_after(ctx, editing.delete_question)
    assert response.status_code == 409
    assert "An editor changed a question" in response.get_data(as_text=True)
    db.session.rollback()
    after = _counts()
    assert (after["Attempt"], after["Response"]) == (
        before_delete["Attempt"],
        before_delete["Response"],
    )
