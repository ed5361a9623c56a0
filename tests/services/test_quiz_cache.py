"""The per-version caches of the quiz page and the answer key: invalidation and validation."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import VERDICTS, Attempt, Quiz
from quizapp.services import editing, quiz_cache, verdicts
from quizapp.web.forms import TakeQuizForm
from tests.factories import make_seed_quiz, submit_attempt


def _seed() -> Quiz:
    return make_seed_quiz()


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
    submit_attempt(quiz, "Early", {})  # with attempts, an edit retires and replaces
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
    submit_attempt(quiz, "B", {})
    assert _version(quiz) == version


def test_the_answer_key_refuses_another_questions_option(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    one, two = quiz.active_questions[:2]
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
    submit_attempt(quiz, "Early", {})
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


def test_the_cached_question_list_is_what_the_form_renders(client: FlaskClient, app: Flask) -> None:
    """The blank page around the cached question list equals the page rendered from the
    form's own fields (as after a failed POST), byte for byte."""
    from quizapp.services import option_order, taking
    from quizapp.web import quiz as views
    from quizapp.web.forms import take_quiz_form

    quiz = make_seed_quiz()
    with app.test_request_context(f"/quizzes/{quiz.id}"):
        page = taking.quiz_page(quiz.id)
        blank = TakeQuizForm(submission_id="sub-fixed-01")
        cached = views._take_page(page, blank, None, views._question_list(page))
        form = take_quiz_form(page.questions, submission_id="sub-fixed-01")
        jsonld = views._question_list(page).claim_review_jsonld
        full = views._take_page(page, form, None, jsonld=jsonld)
    assert cached == full
    assert [q.id for q in page.questions] == [q.id for q in quiz.active_questions]
    # And so in the order a submission id gives the options (put together per request from
    # the cached parts, or rendered from the form's own fields).
    with app.test_request_context(f"/quizzes/{quiz.id}"):
        orders = option_order.order_of("sub-fixed-01", page.questions)
        cached = views._take_page(page, blank, None, views._question_list(page), orders=orders)
        full = views._take_page(page, form, None, jsonld=jsonld, orders=orders)
    assert cached == full
    assert any(
        list(ids) != [o for o, _ in q.options] for q in page.questions for ids in [orders[q.id]]
    )


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_every_page_view_has_its_own_submission_id_and_a_csrf_token(
    client: FlaskClient, app: Flask
) -> None:
    quiz = _seed()
    pages = [_page(client, quiz) for _ in range(2)]
    ids = [re.findall(r'name="submission_id" type="hidden" value="([^"]+)"', p) for p in pages]
    assert len(ids[0]) == len(ids[1]) == 1 and ids[0] != ids[1]
    assert all(re.search(r'name="csrf_token" type="hidden" value="[^"]+"', p) for p in pages)


@pytest.mark.parametrize(("size", "builds"), [(0, 4), (1, 3), (2, 2)])
def test_the_cache_is_bounded_by_its_size(app: Flask, size: int, builds: int) -> None:
    app.config["QUIZ_CACHE_SIZE"] = size
    app.extensions.pop(quiz_cache.EXTENSION, None)
    built: list[int] = []

    def build(version: int) -> int:
        built.append(version)
        return version

    for version in (1, 1, 2, 1):
        assert quiz_cache.cached(7, version, "page", lambda v=version: build(v)) == version
    assert len(built) == builds


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
    first = quiz.active_questions[0]
    choice = first.choices[0].id
    form = client.post(
        f"/quizzes/{quiz.id}",
        data={
            "name": "A",
            "submission_id": "late-sub-1",
            f"q_{first.id}": choice,
            "confirm_unanswered": "yes",
        },
    )
    api = client.post(
        f"/api/quizzes/{quiz.id}/attempts", json={"name": "A", "answers": {str(first.id): choice}}
    )
    assert (form.status_code, api.status_code) == (404, 404)  # ...a submission never does
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 0


@pytest.mark.app_config(QUIZ_HEAD_TTL=0)
def test_a_ttl_of_zero_reads_the_head_every_time(client: FlaskClient, app: Flask) -> None:
    quiz = make_seed_quiz()
    _title_shown(client, quiz.id)
    _change_elsewhere(quiz.id, title="Seen at once")
    assert _title_shown(client, quiz.id) == "Seen at once"
