"""The quiz-taking service itself: the name and submission-id rules, the answer parser, and
submit(): created or replayed, unanswered, the key it returns, what it refuses."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from quizapp.services import editing, taking
from quizapp.services.errors import Conflict, InvalidSubmission, NotFound, OneAtATime
from tests.factories import make_quiz


def _counts() -> tuple[int, int]:
    return (
        db.session.scalar(db.select(db.func.count(Attempt.id))) or 0,
        db.session.scalar(db.select(db.func.count(Response.id))) or 0,
    )


def _key(quiz: Quiz) -> dict[int, int]:
    return {q.id: q.correct_choice.id for q in quiz.active_questions}  # type: ignore[union-attr]


def _one_wrong(quiz: Quiz) -> dict[int, int]:
    """One wrong answer: the least an attempt is stored with."""
    first = quiz.active_questions[0]
    return {first.id: next(c.id for c in first.choices if not c.is_correct)}


def _submit(quiz: Quiz, answers: dict[int, int], **kwargs: object) -> taking.Submission:
    options: dict[str, object] = {"name": "Ada", "submission_id": None, "origin": "api"}
    options.update(kwargs)
    return taking.submit(
        quiz.id,
        answers,
        options.pop("name"),
        options.pop("submission_id"),
        owner="tests",
        **options,  # type: ignore[arg-type]
    )


# -- the rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  Ada   Lovelace ", "Ada Lovelace"), ("x" * 40, "x" * 40), (" é ", "é")],
)
def test_a_name_is_trimmed_and_collapsed(raw: str, expected: str) -> None:
    assert taking.clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Please enter a display name."),
        ("   ", "Please enter a display name."),
        ("x" * 41, "at most 40 characters"),
        ("Ada\x00", "not allowed"),
        ("Ada\x9b", "not allowed"),
        ("\u202egnp.exe", "not allowed"),
        ("\ud800", "not allowed"),
        (None, "'name' must be a string"),
        (42, "'name' must be a string"),
    ],
)
def test_a_bad_name_is_refused(raw: object, message: str) -> None:
    with pytest.raises(InvalidSubmission, match=message):
        taking.clean_name(raw)


@pytest.mark.parametrize(
    "raw", ["abcdefgh", "a" * 64, "0b9f3c2e-7d1a-4c55-9c1e-3f0e7f1d2a4b", "a.b:c_d-"]
)
def test_a_good_submission_id_is_taken_as_it_is(raw: str) -> None:
    assert taking.check_submission_id(raw) == raw
    assert taking.check_submission_id(taking.new_submission_id())


@pytest.mark.parametrize("raw", ["short", "a" * 65, "<script>x", "with space", 12345678, None])
def test_a_bad_submission_id_is_refused(raw: object) -> None:
    with pytest.raises(InvalidSubmission, match="'submission_id'"):
        taking.check_submission_id(raw)


def test_the_forms_and_the_api_document_take_their_rules_from_the_service(
    client: FlaskClient,
) -> None:
    from quizapp.web.forms import TakeQuizForm

    schema = client.get("/api/openapi.json").get_json()
    request = schema["components"]["schemas"]["AttemptRequest"]["properties"]
    assert request["name"]["maxLength"] == taking.NAME_MAX
    assert request["submission_id"]["pattern"] == f"^{taking.SUBMISSION_ID_PATTERN}$"
    header = schema["paths"]["/api/quizzes/{quiz_id}/attempts"]["post"]["parameters"][1]
    assert header["schema"] == request["submission_id"]
    assert TakeQuizForm.name.kwargs["render_kw"]["maxlength"] == taking.NAME_MAX


def test_answers_are_parsed_from_json_and_from_a_form() -> None:
    assert taking.parse_answers({"1": 2, "3": 4}) == {1: 2, 3: 4}
    assert taking.parse_answers({"1": "2", "3": ""}, text=True) == {1: 2}


@pytest.mark.parametrize(
    ("raw", "text", "message"),
    [
        ([1, 2], False, "must be an object"),
        ({"abc": 1}, False, "not a question id"),
        ({"²": 1}, True, "not a question of this quiz"),
        ({"1": "2"}, False, "positive integer"),
        ({"1": True}, False, "positive integer"),
        ({"1": 0}, False, "positive integer"),
        ({"1": 2**70}, False, "positive integer"),
        ({"1": "²"}, True, "positive integer"),
        ({"1": "-5"}, True, "positive integer"),
    ],
)
def test_bad_answers_are_refused(raw: object, text: bool, message: str) -> None:
    with pytest.raises(InvalidSubmission, match=message):
        taking.parse_answers(raw, text=text)


# -- submit() ----------------------------------------------------------------------------------


def test_a_submission_is_stored_scored_and_returns_the_key(quiz: Quiz) -> None:
    first, second, third = quiz.active_questions
    wrong = next(c for c in second.choices if not c.is_correct)
    answers = {first.id: first.correct_choice.id, second.id: wrong.id}  # type: ignore[union-attr]
    submission = _submit(quiz, answers, name="  Rows  ")
    attempt = submission.attempt
    assert submission.created and submission.unanswered == 1
    assert submission.key == _key(quiz) and list(submission.key) == [first.id, second.id, third.id]
    assert (attempt.name, attempt.score, attempt.total) == ("Rows", 1, 3)
    stored = db.session.execute(
        db.select(Response.question_id, Response.choice_id, Response.is_correct).order_by(
            Response.question_id
        )
    ).all()
    assert [tuple(r) for r in stored] == [
        (first.id, answers[first.id], True),
        (second.id, wrong.id, False),
    ]


def test_the_same_submission_id_is_stored_once(quiz: Quiz) -> None:
    first = _submit(quiz, _key(quiz), submission_id="same-id-0001", origin="web")
    again = _submit(quiz, _key(quiz), submission_id="same-id-0001", origin="web")
    assert first.created and not again.created
    assert again.attempt.id == first.attempt.id
    assert (again.key, again.unanswered) == ({}, 0)
    assert _counts() == (1, 3)


def test_a_web_replay_with_other_answers_returns_the_stored_attempt(quiz: Quiz) -> None:
    """The form's id is bound to its browser: only that browser can send it again."""
    first = _submit(quiz, _key(quiz), submission_id="same-id-0002", origin="web")
    again = _submit(quiz, {}, name="Other", submission_id="same-id-0002", origin="web")
    assert not again.created and again.attempt.id == first.attempt.id


