"""Quiz content versions: every flush that changes what a quiz taker sees raises ``Quiz.version``.

The quiz as its page and the JSON quiz show it, and the page's rendered question list, are
cached per process under (quiz id, version) (:mod:`quizapp.services.quiz_cache`). Instead of
each service remembering to raise the version, one ``before_flush`` hook does it for every
change that reaches the database through the ORM: a question or option added, edited, moved,
retired or deleted (editing, regeneration, verdict questions, imports, the CLI), the quiz's
title, status or display mode, and the verdicts, title or address of its article (the page's
ClaimReview markup). The UPDATE is ``version = version + 1`` in SQL, so concurrent editors
never lose a bump; other processes see the new version on their next request (a page view:
within ``QUIZ_HEAD_TTL``). After the commit of such a change, :data:`CONTENT_LISTENERS` are
called, so this process's own short-lived caches forget what they held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from quizapp.models.article import Article, Claim
from quizapp.models.quiz import Choice, Question, Quiz

P = TypeVar("P", Quiz, Question)

#: Columns of a quiz a taker sees (the page, the ClaimReview link of sibling quizzes).
QUIZ_FIELDS = ("title", "status", "display_mode", "article_id")
#: Columns of an article or claim that the quiz page's ClaimReview markup shows.
ARTICLE_FIELDS = ("title", "source_url")
CLAIM_FIELDS = ("text", "verdict", "verdict_note", "verdict_url", "verdict_at")


def _changed(obj: Any, fields: Iterable[str]) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _parent(session: Session, child: Any, relation: str, model: type[P]) -> P | None:
    """``child``'s parent through ``relation`` (``question.quiz``, ``choice.question``).

    A child removed from its parent (an orphan) still names it in its foreign key's history.
    """
    parent: P | None = getattr(child, relation)
    if parent is not None:
        return parent
    history: Any = inspect(child).attrs[f"{relation}_id"].history
    ids = [*history.unchanged, *history.deleted]
    return session.get(model, ids[0]) if ids and ids[0] is not None else None


def changed_quizzes(session: Session) -> set[Quiz]:
    """The existing quizzes whose content this flush changes."""
    quizzes: set[Quiz] = set()
    articles: set[int] = set()
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    for obj in [*session.new, *dirty, *session.deleted]:
        if isinstance(obj, Question):
            quiz = _parent(session, obj, "quiz", Quiz)
            if quiz is not None:
                quizzes.add(quiz)
        elif isinstance(obj, Choice):
            question = _parent(session, obj, "question", Question)
            quiz = _parent(session, question, "quiz", Quiz) if question is not None else None
            if quiz is not None:
                quizzes.add(quiz)
        elif isinstance(obj, Quiz) and obj in dirty and _changed(obj, QUIZ_FIELDS):
            quizzes.add(obj)
            articles.add(obj.article_id)
        elif isinstance(obj, Claim) and (obj not in dirty or _changed(obj, CLAIM_FIELDS)):
            articles.add(obj.article_id)
        elif isinstance(obj, Article) and obj in dirty and _changed(obj, ARTICLE_FIELDS):
            articles.add(obj.id)
    for article_id in articles - {None}:
        quizzes.update(session.scalars(select(Quiz).where(Quiz.article_id == article_id)))
    return {quiz for quiz in quizzes if quiz not in session.new}


#: ``session.info`` key: this transaction changed what a quiz taker sees.
CONTENT_CHANGED = "quizapp.quiz_content_changed"
#: Called after a commit that changed quiz content (the services register their caches).
CONTENT_LISTENERS: list[Callable[[], None]] = []


@event.listens_for(Session, "before_flush")
def _bump_versions(session: Session, flush_context: Any, instances: Any) -> None:
    with session.no_autoflush:
        changed = changed_quizzes(session)
        for quiz in changed:
            quiz.version = Quiz.version + 1
    if changed or any(isinstance(obj, Quiz) for obj in [*session.new, *session.deleted]):
        session.info[CONTENT_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _content_committed(session: Session) -> None:
    if session.info.pop(CONTENT_CHANGED, False):
        for listener in CONTENT_LISTENERS:
            listener()


@event.listens_for(Session, "after_rollback")
def _content_rolled_back(session: Session) -> None:
    session.info.pop(CONTENT_CHANGED, None)
