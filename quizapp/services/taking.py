"""Taking a quiz: the page every taker of a quiz version sees, and storing a submission.

One service for every way an attempt comes in: the quiz form (``web``), the end of a quiz
taken one question at a time (``play``) and the JSON API (``api``). It holds the only rules
for what they share:

- the display name (:func:`clean_name`, :data:`NAME_MAX`);
- the client's submission id (:func:`check_submission_id`, :data:`SUBMISSION_ID_PATTERN`) and
  how it is stored, bound to its sender (:func:`submission_key`);
- the answers (:func:`parse_answers`, then :func:`submit` checks them against the quiz);
  an attempt with no answer at all is never stored (:func:`require_an_answer`).

Forms, the API and the OpenAPI document take their limits and patterns from here.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from flask import url_for
from sqlalchemy import ForeignKeyConstraint, Table, UniqueConstraint, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import make_transient_to_detached

from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    Choice,
    DisplayMode,
    Question,
    QuestionStatus,
    Quiz,
    QuizStatus,
    Response,
)
from quizapp.models.attempt import new_share_token
from quizapp.models.base import utcnow
from quizapp.security import MAX_ID, parse_id
from quizapp.services import option_order as option_order_service
from quizapp.services import quiz_cache
from quizapp.services.attempts import missed_question_ids
from quizapp.services.errors import (
    Conflict,
    InvalidSubmission,
    NotFound,
    OneAtATime,
    ServiceError,
)
from quizapp.services.quizzes import QuizHead, get_published_head, get_published_quiz

logger = logging.getLogger(__name__)

#: Where a submission comes from: the quiz form, the last step of a one-at-a-time quiz, the API.
Origin = Literal["web", "play", "api"]

# -- the display name ------------------------------------------------------------------------

#: The longest display name (the ``attempt.name`` column holds 40 characters).
NAME_MAX = 40
#: The rule as the form and the API document state it.
NAME_RULE = f"1 to {NAME_MAX} characters"

#: Bidirectional embeddings, overrides and isolates: they can make a name on the scores
#: page read as something else ("\u202egnp.exe").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_name(raw: object) -> str:
    """A display name with its whitespace collapsed, or :class:`InvalidSubmission`.

    1 to :data:`NAME_MAX` characters, none of them a control character (C0, C1, NUL), a lone
    surrogate (not storable as UTF-8) or a bidirectional control.
    """
    if not isinstance(raw, str):  # missing, or not text: only an API body can send that
        raise InvalidSubmission(f"'name' must be a string of {NAME_RULE}.")
    name = " ".join(raw.split())
    if not name:
        raise InvalidSubmission("Please enter a display name.")
    if len(name) > NAME_MAX:
        raise InvalidSubmission(f"The display name can have at most {NAME_MAX} characters.")
    if any(unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS for ch in name):
        raise InvalidSubmission("The display name contains characters that are not allowed.")
    return name


# -- the submission id -----------------------------------------------------------------------

#: A client's submission id: printable ASCII that any database stores as it is (UUIDs and the
#: form's ``secrets.token_urlsafe(16)`` fit).
SUBMISSION_ID_PATTERN = r"[A-Za-z0-9_.:-]{8,64}"
_SUBMISSION_ID = re.compile(SUBMISSION_ID_PATTERN)
SUBMISSION_ID_RULE = "8 to 64 characters: letters, digits, '-', '_', '.' or ':'"


def check_submission_id(raw: object) -> str:
    """``raw`` if it is a well-formed submission id, else :class:`InvalidSubmission`."""
    if not isinstance(raw, str) or not _SUBMISSION_ID.fullmatch(raw):
        raise InvalidSubmission(f"'submission_id' must be a string of {SUBMISSION_ID_RULE}.")
    return raw


def new_submission_id() -> str:
    """A fresh submission id, as a form carries one (it fits :data:`SUBMISSION_ID_PATTERN`)."""
    return secrets.token_urlsafe(16)


def submission_key(origin: Origin, owner: str, client_id: str) -> str:
    """The stored submission id of ``client_id``, sent by ``owner`` through ``origin``.

    A submission id makes a retried request return the attempt stored the first time. It is
    only ever that of whoever sent it: the key is bound to its origin and owner (a browser's
    session, a one-at-a-time attempt, an API client), so the same id sent by someone else, or
    through another path, names another attempt.
    """
    digest = hashlib.sha256(f"{owner}\0{client_id}".encode()).hexdigest()[:40]
    return f"{origin}:{digest}"


# -- the answers -----------------------------------------------------------------------------


def parse_answers(raw: object, *, text: bool = False) -> dict[int, int]:
    """``{question id: option id}`` from a mapping of question ids to option ids.

    The keys are question ids (text, as JSON object keys and form field names are). The values
    are option ids: positive integers, or with ``text`` (a form's values) their digits; with
    ``text`` an empty value is a question left unanswered. Anything else is
    :class:`InvalidSubmission`; whether the ids belong to the quiz is :func:`submit`'s to say.
    """
    if not isinstance(raw, Mapping):
        raise InvalidSubmission("'answers' must be an object mapping question ids to option ids.")
    answers: dict[int, int] = {}
    for key, value in raw.items():
        question_id = parse_id(key)
        if question_id is None:
            raise InvalidSubmission(
                f"Answer key {str(key)[:40]!r} is not a question id, so not a question of "
                "this quiz."
            )
        if text and value == "":
            continue
        if text and isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
            raise InvalidSubmission(
                f"The answer to question {question_id} must be an option id (a positive integer)."
            )
        answers[question_id] = value
    return answers


#: Why an attempt without a single answer is refused (the form says it above the questions).
NO_ANSWERS = (
    "You have not answered any question, so nothing was stored. Answer at least one "
    "question, then submit."
)


class NoAnswers(InvalidSubmission):
    """An attempt without a single answer: a stray click or an empty API call, never a
    result worth ranking."""


def require_an_answer(answers: Mapping[int, int]) -> None:
    """Raise :class:`NoAnswers` unless ``answers`` answers at least one question.

    The rule :func:`submit` applies to every attempt (form, one at a time, API, retakes); the
    form checks it first too, so it never asks to confirm the unanswered questions of an
    attempt that would not be stored anyway.
    """
    if not answers:
        raise NoAnswers(NO_ANSWERS)


# -- the quiz page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MediaRef:
    """An image a question carries: its name in the question's rich HTML, and its id."""

    name: str
    id: int


@dataclass(frozen=True)
class QuestionItem:
    """One active question as takers see it: never which option is right.

    ``stem_html`` and ``option_html`` (one per option, or empty) are the formatting a quiz
    file gave the texts, with ``media`` the images they show (see :mod:`quizapp.web.media`).
    """

    id: int
    kind: str
    stem: str
    options: tuple[tuple[int, str], ...]
    stem_html: str | None = None
    option_html: tuple[str | None, ...] = ()
    media: tuple[MediaRef, ...] = ()


@dataclass(frozen=True)
class QuizPage:
    """What every taker of one version of a quiz sees (no ORM objects: it is cached)."""

    id: int
    title: str
    display_mode: str
    version: int
    article_id: int
    questions: tuple[QuestionItem, ...]


def quiz_page(quiz_id: int) -> QuizPage:
    """The published quiz ``quiz_id`` as its page and ``GET /api/quizzes/<id>`` show it.

    Built once per quiz version and process (:mod:`quizapp.services.quiz_cache`); the version
    is read at most ``QUIZ_HEAD_TTL`` seconds late (:func:`get_published_head`). A quiz that is
    not published is :class:`NotFound`.
    """
    head = get_published_head(quiz_id)
    return quiz_cache.cached(head.id, head.version, "page", lambda: _build_page(head))


def _build_page(head: QuizHead) -> QuizPage:
    """The page at ``head``'s version: its columns from the head, its questions read now (if
    the quiz changed meanwhile they are newer than the key says; versions only rise)."""
    quiz = get_published_quiz(head.id)
    return QuizPage(
        id=head.id,
        title=head.title,
        display_mode=head.display_mode,
        version=head.version,
        article_id=head.article_id,
        questions=tuple(question_item(q) for q in quiz.active_questions),
    )


def question_item(question: Question) -> QuestionItem:
    """What a taker sees of ``question`` (the quiz page caches these per version)."""
    option_html = tuple(c.text_html for c in question.choices)
    rich = question.stem_html is not None or any(option_html)
    return QuestionItem(
        question.id,
        question.kind,
        question.stem,
        tuple((c.id, c.text) for c in question.choices),
        stem_html=question.stem_html,
        option_html=option_html if rich else (),
        media=tuple(MediaRef(m.name, m.id) for m in question.media) if rich else (),
    )


# -- storing a submission --------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """What :func:`submit` did.

    ``created`` is false for a replay (a submission id seen before): ``attempt`` is then the
    one stored the first time, and ``key`` and ``unanswered`` are empty (its stored responses
    are its result). Otherwise ``key`` is the answer key the answers were scored against
    (question id -> correct option id, in question order) and ``unanswered`` how many of the
    questions asked were left unanswered.
    """

    attempt: Attempt
    created: bool
    key: dict[int, int | None]
    unanswered: int


class StaleAnswers(InvalidSubmission):
    """A form answering questions an editor changed or removed since the taker opened it."""

    status_code = 409


def _constraint_name(
    table: Table, kind: type[UniqueConstraint | ForeignKeyConstraint], columns: set[str]
) -> str:
    """The name of ``table``'s ``kind`` constraint on exactly ``columns`` (the models' naming
    convention names every constraint, and the migrations create them so)."""
    for constraint in table.constraints:
        if isinstance(constraint, kind) and set(constraint.columns.keys()) == columns:
            return str(constraint.name)
    raise LookupError(f"{table.name} has no such constraint on {columns}")  # pragma: no cover


_ATTEMPT = cast(Table, Attempt.__table__)
_RESPONSE = cast(Table, Response.__table__)
#: The unique constraint that makes a submission id name one attempt.
SUBMISSION_ID_CONSTRAINT = _constraint_name(_ATTEMPT, UniqueConstraint, {"submission_id"})
#: The responses' references to a question and an option: violated only when an editor
#: deleted one while a submission was being stored.
OPTION_GONE_CONSTRAINTS = frozenset(
    _constraint_name(_RESPONSE, ForeignKeyConstraint, {column})
    for column in ("question_id", "choice_id")
)
#: SQLite names no foreign key that failed: any of a submission's references failing means a
#: question, an option or the quiz was deleted meanwhile.
SQLITE_FOREIGN_KEY = "(a foreign key: SQLite does not say which)"
#: The constraints whose violation means the quiz changed while a submission was stored.
CHANGED_MEANWHILE_CONSTRAINTS = OPTION_GONE_CONSTRAINTS | {SQLITE_FOREIGN_KEY}
#: SQLite names the columns of a violated unique constraint, not the constraint.
_SQLITE_CONSTRAINTS = {
    f"UNIQUE constraint failed: {_ATTEMPT.name}.submission_id": SUBMISSION_ID_CONSTRAINT,
    "FOREIGN KEY constraint failed": SQLITE_FOREIGN_KEY,
}


def violated_constraint(exc: IntegrityError) -> str | None:
    """The name of the constraint a submission's INSERT violated (``None``: unknown)."""
    diag = getattr(exc.orig, "diag", None)
    if diag is not None:
        return getattr(diag, "constraint_name", None)
    return _SQLITE_CONSTRAINTS.get(str(exc.orig))