def test_an_api_replay_with_other_answers_is_a_conflict(quiz: Quiz) -> None:
    _submit(quiz, _key(quiz), submission_id="same-id-0003")
    with pytest.raises(Conflict, match="already used"):
        _submit(quiz, {}, submission_id="same-id-0003")
    with pytest.raises(Conflict, match="already used"):
        _submit(quiz, _key(quiz), name="Eve", submission_id="same-id-0003")
    assert _counts() == (1, 3)


def test_ids_are_stored_bound_to_origin_and_owner(quiz: Quiz) -> None:
    web = _submit(quiz, _one_wrong(quiz), submission_id="same-id-0004", origin="web")
    api = _submit(quiz, _one_wrong(quiz), submission_id="same-id-0004", origin="api")
    assert web.created and api.created
    assert web.attempt.submission_id == taking.submission_key("web", "tests", "same-id-0004")
    assert web.attempt.submission_id.startswith("web:")
    assert "same-id-0004" not in api.attempt.submission_id


def test_without_an_id_every_submission_is_stored(quiz: Quiz) -> None:
    assert _submit(quiz, _one_wrong(quiz)).created and _submit(quiz, _one_wrong(quiz)).created
    assert _counts() == (2, 2)


@pytest.mark.parametrize("origin", ["web", "api"])
def test_an_option_of_another_question_is_refused(quiz: Quiz, origin: str) -> None:
    one, two = quiz.active_questions[:2]
    with pytest.raises(InvalidSubmission, match=f"not an option of question {one.id}"):
        _submit(quiz, {one.id: two.choices[0].id}, origin=origin)
    assert _counts() == (0, 0)


def test_another_quizs_question_is_refused_by_the_api_and_ignored_by_the_form(
    quiz: Quiz,
) -> None:
    other = make_quiz(title="Other")
    foreign = other.questions[0]
    answers = {foreign.id: foreign.choices[0].id}
    with pytest.raises(InvalidSubmission, match="not part of this quiz"):
        _submit(quiz, answers)
    with pytest.raises(taking.NoAnswers):  # ignored, it leaves the form without an answer
        _submit(quiz, answers, origin="web")
    stored = _submit(quiz, {**answers, **_one_wrong(quiz)}, origin="web")
    assert stored.created and stored.unanswered == 2 and _counts() == (1, 1)


def test_a_form_answering_a_retired_question_is_stale(quiz: Quiz) -> None:
    _submit(quiz, _one_wrong(quiz))  # with an attempt, an edit retires the question
    question = quiz.active_questions[0]
    answers = {question.id: question.choices[0].id}
    editing.update_question(
        question,
        stem="According to the article, " + question.stem.lower(),
        options=[(c.text, c.is_correct) for c in question.choices],
        explanation="",
    )
    with pytest.raises(taking.StaleAnswers, match="An editor changed a question") as stale:
        _submit(quiz, answers, origin="web")
    assert stale.value.status_code == 409
    with pytest.raises(InvalidSubmission, match="not part of this quiz"):
        _submit(quiz, answers, origin="api")
    assert _counts() == (1, 1)


