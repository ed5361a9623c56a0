"""Recording attempts: validate the answers against the quiz, score, store once."""

from __future__ import annotations

import random
import secrets
import time
import unicodedata
import weakref
from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import make_transient_to_detached

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, Response
from quizapp.models.attempt import new_share_token
from quizapp.models.base import utcnow
from quizapp.services import quiz_cache
from quizapp.services.errors import InvalidSubmission
from quizapp.services.quizzes import QuizHead, get_current_head, get_published_quiz
from quizapp.services.tokens import by_token

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


def record_attempt(
    quiz: Quiz | QuizHead,
    name: str,
    answers: Mapping[int, int],
    *,
    submission_id: str | None = None,
    started_at: datetime | None = None,
    retake_of: Attempt | None = None,
) -> tuple[Attempt, bool]:
    """Store one attempt and a response per answered question.

    ``answers`` maps question id to choice id; questions left out are
    unanswered and score 0. Returns ``(attempt, created)``: a submission id seen
    before returns the stored attempt unchanged, so a double click or a retried
    request is stored once. Raises :class:`InvalidSubmission` for a question
    that is not an active question of this quiz or a choice of another question,
    and :class:`NotFound` when the quiz is no longer published; nothing is written then.

    The answers are checked against the quiz as it is in the transaction that stores
    them (its version is read there), whatever version the taker's page showed.

    With ``retake_of``, only the questions that attempt missed are asked; the
    retake is scored out of those and kept out of scoreboards and statistics.
    """
    name = clean_name(name)
    submission_id = submission_id or secrets.token_urlsafe(18)
    try:
        attempt = _store_new_attempt(
            quiz.id, name, answers, submission_id, started_at=started_at, retake_of=retake_of
        )
    except IntegrityError:
        # The submission id is taken: a double click, a retried request, or two copies that
        # raced. The unique constraint decided; answer with the attempt already stored.
        existing = _by_submission(submission_id)
        if existing is None:
            raise
        if existing.quiz_id != quiz.id:
            raise InvalidSubmission("This submission belongs to another quiz.") from None
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


def _options_by_question(
    quiz: Quiz | QuizHead, retake_of: Attempt | None
) -> Mapping[int, Mapping[int, bool]]:
    """Question id -> {choice id: is_correct} of the questions a new attempt answers.

    A first attempt reads the cached answer key of the quiz's version (no ORM graph); a retake
    (rare) asks only its parent's misses and reads them from the questions.
    """
    if retake_of is None:
        return quiz_cache.answer_key(quiz).choices
    if not isinstance(quiz, Quiz):
        quiz = get_published_quiz(quiz.id)
    return {q.id: {c.id: c.is_correct for c in q.choices} for q in questions_for(quiz, retake_of)}


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


#: The columns of a new attempt row, all set in Python (no server or ORM defaults to fetch).
_ATTEMPT_TABLE = cast(Table, Attempt.__table__)
_ATTEMPT_COLUMNS = tuple(c.key for c in _ATTEMPT_TABLE.columns if c.key != "id")
#: Built once; each submission binds its values (the statements' compiled forms are cached).
_INSERT_ATTEMPT = insert(_ATTEMPT_TABLE).returning(_ATTEMPT_TABLE.c.id)
_INSERT_RESPONSES = insert(cast(Table, Response.__table__))


def _store_new_attempt(
    quiz_id: int,
    name: str,
    answers: Mapping[int, int],
    submission_id: str,
    *,
    started_at: datetime | None,
    retake_of: Attempt | None,
) -> Attempt:
    """Check and insert a new attempt in one transaction; wait out a busy SQLite writer.

    One Core connection, no ORM unit of work: read the quiz's head (published? which
    version?), check and score the answers against that version's answer key, insert the
    attempt (its id comes back by RETURNING) and its responses (one executemany), commit.
    A submission id that is already taken raises :class:`IntegrityError` before anything
    is kept. The returned attempt is a detached stored row with every value it was built
    with (no reload).

    SQLite allows one writer at a time; past its busy timeout it reports
    "database is locked". That is retried a few times with a growing, jittered
    pause; any other error (an IntegrityError of a raced submission, say)
    goes to the caller at once.
    """
    for retry in range(LOCK_RETRIES + 1):
        try:
            with db.engine.connect() as connection:
                head = get_current_head(connection, quiz_id)
                questions = _options_by_question(head, retake_of)
                responses, score = _scored(questions, answers)
                finished_at = utcnow()
                attempt = Attempt(
                    quiz_id=quiz_id,
                    name=name,
                    token=secrets.token_urlsafe(18),
                    submission_id=submission_id,
                    share_token=new_share_token(),
                    started_at=started_at,
                    finished_at=finished_at,
                    score=score,
                    total=len(questions),
                    retake_of_id=retake_of.id if retake_of is not None else None,
                )
                values = {key: getattr(attempt, key) for key in _ATTEMPT_COLUMNS}
                attempt_id = connection.execute(_INSERT_ATTEMPT, values).scalar_one()
                if responses:
                    connection.execute(
                        _INSERT_RESPONSES,
                        [
                            {**row, "attempt_id": attempt_id, "answered_at": finished_at}
                            for row in responses
                        ],
                    )
                connection.commit()
            break
        except OperationalError as exc:
            if "database is locked" not in str(exc.orig) or retry == LOCK_RETRIES:
                raise
            time.sleep(LOCK_BACKOFF_S * 2**retry * (1 + random.random()))  # noqa: S311
    attempt.id = attempt_id
    # A stored row now, outside any session: its values are all here; relationships (its
    # responses, its quiz) load once it joins a session (``db.session.add``, or assigning it
    # to a loaded object's relationship). The hot paths need neither, nor the session.
    make_transient_to_detached(attempt)
    if retake_of is None:
        _SCORED_KEYS[attempt] = quiz_cache.answer_key(head)
    return attempt


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
