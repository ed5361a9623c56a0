"""How a submission reaches the database: one statement on PostgreSQL, a transaction otherwise,
and the fall back to the transaction when the quiz changed after the page was read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Quiz, Response
from quizapp.services import attempt_rows, editing, quiz_cache
from quizapp.services.attempts import record_attempt
from quizapp.services.quizzes import get_published_head
from tests.conftest import POSTGRES


@pytest.fixture
def statements(app: Flask) -> Iterator[list[str]]:
    """Every SQL statement the app sends while the test runs."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def _stored() -> list[tuple[int, int, int, bool]]:
    rows = db.session.execute(
        db.select(
            Response.attempt_id, Response.question_id, Response.choice_id, Response.is_correct
        ).order_by(Response.question_id)
    ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _bump_elsewhere(quiz_id: int) -> None:
    """Another process's edit: the version moves on, nothing this process can see changes."""
    with db.engine.begin() as connection:
        table = Quiz.__table__
        connection.execute(
            db.update(table).where(table.c.id == quiz_id).values(version=table.c.version + 1)
        )


def test_an_attempt_and_its_responses_are_stored_as_scored(quiz: Quiz) -> None:
    head = get_published_head(quiz.id)
    first, second = quiz.questions[0], quiz.questions[1]
    wrong = next(c for c in second.choices if not c.is_correct)
    answers = {first.id: first.correct_choice.id, second.id: wrong.id}  # type: ignore[union-attr]
    attempt, created = record_attempt(head, "Rows", answers, submission_id="rows-sub-0001")
    assert created and (attempt.score, attempt.total) == (1, len(quiz.questions))
    assert _stored() == [
        (attempt.id, first.id, answers[first.id], True),
        (attempt.id, second.id, wrong.id, False),
    ]
    row = db.session.get(Attempt, attempt.id)
    assert row is not None and (row.name, row.token, row.share_token) == (
        "Rows",
        attempt.token,
        attempt.share_token,
    )
    assert row.finished_at == attempt.finished_at
    answered = db.session.scalars(db.select(Response.answered_at)).all()
    assert answered == [attempt.finished_at] * 2  # aware UTC, as stored on either database


@pytest.mark.skipif(not POSTGRES, reason="the single statement is PostgreSQL's")
def test_on_postgresql_a_submission_is_one_statement(quiz: Quiz, statements: list[str]) -> None:
    head = get_published_head(quiz.id)
    answers = {quiz.questions[0].id: quiz.questions[0].choices[0].id}
    quiz_cache.answer_key(head)  # as a process that served the page has it
    statements.clear()
    record_attempt(head, "One", answers)
    writes = [s for s in statements if "INSERT" in s]
    assert len(writes) == 1 and writes[0].startswith("WITH new_attempt AS ( INSERT INTO attempt")
    assert not any(s.startswith(("BEGIN", "COMMIT")) for s in statements)


def test_a_quiz_changed_since_the_page_was_read_is_checked_as_it_is_now(quiz: Quiz) -> None:
    head = get_published_head(quiz.id)  # what the taker's page was built from
    _bump_elsewhere(quiz.id)
    answers = {quiz.questions[0].id: quiz.questions[0].choices[0].id}
    attempt, created = record_attempt(head, "Later", answers, submission_id="rows-sub-0002")
    assert created
    assert [row[1:3] for row in _stored()] == list(answers.items())
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1


def test_an_answer_valid_only_in_the_newer_version_is_accepted(
    client: FlaskClient, quiz: Quiz
) -> None:
    stale = get_published_head(quiz.id)
    before = len(quiz.questions)
    claim = quiz.questions[0].claim
    new = editing.add_question(
        quiz,
        claim=claim,
        kind="fact_recall",
        stem="Which company is named in the sentence the article opens with?",
        options=[("Acme", True), ("Globex", False), ("Initech", False)],
        explanation="",
    )
    answers = {new.id: new.choices[0].id}
    attempt, created = record_attempt(stale, "Newer", answers, submission_id="rows-sub-0003")
    assert created and attempt.score == 1 and attempt.total == before + 1
    assert [row[1:3] for row in _stored()] == list(answers.items())


def test_a_quiz_unpublished_meanwhile_stores_nothing(quiz: Quiz) -> None:
    from quizapp.services.errors import NotFound

    head = get_published_head(quiz.id)
    with db.engine.begin() as connection:
        connection.execute(
            db.update(Quiz.__table__).where(Quiz.__table__.c.id == quiz.id).values(status="draft")
        )
    with pytest.raises(NotFound):
        record_attempt(head, "Late", {}, submission_id="rows-sub-0004")
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_the_attempt_columns_all_have_a_postgresql_type() -> None:
    assert set(attempt_rows._PG_TYPES) == set(attempt_rows.ATTEMPT_COLUMNS)
    assert attempt_rows._PG_TYPES["name"] == "VARCHAR(40)"
    assert "TIMESTAMP WITH TIME ZONE" in attempt_rows._PG_TYPES["finished_at"]


@pytest.mark.skipif(POSTGRES, reason="the transaction path; PostgreSQL takes the one statement")
def test_elsewhere_a_submission_is_two_inserts_that_check_the_version(
    quiz: Quiz, statements: list[str]
) -> None:
    head = get_published_head(quiz.id)
    answers = {quiz.questions[0].id: quiz.questions[0].choices[0].id}
    quiz_cache.answer_key(head)  # as a process that served the page has it
    statements.clear()
    record_attempt(head, "Two", answers)
    assert [s.split(" (")[0] for s in statements] == [
        "INSERT INTO attempt",
        "INSERT INTO response",
    ]
    assert "WHERE EXISTS" in statements[0] and "quiz.version" in statements[0]


def _all_keys(quiz: Quiz) -> dict[str, str]:
    return {
        f"q_{q.id}": str(q.correct_choice.id)  # type: ignore[union-attr]
        for q in quiz.active_questions
    }


@pytest.mark.app_config(QUIZ_HEAD_TTL=3600)
def test_a_page_from_a_newer_version_loses_no_answer(
    app: Flask, client: FlaskClient, quiz: Quiz
) -> None:
    """This process still holds the old head when a taker posts the page another process built
    from the newer version (one more question): every answer is kept and scored."""
    from quizapp.services import quizzes as quiz_service

    stale = get_published_head(quiz.id)
    quiz_cache.answer_key(stale)
    claim = quiz.questions[0].claim
    editing.add_question(
        quiz,
        claim=claim,
        kind="fact_recall",
        stem="Which company is named in the sentence the article opens with?",
        options=[("Acme", True), ("Globex", False), ("Initech", False)],
        explanation="",
    )
    heads = app.extensions[quiz_service._HEADS] = {}
    heads[quiz.id] = (quiz_service.time.monotonic(), stale)  # as another process still has it
    form = {"name": "Newer page", "submission_id": "rows-sub-0005", **_all_keys(quiz)}
    response = client.post(f"/quizzes/{quiz.id}", data=form)
    assert response.status_code == 303
    attempt = db.session.scalar(db.select(Attempt))
    assert attempt is not None
    assert (attempt.score, attempt.total) == (len(quiz.active_questions),) * 2
    assert len(_stored()) == len(quiz.active_questions)


def test_a_quiz_changing_faster_than_a_submission_is_a_409_not_a_500(
    client: FlaskClient, quiz: Quiz, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.services import attempts

    monkeypatch.setattr(attempts, "VERSION_TRIES", 0)  # every try found a newer version
    form = {"name": "Busy", "submission_id": "rows-sub-0006", **_all_keys(quiz)}
    page = client.post(f"/quizzes/{quiz.id}", data=form)
    api = client.post(f"/api/quizzes/{quiz.id}/attempts", json={"name": "Busy", "answers": {}})
    assert (page.status_code, api.status_code) == (409, 409)
    assert "being changed" in page.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_a_bug_breaking_another_constraint_is_logged_and_raised_not_a_409(
    client: FlaskClient,
    quiz: Quiz,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A schema or code bug (here a NOT NULL column left unset, refused by the real database)
    is not the taker's doing: it must not pass as "the quiz changed, send them again"."""
    values = attempt_rows.attempt_values
    monkeypatch.setattr(attempt_rows, "attempt_values", lambda a: {**values(a), "token": None})
    with pytest.raises(IntegrityError):
        client.post(f"/api/quizzes/{quiz.id}/attempts", json={"name": "Bug", "answers": {}})
    assert "Storing an attempt failed" in caplog.text
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


@pytest.mark.skipif(not POSTGRES, reason="SQLite's one writer checked the version: no such race")
def test_an_option_deleted_during_the_insert_is_a_409_and_stores_nothing(
    client: FlaskClient, quiz: Quiz
) -> None:
    """An option deleted while the INSERT ran (its version bump not yet seen): the foreign key
    of the response fails, by name. The taker is asked to send again; nothing is half stored."""
    url = f"/api/quizzes/{quiz.id}/attempts"
    assert client.post(url, json={"name": "Warm", "answers": {}}).status_code == 201  # key cached
    question = quiz.questions[0]
    gone = question.choices[1].id
    with db.engine.begin() as connection:  # deleted behind the version's back
        connection.execute(db.delete(Choice).where(Choice.id == gone))
    response = client.post(url, json={"name": "Raced", "answers": {str(question.id): gone}})
    assert response.status_code == 409
    assert "send them again" in response.get_json()["error"]["message"]
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1


def test_a_replay_after_its_question_was_retired_answers_with_the_stored_attempt(
    client: FlaskClient, quiz: Quiz
) -> None:
    question = quiz.questions[0]
    payload = {
        "name": "Replayed",
        "answers": {str(question.id): question.choices[0].id},
        "submission_id": "rows-sub-0007",
    }
    first = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    assert first.status_code == 201
    editing.update_question(  # with an attempt, the edit retires the question
        question,
        stem="According to the article, " + question.stem.lower(),
        options=[(c.text, c.is_correct) for c in question.choices],
        explanation="",
    )
    again = client.post(f"/api/quizzes/{quiz.id}/attempts", json=payload)
    assert again.status_code == 200
    assert again.get_json()["attempt_id"] == first.get_json()["attempt_id"]
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1