_CHANGED_MEANWHILE = (
    "The quiz changed while your answers were being stored. Please send them again."
)


def submit(
    quiz_id: int,
    answers: Mapping[int, int],
    name: object,
    submission_id: object | None,
    *,
    origin: Origin,
    owner: str,
    retake_of: Attempt | None = None,
    started_at: datetime | None = None,
    option_order: Mapping[int, Sequence[int]] | None = None,
) -> Submission:
    """Check, score and store one attempt of the published quiz ``quiz_id``, once.

    ``answers`` maps question ids to option ids (:func:`parse_answers`); questions left out
    are unanswered and score 0. ``name`` must pass :func:`clean_name`. ``submission_id`` is
    the client's id of this submission (``None``: the API client sent none, so a retry would
    store another attempt); it is stored bound to ``origin`` and ``owner``
    (:func:`submission_key`), and the same id again returns the attempt stored the first time
    (``created`` false). Through the API, which nothing but the id itself binds to its sender,
    the same id with another name or other answers is a :class:`Conflict` that reveals nothing.

    The answers are checked against the quiz as it is in the storing transaction: an option
    of another question, or a question the quiz does not ask, is :class:`InvalidSubmission`
    (400). From the form (``web``), a question of this quiz that an editor retired or deleted
    since the page was read is :class:`StaleAnswers` (409: the form comes back with the other
    answers), and another quiz's question is ignored like any unknown field. With
    ``retake_of``, only the questions that attempt missed are asked; the retake is scored out
    of those and kept out of scoreboards and statistics.

    An attempt that answers no question asked is :class:`NoAnswers` (400): a name alone is
    not a result. Questions left unanswered otherwise are the caller's to confirm (the form
    asks; API clients decide).

    A quiz taken one question at a time is stored only from its last step (``play``): its
    whole form or an API call would return every key at once, so they are refused with
    :class:`OneAtATime` (409, linking to the quiz page). Retakes stay on one page.
    An unpublished quiz is :class:`NotFound`. Nothing is written when any of these is raised.

    ``option_order`` is the order the taker saw each question's options in
    (:mod:`quizapp.services.option_order`); it is stored with the attempt for the questions
    asked, where it is exactly a question's options, so the review shows what the taker saw.
    """
    name = clean_name(name)
    client_id = check_submission_id(submission_id) if submission_id is not None else None
    stored_id = submission_key(origin, owner, client_id) if client_id else secrets.token_urlsafe(18)
    try:
        return _store(
            quiz_id, answers, name, stored_id, origin, retake_of, started_at, option_order
        )
    except IntegrityError as exc:
        db.session.rollback()
        violated = violated_constraint(exc)
        if violated in CHANGED_MEANWHILE_CONSTRAINTS:
            # An option or question deleted by an editor between the key's read and the
            # INSERT (SQLite starts the write transaction only at the INSERT). Nothing was
            # written.
            raise Conflict(_CHANGED_MEANWHILE) from None
        if violated != SUBMISSION_ID_CONSTRAINT:
            # Not the taker's doing: a schema or code bug. Logged, and a 500, never a 409.
            logger.error("Storing an attempt failed on constraint %r", violated, exc_info=True)
            raise
        # A double click, a retried request, or two copies that raced: the unique constraint
        # decided, and the attempt stored first is the answer.
        existing = _replayed(stored_id, quiz_id, name, answers, strict=origin == "api")
        if existing is None:  # stored and gone again between the INSERT and the look-up
            raise Conflict(_CHANGED_MEANWHILE) from None
        return Submission(existing, False, {}, 0)
    except ServiceError:
        db.session.rollback()
        # Retried after the quiz changed (a question retired, the quiz unpublished): the first
        # copy was stored before the change, and that stored attempt is the answer.
        if client_id is not None:
            existing = _replayed(stored_id, quiz_id, name, answers, strict=origin == "api")
            if existing is not None:
                return Submission(existing, False, {}, 0)
        raise


