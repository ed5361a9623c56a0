"""Destructive editor buttons (delete, regenerate, retire-and-replace) confirm first, without
JavaScript: the first POST only shows what will happen, the POST with ``confirm=yes`` does it,
and the CSRF token is checked on both. CSRF protection is on here, as in production.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services.articles import import_article
from quizapp.services.quizzes import seed_text
from tests.factories import log_in, make_editor, make_quiz, submit_attempt

pytestmark = pytest.mark.app_config(WTF_CSRF_ENABLED=True)


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match[1]


@pytest.fixture
def editor(client: FlaskClient) -> tuple[FlaskClient, str]:
    """The client logged in as an editor, with its session's CSRF token."""
    make_editor()
    token = _token(client.get("/login").get_data(as_text=True))
    response = log_in(client, csrf_token=token)
    assert response.status_code == 302 and response.location == "/editor/"
    return client, token


def _state(quiz: Quiz) -> list[tuple[int, str, str]]:
    db.session.expire_all()
    return [(q.id, q.status, q.stem) for q in db.session.get(Quiz, quiz.id).questions]  # type: ignore[union-attr]


ACTIONS = {
    "delete": ("Delete this question?", "Delete the question"),
    "regenerate": ("Replace this question with a new one?", "Regenerate the question"),
    "replace": ("Retire this question and generate a replacement?", "Retire and replace"),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_the_first_post_only_asks(editor: tuple[FlaskClient, str], action: str) -> None:
    client, token = editor
    quiz = make_quiz(n_questions=3)
    question = quiz.questions[1]
    before = _state(quiz)
    response = client.post(f"/editor/questions/{question.id}/{action}", data={"csrf_token": token})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    heading, button = ACTIONS[action]
    assert f"<h1>{heading}</h1>" in html
    assert question.stem in html and "Question 2 of" in html
    assert f'action="/editor/questions/{question.id}/{action}"' in html
    assert 'name="confirm" value="yes"' in html and f">{button}</button>" in html
    assert ">Cancel</a>" in html
    assert "published: people taking it see the change at once" in html  # make_quiz publishes
    assert _state(quiz) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_csrf_is_checked_on_both_steps(editor: tuple[FlaskClient, str], action: str) -> None:
    client, _ = editor
    quiz = make_quiz(n_questions=3)
    question = quiz.questions[1]
    before = _state(quiz)
    for data in ({}, {"confirm": "yes"}, {"confirm": "yes", "csrf_token": "forged"}):
        response = client.post(f"/editor/questions/{question.id}/{action}", data=data)
        assert response.status_code == 400, (data, response.status_code)
        assert _state(quiz) == before


def test_confirmed_delete_deletes(editor: tuple[FlaskClient, str]) -> None:
    client, token = editor
    quiz = make_quiz(n_questions=3, status="draft")
    question = quiz.questions[1]
    page = client.post(f"/editor/questions/{question.id}/delete", data={"csrf_token": token})
    assert "cannot be undone" in page.get_data(as_text=True)
    response = client.post(
        f"/editor/questions/{question.id}/delete", data={"csrf_token": token, "confirm": "yes"}
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Question, question.id) is None


def test_delete_with_attempts_says_it_retires(editor: tuple[FlaskClient, str]) -> None:
    client, token = editor
    quiz = make_quiz(n_questions=3)
    q1 = quiz.questions[0]
    submit_attempt(quiz, "Ada", {q1.id: q1.correct_choice.id})  # type: ignore[union-attr]
    page = client.post(f"/editor/questions/{q1.id}/delete", data={"csrf_token": token})
    assert "retired, not erased" in page.get_data(as_text=True)
    client.post(f"/editor/questions/{q1.id}/delete", data={"csrf_token": token, "confirm": "yes"})
    db.session.expire_all()
    assert db.session.get(Question, q1.id).status == "retired"  # type: ignore[union-attr]


def test_confirmed_retire_and_replace_retires(editor: tuple[FlaskClient, str]) -> None:
    client, token = editor
    quiz = make_quiz(n_questions=3)
    question = quiz.questions[0]
    response = client.post(
        f"/editor/questions/{question.id}/replace", data={"csrf_token": token, "confirm": "yes"}
    )
    assert response.status_code == 303 and response.location.endswith(f"/{quiz.id}/analysis")
    db.session.expire_all()
    assert db.session.get(Question, question.id).status == "retired"  # type: ignore[union-attr]


def test_regenerate_on_a_published_quiz_confirms_then_highlights_the_new_question(
    editor: tuple[FlaskClient, str],
) -> None:
    client, token = editor
    quiz = import_article(seed_text(), title="Seed", publish=True)
    question = quiz.active_questions[0]
    before = _state(quiz)
    # of the claims no question asks, best first: one the engine cannot ask (which depends on
    # the generator's version) is refused with a message and the quiz unchanged; one of the
    # first few is asked
    asked = {q.claim_id for q in quiz.active_questions}
    free = sorted((c for c in quiz.article.claims if c.id not in asked), key=lambda c: -c.score)
    match = None
    for claim in free[:6]:
        data = {"csrf_token": token, "claim": str(claim.id)}
        page = client.post(f"/editor/questions/{question.id}/regenerate", data=data)
        html = page.get_data(as_text=True)
        assert page.status_code == 200 and _state(quiz) == before
        assert "The quiz is published" in html and claim.text in html
        assert f'name="claim" value="{claim.id}"' in html  # the choice is carried to the confirm

        response = client.post(
            f"/editor/questions/{question.id}/regenerate", data={**data, "confirm": "yes"}
        )
        assert response.status_code == 303
        match = re.search(r"\?new=(\d+)#q(\d+)$", response.location)
        if match:
            break
        refused = client.get(response.location).get_data(as_text=True)
        assert "could not make another question from this claim" in refused
        assert _state(quiz) == before
    assert match and match[1] == match[2]
    new_id = int(match[1])
    db.session.expire_all()
    new = db.session.get(Question, new_id)
    assert new is not None and new.claim_id == claim.id and new.status == "active"
    assert db.session.get(Question, question.id) is None  # no attempts: erased

    review = client.get(response.location).get_data(as_text=True)
    item = review[review.index(f'id="q{new_id}"') :]
    item = item[: item.index("</li>\n")]
    assert "A new question was generated" in item  # the message beside the new question
    head = review[: review.index("<h1>")]
    assert "A new question was generated" not in head  # not only at the top, out of view
    assert f'class="review-item is-new" id="q{new_id}"' in review
