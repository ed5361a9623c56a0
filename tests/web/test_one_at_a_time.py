"""One question at a time, with feedback after each answer, without JavaScript.

The editor switches the mode on the review page; the taker posts one answer, is redirected
(303) to its feedback, follows "Next question", and finishing stores an ordinary attempt.
Unfinished attempts never reach the scoreboard, statistics, history, API or CSV reports.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, StepwiseAnswer, StepwiseAttempt
from tests.factories import log_in, make_editor, make_quiz


@pytest.fixture
def one_quiz(app: Flask) -> Quiz:
    quiz = make_quiz(n_questions=3, title="Stepwise")
    quiz.display_mode = "one"
    db.session.commit()
    return quiz


def _key(q: Question) -> int:
    return q.correct_choice.id  # type: ignore[union-attr]


def _wrong(q: Question) -> int:
    return next(c.id for c in q.choices if not c.is_correct)


def _counts() -> tuple[int, int, int]:
    return (
        db.session.scalar(db.select(db.func.count(Attempt.id))) or 0,
        db.session.scalar(db.select(db.func.count(StepwiseAttempt.id))) or 0,
        db.session.scalar(db.select(db.func.count(StepwiseAnswer.id))) or 0,
    )


def _start(client: FlaskClient, quiz: Quiz, choice: int | None = None, name: str = "Ann") -> str:
    """Post the first step; return the progress token."""
    first = quiz.active_questions[0]
    response = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": name, "question": first.id, "choice": choice or _key(first)},
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    match = re.search(r"/play/([^/]+)/questions/(\d+)/feedback$", response.location)
    assert match and int(match.group(2)) == first.id
    return match.group(1)


def _answer(client: FlaskClient, token: str, q: Question, choice: int) -> object:
    return client.post(f"/play/{token}/questions/{q.id}", data={"choice": choice})


# --- the editor's switch ---------------------------------------------------------------


def test_default_mode_is_all_on_one_page(client: FlaskClient, quiz: Quiz) -> None:
    assert quiz.display_mode == "all"
    html = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert html.count("<fieldset") == 3 and "Submit my answers" in html


def test_editor_switches_the_display_mode(editor_client: FlaskClient, quiz: Quiz) -> None:
    page = editor_client.get(f"/editor/quizzes/{quiz.id}").get_data(as_text=True)
    assert "How quiz takers see the questions" in page
    assert 'value="all" id="display-all" checked' in page
    response = editor_client.post(
        f"/editor/quizzes/{quiz.id}/display", data={"display_mode": "one"}
    )
    assert response.status_code == 303
    assert db.session.get(Quiz, quiz.id).display_mode == "one"  # type: ignore[union-attr]
    page = editor_client.get(response.location).get_data(as_text=True)
    assert "one question at a time" in page
    assert 'value="one" id="display-one" checked' in page
    html = editor_client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert html.count("<fieldset") == 1 and "Question 1 of 3" in html
    editor_client.post(f"/editor/quizzes/{quiz.id}/display", data={"display_mode": "all"})
    assert db.session.get(Quiz, quiz.id).display_mode == "all"  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["", "both", "ONE", "x" * 50])
def test_unknown_display_mode_is_refused(editor_client: FlaskClient, quiz: Quiz, mode: str) -> None:
    response = editor_client.post(f"/editor/quizzes/{quiz.id}/display", data={"display_mode": mode})
    assert response.status_code == 400
    assert "Unknown display mode" in response.get_data(as_text=True)
    assert db.session.get(Quiz, quiz.id).display_mode == "all"  # type: ignore[union-attr]


def test_display_mode_needs_an_editor(client: FlaskClient, quiz: Quiz) -> None:
    response = client.post(f"/editor/quizzes/{quiz.id}/display", data={"display_mode": "one"})
    assert response.status_code == 302 and "/login" in response.location
    assert db.session.get(Quiz, quiz.id).display_mode == "all"  # type: ignore[union-attr]


# --- taking it ---------------------------------------------------------------------------


def test_first_step_asks_the_name_and_one_question_without_the_key(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    response = client.get(f"/quizzes/{one_quiz.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your display name" in html
    assert "Question 1 of 3" in html
    assert html.count("<fieldset") == 1 and html.count('type="radio"') == 3
    assert one_quiz.questions[0].stem in html and one_quiz.questions[1].stem not in html
    assert "typed_list" not in html and "is_correct" not in html
    assert "Correct answer" not in html


def test_whole_flow_with_feedback_after_each_answer(client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz, choice=_key(q1))
    assert _counts() == (0, 1, 1)

    feedback = client.get(f"/play/{token}/questions/{q1.id}/feedback").get_data(as_text=True)
    assert "Correct" in feedback and "What the article says" in feedback
    assert "<mark>" + q1.evidence_text + "</mark>" in feedback
    assert "The article says" in feedback  # the explanation
    assert "Next question" in feedback and "See my results" not in feedback

    step = client.get(f"/play/{token}")
    html = step.get_data(as_text=True)
    assert step.status_code == 200 and "Question 2 of 3" in html and q2.stem in html
    assert "Your display name" not in html  # only on the first step
    assert "Correct answer" not in html

    response = _answer(client, token, q2, _wrong(q2))
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.location.endswith(f"/play/{token}/questions/{q2.id}/feedback")  # type: ignore[attr-defined]
    feedback = client.get(response.location).get_data(as_text=True)  # type: ignore[attr-defined]
    assert "Wrong" in feedback and "Correct answer" in feedback
    assert q2.correct_choice.text in feedback  # type: ignore[union-attr]
    # How the wrong option was made belongs on the editor's pages, not in a taker's feedback.
    assert "typed list" not in feedback and "made by a" not in feedback

    assert "Question 3 of 3" in client.get(f"/play/{token}").get_data(as_text=True)
    response = _answer(client, token, q3, _key(q3))
    feedback = client.get(response.location).get_data(as_text=True)  # type: ignore[attr-defined]
    assert "See my results" in feedback and "Next question" not in feedback
    assert _counts() == (0, 1, 3)

    done = client.post(f"/play/{token}/finish")
    assert done.status_code == 303 and "/attempts/" in done.location
    attempt = db.session.execute(db.select(Attempt)).scalar_one()
    assert (attempt.name, attempt.score, attempt.total) == ("Ann", 2, 3)
    assert attempt.started_at is not None and attempt.retake_of_id is None
    assert {r.question_id: r.is_correct for r in attempt.responses} == {
        q1.id: True,
        q2.id: False,
        q3.id: True,
    }
    result = client.get(done.location).get_data(as_text=True)
    assert "2 / 3" in result and "Ann" in result

    # Finishing again is harmless; the attempt page is where the step page leads now.
    again = client.post(f"/play/{token}/finish")
    assert again.status_code == 303 and again.location == done.location
    assert client.get(f"/play/{token}").location == done.location
    assert _counts()[0] == 1


def test_no_javascript_needed_plain_forms(client: FlaskClient, one_quiz: Quiz) -> None:
    html = client.get(f"/quizzes/{one_quiz.id}").get_data(as_text=True)
    assert re.search(rf'<form method="post" action="/quizzes/{one_quiz.id}/start"', html)
    token = _start(client, one_quiz)
    html = client.get(f"/play/{token}").get_data(as_text=True)
    q2 = one_quiz.active_questions[1]
    assert f'action="/play/{token}/questions/{q2.id}"' in html
    feedback = client.get(f"/play/{token}/questions/{one_quiz.active_questions[0].id}/feedback")
    assert f'href="/play/{token}"' in feedback.get_data(as_text=True)


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "choice": "KEY"}, "Please enter a display name."),
        ({"name": "x" * 41, "choice": "KEY"}, "at most 40 characters"),
        ({"name": "Ann\u202e", "choice": "KEY"}, "not allowed"),
        ({"name": "Ann"}, "Choose one of the options."),
        ({"name": "Ann", "choice": "abc"}, "does not belong to this question"),
        ({"name": "Ann", "choice": "OTHER"}, "does not belong to this question"),
    ],
)
def test_bad_first_step_is_refused(
    client: FlaskClient, one_quiz: Quiz, data: dict[str, str], message: str
) -> None:
    first, second = one_quiz.active_questions[:2]
    data = {"question": str(first.id), **data}
    if data.get("choice") == "KEY":
        data["choice"] = str(_key(first))
    elif data.get("choice") == "OTHER":
        data["choice"] = str(_key(second))
    response = client.post(f"/quizzes/{one_quiz.id}/start", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _counts() == (0, 0, 0)


def test_start_for_another_question_or_mode_is_refused(
    client: FlaskClient, one_quiz: Quiz, quiz: Quiz
) -> None:
    second = one_quiz.active_questions[1]
    response = client.post(
        f"/quizzes/{one_quiz.id}/start",
        data={"name": "Ann", "question": second.id, "choice": _key(second)},
    )
    assert response.status_code == 409 and "out of date" in response.get_data(as_text=True)
    first = quiz.active_questions[0]
    response = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Ann", "question": first.id, "choice": _key(first)},
    )
    assert response.status_code == 409 and "one page" in response.get_data(as_text=True)
    assert client.post("/quizzes/987654/start", data={}).status_code == 404
    assert _counts() == (0, 0, 0)


def test_answering_twice_leads_to_the_current_question(client: FlaskClient, one_quiz: Quiz) -> None:
    """Back, then the answer sent again (or another one): the first answer stands, and the
    taker lands on the question they are at, told why: never an error page."""
    q1, q2, _ = one_quiz.active_questions
    token = _start(client, one_quiz, choice=_wrong(q1))
    response = _answer(client, token, q1, _key(q1))
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.location == f"/play/{token}"  # type: ignore[attr-defined]
    page = client.get(response.location)  # type: ignore[attr-defined]
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "You had already answered that question" in html
    assert "Question 2 of 3" in html and q2.stem in html
    answer = db.session.execute(db.select(StepwiseAnswer)).scalar_one()
    assert answer.choice_id == _wrong(q1) and not answer.is_correct


def test_skipping_ahead_leads_back_and_hides_the_key(client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz)
    response = _answer(client, token, q3, _key(q3))
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.location == f"/play/{token}"  # type: ignore[attr-defined]
    assert "in order" in client.get(f"/play/{token}").get_data(as_text=True)
    # The feedback (and so the key) of a question not answered yet is not shown.
    response = client.get(f"/play/{token}/questions/{q2.id}/feedback")
    assert response.status_code == 303 and response.location == f"/play/{token}"
    html = client.get(response.location).get_data(as_text=True)
    assert "Answer this question first" in html and "Question 2 of 3" in html
    assert html.count(q2.correct_choice.text) == 1  # type: ignore[union-attr]  # an option
    assert "Correct" not in html
    # Results before the end: the current question again.
    response = client.post(f"/play/{token}/finish")
    assert response.status_code == 303 and response.location == f"/play/{token}"
    assert "every question" in client.get(f"/play/{token}").get_data(as_text=True)
    assert _counts() == (0, 1, 1)


def test_choice_of_another_question_is_refused(client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz)
    for choice in (_key(q3), 987654, "x", ""):
        response = client.post(f"/play/{token}/questions/{q2.id}", data={"choice": choice})
        assert response.status_code == 400
        html = response.get_data(as_text=True)
        assert "does not belong to this question" in html or "Choose one" in html
    assert _counts() == (0, 1, 1)


def test_question_of_another_quiz_is_404(client: FlaskClient, one_quiz: Quiz) -> None:
    other = make_quiz(title="Other quiz")
    token = _start(client, one_quiz)
    q = other.active_questions[0]
    assert _answer(client, token, q, _key(q)).status_code == 404  # type: ignore[attr-defined]
    assert client.get(f"/play/{token}/questions/{q.id}/feedback").status_code == 404
    assert _counts() == (0, 1, 1)


def test_finished_attempt_cannot_change(client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz)
    _answer(client, token, q2, _key(q2))
    _answer(client, token, q3, _wrong(q3))
    done = client.post(f"/play/{token}/finish")
    response = _answer(client, token, q3, _key(q3))
    assert response.status_code == 303  # type: ignore[attr-defined]
    results = client.get(response.location, follow_redirects=True)  # type: ignore[attr-defined]
    assert results.request.path == done.location  # the results, through the current step
    assert "You had already finished this quiz" in results.get_data(as_text=True)
    attempt = db.session.execute(db.select(Attempt)).scalar_one()
    assert attempt.score == 2


def test_someone_elses_attempt_is_403(app: Flask, client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, _ = one_quiz.active_questions
    token = _start(client, one_quiz)
    stranger = app.test_client()
    assert stranger.get(f"/play/{token}").status_code == 403
    assert stranger.get(f"/play/{token}/questions/{q1.id}/feedback").status_code == 403
    assert _answer(stranger, token, q2, _key(q2)).status_code == 403  # type: ignore[attr-defined]
    assert stranger.post(f"/play/{token}/finish").status_code == 403
    assert stranger.get("/play/no-such-token").status_code == 404
    assert stranger.get("/play/" + "x" * 200).status_code == 404
    assert _counts() == (0, 1, 1)


def test_unpublished_quiz_stops_the_attempt(client: FlaskClient, one_quiz: Quiz) -> None:
    token = _start(client, one_quiz)
    one_quiz.status = "draft"
    db.session.commit()
    assert client.get(f"/play/{token}").status_code == 404


def test_unfinished_attempt_can_be_continued(client: FlaskClient, one_quiz: Quiz) -> None:
    token = _start(client, one_quiz)
    html = client.get(f"/quizzes/{one_quiz.id}").get_data(as_text=True)
    assert "unfinished attempt" in html and f'href="/play/{token}"' in html


def test_retake_in_one_mode_uses_the_one_page_form(client: FlaskClient, one_quiz: Quiz) -> None:
    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz, choice=_wrong(q1))
    _answer(client, token, q2, _key(q2))
    _answer(client, token, q3, _key(q3))
    done = client.post(f"/play/{token}/finish")
    attempt_token = done.location.rsplit("/", 1)[1]
    html = client.get(f"/quizzes/{one_quiz.id}?retake={attempt_token}").get_data(as_text=True)
    assert html.count("<fieldset") == 1 and "Submit my answers" in html


# --- unfinished attempts stay out of every count -------------------------------------------


def test_unfinished_attempts_are_kept_out_of_scores_stats_history_api_and_csv(
    app: Flask, client: FlaskClient, one_quiz: Quiz
) -> None:
    q1, q2, q3 = one_quiz.active_questions
    finished = _start(client, one_quiz, name="Finisher")
    _answer(client, finished, q2, _key(q2))
    _answer(client, finished, q3, _key(q3))
    client.post(f"/play/{finished}/finish")
    unfinished = _start(client, one_quiz, name="Quitter")
    _answer(client, unfinished, q2, _key(q2))
    assert _counts() == (1, 2, 5)

    scores = client.get(f"/quizzes/{one_quiz.id}/scores").get_data(as_text=True)
    assert "Finisher" in scores and "Quitter" not in scores
    history = client.get("/history").get_data(as_text=True)
    assert "Finisher" in history and "Quitter" not in history
    assert client.get("/api/quizzes").get_json()["quizzes"][0]["attempts"] == 1

    make_editor()
    editor = app.test_client()
    log_in(editor)
    stats = editor.get(f"/api/quizzes/{one_quiz.id}/stats").get_json()
    assert stats["attempts"] == 1
    assert all(sum(o["count"] for o in q["options"]) <= 1 for q in stats["questions"])
    csv = editor.get(f"/editor/quizzes/{one_quiz.id}/attempts.csv").get_data(as_text=True)
    assert "Finisher" in csv and "Quitter" not in csv
    analysis = editor.get(f"/editor/quizzes/{one_quiz.id}/analysis").get_data(as_text=True)
    assert "Quitter" not in analysis
    # An unfinished attempt does not make the editor retire questions instead of editing them.
    review = editor.get(f"/editor/quizzes/{one_quiz.id}").get_data(as_text=True)
    assert "This quiz has attempts" in review  # because of the finished one


def test_editing_the_quiz_mid_attempt_keeps_it_working(client: FlaskClient, one_quiz: Quiz) -> None:
    """A question deleted while someone is on the way is retired, not deleted: the answer
    given to it stays stored (an answer is never lost), and the score counts the questions the
    quiz still asks."""
    from quizapp.services import editing

    q1, q2, q3 = one_quiz.active_questions
    token = _start(client, one_quiz, choice=_key(q1))
    _answer(client, token, q2, _key(q2))
    editing.delete_question(q2)  # an attempt under way: retired, its answer kept
    assert _counts() == (0, 1, 2)
    html = client.get(f"/play/{token}").get_data(as_text=True)
    assert "Question 2 of 2" in html and q3.stem in html
    _answer(client, token, q3, _wrong(q3))
    done = client.post(f"/play/{token}/finish")
    assert done.status_code == 303
    attempt = db.session.execute(db.select(Attempt)).scalar_one()
    assert (attempt.score, attempt.total) == (1, 2)


def test_the_whole_form_and_the_api_are_refused_with_a_link(
    client: FlaskClient, one_quiz: Quiz
) -> None:
    """Issue 11, finding 12: the full-page form and the API would return every key at once,
    bypassing one question at a time. Both are refused (always: there is no per-quiz switch)
    with a 409 that links to the quiz page, and nothing is stored."""
    answers = {q.id: _key(q) for q in one_quiz.active_questions}
    form = {"name": "Bypass", "submission_id": "bypass-form-1"}
    form |= {f"q_{qid}": str(cid) for qid, cid in answers.items()}
    page = client.post(f"/quizzes/{one_quiz.id}", data=form)
    html = page.get_data(as_text=True)
    assert page.status_code == 409
    assert "one question at a time" in html and f'href="/quizzes/{one_quiz.id}"' in html
    api = client.post(
        f"/api/quizzes/{one_quiz.id}/attempts",
        json={"name": "Bypass", "answers": {str(k): v for k, v in answers.items()}},
    )
    assert api.status_code == 409
    error = api.get_json()["error"]
    assert "one question at a time" in error["message"]
    assert error["link"] == f"/quizzes/{one_quiz.id}"
    assert "correct_choice_id" not in api.get_data(as_text=True)
    assert _counts() == (0, 0, 0)
