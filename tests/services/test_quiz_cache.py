"""The per-version caches of the quiz page and the answer key: invalidation and validation."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import VERDICTS, Attempt, Quiz
from quizapp.services import editing, quiz_cache, verdicts
from quizapp.services.attempts import record_attempt
from quizapp.services.quizzes import get_published_head
from quizapp.web.forms import TakeQuizForm
from tests.factories import make_seed_quiz


def _version(quiz: Quiz) -> int:
    return int(db.session.scalar(db.select(Quiz.version).where(Quiz.id == quiz.id)) or 0)


def _page(client: FlaskClient, quiz: Quiz) -> str:
    response = client.get(f"/quizzes/{quiz.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _radio_groups(html: str) -> list[int]:
    return [int(n) for n in dict.fromkeys(re.findall(r'name="q_(\d+)"', html))]


def _new_stem(stem: str) -> str:
    return "According to the article, " + stem[0].lower() + stem[1:]


def _options(question: object) -> list[tuple[str, bool]]:
    return [(c.text, c.is_correct) for c in question.choices]  # type: ignore[attr-defined]


def test_an_edit_shows_at_once_and_the_old_question_disappears(
    client: FlaskClient, app: Flask
) -> None:
    quiz = make_seed_quiz()
    question = next(q for q in quiz.active_questions if q.kind != "true_false")
    record_attempt(quiz, "Early", {})  # with attempts, an edit retires and replaces
    assert question.id in _radio_groups(_page(client, quiz))  # warms the cache
    version = _version(quiz)
    replacement = editing.update_question(
        question, stem=_new_stem(question.stem), options=_options(question), explanation=""
    )
    assert _version(quiz) == version + 1
    after = _page(client, quiz)
    assert question.id not in _radio_groups(after)
    assert replacement.id in _radio_groups(after)
    assert "According to the article" in after


def test_a_deleted_question_disappears(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    first = quiz.active_questions[0]
    assert first.id in _radio_groups(_page(client, quiz))
    editing.delete_question(first)
    assert first.id not in _radio_groups(_page(client, quiz))
    assert client.get(f"/api/quizzes/{quiz.id}").get_json()["questions"][0]["id"] != first.id


def test_move_display_mode_status_and_verdicts_raise_the_version(
    client: FlaskClient, app: Flask
) -> None:
    quiz = make_seed_quiz()
    first, second = quiz.active_questions[:2]
    assert _radio_groups(_page(client, quiz))[:2] == [first.id, second.id]
    version = _version(quiz)
    editing.move_question(second, -1)
    assert _version(quiz) == version + 1
    assert _radio_groups(_page(client, quiz))[:2] == [second.id, first.id]

    claim = quiz.article.claims[0]
    assert "application/ld+json" not in _page(client, quiz)
    verdicts.set_verdict(claim, VERDICTS[0], "Checked.", "")
    assert _version(quiz) == version + 2
    assert "application/ld+json" in _page(client, quiz)
    added = verdicts.add_verdict_question(quiz, claim)
    assert added.id in _radio_groups(_page(client, quiz))

    editing.set_display_mode(quiz, "one")
    assert 'name="choice"' in _page(client, quiz)  # one question at a time now
    editing.set_display_mode(quiz, "all")
    editing.set_status(quiz, "draft")
    assert client.get(f"/quizzes/{quiz.id}").status_code == 404


def test_attempts_do_not_raise_the_version(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    version = _version(quiz)
    key = {q.id: q.correct_choice.id for q in quiz.active_questions}  # type: ignore[union-attr]
    assert (
        client.post(
            f"/api/quizzes/{quiz.id}/attempts",
            json={"name": "A", "answers": {str(k): v for k, v in key.items()}},
        ).status_code
        == 201
    )
    record_attempt(quiz, "B", {})
    assert _version(quiz) == version


def test_the_answer_key_refuses_another_questions_option(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    one, two = quiz.active_questions[:2]
    key = quiz_cache.answer_key(get_published_head(quiz.id))
    assert key.order == tuple(q.id for q in quiz.active_questions)
    assert key.choices[one.id] == {c.id: c.is_correct for c in one.choices}
    foreign = two.choices[0].id
    api = client.post(
        f"/api/quizzes/{quiz.id}/attempts", json={"name": "A", "answers": {str(one.id): foreign}}
    )
    assert api.status_code == 400
    assert f"Option {foreign} is not an option of question {one.id}." in api.get_data(as_text=True)
    form = client.post(
        f"/quizzes/{quiz.id}",
        data={"name": "A", "submission_id": "sub-foreign1", f"q_{one.id}": str(foreign)},
    )
    html = form.get_data(as_text=True)
    assert form.status_code == 400
    assert "That option does not belong to this question." in html
    assert 'value="A"' in html  # the whole form again, with what was typed
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


def test_an_answer_to_a_question_retired_since_is_refused(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    question = next(q for q in quiz.active_questions if q.kind != "true_false")
    record_attempt(quiz, "Early", {})
    stale = client.get(f"/api/quizzes/{quiz.id}").get_json()  # key of this version cached
    answer = {str(question.id): question.choices[0].id}
    editing.update_question(
        question, stem=_new_stem(question.stem), options=_options(question), explanation=""
    )
    response = client.post(
        f"/api/quizzes/{quiz.id}/attempts", json={"name": "Late", "answers": answer}
    )
    assert response.status_code == 400
    assert f"Question {question.id} is not part of this quiz." in response.get_data(as_text=True)
    assert question.id in [q["id"] for q in stale["questions"]]
    assert question.id not in [
        q["id"] for q in client.get(f"/api/quizzes/{quiz.id}").get_json()["questions"]
    ]


def test_the_cached_page_is_the_rendered_page(client: FlaskClient, app: Flask) -> None:
    from quizapp.web import quiz as views

    quiz = make_seed_quiz()
    with app.test_request_context(f"/quizzes/{quiz.id}"):
        head = get_published_head(quiz.id)
        fieldsets = views._question_fieldsets(head)
        frame = views._page_frame(head, fieldsets)
        assert frame is not None and frame.slots == ("submission_id",)  # CSRF off in tests
        form = views.take_quiz_form(quiz)
        form.submission_id.data = "sub-fixed-01"
        full = views.render_template("quiz/take.html", quiz=quiz, form=form, retake_of=None)
    assert frame.fill({"submission_id": "sub-fixed-01"}) == full


def test_the_frame_carries_the_csrf_token(app: Flask) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    from quizapp.web import quiz as views

    quiz = make_seed_quiz()
    with app.test_request_context(f"/quizzes/{quiz.id}"):
        head = get_published_head(quiz.id)
        frame = views._page_frame(head, views._question_fieldsets(head))
        assert frame is not None and sorted(frame.slots) == ["csrf_token", "submission_id"]
        token = TakeQuizForm().csrf_token.current_token  # type: ignore[attr-defined]
        html = frame.fill({"csrf_token": token, "submission_id": "sub-fixed-02"})
    assert f'name="csrf_token" type="hidden" value="{token}"' in html


def test_the_lru_is_bounded() -> None:
    cache = quiz_cache.LRUCache(2)
    for key in "abc":
        cache.get_or_build(key, lambda key=key: key.upper())
    assert len(cache) == 2
    assert cache.get_or_build("a", lambda: "rebuilt") == "rebuilt"
    assert cache.get_or_build("c", lambda: "not again") == "C"
    off = quiz_cache.LRUCache(0)
    assert off.get_or_build("a", lambda: 1) == 1 and len(off) == 0


def _change_elsewhere(quiz_id: int, **values: object) -> None:
    """Change a quiz the way another process would: SQL on its own connection, no ORM."""
    with db.engine.begin() as connection:
        connection.execute(
            db.update(Quiz.__table__)
            .where(Quiz.__table__.c.id == quiz_id)
            .values(version=Quiz.__table__.c.version + 1, **values)
        )


def _title_shown(client: FlaskClient, quiz_id: int) -> str:
    html = client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert found is not None
    return " ".join(found.group(1).split())


@pytest.mark.app_config(QUIZ_HEAD_TTL=3600)
def test_another_process_edit_reaches_page_views_after_the_ttl(
    client: FlaskClient, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.services import quizzes as quiz_service

    quiz = make_seed_quiz()
    title = _title_shown(client, quiz.id)
    _change_elsewhere(quiz.id, title="Changed elsewhere")
    assert _title_shown(client, quiz.id) == title  # within the TTL: the head read before
    later = quiz_service.time.monotonic() + 3601
    monkeypatch.setattr(quiz_service.time, "monotonic", lambda: later)
    assert _title_shown(client, quiz.id) == "Changed elsewhere"


@pytest.mark.app_config(QUIZ_HEAD_TTL=3600)
def test_this_process_commits_empty_the_recent_heads(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    _title_shown(client, quiz.id)
    quiz.title = "Renamed here"
    db.session.commit()
    assert _title_shown(client, quiz.id) == "Renamed here"
    quiz.status = "draft"
    db.session.commit()
    assert client.get(f"/quizzes/{quiz.id}").status_code == 404


@pytest.mark.app_config(QUIZ_HEAD_TTL=3600)
def test_submissions_read_the_quiz_as_it_is_now(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    assert client.get(f"/quizzes/{quiz.id}").status_code == 200  # head kept for an hour
    _change_elsewhere(quiz.id, status="draft")
    assert client.get(f"/quizzes/{quiz.id}").status_code == 200  # a page view may lag...
    form = client.post(f"/quizzes/{quiz.id}", data={"name": "A", "submission_id": "late-sub-1"})
    api = client.post(f"/api/quizzes/{quiz.id}/attempts", json={"name": "A", "answers": {}})
    assert (form.status_code, api.status_code) == (404, 404)  # ...a submission never does
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


@pytest.mark.app_config(QUIZ_HEAD_TTL=0)
def test_a_ttl_of_zero_reads_the_head_every_time(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    _title_shown(client, quiz.id)
    _change_elsewhere(quiz.id, title="Seen at once")
    assert _title_shown(client, quiz.id) == "Seen at once"
