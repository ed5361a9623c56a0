"""What a browser remembers in its signed cookie: attempt and progress tokens."""

from __future__ import annotations

from flask import Flask, session
from flask.testing import FlaskClient

from quizapp.models import Quiz
from quizapp.web import browser_memory
from tests.factories import form_answer


def test_tokens_are_kept_in_order_once_each_and_bounded(app: Flask) -> None:
    with app.test_request_context("/"):
        for n in range(browser_memory.HISTORY_MAX + 5):
            browser_memory.remember_attempt(f"token-{n}")
        browser_memory.remember_attempt("token-10")  # seen again: moves to the end
        tokens = browser_memory.attempt_tokens()
        assert len(tokens) == browser_memory.HISTORY_MAX
        assert tokens[-1] == "token-10" and tokens.count("token-10") == 1
        assert "token-0" not in tokens  # the oldest are forgotten
        assert isinstance(session["attempts"], str)  # one string, not a list


def test_ownership_is_by_whole_token_never_by_substring(app: Flask) -> None:
    with app.test_request_context("/"):
        browser_memory.remember_attempt("abcdefgh12345678")
        assert browser_memory.owns_attempt("abcdefgh12345678")
        assert not browser_memory.owns_attempt("abcdefgh")
        assert not browser_memory.owns_attempt("h1234")
        assert not browser_memory.owns_attempt(" ")
        assert not browser_memory.owns_stepwise("abcdefgh12345678")


def test_cookies_made_before_with_lists_still_count(app: Flask) -> None:
    with app.test_request_context("/"):
        session["attempts"] = ["old-token-1", 7, "old-token-2"]
        session["progress"] = ["progress-1"]
        assert browser_memory.attempt_tokens() == ["old-token-1", "old-token-2"]
        assert browser_memory.owns_stepwise("progress-1")
        browser_memory.remember_attempt("new-token")
        assert session["attempts"] == "old-token-1 old-token-2 new-token"
        session["attempts"] = {"not": "tokens"}
        assert browser_memory.attempt_tokens() == []


def test_the_results_page_opens_for_the_browser_that_submitted(
    app: Flask, client: FlaskClient, quiz: Quiz
) -> None:
    response = client.post(
        f"/quizzes/{quiz.id}",
        data={"name": "Mine", "submission_id": "memory-sub-0001", **form_answer(quiz)},
    )
    assert response.status_code == 303
    assert client.get(response.headers["Location"]).status_code == 200
    assert app.test_client().get(response.headers["Location"]).status_code == 403
