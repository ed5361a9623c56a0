"""Reading quizzes for the pages: lists, lookups, the seed on first run."""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from importlib import resources

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy import func
from sqlalchemy.engine import Connection
from sqlalchemy.orm import selectinload

from quizapp.engine.text import BULLET_MARK, HEADING_MARK
from quizapp.extensions import db
from quizapp.models import Attempt, DisplayMode, Question, QuestionStatus, Quiz, QuizStatus
from quizapp.models.versioning import CONTENT_LISTENERS
from quizapp.services.articles import find_article, import_article
from quizapp.services.errors import NotFound

SEED_TITLE = "China approves Nvidia H200 chip imports"


def published_quizzes() -> list[tuple[Quiz, int, int]]:
    """Published quizzes, newest first, with their active question and attempt counts."""
    questions = (
        db.select(func.count(Question.id))
        .where(Question.quiz_id == Quiz.id, Question.status == QuestionStatus.ACTIVE)
        .scalar_subquery()
    )
    attempts = (
        db.select(func.count(Attempt.id))
        .where(Attempt.quiz_id == Quiz.id, Attempt.retake_of_id.is_(None))
        .scalar_subquery()
    )
    rows = db.session.execute(
        db.select(Quiz, questions, attempts)
        .where(Quiz.status == QuizStatus.PUBLISHED)
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).all()
    return [(quiz, n_questions, n_attempts) for quiz, n_questions, n_attempts in rows]


def get_published_quiz(quiz_id: int) -> Quiz:
    """A quiz that quiz takers may see, or :class:`NotFound`.

    Its questions and their options come in two more queries (not one per question).
    """
    quiz = db.session.get(
        Quiz, quiz_id, options=[selectinload(Quiz.questions).selectinload(Question.choices)]
    )
    if quiz is None or not quiz.is_published:
        raise NotFound("There is no such quiz.")
    return quiz


@dataclass(frozen=True)
class QuizHead:
    """The few columns of a quiz that its hot paths need (no ORM object, no questions)."""

    id: int
    title: str
    status: QuizStatus
    display_mode: DisplayMode
    version: int
    article_id: int

    @property
    def is_published(self) -> bool:
        return self.status == QuizStatus.PUBLISHED

    @classmethod
    def of(cls, quiz: Quiz | QuizHead) -> QuizHead:
        """The head of an ORM quiz (its columns as loaded), or ``quiz`` itself."""
        if isinstance(quiz, QuizHead):
            return quiz
        return cls(*(getattr(quiz, name) for name in _HEAD_FIELDS))


#: The quiz columns a head holds, in its fields' order.
_HEAD_FIELDS = tuple(field.name for field in fields(QuizHead))


_AUTOCOMMIT_ENGINE = "quizapp.autocommit_engine"
_HEADS = "quizapp.recent_heads"
#: Quizzes whose heads one process keeps at most (past that it starts again).
_HEADS_MAX = 1024

#: The head query, built once: plain table columns (no ORM entity to load) and a bound id,
#: so each request only binds a value to an already compiled statement.
_HEAD_QUERY = sa.select(*(Quiz.__table__.c[name] for name in _HEAD_FIELDS)).where(
    Quiz.__table__.c.id == sa.bindparam("quiz_id")
)


def get_published_head(quiz_id: int) -> QuizHead:
    """:func:`get_published_quiz` with one light query at most: the quiz page and the JSON
    quiz take the rest from :func:`quizapp.services.taking.quiz_page`, cached by ``version``.

    The head comes from :func:`recent_head`; a submission reads the quiz again as it is when
    it is stored (:func:`quizapp.services.taking.submit`).
    """
    head = recent_head(quiz_id)
    if head is None or not head.is_published:
        raise NotFound("There is no such quiz.")
    return head


def _read_head(connection: Connection, quiz_id: int) -> QuizHead | None:
    row = connection.execute(_HEAD_QUERY, {"quiz_id": quiz_id}).first()
    return QuizHead(*row) if row is not None else None


def recent_head(quiz_id: int) -> QuizHead | None:
    """The quiz's head as read at most ``QUIZ_HEAD_TTL`` seconds ago by this process.

    A quiz linked from a story is read by thousands of people at once; reading its version
    once a second per process instead of once per page view takes the database off the
    page's path. The price: another process shows an edit up to that long after it was
    saved (this process at once: its commits empty the cache, see
    :func:`forget_recent_heads`), and a submission is still checked against the quiz as
    it is then. Only published quizzes are kept; ``0`` turns it off.
    """
    ttl = float(current_app.config["QUIZ_HEAD_TTL"])
    heads: dict[int, tuple[float, QuizHead]] = current_app.extensions.setdefault(_HEADS, {})
    now = time.monotonic()
    found = heads.get(quiz_id)
    if found is not None and now - found[0] < ttl:
        return found[1]
    with autocommit_connection() as connection:
        head = _read_head(connection, quiz_id)
    if ttl > 0 and head is not None and head.is_published:
        if len(heads) >= _HEADS_MAX:
            heads.clear()
        heads[quiz_id] = (now, head)
    else:
        heads.pop(quiz_id, None)
    return head


def forget_recent_heads() -> None:
    """Empty this process's :func:`recent_head` cache (after a commit that changed a quiz)."""
    if has_app_context():
        current_app.extensions.pop(_HEADS, None)


def autocommit_connection() -> Connection:
    """A connection outside the ORM session for a read that is one statement (a quiz's head).

    On a server database it runs in autocommit mode: no BEGIN before the statement and no
    COMMIT or ROLLBACK after it, two round trips fewer. A SQLite connection is used as it is
    (SQLite starts no transaction for a SELECT).
    """
    engine = current_app.extensions.get(_AUTOCOMMIT_ENGINE)
    if engine is None:
        engine = db.engine
        if engine.dialect.name != "sqlite":
            engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        current_app.extensions[_AUTOCOMMIT_ENGINE] = engine
    return engine.connect()


def seed_text() -> str:
    """The bundled seed article, exactly as shipped."""
    return resources.files("quizapp").joinpath("data/seed_article.txt").read_text("utf-8")


def seed_if_empty(*, seed: int = 0, max_questions: int | None = None) -> Quiz | None:
    """Import the seed article and publish its quiz when the database has no quiz yet.

    Returns the new quiz, or ``None`` when there was a quiz already. ``max_questions`` defaults
    to the app's limit (:func:`quizapp.services.articles.question_limit`).
    """
    if db.session.execute(db.select(Quiz.id).limit(1)).first() is not None:
        return None
    text = seed_text()
    if find_article(text) is not None:
        return None
    return import_article(
        text, title=SEED_TITLE, seed=seed, max_questions=max_questions, publish=True
    )


def evidence_in_paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around an evidence span, cut as (before, evidence, after).

    Paragraphs are the article's lines; the evidence is shown highlighted inside, without the
    mark that makes its line a list item or a heading ("- ", "2. ", "## ").
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end == -1:
        para_end = len(text)
    paragraph = text[para_start:para_end]
    mark = BULLET_MARK.match(paragraph) or HEADING_MARK.match(paragraph)
    if mark is not None:  # the engine's own rule for these marks (engine.text)
        para_start += mark.end()
        start = max(start, para_start)
    return text[para_start:start], text[start:end], text[end:para_end]


CONTENT_LISTENERS.append(forget_recent_heads)
