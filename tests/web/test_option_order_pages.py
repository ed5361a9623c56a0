"""The option order on the pages: each form view its own order (from its submission id),
stored as shown, reviewed as stored; the JSON API in the canonical order. One question at a
time: the attempt's own order, its answers in place (the feedback as a fragment), and its
first page sent again."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, StepwiseAttempt
from quizapp.services import option_order, taking
from quizapp.services.stepwise import options_in_order
from quizapp.web.play import IN_PLACE_HEADER
from tests.factories import make_attempt, make_quiz

_SUBMISSION_ID = re.compile(r'name="submission_id" type="hidden" value="([^"]+)"')


def _shown(html: str, name: str = r"q_(\d+)") -> dict[int, list[int]]:
    """Each radio group's option ids in page order (``name``: the radio's name pattern)."""
    found: dict[int, list[int]] = {}
    for match in re.finditer(rf'<input [^>]*name="{name}"[^>]* type="radio" value="(\d+)"', html):
        key = int(match.group(1)) if match.lastindex == 2 else 0
        found.setdefault(key, []).append(int(match.group(match.lastindex or 1)))
    return found


def _orders(quiz: Quiz, seed: str) -> dict[int, list[int]]:
    return {
        q: list(ids)
        for q, ids in option_order.order_of(seed, taking.quiz_page(quiz.id).questions).items()
    }


def test_each_form_view_shows_the_order_its_submission_id_gives(
    client: FlaskClient, app: Flask
) -> None:
    quiz = make_quiz(n_questions=6)
    pages = [client.get(f"/quizzes/{quiz.id}").get_data(as_text=True) for _ in range(2)]
    seeds = [_SUBMISSION_ID.search(page)[1] for page in pages]  # type: ignore[index]
    shown = [_shown(page) for page in pages]
    assert seeds[0] != seeds[1]
    for seed, order in zip(seeds, shown, strict=True):
        assert order == _orders(quiz, seed)
    assert shown[0] != shown[1]  # six questions of three options: two views, two orders
    canonical = {q.id: [c.id for c in q.choices] for q in quiz.active_questions}
    assert {q: sorted(ids) for q, ids in shown[0].items()} == canonical


def test_the_stored_order_is_the_one_shown_and_the_review_shows_it(client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=6)
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    seed = _SUBMISSION_ID.search(page)[1]  # type: ignore[index]
    shown = _shown(page)
    first = quiz.active_questions[0]
    # Sent with questions left open: the confirmation step shows the same order.
    data = {"name": "Ann", "submission_id": seed, f"q_{first.id}": str(first.choices[1].id)}
    step = client.post(f"/quizzes/{quiz.id}", data=data).get_data(as_text=True)
    assert "Submit anyway" in step and _shown(step) == shown
    response = client.post(f"/quizzes/{quiz.id}", data={**data, "confirm_unanswered": "yes"})
    assert response.status_code == 303
    token = response.location.rsplit("/", 1)[1]
    attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
    assert attempt.option_order == {str(q): ids for q, ids in shown.items()}
    assert any(
        ids != [c.id for c in q.choices] for q in quiz.active_questions for ids in [shown[q.id]]
    )
    review = client.get(f"/attempts/{token}").get_data(as_text=True)
    texts = {c.id: c.text for q in quiz.active_questions for c in q.choices}
    items = re.findall(r'<ul class="review-options" role="list">(.*?)</ul>', review, re.S)
    reviewed = [
        [
            re.sub(r"<[^>]+>", "", text)
            for text in re.findall(
                r'<span class="opt-text">(.*?)(?:<span class="opt-note">|</span>)', item, re.S
            )
        ]
        for item in items
    ]
    expected = [[texts[c] for c in shown[q.id]] for q in quiz.active_questions]
    assert [[t.strip() for t in item] for item in reviewed] == expected


def test_an_attempt_stored_before_shuffling_is_reviewed_in_article_order(
    client: FlaskClient,
) -> None:
    quiz = make_quiz(n_questions=3)
    attempt = make_attempt(quiz, token="old-attempt-token")
    assert attempt.option_order is None
    with client.session_transaction() as session:
        session["attempts"] = [attempt.token]
    review = client.get(f"/attempts/{attempt.token}").get_data(as_text=True)
    assert [t.strip() for t in re.findall(r'<span class="opt-text">([^<]+)', review)[:3]] == [
        c.text for c in quiz.active_questions[0].choices
    ]


def test_the_api_keeps_the_canonical_order(client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=4)
    for _ in range(3):
        body = client.get(f"/api/quizzes/{quiz.id}").get_json()
        assert [[o["id"] for o in q["options"]] for q in body["questions"]] == [
            [c.id for c in q.choices] for q in quiz.active_questions
        ]


# --- one question at a time -----------------------------------------------------------------


@pytest.fixture
def one_quiz(app: Flask) -> Quiz:
    quiz = make_quiz(n_questions=3, title="Ordered steps")
    quiz.display_mode = "one"
    db.session.commit()
    return quiz


def _first_page(client: FlaskClient, quiz: Quiz, **query: str) -> tuple[str, str]:
    html = client.get(f"/quizzes/{quiz.id}", query_string=query).get_data(as_text=True)
    match = re.search(r'id="start_id" name="start_id" type="hidden" value="([^"]+)"', html)
    assert match, html
    return html, match[1]


def _key(q: Question) -> int:
    return q.correct_choice.id  # type: ignore[union-attr]


def _start(client: FlaskClient, quiz: Quiz, start_id: str, **headers: str) -> object:
    first = quiz.active_questions[0]
    data = {"name": "Ann", "question": first.id, "choice": _key(first), "start_id": start_id}
    return client.post(f"/quizzes/{quiz.id}/start", data=data, headers=headers)


def test_a_one_at_a_time_attempt_keeps_its_order_to_the_stored_attempt(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    html, start_id = _first_page(client, one_quiz)
    questions = one_quiz.active_questions
    assert _shown(html, "choice")[0] == list(options_in_order(start_id, questions[0]))
    response = _start(client, one_quiz, start_id)
    token = re.search(r"/play/([^/]+)/", response.location)[1]  # type: ignore[attr-defined,index]
    stepwise = db.session.execute(
        db.select(StepwiseAttempt).where(StepwiseAttempt.token == token)
    ).scalar_one()
    assert stepwise.start_id == start_id
    for q in questions[1:]:
        page = client.get(f"/play/{token}").get_data(as_text=True)
        assert _shown(page, "choice")[0] == list(options_in_order(start_id, q))
        client.post(f"/play/{token}/questions/{q.id}", data={"choice": _key(q)})
    done = client.post(f"/play/{token}/finish")
    assert done.status_code == 303
    attempt = db.session.execute(
        db.select(Attempt).where(Attempt.token == done.location.rsplit("/", 1)[1])
    ).scalar_one()
    assert attempt.option_order == {
        str(q.id): list(options_in_order(start_id, q)) for q in questions
    }


def test_an_answer_sent_in_place_gets_its_feedback_as_a_fragment(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    _, start_id = _first_page(client, one_quiz)
    first, second = one_quiz.active_questions[:2]
    response = _start(client, one_quiz, start_id, **{IN_PLACE_HEADER: "1"})
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.headers[IN_PLACE_HEADER] == "feedback"  # type: ignore[attr-defined]
    fragment = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "<html" not in fragment and "<h1" not in fragment
    assert f'data-chosen="{_key(first)}" data-key="{_key(first)}"' in fragment
    assert 'id="feedback-heading" tabindex="-1"' in fragment and "Next question" in fragment
    assert response.headers["Cache-Control"] == "no-store"  # type: ignore[attr-defined]
    token = re.search(r'href="/play/([^"]+)"', fragment)[1]  # type: ignore[index]
    # The second question sent in place: stored as a plain post would be.
    wrong = next(c.id for c in second.choices if not c.is_correct)
    answer = client.post(
        f"/play/{token}/questions/{second.id}",
        data={"choice": wrong},
        headers={IN_PLACE_HEADER: "1"},
    )
    assert answer.status_code == 200 and "badge-wrong" in answer.get_data(as_text=True)
    # Sent again in place: 409 and no message (the script then sends it the plain way, and
    # that request is told once).
    again = client.post(
        f"/play/{token}/questions/{second.id}",
        data={"choice": _key(second)},
        headers={IN_PLACE_HEADER: "1"},
    )
    assert again.status_code == 409 and again.get_data(as_text=True) == ""
    plain = client.post(f"/play/{token}/questions/{second.id}", data={"choice": _key(second)})
    assert plain.status_code == 303
    page = client.get(plain.location).get_data(as_text=True)
    assert page.count("already answered that question") == 1
    stepwise = db.session.execute(
        db.select(StepwiseAttempt).where(StepwiseAttempt.token == token)
    ).scalar_one()
    assert {a.question_id: a.choice_id for a in stepwise.answers} == {
        first.id: _key(first),
        second.id: wrong,
    }


def test_no_feedback_fragment_before_an_answer_is_stored(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    _, start_id = _first_page(client, one_quiz)
    first = one_quiz.active_questions[0]
    data = {"name": "", "question": first.id, "choice": _key(first), "start_id": start_id}
    response = client.post(
        f"/quizzes/{one_quiz.id}/start", data=data, headers={IN_PLACE_HEADER: "1"}
    )
    assert response.status_code == 400 and IN_PLACE_HEADER not in response.headers
    assert "data-key" not in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(StepwiseAttempt.id))) == 0


def test_the_first_page_sent_again_leads_to_the_current_question(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    _, start_id = _first_page(client, one_quiz)
    response = _start(client, one_quiz, start_id)
    token = re.search(r"/play/([^/]+)/", response.location)[1]  # type: ignore[attr-defined,index]
    again = _start(client, one_quiz, start_id)
    assert again.status_code == 303 and again.location == f"/play/{token}"  # type: ignore[attr-defined]
    assert "already answered" in client.get(f"/play/{token}").get_data(as_text=True)
    # Back reloads the first page: while the attempt is unfinished it is that attempt's
    # first page again, so sending it leads to the current question too.
    html, reloaded = _first_page(client, one_quiz)
    assert reloaded == start_id and "start again" in html
    assert _start(client, one_quiz, reloaded).location == f"/play/{token}"  # type: ignore[attr-defined]
    assert db.session.scalar(db.select(db.func.count(StepwiseAttempt.id))) == 1
    # "Start again" is a new first page, and a new attempt.
    _, fresh = _first_page(client, one_quiz, new=start_id)
    assert fresh != start_id
    restarted = _start(client, one_quiz, fresh)
    assert f"/play/{token}" not in restarted.location  # type: ignore[attr-defined]
    assert db.session.scalar(db.select(db.func.count(StepwiseAttempt.id))) == 2
