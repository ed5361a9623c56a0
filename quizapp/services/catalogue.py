"""The home page's quiz cards: what each quiz is about, how long it takes, how you did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizapp.extensions import db
from quizapp.models import Article
from quizapp.services import quizzes as quiz_service
from quizapp.services.results import minutes_to_take, past_scores


@dataclass(frozen=True)
class QuizCard:
    id: int
    title: str
    source_url: str | None
    created_at: datetime
    questions: int
    attempts: int
    minutes: int
    #: (score, total) of this browser's latest whole attempt of the quiz, if it took it.
    your_score: tuple[int, int] | None


def quiz_cards(attempt_tokens: list[str]) -> list[QuizCard]:
    """Every published quiz, newest first, as a card for the browser holding these tokens.

    Three queries whatever the number of quizzes: the quizzes with their counts, their
    articles' source links (not the articles' text), this browser's scores.
    """
    rows = quiz_service.published_quizzes()
    article_ids = {quiz.article_id for quiz, _, _ in rows}
    sources: dict[int, str | None] = {}
    if article_ids:
        found = db.session.execute(
            db.select(Article.id, Article.source_url).where(Article.id.in_(article_ids))
        )
        sources = {article_id: url for article_id, url in found}
    scores = past_scores(attempt_tokens)
    return [
        QuizCard(
            id=quiz.id,
            title=quiz.title,
            source_url=sources.get(quiz.article_id),
            created_at=quiz.created_at,
            questions=n_questions,
            attempts=n_attempts,
            minutes=minutes_to_take(n_questions),
            your_score=scores.get(quiz.id),
        )
        for quiz, n_questions, n_attempts in rows
    ]