def _store(
    quiz_id: int,
    answers: Mapping[int, int],
    name: str,
    stored_id: str,
    origin: Origin,
    retake_of: Attempt | None,
    started_at: datetime | None,
    option_order: Mapping[int, Sequence[int]] | None = None,
) -> Submission:
    """Read the quiz and its key, check and score ``answers``, insert the attempt and its
    responses, commit: one transaction, four statements."""
    status, display_mode, options = _quiz_and_key(quiz_id)
    if status != QuizStatus.PUBLISHED:
        raise NotFound("There is no such quiz.")
    if display_mode == DisplayMode.ONE and retake_of is None and origin != "play":
        raise OneAtATime(
            "This quiz is taken one question at a time, with feedback after each answer: "
            "start it from its page.",
            link=url_for("quiz.take", quiz_id=quiz_id),
        )
    if retake_of is not None:
        missed = missed_question_ids(retake_of)
        options = {q: opts for q, opts in options.items() if q in missed}
    answers = _asked(quiz_id, answers, options, origin)
    require_an_answer(answers)
    responses = []
    for question_id, choice_id in answers.items():
        is_correct = options[question_id].get(choice_id)
        if is_correct is None:
            raise InvalidSubmission(
                f"Option {choice_id} is not an option of question {question_id}."
            )
        responses.append(
            {"question_id": question_id, "choice_id": choice_id, "is_correct": is_correct}
        )
    now = utcnow()
    attempt = Attempt(
        quiz_id=quiz_id,
        name=name,
        token=secrets.token_urlsafe(18),
        submission_id=stored_id,
        share_token=new_share_token(),
        started_at=started_at,
        finished_at=now,
        score=sum(r["is_correct"] for r in responses),
        total=len(options),
        retake_of_id=retake_of.id if retake_of is not None else None,
        # Every question asked, in the order its options were shown (canonical when the
        # caller shows no other, as the API does): the record of what this attempt asked.
        option_order=option_order_service.checked(
            option_order or {q: tuple(opts) for q, opts in options.items()}, options
        ),
    )
    # INSERTs built from the models: the attempt (its id back), then its responses in one
    # executemany. Neither needs the unit of work, and on SQLite the write lock is held only
    # from the first INSERT to the COMMIT right after (others wait for it: the busy timeout).
    connection = db.session.connection()  # this session's transaction
    attempt.id = connection.execute(
        _INSERT_ATTEMPT, {column: getattr(attempt, column) for column in _ATTEMPT_COLUMNS}
    ).scalar_one()
    if responses:
        connection.execute(
            _INSERT_RESPONSES,
            [{**r, "attempt_id": attempt.id, "answered_at": now} for r in responses],
        )
    db.session.commit()
    key = {q: next((c for c, right in opts.items() if right), None) for q, opts in options.items()}
    # A stored row now, with every value it was built with: no reload. Outside the session,
    # its relationships load once it joins one (``db.session.add``, or assigning it to a
    # loaded object's relationship).
    make_transient_to_detached(attempt)
    return Submission(attempt, True, key, len(options) - len(responses))


