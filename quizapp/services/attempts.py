"""Recording attempts: validate the answers against the quiz, score, store once."""

from __future__ import annotations

import hashlib
import logging
import random
import secrets
import time
import unicodedata
import weakref
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from flask import url_for
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import make_transient_to_detached

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz
from quizapp.models.attempt import new_share_token
from quizapp.models.base import utcnow
from quizapp.models.quiz import DisplayMode
from quizapp.services import attempt_rows, quiz_cache
from quizapp.services.errors import Conflict, InvalidSubmission, OneAtATime, ServiceError
from quizapp.services.quizzes import (
    QuizHead,
    autocommit_connection,
    get_current_head,
    get_published_quiz,
)
from quizapp.services.tokens import by_token

logger = logging.getLogger(__name__)

NAME_MAX = 40
#: A submission that finds SQLite locked past its busy timeout is tried again this often...
LOCK_RETRIES = 4
#: ...after 0.05 s, 0.1 s, 0.2 s, 0.4 s (each up to twice that, at random).
LOCK_BACKOFF_S = 0.05


def clean_name(raw: str | None) -> str:
    """A display name trimmed and checked: 1 to 40 characters, no control characters."""
    name = " ".join((raw or "").split())
    if not name:
        raise InvalidSubmission("Please enter a display name.")
    if len(name) > NAME_MAX:
        raise InvalidSubmission(f"The display name can have at most {NAME_MAX} characters.")
    if any(_forbidden(ch) for ch in name):
        raise InvalidSubmission("The display name contains characters that are not allowed.")
    return name


#: Bidirectional embeddings, overrides and isolates: they can make a name on the scores
#: page read as something else ("\u202egnp.exe").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _forbidden(ch: str) -> bool:
    """Control characters (C0, C1, NUL), lone surrogates (not storable as UTF-8), bidi controls."""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS


def submission_key(origin: str, owner: str, client_id: str) -> str:
    """The stored submission id of ``client_id``, sent by ``owner`` through ``origin``.

    A submission id makes a retried request return the attempt stored the first time. It is
    only ever that of whoever sent it: the key is bound to its origin (``web`` form, ``api``,
    ``play`` for a finished one-at-a-time attempt) and owner (a browser's session, an API
    client), so the same id sent by someone else, or through another path, names another
    attempt. Ids that a path makes for itself can never be sent through another path.
    """
    digest = hashlib.sha256(f"{owner}\0{client_id}".encode()).hexdigest()[:40]
    return f"{origin}:{digest}"


