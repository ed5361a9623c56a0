"""Error pages speak in sentences with a next step; the API keeps its one error format."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.factories import log_in, make_editor, make_quiz

#: "Submit anyway": the form stores an attempt that leaves questions unanswered.
CONFIRM = {"confirm_unanswered": "yes"}
BARE = ("<h1>Forbidden</h1>", "<h1>Conflict</h1>", "<h1>Not Found</h1>", "<h1>Bad Request</h1>")


def _page(response: object) -> str:
    html = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert not any(bare in html for bare in BARE), "a bare HTTP reason phrase as the heading"
    return html


def _links(html: str) -> dict[str, str]:
    """The links of the page's main part, by their words."""
    main = html[html.index("<main") : html.index("</main>")]
    return {
        html_lib.unescape(text.strip()): href
        for href, text in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>([^<]+)</a>', main)
    }


def test_not_found_is_a_sentence_with_a_way_home(client: FlaskClient) -> None:
    response = client.get("/quizzes/987654")
    html = _page(response)
    assert response.status_code == 404
    assert "<h1>We could not find that page</h1>" in html
    assert "<title>We could not find that page · quizapp</title>" in html
    assert _links(html)["Back to the quizzes"] == "/"
    assert "Error 404: Not Found." in html  # the code is still there, small, for reports


def test_a_result_from_another_browser_says_it_is_not_yours(app: Flask, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    data = {
        "confirm_unanswered": "yes",
        "name": "Ada",
        "submission_id": "sub-000001",
        f"q_{q1.id}": str(q1.choices[0].id),
    }
    location = app.test_client().post(f"/quizzes/{quiz.id}", data=data).location
    response = app.test_client().get(location)  # another browser: no cookie
    html = _page(response)
    assert response.status_code == 403
    assert "<h1>This page is not yours to open</h1>" in html
    assert "This result is not yours" in html and "browser they used" in html
    links = _links(html)
    assert links["Take the quiz yourself"] == f"/quizzes/{quiz.id}"
    assert links["Back to the quizzes"] == "/"


def test_retaking_someone_elses_attempt_offers_the_whole_quiz(app: Flask, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    data = {
        "confirm_unanswered": "yes",
        "name": "Ada",
        "submission_id": "sub-000002",
        f"q_{q1.id}": str(q1.choices[0].id),
    }
    location = app.test_client().post(f"/quizzes/{quiz.id}", data=data).location
    token = location.rsplit("/", 1)[1]
    response = app.test_client().get(f"/quizzes/{quiz.id}?retake={token}")
    html = _page(response)
    assert response.status_code == 403 and "your own attempts" in html
    assert _links(html)["Take the whole quiz"] == f"/quizzes/{quiz.id}"


def test_a_retake_result_does_not_promise_the_scoreboard(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2 = quiz.questions[:2]
    wrong = next(c.id for c in q1.choices if not c.is_correct)
    data = {
        "confirm_unanswered": "yes",
        "name": "Ada",
        "submission_id": "sub-000003",
        f"q_{q1.id}": str(wrong),
    }
    first = client.post(f"/quizzes/{quiz.id}", data=data).location
    token = first.rsplit("/", 1)[1]
    assert "See the scoreboard" in client.get(first).get_data(as_text=True)
    key = q1.correct_choice.id  # type: ignore[union-attr]
    retake = client.post(
        f"/quizzes/{quiz.id}?retake={token}",
        data={
            "name": "Ada",
            "submission_id": "sub-000004",
            f"q_{q1.id}": str(key),
            **CONFIRM,
        },
    )
    assert retake.status_code == 303, retake.get_data(as_text=True)[-2000:]
    html = client.get(retake.location).get_data(as_text=True)
    assert "See the scoreboard" not in html and "not on the scoreboard" in html
    # A practice score is not offered for sharing either; the first attempt's is.
    assert "Share your score" not in html
    assert "Share your score" in client.get(first).get_data(as_text=True)
    del q2


def test_one_at_a_time_steps_sent_again_lead_on(client: FlaskClient, app: Flask) -> None:
    quiz = make_quiz(n_questions=3, title="Stepwise")
    quiz.display_mode = "one"
    db.session.commit()
    q1, q2, _ = quiz.active_questions
    start = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Ann", "question": q1.id, "choice": q1.choices[0].id},
    )
    token = re.search(r"/play/([^/]+)/", start.location)[1]  # type: ignore[index]
    # Back and send again, or a feedback page not reached yet: no error page, the current
    # question with a word on what happened.
    again = client.post(f"/play/{token}/questions/{q1.id}", data={"choice": q1.choices[1].id})
    assert again.status_code == 303 and again.location == f"/play/{token}"
    html = _page(client.get(again.location))
    assert "already answered that question" in html and "Question 2 of 3" in html
    early = client.get(f"/play/{token}/questions/{q2.id}/feedback")
    assert early.status_code == 303 and early.location == f"/play/{token}"
    assert "Answer this question first" in _page(client.get(early.location))
    stranger = app.test_client().get(f"/play/{token}")
    html = _page(stranger)
    assert stranger.status_code == 403 and "This attempt is not yours" in html
    assert _links(html)["Take the quiz yourself"] == f"/quizzes/{quiz.id}"


def test_editor_errors_lead_back_to_the_desk(client: FlaskClient, app: Flask) -> None:
    make_editor()
    log_in(client)
    response = client.get("/editor/quizzes/987654")
    html = _page(response)
    assert response.status_code == 404 and "There is no such quiz." in html
    assert _links(html)["Back to the editor's desk"] == "/editor/"


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("/api/quizzes/987654", 404, "Not Found"),
        ("/api/attempts/no-such-token", 404, "Not Found"),
        ("/api/quizzes/1/stats", 401, "Unauthorized"),
    ],
)
def test_the_api_error_format_is_unchanged(
    client: FlaskClient, path: str, status: int, title: str
) -> None:
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert set(error) == {"status", "title", "message"}
    assert error["status"] == status and error["title"] == title and error["message"]


def test_json_clients_of_pages_get_the_same_format(app: Flask, quiz: Quiz) -> None:
    q1 = quiz.questions[0]
    data = {
        "confirm_unanswered": "yes",
        "name": "Ada",
        "submission_id": "sub-000005",
        f"q_{q1.id}": str(q1.choices[0].id),
    }
    location = app.test_client().post(f"/quizzes/{quiz.id}", data=data).location
    response = app.test_client().get(location, headers={"Accept": "application/json"})
    error = response.get_json()["error"]
    assert error["status"] == 403 and error["title"] == "Forbidden"
    assert error["link"] == f"/quizzes/{quiz.id}" and "not yours" in error["message"]