#: The columns of a new attempt, all set in Python (nothing to fetch back but its id).
_ATTEMPT_COLUMNS = tuple(c.key for c in _ATTEMPT.columns if c.key != "id")
#: The two INSERTs of a submission, built once from the models' tables.
_INSERT_ATTEMPT = _ATTEMPT.insert().returning(_ATTEMPT.c.id)
_INSERT_RESPONSES = _RESPONSE.insert()


#: The quiz's status, display mode and answer key in one query, built once (every submission
#: runs it; building the statement anew cost as much as running it).
_QUIZ_AND_KEY = (
    select(Quiz.status, Quiz.display_mode, Question.id, Choice.id, Choice.is_correct)
    .outerjoin(Question, (Question.quiz_id == Quiz.id) & (Question.status == QuestionStatus.ACTIVE))
    .outerjoin(Choice, Choice.question_id == Question.id)
    .where(Quiz.id == bindparam("quiz_id"))
    .order_by(Question.position, Question.id, Choice.position, Choice.id)
)


def _quiz_and_key(quiz_id: int) -> tuple[str | None, str | None, dict[int, dict[int, bool]]]:
    """The quiz's status and display mode, and its active questions in order, each with
    ``{option id: is correct}``: one query."""
    rows = db.session.execute(_QUIZ_AND_KEY, {"quiz_id": quiz_id}).all()
    if not rows:
        return None, None, {}
    options: dict[int, dict[int, bool]] = {}
    for _, _, question_id, choice_id, is_correct in rows:
        if question_id is None:
            continue
        question = options.setdefault(question_id, {})
        if choice_id is not None:
            question[choice_id] = bool(is_correct)
    return rows[0].status, rows[0].display_mode, options