def record_attempt(
    quiz: Quiz | QuizHead,
    name: str,
    answers: Mapping[int, int],
    *,
    submission_id: str | None = None,
    started_at: datetime | None = None,
    retake_of: Attempt | None = None,
    strict_replay: bool = False,
    one_at_a_time: bool = False,
) -> tuple[Attempt, bool]:
    """Store one attempt and a response per answered question.

    ``answers`` maps question id to choice id; questions left out are
    unanswered and score 0. Returns ``(attempt, created)``: a submission id seen
    before returns the stored attempt unchanged, so a double click or a retried
    request is stored once. ``submission_id`` comes from :func:`submission_key`. With
    ``strict_replay`` (an id whose sender nothing else proves, as an API client's), a
    submission id seen before with another name or other answers is a :class:`Conflict`
    that reveals nothing of the stored attempt. Raises :class:`InvalidSubmission` for a question
    that is not an active question of this quiz or a choice of another question,
    and :class:`NotFound` when the quiz is no longer published; nothing is written then.

    The answers are scored against the version of ``quiz`` the caller read, and the
    attempt is stored only while that is still the quiz's version (the INSERT checks it).
    If the quiz changed meanwhile, it is read again and the answers checked against it as
    it is now, whatever version the taker's page showed.

    With ``retake_of``, only the questions that attempt missed are asked; the
    retake is scored out of those and kept out of scoreboards and statistics.

    A quiz taken one question at a time is stored only from its steps (``one_at_a_time``, by
    :mod:`quizapp.services.progress`): its whole form or an API call would return every key
    at once, so they are refused with :class:`OneAtATime` (409, linking to the quiz page).
    Retakes of missed questions stay on one page.
    """
    name = clean_name(name)
    given_id = submission_id
    submission_id = submission_id or secrets.token_urlsafe(18)
    try:
        attempt = _store_new_attempt(
            quiz,
            name,
            answers,
            submission_id,
            started_at=started_at,
            retake_of=retake_of,
            one_at_a_time=one_at_a_time,
        )
    except IntegrityError as exc:
        violated = attempt_rows.violated_constraint(exc)
        if violated in attempt_rows.OPTION_GONE_CONSTRAINTS:
            # An option or question deleted by an editor while this was being stored (a race
            # only PostgreSQL's concurrent writers can meet). Nothing was written.
            raise Conflict(
                "The quiz changed while your answers were being stored. Please send them again."
            ) from None
        if violated != attempt_rows.SUBMISSION_ID_CONSTRAINT:
            # Not the taker's doing: a schema or code bug. Logged, and a 500, never a 409.
            logger.error("Storing an attempt failed on constraint %r", violated, exc_info=True)
            raise
        # The submission id is taken: a double click, a retried request, or two copies that
        # raced. The unique constraint decided; answer with the attempt already stored.
        existing = _replayed(submission_id, quiz.id, name, answers, strict_replay)
        if existing is None:  # stored and gone again between the INSERT and the look-up
            raise Conflict(
                "The quiz changed while your answers were being stored. Please send them again."
            ) from None
        return existing, False
    except ServiceError:
        # Retried after the quiz changed (a question retired, the quiz unpublished): the
        # first copy was stored before the change, and that stored attempt is the answer.
        existing = _replayed(given_id, quiz.id, name, answers, strict_replay) if given_id else None
        if existing is None:
            raise
        return existing, False
    return attempt, True


def scored_key(attempt: Attempt) -> quiz_cache.AnswerKey | None:
    """The answer key a first attempt was checked against when this process stored it.

    The API's answer to a new attempt is built from it (no query), and it is the key of
    the version read in the storing transaction, which may be newer than the taker's page.
    """
    return _SCORED_KEYS.get(attempt)


#: Attempts stored by this process -> their answer keys (gone with the attempt object).
_SCORED_KEYS: weakref.WeakKeyDictionary[Attempt, quiz_cache.AnswerKey] = weakref.WeakKeyDictionary()


def _scored(
    questions: Mapping[int, Mapping[int, bool]], answers: Mapping[int, int]
) -> tuple[list[dict[str, Any]], int]:
    """The response rows of ``answers`` and their score, or :class:`InvalidSubmission`."""
    responses = []
    score = 0
    for question_id, choice_id in answers.items():
        options = questions.get(question_id)
        if options is None:
            raise InvalidSubmission(f"Question {question_id} is not part of this quiz.")
        is_correct = options.get(choice_id)
        if is_correct is None:
            raise InvalidSubmission(
                f"Option {choice_id} is not an option of question {question_id}."
            )
        score += int(is_correct)
        responses.append(
            {"question_id": question_id, "choice_id": choice_id, "is_correct": is_correct}
        )
    return responses, score


def _retake_options(quiz: QuizHead, retake_of: Attempt) -> Mapping[int, Mapping[int, bool]]:
    """Question id -> {choice id: is_correct} of the questions a retake asks: its parent's
    misses, read from the questions (a first attempt uses the cached answer key instead)."""
    questions = questions_for(get_published_quiz(quiz.id), retake_of)
    return {q.id: {c.id: c.is_correct for c in q.choices} for q in questions}


class StaleAnswers(InvalidSubmission):
    """A form answering questions an editor changed or removed since the taker opened it."""

    status_code = 409