def test_a_one_at_a_time_quiz_is_stored_only_from_its_last_step(app: Flask, quiz: Quiz) -> None:
    quiz.display_mode = "one"
    db.session.commit()
    for origin in ("web", "api"):
        with app.test_request_context(), pytest.raises(OneAtATime) as refused:
            _submit(quiz, _key(quiz), origin=origin)
        assert refused.value.link == f"/quizzes/{quiz.id}"
    assert _submit(quiz, _key(quiz), origin="play").created
    assert _counts() == (1, 3)


def test_an_unpublished_quiz_stores_nothing(quiz: Quiz) -> None:
    quiz.status = "draft"
    db.session.commit()
    with pytest.raises(NotFound):
        _submit(quiz, {})
    assert _counts() == (0, 0)


@pytest.mark.parametrize("origin", ["web", "api"])
def test_an_attempt_without_a_single_answer_is_not_stored(quiz: Quiz, origin: str) -> None:
    with pytest.raises(taking.NoAnswers, match="not answered any question") as refused:
        _submit(quiz, {}, origin=origin, submission_id="empty-id-0001")
    assert refused.value.status_code == 400 and isinstance(refused.value, InvalidSubmission)
    assert _counts() == (0, 0)
    partial = _submit(quiz, _one_wrong(quiz), origin=origin)  # a partial one is stored
    assert partial.created and partial.unanswered == 2


def test_a_retake_without_a_single_answer_is_not_stored(quiz: Quiz) -> None:
    first = quiz.active_questions[0]
    right = {first.id: first.correct_choice.id}  # type: ignore[union-attr]
    parent = db.session.merge(_submit(quiz, right).attempt)
    with pytest.raises(taking.NoAnswers):
        _submit(quiz, {}, origin="web", retake_of=parent)
    # An answer to a question the retake does not ask is ignored, so it is no answer either.
    with pytest.raises(taking.NoAnswers):
        _submit(quiz, right, origin="web", retake_of=parent)
    assert _counts() == (1, 1)


def test_a_retake_asks_only_the_missed_questions(quiz: Quiz) -> None:
    first, second, third = quiz.active_questions
    stored = _submit(quiz, {first.id: first.correct_choice.id}).attempt  # type: ignore[union-attr]
    parent = db.session.merge(stored)  # as the view loads it, by its token
    retake = _submit(
        quiz,
        {second.id: second.correct_choice.id},
        origin="web",
        retake_of=parent,  # type: ignore[union-attr]
    )
    assert list(retake.key) == [second.id, third.id]
    assert (retake.attempt.score, retake.attempt.total, retake.unanswered) == (1, 2, 1)
    assert retake.attempt.retake_of_id == parent.id


def test_a_quiz_changed_after_its_page_was_read_is_checked_as_it_is_now(quiz: Quiz) -> None:
    """The page showed the old questions; the answer to a question added since is kept."""
    page = taking.quiz_page(quiz.id)
    new = editing.add_question(
        quiz,
        claim=quiz.questions[0].claim,
        kind="fact_recall",
        stem="Which company is named in the sentence the article opens with?",
        options=[("Acme", True), ("Globex", False), ("Initech", False)],
        explanation="",
    )
    assert new.id not in [q.id for q in page.questions]
    submission = _submit(quiz, {new.id: new.choices[0].id}, origin="web")
    assert (submission.attempt.score, submission.attempt.total) == (1, 4)
    assert taking.quiz_page(quiz.id).questions[-1].id == new.id


def test_a_replay_after_its_question_was_retired_returns_the_stored_attempt(quiz: Quiz) -> None:
    question = quiz.active_questions[0]
    answers = {question.id: question.choices[0].id}
    first = _submit(quiz, answers, submission_id="same-id-0005")
    editing.update_question(
        question,
        stem="According to the article, " + question.stem.lower(),
        options=[(c.text, c.is_correct) for c in question.choices],
        explanation="",
    )
    again = _submit(quiz, answers, submission_id="same-id-0005")
    assert not again.created and again.attempt.id == first.attempt.id


def test_a_bug_breaking_another_constraint_is_logged_and_raised_not_a_409(
    app: Flask, quiz: Quiz, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A schema or code bug (here a NOT NULL column left unset, refused by the database) is not
    the taker's doing: it must not pass as "the quiz changed, send them again"."""
    monkeypatch.setattr(taking.secrets, "token_urlsafe", lambda n=None: None)
    with pytest.raises(IntegrityError):
        _submit(quiz, _one_wrong(quiz), submission_id="same-id-0006")
    assert "Storing an attempt failed" in caplog.text
    db.session.rollback()
    assert _counts() == (0, 0)
