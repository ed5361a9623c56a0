"""Quiz takers' review: evidence in its paragraph, retake of missed questions, history."""

from __future__ import annotations

from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.services.quizzes import evidence_in_paragraph
from quizapp.services.stats import leaderboard
from tests.factories import a_wrong_answer


def _take(
    client: FlaskClient,
    quiz: Quiz,
    name: str,
    answers: dict[int, int],
    sid: str,
    retake: str | None = None,
) -> str:
    answers = answers or a_wrong_answer(quiz)  # no attempt is stored without an answer
    data = {"name": name, "submission_id": sid, "confirm_unanswered": "yes"}
    data |= {f"q_{k}": str(v) for k, v in answers.items()}
    url = f"/quizzes/{quiz.id}" + (f"?retake={retake}" if retake else "")
    response = client.post(url, data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.location


def test_evidence_in_paragraph_cuts_at_line_breaks() -> None:
    text = "Title\nFirst sentence. Second sentence here. Third.\nNext paragraph."
    start = text.index("Second")
    end = start + len("Second sentence here.")
    assert evidence_in_paragraph(text, start, end) == (
        "First sentence. ",
        "Second sentence here.",
        " Third.",
    )


def test_review_highlights_the_evidence(client: FlaskClient, quiz: Quiz) -> None:
    html = client.get(_take(client, quiz, "Ann", {}, "review-0001")).get_data(as_text=True)
    q = quiz.questions[1]
    assert f"<mark>{q.evidence_text}</mark>" in html
    # The explanation only quoted the evidence: the review shows the evidence once.
    assert html.count(q.evidence_text) == 1


def test_retake_only_the_missed_questions(client: FlaskClient, quiz: Quiz) -> None:
    q1, q2, q3 = quiz.questions
    first = _take(client, quiz, "Ann", {q1.id: q1.correct_choice.id}, "retake-0001")  # type: ignore[union-attr]
    token = first.rsplit("/", 1)[1]
    html = client.get(first).get_data(as_text=True)
    assert "Retake the 2 questions I missed" in html
    form = client.get(f"/quizzes/{quiz.id}?retake={token}").get_data(as_text=True)
    assert f'name="q_{q1.id}"' not in form and f'name="q_{q2.id}"' in form
    assert 'value="Ann"' in form
    answers = {q2.id: q2.correct_choice.id, q1.id: q1.correct_choice.id}  # type: ignore[union-attr]
    second = _take(client, quiz, "Ann", answers, "retake-0002", retake=token)
    retake = db.session.execute(
        db.select(Attempt).where(Attempt.retake_of_id.is_not(None))
    ).scalar_one()
    assert (retake.score, retake.total) == (1, 2)
    assert "1 / 2" in client.get(second).get_data(as_text=True)
    # the answer to a question outside the retake is ignored
    assert {r.question_id for r in retake.responses} == {q2.id}
    # retakes are practice: not on the scoreboard
    assert [leader.name for leader in leaderboard(quiz.id)] == ["Ann"]
    assert leaderboard(quiz.id)[0].score == 1


def test_retake_of_someone_elses_attempt_is_refused(app, quiz: Quiz) -> None:  # type: ignore[no-untyped-def]
    owner = app.test_client()
    token = _take(owner, quiz, "Own", {}, "retake-0003").rsplit("/", 1)[1]
    assert app.test_client().get(f"/quizzes/{quiz.id}?retake={token}").status_code == 403


def test_history_lists_this_browsers_attempts(app, quiz: Quiz) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = app.test_client(), app.test_client()
    _take(mine, quiz, "Mine", {}, "history-0001")
    _take(theirs, quiz, "Theirs", {}, "history-0002")
    html = mine.get("/history").get_data(as_text=True)
    assert "Mine" in html and "Theirs" not in html
    assert "not taken a quiz" in app.test_client().get("/history").get_data(as_text=True)


def test_scoreboard_ranks_attempts_and_ties_share_a_rank(client: FlaskClient, quiz: Quiz) -> None:
    """Two people called Ana are two rows; equal scores share a rank (1, 1, 3)."""
    keys = {q.id: q.correct_choice.id for q in quiz.questions}  # type: ignore[union-attr]
    one = dict(list(keys.items())[:1])
    _take(client, quiz, "Ana", one, "board-0001")
    _take(client, quiz, "Cal", keys, "board-0002")
    _take(client, quiz, "Ana", keys, "board-0003")
    _take(client, quiz, "Bea", {}, "board-0004")
    board = leaderboard(quiz.id)
    assert [(b.rank, b.name, b.score) for b in board] == [
        (1, "Cal", 3),  # first of the two full scores to finish
        (1, "Ana", 3),
        (3, "Ana", 1),
        (4, "Bea", 0),
    ]
    html = client.get(f"/quizzes/{quiz.id}/scores").get_data(as_text=True)
    assert "Top scores" in html and "Median" in html and "<svg" in html
    assert html.count('<td data-label="Name">Ana</td>') == 4  # twice ranked, twice listed


def test_scoreboard_compares_attempts_of_other_totals_by_their_share(
    client: FlaskClient, quiz: Quiz
) -> None:
    """An attempt from before the quiz lost a question is ranked by the share it got right."""
    keys = {q.id: q.correct_choice.id for q in quiz.questions}  # type: ignore[union-attr]
    _take(client, quiz, "Old", dict(list(keys.items())[:2]), "board-0005")  # 2 / 3
    db.session.execute(db.update(Attempt).values(score=4, total=6))  # as if 4 / 6 before
    db.session.commit()
    _take(client, quiz, "New", dict(list(keys.items())[:2]), "board-0006")  # 2 / 3
    _take(client, quiz, "Top", keys, "board-0007")
    board = leaderboard(quiz.id)
    assert [(b.rank, b.name) for b in board] == [(1, "Top"), (2, "Old"), (2, "New")]