def refuse_stale_answers(quiz: Quiz, answered: Iterable[int]) -> None:
    """Raise :class:`StaleAnswers` if ``answered`` (question ids a form gave a value) names a
    question of this quiz that is no longer asked: retired by an edit, or deleted.

    Its answer would otherwise be dropped without a word and the new question scored as
    unanswered. Ids of other quizzes' questions stay ignored, like any unknown field.
    """
    active = {q.id for q in quiz.active_questions}
    unknown = set(answered) - active
    if not unknown:
        return
    elsewhere = set(
        db.session.scalars(
            db.select(Question.id).where(Question.id.in_(unknown), Question.quiz_id != quiz.id)
        )
    )
    stale = len(unknown - elsewhere)
    if stale:
        raise StaleAnswers(
            f"An editor changed {'a question' if stale == 1 else f'{stale} questions'} of this "
            "quiz after you opened it, so nothing was stored. Your other answers are kept below: "
            "check the questions and send the form again."
        )


def missed_question_ids(attempt: Attempt) -> set[int]:
    """The still-active questions an attempt asked and did not get right."""
    right = {r.question_id for r in attempt.responses if r.is_correct}
    return asked_question_ids(attempt) - right


def questions_for(quiz: Quiz, retake_of: Attempt | None = None) -> list[Question]:
    """The questions a new attempt answers: all active ones, or those a retake covers."""
    if retake_of is None:
        return quiz.active_questions
    missed = missed_question_ids(retake_of)
    return [q for q in quiz.active_questions if q.id in missed]


def asked_question_ids(attempt: Attempt) -> set[int]:
    """Active questions an attempt asked: all of them, or for a retake its parent's misses."""
    if attempt.retake_of is None:
        return {q.id for q in attempt.quiz.active_questions}
    return missed_question_ids(attempt.retake_of)


def get_attempt(token: str) -> Attempt:
    """The attempt named by its secret token."""
    return by_token(Attempt, Attempt.token, token, max_length=64, missing="No such attempt.")


def get_shared_attempt(share_token: str) -> Attempt:
    """The attempt named by its public share token (score and quiz only are shown)."""
    return by_token(
        Attempt, Attempt.share_token, share_token, max_length=32, missing="No such shared result."
    )


#: How often a submission is tried against a newer version of a quiz that keeps changing.
VERSION_TRIES = 3


def _store_new_attempt(
    quiz: Quiz | QuizHead,
    name: str,
    answers: Mapping[int, int],
    submission_id: str,
    *,
    started_at: datetime | None,
    retake_of: Attempt | None,
    one_at_a_time: bool,
) -> Attempt:
    """Score and store a new attempt at the quiz's current version.

    Scored against the version of ``quiz`` the caller read; stored (see
    :mod:`quizapp.services.attempt_rows`) only if that is still the version. When it is
    not, or when the answers do not fit that version, the quiz's head is read again and,
    if it has moved on, everything is tried against it. A quiz no longer published raises
    :class:`NotFound`. The returned attempt is a detached stored row with every value it
    was built with (no reload).
    """
    head = QuizHead.of(quiz)
    one_statement = retake_of is None and db.engine.dialect.name == "postgresql"
    for _ in range(VERSION_TRIES):
        if head.display_mode == DisplayMode.ONE and retake_of is None and not one_at_a_time:
            # Checked on the head whose version the INSERT then requires: race-free.
            raise OneAtATime(
                "This quiz is taken one question at a time, with feedback after each answer: "
                "start it from its page.",
                link=url_for("quiz.take", quiz_id=head.id),
            )
        # The key scored with is the key remembered for the attempt (not looked up again).
        key: quiz_cache.AnswerKey | None = None
        questions: Mapping[int, Mapping[int, bool]]
        if retake_of is None:
            key = quiz_cache.answer_key(head)
            questions = key.choices
        else:
            questions = _retake_options(head, retake_of)
        try:
            responses, score = _scored(questions, answers)
        except InvalidSubmission:
            newer = _newer_head(head)
            if newer is None:
                raise
            head = newer
            continue
        attempt = _new_attempt(
            head.id, name, submission_id, started_at, score, len(questions), retake_of
        )
        values = attempt_rows.attempt_values(attempt)
        if one_statement:
            with autocommit_connection() as connection:  # autocommit: one statement, atomic
                attempt_id = attempt_rows.insert_in_one_statement(
                    connection, values, responses, head.version
                )
        else:
            attempt_id = _insert_in_transaction(values, responses, head.version)
        if attempt_id is not None:
            return _stored(attempt, attempt_id, key)
        head = _newer_head(head) or head
    raise Conflict("The quiz is being changed right now. Please send your answers again.")


