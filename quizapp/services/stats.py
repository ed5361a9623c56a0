"""Quiz statistics computed with SQL aggregates (never by loading responses one by one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select, case, func

from quizapp import item_analysis as maths
from quizapp.extensions import db
from quizapp.models import Attempt, Question, QuestionStatus, Quiz, Response


@dataclass
class OptionStats:
    id: int
    text: str
    count: int
    share: float | None
    mutation: str | None
    correct: bool
    #: A wrong option so few takers choose (under ``NON_FUNCTIONING_SHARE``, once flags are
    #: shown) that it only makes the question easier.
    non_functioning: bool = False


@dataclass
class QuestionStats:
    id: int
    position: int
    kind: str
    stem: str
    facility: float | None
    discrimination: float | None
    sd: float | None
    flags: list[str]
    options: list[OptionStats]


@dataclass
class QuizStats:
    attempts: int
    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None
    k: int
    histogram: dict[int, int]
    questions: list[QuestionStats] = field(default_factory=list)
    mutations: list[tuple[str, int, int, float]] = field(default_factory=list)

    @property
    def attention(self) -> list[QuestionStats]:
        """The questions with at least one flag, in quiz order."""
        return [q for q in self.questions if q.flags]


def _totals_subquery(quiz_id: int) -> Any:
    """Per attempt of the quiz: its total over the *active* questions (0 if nothing right)."""
    correct_active = func.sum(
        case(
            ((Response.is_correct.is_(True)) & (Question.status == QuestionStatus.ACTIVE), 1),
            else_=0,
        )
    )
    return (
        db.select(Attempt.id.label("attempt_id"), func.coalesce(correct_active, 0).label("total"))
        .select_from(Attempt)
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .outerjoin(Question, Question.id == Response.question_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.retake_of_id.is_(None))
        .group_by(Attempt.id)
        .subquery()
    )


def histogram_query(quiz_id: int) -> Select[Any]:
    """(total, number of attempts) rows."""
    totals = _totals_subquery(quiz_id)
    return db.select(totals.c.total, func.count()).group_by(totals.c.total)


def item_sums_query(quiz_id: int) -> Select[Any]:
    """(question id, Σx, Σx·T) rows: the sums discrimination needs."""
    totals = _totals_subquery(quiz_id)
    return (
        db.select(
            Response.question_id,
            func.sum(case((Response.is_correct.is_(True), 1), else_=0)),
            func.sum(case((Response.is_correct.is_(True), totals.c.total), else_=0)),
        )
        .join(totals, totals.c.attempt_id == Response.attempt_id)
        .group_by(Response.question_id)
    )


def option_counts_query(quiz_id: int) -> Select[Any]:
    """(choice id, times chosen) rows."""
    return (
        db.select(Response.choice_id, func.count())
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.retake_of_id.is_(None))
        .group_by(Response.choice_id)
    )


def score_histogram(quiz_id: int) -> dict[int, int]:
    """{total score: number of attempts}, totals over the active questions."""
    rows = db.session.execute(histogram_query(quiz_id)).all()
    return {int(total): int(count) for total, count in rows}


def quiz_stats(quiz: Quiz) -> QuizStats:
    """Item analysis of a quiz: per question facility, discrimination, SD, option counts, flags."""
    questions = quiz.active_questions
    k = len(questions)
    histogram = score_histogram(quiz.id)
    summary = maths.summarize(histogram)
    n = summary.attempts
    sum_t = sum(t * c for t, c in histogram.items())
    sum_t2 = sum(t * t * c for t, c in histogram.items())

    item_rows = db.session.execute(item_sums_query(quiz.id)).all()
    items = {qid: maths.ItemSums(int(c or 0), int(ct or 0)) for qid, c, ct in item_rows}

    option_rows = db.session.execute(option_counts_query(quiz.id)).all()
    option_counts = {int(cid): int(count) for cid, count in option_rows}

    result = QuizStats(
        attempts=n,
        mean=summary.mean,
        median=summary.median,
        sd=summary.sd,
        alpha=None,
        k=k,
        histogram=histogram,
    )
    facilities = []
    mutation_totals: dict[str, list[int]] = {}
    for question in questions:
        item = maths.item_stats(items.get(question.id, maths.ItemSums(0, 0)), n, sum_t, sum_t2)
        counts = {c.id: option_counts.get(c.id, 0) for c in question.choices}
        keys = {c.id for c in question.choices if c.is_correct}
        if item.facility is not None:
            facilities.append(item.facility)
        options = []
        for choice in question.choices:
            count = counts[choice.id]
            options.append(
                OptionStats(
                    id=choice.id,
                    text=choice.text,
                    count=count,
                    share=count / n if n else None,
                    mutation=choice.mutation,
                    correct=choice.is_correct,
                    non_functioning=(
                        not choice.is_correct
                        and n >= maths.FLAG_MIN_ATTEMPTS
                        and count / n < maths.NON_FUNCTIONING_SHARE
                    ),
                )
            )
            if not choice.is_correct and choice.mutation:
                chosen_offered = mutation_totals.setdefault(choice.mutation, [0, 0])
                chosen_offered[0] += count
                chosen_offered[1] += n
        result.questions.append(
            QuestionStats(
                id=question.id,
                position=question.position,
                kind=question.kind,
                stem=question.stem,
                facility=item.facility,
                discrimination=item.discrimination,
                sd=item.sd,
                flags=maths.flags(item, counts, keys, n),
                options=options,
            )
        )
    if n:
        var_total = (summary.sd or 0.0) ** 2
        result.alpha = maths.cronbach_alpha(k, facilities, n, var_total)
    result.mutations = sorted(
        (
            (name, chosen, offered, chosen / offered if offered else 0.0)
            for name, (chosen, offered) in mutation_totals.items()
        ),
        key=lambda row: (-row[3], row[0]),
    )
    return result


@dataclass
class Leader:
    rank: int
    name: str
    score: int
    total: int
    finished_at: datetime


def score_fraction() -> Any:
    """An attempt's score as a fraction of its total, in SQL (0 for an empty attempt).

    Attempts made before the quiz gained or lost a question have other totals: they are
    compared by the share they got right.
    """
    return func.coalesce(
        sa.cast(Attempt.score, sa.Float) / func.nullif(Attempt.total, 0), sa.literal(0.0)
    )


def leaderboard(quiz_id: int, limit: int = 10) -> list[Leader]:
    """The best attempts, one row each (two people of the same name are two rows).

    Ranked by competition ranking: attempts with the same score share a rank and the next
    rank skips as many places (1, 1, 3); among equals the earlier attempt is listed first.
    Retakes are practice and never ranked.
    """
    fraction = score_fraction()
    rows = db.session.execute(
        db.select(
            func.rank().over(order_by=fraction.desc()),
            Attempt.name,
            Attempt.score,
            Attempt.total,
            Attempt.finished_at,
        )
        .where(Attempt.quiz_id == quiz_id, Attempt.retake_of_id.is_(None))
        .order_by(fraction.desc(), Attempt.finished_at.asc(), Attempt.id.asc())
        .limit(limit)
    ).all()
    return [
        Leader(rank=rank, name=name, score=score, total=total, finished_at=finished)
        for rank, name, score, total, finished in rows
    ]
