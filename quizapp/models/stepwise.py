"""A quiz taken one question at a time, while it is under way.

The answers given so far live here, not in ``attempt``/``response``: the
scoreboard, statistics, history, API and CSV reports only ever read finished
attempts, so an unfinished one can never leak into them. Finishing turns the
progress into an ordinary :class:`~quizapp.models.attempt.Attempt`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from quizapp.models.attempt import Attempt
    from quizapp.models.quiz import Choice, Question, Quiz


class StepwiseAttempt(Base):
    """One taker's way through a one-question-at-a-time quiz; ``attempt`` once finished.

    "Stepwise" names this everywhere in the code (the table keeps its first name,
    ``attempt_progress``); "progress" means only how far a background import has got.
    """

    __tablename__ = "attempt_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="SET NULL"))
    #: The id the first question's page was shown with (posted back by its form): the seed of
    #: this attempt's option order, and what tells the same first page sent again (Back, a
    #: double click) from a new start. ``None`` for attempts started before it existed.
    start_id: Mapped[str | None] = mapped_column(String(64), default=None)

    quiz: Mapped[Quiz] = relationship()
    attempt: Mapped[Attempt | None] = relationship()
    answers: Mapped[list[StepwiseAnswer]] = relationship(
        back_populates="stepwise_attempt",
        cascade="all, delete-orphan",
        order_by="StepwiseAnswer.id",
    )

    @property
    def is_finished(self) -> bool:
        return self.attempt_id is not None

    def __repr__(self) -> str:
        return f"<StepwiseAttempt {self.id} quiz={self.quiz_id} answers={len(self.answers)}>"


class StepwiseAnswer(Base):
    """One answer given during a one-at-a-time attempt; a question is answered once."""

    __tablename__ = "progress_answer"
    __table_args__ = (UniqueConstraint("progress_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_id: Mapped[int] = mapped_column(ForeignKey("attempt_progress.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    choice_id: Mapped[int] = mapped_column(ForeignKey("choice.id", ondelete="CASCADE"))
    is_correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    stepwise_attempt: Mapped[StepwiseAttempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice] = relationship()