def _newer_head(head: QuizHead) -> QuizHead | None:
    """The quiz's head as it is now if its version moved on (:class:`NotFound` if unpublished)."""
    with autocommit_connection() as connection:
        current = get_current_head(connection, head.id)
    return current if current.version != head.version else None


def _insert_in_transaction(
    values: Mapping[str, Any], responses: list[dict[str, Any]], version: int
) -> int | None:
    """Insert in one transaction, waiting out a busy SQLite writer; ``None`` if not at ``version``.

    SQLite allows one writer at a time; past its busy timeout it reports
    "database is locked". That is retried a few times with a growing, jittered
    pause; any other error (an IntegrityError of a raced submission, say)
    goes to the caller at once.
    """
    for retry in range(LOCK_RETRIES + 1):
        try:
            with db.engine.connect() as connection:
                attempt_id = attempt_rows.insert_in_transaction(
                    connection, values, responses, version
                )
                connection.commit()
                return attempt_id
        except OperationalError as exc:
            if "database is locked" not in str(exc.orig) or retry == LOCK_RETRIES:
                raise
            time.sleep(LOCK_BACKOFF_S * 2**retry * (1 + random.random()))  # noqa: S311
    raise AssertionError("unreachable")  # pragma: no cover


def _new_attempt(
    quiz_id: int,
    name: str,
    submission_id: str,
    started_at: datetime | None,
    score: int,
    total: int,
    retake_of: Attempt | None,
) -> Attempt:
    """A new attempt with every column set in Python (nothing to fetch back but its id)."""
    return Attempt(
        quiz_id=quiz_id,
        name=name,
        token=secrets.token_urlsafe(18),
        submission_id=submission_id,
        share_token=new_share_token(),
        started_at=started_at,
        finished_at=utcnow(),
        score=score,
        total=total,
        retake_of_id=retake_of.id if retake_of is not None else None,
    )


def _stored(attempt: Attempt, attempt_id: int, key: quiz_cache.AnswerKey | None) -> Attempt:
    """``attempt`` as the stored row ``attempt_id``, remembering the key it was scored with."""
    attempt.id = attempt_id
    # A stored row now, outside any session: its values are all here; relationships (its
    # responses, its quiz) load once it joins a session (``db.session.add``, or assigning it
    # to a loaded object's relationship). The hot paths need neither, nor the session.
    make_transient_to_detached(attempt)
    if key is not None:
        _SCORED_KEYS[attempt] = key
    return attempt


def _replayed(
    submission_id: str, quiz_id: int, name: str, answers: Mapping[int, int], strict: bool
) -> Attempt | None:
    """The attempt already stored under ``submission_id``, or ``None``.

    It must be of the same quiz, and with ``strict`` have the same name and answers; anything
    else is a :class:`Conflict` that says nothing about the stored attempt.
    """
    existing = _by_submission(submission_id)
    if existing is None:
        return None
    if existing.quiz_id != quiz_id or (
        strict
        and (
            existing.name != name
            or {r.question_id: r.choice_id for r in existing.responses} != dict(answers)
        )
    ):
        raise Conflict(
            "This submission id was already used for other answers; send yours with a new one."
        )
    return existing


def _by_submission(submission_id: str) -> Attempt | None:
    return db.session.execute(
        db.select(Attempt).where(Attempt.submission_id == submission_id)
    ).scalar_one_or_none()


def attempts_by_tokens(tokens: list[str]) -> list[Attempt]:
    """The attempts named by these tokens (a browser's history), newest first."""
    if not tokens:
        return []
    return list(
        db.session.scalars(
            db.select(Attempt)
            .where(Attempt.token.in_(tokens))
            .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
        )
    )