def _asked(
    quiz_id: int,
    answers: Mapping[int, int],
    options: Mapping[int, Any],
    origin: Origin,
) -> Mapping[int, int]:
    """``answers`` to the questions asked; an answer to any other question is refused.

    From the form, the page the taker read decides: an answer to a question of this quiz that
    is no longer asked (retired by an edit, or deleted) is :class:`StaleAnswers`, as it would
    otherwise be dropped without a word; another quiz's question, or one a retake does not
    ask, is ignored like any unknown field.
    """
    unknown = [q for q in answers if q not in options]
    if not unknown:
        return answers
    if origin != "web":
        raise InvalidSubmission(f"Question {unknown[0]} is not part of this quiz.")
    ignored = set(
        db.session.scalars(
            db.select(Question.id).where(
                Question.id.in_(unknown),
                (Question.quiz_id != quiz_id) | (Question.status == QuestionStatus.ACTIVE),
            )
        )
    )
    stale = len(set(unknown) - ignored)
    if stale:
        raise StaleAnswers(
            f"An editor changed {'a question' if stale == 1 else f'{stale} questions'} of this "
            "quiz after you opened it, so nothing was stored. Your other answers are kept below: "
            "check the questions and send the form again."
        )
    return {q: c for q, c in answers.items() if q in options}


def _replayed(
    stored_id: str, quiz_id: int, name: str, answers: Mapping[int, int], *, strict: bool
) -> Attempt | None:
    """The attempt already stored under ``stored_id``, or ``None``.

    It must be of the same quiz, and with ``strict`` have the same name and answers; anything
    else is a :class:`Conflict` that says nothing about the stored attempt.
    """
    existing = db.session.execute(
        db.select(Attempt).where(Attempt.submission_id == stored_id)
    ).scalar_one_or_none()
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
