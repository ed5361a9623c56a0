"""The attempt aggregate: one taker's submission and a response per answered question."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from quizapp.models.quiz import Choice, Question, Quiz


def new_share_token() -> str:
    """A random, URL-safe token for an attempt's public share page."""
    return secrets.token_urlsafe(12)


class Attempt(Base):
    """One submission of a quiz.

    ``token`` is the secret that names the attempt in URLs and in the taker's
    cookie; ``submission_id`` comes from the form and is unique, so the same
    form posted twice is stored once.
    """

    __tablename__ = "attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    score: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    #: A retake of the questions another attempt missed: practice, not counted in statistics.
    retake_of_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="SET NULL"))
    #: Names the public share page (score and quiz only); not the private ``token``.
    share_token: Mapped[str | None] = mapped_column(
        String(32), unique=True, default=new_share_token
    )
    #: The order the taker saw each question's options in: ``{"<question id>": [option ids]}``
    #: (:mod:`quizapp.services.option_order`). ``None`` (attempts stored before options were
    #: shuffled) and questions it does not name are shown in the options' own order.
    option_order: Mapped[dict[str, list[int]] | None] = mapped_column(JSON, default=None)

    quiz: Mapped[Quiz] = relationship(back_populates="attempts")
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )
    retake_of: Mapped[Attempt | None] = relationship(remote_side="Attempt.id")

    def __repr__(self) -> str:
        return f"<Attempt {self.id} {self.score}/{self.total}>"


class Response(Base):
    """The option one attempt chose for one question."""

    __tablename__ = "response"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("choice.id"), index=True)
    is_correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice] = relationship()
