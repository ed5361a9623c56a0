"""Reading quizzes for the pages: lists, lookups, the seed on first run."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import sqlalchemy as sa
from sqlalchemy import func
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz
from quizapp.services.articles import find_article, import_article
from quizapp.services.errors import NotFound

SEED_TITLE = "China approves Nvidia H200 chip imports"


def published_quizzes() -> list[tuple[Quiz, int, int]]:
    """Published quizzes, newest first, with their active question and attempt counts."""
    questions = (
        db.select(func.count(Question.id))
        .where(Question.quiz_id == Quiz.id, Question.status == "active")
        .scalar_subquery()
    )
    attempts = (
        db.select(func.count(Attempt.id))
        .where(Attempt.quiz_id == Quiz.id, Attempt.retake_of_id.is_(None))
        .scalar_subquery()
    )
    rows = db.session.execute(
        db.select(Quiz, questions, attempts)
        .where(Quiz.status == "published")
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
    status: str
    display_mode: str
    version: int
    article_id: int

    @property
    def is_published(self) -> bool:
        return self.status == "published"


#: The head query, built once: plain table columns (no ORM entity to load) and a bound id,
#: so each request only binds a value to an already compiled statement.
_HEAD_QUERY = sa.select(
    *(
        Quiz.__table__.c[name]
        for name in ("id", "title", "status", "display_mode", "version", "article_id")
    )
).where(Quiz.__table__.c.id == sa.bindparam("quiz_id"))


def get_published_head(quiz_id: int) -> QuizHead:
    """:func:`get_published_quiz` with one light query: the quiz page, the JSON quiz and
    submissions take the rest from :mod:`quizapp.services.quiz_cache` by ``version``."""
    # Its own short connection, not the ORM session: a GET of the quiz page needs nothing else
    # from the database, and this costs a quarter of a session's begin, execute and close.
    with db.engine.connect() as connection:
        row = connection.execute(_HEAD_QUERY, {"quiz_id": quiz_id}).first()
    if row is None or row.status != "published":
        raise NotFound("There is no such quiz.")
    return QuizHead(*row)


def seed_text() -> str:
    """The bundled seed article, exactly as shipped."""
    return resources.files("quizapp").joinpath("data/seed_article.txt").read_text("utf-8")


def seed_if_empty(*, seed: int = 0, max_questions: int = 15) -> Quiz | None:
    """Import the seed article and publish its quiz when the database has no quiz yet.

    Returns the new quiz, or ``None`` when there was a quiz already.
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

    Paragraphs are the article's lines; the evidence is shown highlighted inside.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end == -1:
        para_end = len(text)
    return text[para_start:start], text[start:end], text[end:para_end]
