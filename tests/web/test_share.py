"""The public share page of a result: name, score and quiz, never the answers."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.factories import make_quiz


def _submit(
    client: FlaskClient, quiz: Quiz, name: str = "Ann", sid: str = "share-sub-01"
) -> Attempt:
    q1, q2, _ = quiz.questions
    data = {
        "name": name,
        "submission_id": sid,
        f"q_{q1.id}": str(q1.correct_choice.id),  # type: ignore[union-attr]
        f"q_{q2.id}": str(next(c.id for c in q2.choices if not c.is_correct)),
        "confirm_unanswered": "yes",  # the third is left unanswered on purpose
    }
    response = client.post(f"/quizzes/{quiz.id}", data=data)
    assert response.status_code == 303
    return db.session.execute(db.select(Attempt).where(Attempt.name == name)).scalar_one()


def test_every_attempt_gets_its_own_share_token(client: FlaskClient, quiz: Quiz) -> None:
    a = _submit(client, quiz, "Ann", "share-sub-01")
    b = _submit(client, quiz, "Bob", "share-sub-02")
    assert a.share_token and b.share_token and a.share_token != b.share_token
    assert a.share_token != a.token


def test_results_page_offers_the_share_link(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _submit(client, quiz)
    html = client.get(f"/attempts/{attempt.token}").get_data(as_text=True)
    assert "Share your score" in html
    assert f'value="http://localhost/share/{attempt.share_token}"' in html
    assert f'href="/share/{attempt.share_token}"' in html


def test_share_page_shows_score_and_quiz_not_answers(app: Flask, quiz: Quiz) -> None:
    attempt = _submit(app.test_client(), quiz)
    stranger = app.test_client()  # anyone with the link, no session
    response = stranger.get(f"/share/{attempt.share_token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    text = re.sub(r"<[^>]+>", "", html)
    assert "Ann scored 1 / 3 on Acme quiz" in " ".join(text.split())
    assert f'href="/quizzes/{quiz.id}"' in html and "Take the quiz" in html
    # Open Graph tags for link previews.
    assert '<meta property="og:title" content="Ann scored 1 / 3 on Acme quiz">' in html
    assert f'content="http://localhost/share/{attempt.share_token}"' in html
    # Nothing of the answers, and not the private review token.
    for question in quiz.questions:
        assert question.stem not in html
        for choice in question.choices:
            assert choice.text not in html
    assert attempt.token not in html
    # The private review stays private.
    assert stranger.get(f"/attempts/{attempt.token}").status_code == 403


def test_share_page_escapes_the_name(app: Flask, quiz: Quiz) -> None:
    attempt = _submit(app.test_client(), quiz, name="<b>Eve</b>")
    html = app.test_client().get(f"/share/{attempt.share_token}").get_data(as_text=True)
    assert "<b>Eve</b>" not in html and "&lt;b&gt;Eve&lt;/b&gt;" in html


def test_unknown_or_malformed_share_tokens_are_404(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _submit(client, quiz)
    for token in ("nope", "x" * 33, attempt.token, "%00", "%E2%80%AE"):
        response = client.get(f"/share/{token}")
        assert response.status_code == 404, token


def test_share_page_of_an_unpublished_quiz_is_404(client: FlaskClient, quiz: Quiz) -> None:
    attempt = _submit(client, quiz)
    quiz.status = "draft"
    db.session.commit()
    assert client.get(f"/share/{attempt.share_token}").status_code == 404


def test_one_at_a_time_attempt_is_shareable(client: FlaskClient, app: Flask) -> None:
    quiz = make_quiz(n_questions=1, title="Single")
    quiz.display_mode = "one"
    db.session.commit()
    q = quiz.questions[0]
    start = client.post(
        f"/quizzes/{quiz.id}/start",
        data={"name": "Solo", "question": q.id, "choice": q.correct_choice.id},  # type: ignore[union-attr]
    )
    token = start.location.split("/play/")[1].split("/")[0]
    done = client.post(f"/play/{token}/finish")
    result = client.get(done.location).get_data(as_text=True)
    share = re.search(r'href="(/share/[^"]+)"', result)
    assert share
    html = app.test_client().get(share.group(1)).get_data(as_text=True)
    assert "Solo" in html and "1 / 1" in html


def test_migration_gives_existing_attempts_a_share_token(tmp_path: Path) -> None:
    """Attempts stored before the share-token revision get one when it runs."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}",
        }
    )
    with app.app_context():
        upgrade(revision="e023efb329a0")  # the revision before share tokens
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO article (id, title, text, sha256, source_url, created_at)"
                " VALUES (1, 'A', 'Text.', 'abc', NULL, '2026-01-01 00:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO quiz (id, article_id, title, slug, status, generator_version, seed,"
                " created_at) VALUES (1, 1, 'Q', 'q', 'published', '', 0, '2026-01-01 00:00:00')"
            )
            for i in (1, 2):
                connection.exec_driver_sql(
                    "INSERT INTO attempt (id, quiz_id, name, token, submission_id, finished_at,"
                    " score, total) VALUES (?, 1, ?, ?, ?, '2026-01-01 00:00:00', 0, 0)",
                    (i, f"N{i}", f"t{i}", f"s{i}"),
                )
        upgrade()
        with db.engine.connect() as connection:
            tokens = connection.exec_driver_sql("SELECT share_token FROM attempt").scalars().all()
        db.engine.dispose()
    assert len(tokens) == 2 and all(tokens) and tokens[0] != tokens[1]
