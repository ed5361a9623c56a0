"""Importing articles: run the engine and store exactly what it returns."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flask import current_app

from quizapp import engine
from quizapp.extensions import db
from quizapp.models import Article, Choice, Claim, Question, Quiz, QuizStatus
from quizapp.models.article import TITLE_MAX
from quizapp.services.errors import DuplicateArticle, NoQuestions, ServiceError
from quizapp.services.validation import check_url

if TYPE_CHECKING:
    from quizapp.engine.types import Question as EngineQuestion


def question_limit() -> int:
    """The most questions one import may ask the engine for: the app's ``QUIZ_MAX_QUESTIONS``,
    which is also the number asked for when the editor does not choose."""
    return int(current_app.config["QUIZ_MAX_QUESTIONS"])


def question_kinds() -> tuple[str, ...]:
    """The kinds of question the engine can write, in its own order."""
    from quizapp.engine import KINDS

    return tuple(KINDS)


def check_choices(max_questions: int, kinds: Sequence[str] | None) -> tuple[str, ...] | None:
    """Refuse a question count or kinds the engine is not to be asked for; return the kinds
    (``None``: every kind). The import form and the background job both pass through here."""
    limit = question_limit()
    if not 1 <= max_questions <= limit:
        raise ServiceError(f"Ask for between 1 and {limit} questions.")
    if kinds is None:
        return None
    unknown = sorted(set(kinds) - set(question_kinds()))
    if unknown:
        raise ServiceError(f"Unknown question kind: {', '.join(unknown)}.")
    if not kinds:
        raise ServiceError("Choose at least one kind of question.")
    return tuple(k for k in question_kinds() if k in kinds)


def sha256_of(text: str) -> str:
    """The article's identity: sha256 of its UTF-8 text, exactly as imported."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(text: str) -> Article | None:
    """The article already stored with this exact text, if any."""
    return db.session.execute(
        db.select(Article).where(Article.sha256 == sha256_of(text))
    ).scalar_one_or_none()


def check_import(
    text: str, source_url: str | None, max_questions: int | None, kinds: Sequence[str] | None
) -> tuple[str | None, int, tuple[str, ...] | None]:
    """What every import checks before anything runs, in the request or as a job: the source
    URL, the editor's choices (:func:`check_choices`; no count means :func:`question_limit`)
    and that the same text was not imported before (:class:`DuplicateArticle`)."""
    source_url = check_url(source_url)
    if max_questions is None:
        max_questions = question_limit()
    checked_kinds = check_choices(max_questions, kinds)
    existing = find_article(text)
    if existing is not None:
        raise DuplicateArticle(
            f"This article was imported before (article {existing.id}).", existing.id
        )
    return source_url, max_questions, checked_kinds


def import_article(
    text: str,
    *,
    title: str | None = None,
    source_url: str | None = None,
    seed: int = 0,
    max_questions: int | None = None,
    kinds: Sequence[str] | None = None,
    publish: bool = False,
) -> Quiz:
    """Store an article, generate its quiz with the engine, and return the quiz.

    Raises :class:`DuplicateArticle` when the same text was imported before and
    :class:`NoQuestions` when the engine finds nothing to ask; in both cases
    nothing is written. ``max_questions`` (at most :func:`question_limit`, which is the
    default) and ``kinds`` (``None``: every kind) are passed to the engine. A fault of the
    engine itself propagates as :class:`quizapp.engine.EngineError` (a server error, never
    a message about the article).
    """
    source_url, max_questions, kinds = check_import(text, source_url, max_questions, kinds)
    result = engine.generate(text, seed=seed, max_questions=max_questions, title=title, kinds=kinds)
    if not result.questions:
        if kinds is not None and len(kinds) < len(question_kinds()):
            raise NoQuestions(
                "No question of the kinds chosen could be made from this text: choose more "
                "kinds (attribution, for one, needs quoted remarks)."
            )
        raise NoQuestions(
            "No question could be made from this text: it needs factual sentences "
            "(names, numbers, dates, decisions)."
        )
    title = (title or result.article.title or _title_from_text(text))[:TITLE_MAX]
    article = Article(title=title, source_url=source_url, text=text, sha256=result.article.sha256)
    claims = {
        c.id: Claim(
            text=c.text, start=c.start, end=c.end, sentence_index=c.sentence_index, score=c.score
        )
        for c in result.claims
    }
    article.claims = list(claims.values())
    quiz = Quiz(
        article=article,
        title=title,
        slug=slug_for(title),
        status=QuizStatus.PUBLISHED if publish else QuizStatus.DRAFT,
        generator_version=engine.GENERATOR_VERSION,
        seed=seed,
    )
    for position, q in enumerate(result.questions):
        quiz.questions.append(question_from_engine(q, claims.get(q.claim_id), position))
    db.session.add(quiz)
    db.session.commit()
    return quiz


def question_from_engine(q: EngineQuestion, claim: Claim | None, position: int) -> Question:
    """A Question row holding exactly what the engine returned (options, mutations, evidence)."""
    return Question(
        claim=claim,
        kind=q.kind,
        stem=q.stem,
        explanation=q.explanation,
        evidence_start=q.evidence.start,
        evidence_end=q.evidence.end,
        position=position,
        choices=[
            Choice(text=o.text, is_correct=o.correct, mutation=o.mutation, position=i)
            for i, o in enumerate(q.options)
        ],
    )


def _title_from_text(text: str) -> str:
    """A readable fallback title: the first line with words, trimmed to a phrase."""
    for line in text.splitlines():
        line = line.strip(" -*#\t")
        if len(line.split()) >= 3:
            return line if len(line) <= 90 else line[:87].rsplit(" ", 1)[0] + "…"
    return "Untitled article"


def slug_for(title: str) -> str:
    """A unique URL slug for a quiz title."""
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "quiz"
    return f"{base}-{secrets.token_hex(3)}"
