"""The quiz-taking flow through the Flask test client: list, take, results, scores."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from tests.factories import a_wrong_answer, make_quiz


def _form(
    quiz: Quiz,
    name: str = "Ada",
    answers: dict[int, int] | None = None,
    sid: str = "sub-000001",
    confirm: bool = True,
) -> dict[str, str]:
    """The quiz form; without ``answers``, one wrong answer (nothing is stored without one);
    with ``confirm``, as "Submit anyway" sends it (questions may be left unanswered)."""
    data = {"name": name, "submission_id": sid}
    for qid, cid in (a_wrong_answer(quiz) if answers is None else answers).items():
        data[f"q_{qid}"] = str(cid)
    if confirm:
        data["confirm_unanswered"] = "yes"
    return data


def _keys(quiz: Quiz) -> dict[int, int]:
    return {q.id: q.correct_choice.id for q in quiz.questions}  # type: ignore[union-attr]


def _counts() -> tuple[int, int]:
    return (
        db.session.scalar(db.select(db.func.count(Attempt.id))) or 0,
        db.session.scalar(db.select(db.func.count(Response.id))) or 0,
    )


def test_home_lists_published_quizzes_only(client: FlaskClient, app: Flask) -> None:
    make_quiz(title="Published one")
    make_quiz(title="Draft one", status="draft")
    html = client.get("/").get_data(as_text=True)
    assert "Published one" in html
    assert "Draft one" not in html
    assert "3 questions" in html


def test_quiz_page_shows_radio_groups_and_hides_the_key(client: FlaskClient, quiz: Quiz) -> None:
    response = client.get(f"/quizzes/{quiz.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<fieldset") == 3
    assert html.count('type="radio"') == 9
    assert "Your display name" in html
    # The key is never sent before the attempt is submitted.
    assert "is_correct" not in html and "typed_list" not in html


def test_full_flow_stores_attempt_and_shows_results(client: FlaskClient, quiz: Quiz) -> None:
    keys = _keys(quiz)
    q1, q2, q3 = quiz.questions
    wrong = next(c.id for c in q2.choices if not c.is_correct)
    response = client.post(
        f"/quizzes/{quiz.id}",
        data=_form(quiz, "  Ada   Lovelace ", {q1.id: keys[q1.id], q2.id: wrong}),
    )
    assert response.status_code == 303
    assert response.location.startswith("/attempts/")
    attempt = db.session.execute(db.select(Attempt)).scalar_one()
    assert (attempt.name, attempt.score, attempt.total) == ("Ada Lovelace", 1, 3)
    assert len(attempt.responses) == 2  # the unanswered question stores nothing

    page = client.get(response.location)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "1 / 3" in html
    assert "1 question unanswered" in html
    # Each key is marked once, as "Your answer" where it was chosen (its ✓ says it is right).
    assert (html.count("Correct answer"), html.count("Your answer")) == (2, 2)
    assert q1.evidence_text in html
    assert "Not answered" in html

    scores = client.get(f"/quizzes/{quiz.id}/scores").get_data(as_text=True)
    assert "Ada Lovelace" in scores and "1 / 3" in scores


def test_scores_newest_first_and_paginated(client: FlaskClient, app: Flask, quiz: Quiz) -> None:
    app.config["SCORES_PER_PAGE"] = 2
    for i in range(5):
        client.post(
            f"/quizzes/{quiz.id}", data=_form(quiz, f"Taker {i}", sid=f"submission-{i:04d}")
        )
    first = client.get(f"/quizzes/{quiz.id}/scores").get_data(as_text=True)
    first = first.split('id="all-title"')[1]  # the attempts list, after the leaderboard
    assert re.search(r"Taker 4.*Taker 3", first, re.S)
    assert "Taker 2" not in first
    assert "Page 1 of 3" in first
    last = client.get(f"/quizzes/{quiz.id}/scores?page=3").get_data(as_text=True)
    assert "Taker 0" in last
    assert client.get(f"/quizzes/{quiz.id}/scores?page=9").status_code == 404


def test_replayed_form_is_stored_once(client: FlaskClient, quiz: Quiz) -> None:
    data = _form(quiz, answers=_keys(quiz))
    first = client.post(f"/quizzes/{quiz.id}", data=data)
    second = client.post(f"/quizzes/{quiz.id}", data={**data, "name": "Someone else"})
    assert first.location == second.location
    assert _counts() == (1, 3)
    assert db.session.execute(db.select(Attempt.name)).scalar_one() == "Ada"


def test_replayed_form_from_another_browser_is_an_attempt_of_its_own(
    app: Flask, quiz: Quiz
) -> None:
    # The submission id is bound to the browser that was shown the form: a copy sent from
    # another browser neither replaces nor reveals the first attempt.
    data = _form(quiz, answers=_keys(quiz))
    first = app.test_client().post(f"/quizzes/{quiz.id}", data=data)
    other = app.test_client().post(f"/quizzes/{quiz.id}", data=data)
    assert other.status_code == 303 and other.location != first.location
    assert _counts() == (2, 6)


def test_results_are_private_to_the_browser_that_took_the_quiz(app: Flask, quiz: Quiz) -> None:
    location = app.test_client().post(f"/quizzes/{quiz.id}", data=_form(quiz)).location
    response = app.test_client().get(location)
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "This result is not yours" in html and "Take the quiz yourself" in html
    assert app.test_client().get("/attempts/not-a-token").status_code == 404


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please enter a display name."),
        ("    ", "Please enter a display name."),
        ("x" * 41, "at most 40 characters"),
    ],
)
def test_bad_names_are_refused(client: FlaskClient, quiz: Quiz, name: str, message: str) -> None:
    response = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, name, _keys(quiz)))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _counts() == (0, 0)


def test_forty_character_name_after_trimming_is_accepted(client: FlaskClient, quiz: Quiz) -> None:
    response = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, "  " + "y" * 40 + "  "))
    assert response.status_code == 303


def test_choice_of_another_question_is_refused(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, _ = quiz.questions
    response = client.post(
        f"/quizzes/{quiz.id}", data=_form(quiz, answers={q1.id: q2.choices[0].id})
    )
    assert response.status_code == 400
    assert "does not belong to this question" in response.get_data(as_text=True)
    assert _counts() == (0, 0)


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999", ""])
def test_garbage_choice_values(client: FlaskClient, quiz: Quiz, value: str) -> None:
    q1 = quiz.questions[0]
    data = _form(quiz)
    data[f"q_{q1.id}"] = value
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    if value == "":
        assert response.status_code == 400  # an empty value is an unanswered question...
        assert "not answered any question" in response.get_data(as_text=True)  # ...the only one
    else:
        assert response.status_code == 400
        assert _counts() == (0, 0)


def test_question_of_another_quiz_is_ignored(client: FlaskClient, quiz: Quiz) -> None:
    other = make_quiz(title="Other quiz")
    foreign = other.questions[0]
    data = _form(quiz)
    data[f"q_{foreign.id}"] = str(foreign.correct_choice.id)  # type: ignore[union-attr]
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    assert response.status_code == 303
    attempt = db.session.execute(db.select(Attempt)).scalar_one()
    assert attempt.quiz_id == quiz.id and len(attempt.responses) == 1 and attempt.score == 0
    # Alone, it is no answer at all: nothing is stored.
    alone = _form(quiz, answers={foreign.id: foreign.choices[0].id}, sid="sub-000002")
    response = client.post(f"/quizzes/{quiz.id}", data=alone)
    assert response.status_code == 400 and _counts() == (1, 1)


@pytest.mark.parametrize("path", ["/quizzes/999", "/quizzes/999/scores", "/quizzes/999/article"])
def test_unknown_quiz_is_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "There is no such quiz" in response.get_data(as_text=True)


def test_draft_quiz_is_not_served(client: FlaskClient, app: Flask) -> None:
    draft = make_quiz(title="Draft", status="draft")
    assert client.get(f"/quizzes/{draft.id}").status_code == 404
    assert client.post(f"/quizzes/{draft.id}", data=_form(draft)).status_code == 404


def test_bad_submission_id_is_refused(client: FlaskClient, quiz: Quiz) -> None:
    response = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, sid="<script>"))
    assert response.status_code == 400
    assert _counts() == (0, 0)


def test_article_page_shows_the_text(client: FlaskClient, quiz: Quiz) -> None:
    html = client.get(f"/quizzes/{quiz.id}/article").get_data(as_text=True)
    assert "founded in 1998 by Maria Silva" in html


def test_json_clients_get_json_errors(client: FlaskClient) -> None:
    response = client.get("/quizzes/12345", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_csrf_post_without_token_is_refused(client: FlaskClient, quiz: Quiz) -> None:
    response = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, answers=_keys(quiz)))
    assert response.status_code == 400
    assert "The form expired or was not sent by this site" in response.get_data(as_text=True)
    assert _counts() == (0, 0)


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_csrf_post_with_token_from_the_page_is_accepted(client: FlaskClient, quiz: Quiz) -> None:
    html = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    sid = re.search(r'id="submission_id" name="submission_id" type="hidden" value="([^"]+)"', html)
    assert token and sid
    data = _form(quiz, answers=_keys(quiz), sid=sid.group(1))
    data["csrf_token"] = token.group(1)
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    assert response.status_code == 303
    assert "3 / 3" in client.get(response.location).get_data(as_text=True)


# -- unanswered questions: confirm first; no answer at all: nothing stored ------------------


def _checked(html: str, choice_id: int) -> bool:
    return re.search(rf'<input checked[^>]* value="{choice_id}"', html) is not None


def test_unanswered_questions_are_listed_before_anything_is_stored(
    client: FlaskClient, quiz: Quiz
) -> None:
    q1, q2, q3 = quiz.questions
    given = q2.choices[0].id
    data = _form(quiz, answers={q2.id: given}, sid="confirm-0001", confirm=False)
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200  # a step of the form, not an error
    assert _counts() == (0, 0)
    summary = html.split('class="confirm-unanswered"')[1].split("</div>")[0]
    assert "2 questions are not answered yet" in summary
    assert (
        f'<a href="#q_{q1.id}">Question 1</a>, <a href="#q_{q3.id}">Question 3</a> are unanswered'
        in summary
    )
    assert '<button type="submit" name="confirm_unanswered" value="yes"' in summary
    assert "Submit anyway" in summary
    assert f'href="#q_{q1.id}">Go back and answer them</a>' in summary
    # The answer given stays checked, the form keeps its submission id and name.
    assert _checked(html, given)
    assert 'name="submission_id" type="hidden" value="confirm-0001"' in html
    assert 'value="Ada"' in html
    assert html.count('class="question unanswered"') == 2
    assert "were not saved" not in html

    # "Submit anyway": stored once, however often it is pressed.
    first = client.post(f"/quizzes/{quiz.id}", data={**data, "confirm_unanswered": "yes"})
    again = client.post(f"/quizzes/{quiz.id}", data={**data, "confirm_unanswered": "yes"})
    assert first.status_code == again.status_code == 303
    assert first.location == again.location
    assert _counts() == (1, 1)
    assert "2 questions unanswered" in client.get(first.location).get_data(as_text=True)


def test_one_unanswered_question_is_named_in_the_singular(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, q3 = quiz.questions
    keys = _keys(quiz)
    data = _form(quiz, answers={q1.id: keys[q1.id], q3.id: keys[q3.id]}, confirm=False)
    html = client.post(f"/quizzes/{quiz.id}", data=data).get_data(as_text=True)
    assert "1 question is not answered yet" in html
    assert f'<a href="#q_{q2.id}">Question 2</a> is unanswered' in html
    assert "Go back and answer it" in html


def test_a_complete_form_is_stored_without_a_confirmation(client: FlaskClient, quiz: Quiz) -> None:
    response = client.post(
        f"/quizzes/{quiz.id}", data=_form(quiz, answers=_keys(quiz), confirm=False)
    )
    assert response.status_code == 303 and _counts() == (1, 3)


@pytest.mark.parametrize("confirm", [False, True])
def test_a_form_without_a_single_answer_is_not_stored(
    client: FlaskClient, quiz: Quiz, confirm: bool
) -> None:
    response = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, answers={}, confirm=confirm))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "You have not answered any question, so nothing was stored" in html
    assert "Submit anyway" not in html
    assert _counts() == (0, 0)
    assert client.get(f"/quizzes/{quiz.id}/scores").get_data(as_text=True).count("Ada") == 0


def test_a_missing_name_keeps_the_answers_and_says_so(client: FlaskClient, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    given = _keys(quiz)[q1.id]
    response = client.post(
        f"/quizzes/{quiz.id}", data=_form(quiz, " ", answers={q1.id: given}, confirm=False)
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    summary = html.split('class="form-errors"')[1].split("</div>")[0]
    assert "Enter a display name to submit" in summary
    assert "Your answers are kept below" in summary
    assert '<a href="#name">Please enter a display name.</a>' in summary
    assert "were not saved" not in html
    assert _checked(html, given)
    assert _counts() == (0, 0)


def test_a_retake_with_unanswered_questions_asks_too(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, q3 = quiz.questions
    first = client.post(
        f"/quizzes/{quiz.id}", data=_form(quiz, answers={q1.id: _keys(quiz)[q1.id]})
    )
    token = first.location.rsplit("/", 1)[1]
    url = f"/quizzes/{quiz.id}?retake={token}"
    data = _form(quiz, answers={q2.id: _keys(quiz)[q2.id]}, sid="retake-0009", confirm=False)
    html = client.post(url, data=data).get_data(as_text=True)
    assert f'<a href="#q_{q3.id}">Question 2</a> is unanswered' in html  # numbered as shown
    assert _counts() == (1, 1)
    assert client.post(url, data=_form(quiz, answers={}, sid="retake-0010")).status_code == 400
    assert client.post(url, data={**data, "confirm_unanswered": "yes"}).status_code == 303
    assert _counts() == (2, 2)


def test_a_retake_page_says_it_is_practice_not_on_the_scores_page(
    client: FlaskClient, quiz: Quiz
) -> None:
    location = client.post(f"/quizzes/{quiz.id}", data=_form(quiz, sid="practice-0001")).location
    assert location is not None, "the first attempt was not stored"
    token = location.rsplit("/", 1)[1]
    html = client.get(f"/quizzes/{quiz.id}?retake={token}").get_data(as_text=True)
    assert "A retake is practice: it is not on the scores page." in html
    assert "Shown on the scores page" not in html
    assert "Shown on the scores page" in client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
