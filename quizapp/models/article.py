"""The article aggregate: an article and the claims found in it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from quizapp.models.quiz import Quiz

VERDICTS = ("accurate", "misleading", "false", "unverifiable")
#: The longest title kept (of an article, a quiz, a waiting import).
TITLE_MAX = 300
#: The longest URL kept (an article's source, a verdict's source).
URL_MAX = 2000


class Article(Base):
    """A news article as imported: the text is kept exactly, offsets index it."""

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    source_url: Mapped[str | None] = mapped_column(String(URL_MAX))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Claim.start"
    )
    quizzes: Mapped[list[Quiz]] = relationship(back_populates="article")

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title!r}>"


class Claim(Base):
    """A check-worthy factual statement of an article, with its character span."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_index: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    verdict: Mapped[str | None] = mapped_column(String(20))
    verdict_note: Mapped[str | None] = mapped_column(Text)
    verdict_url: Mapped[str | None] = mapped_column(String(URL_MAX))
    verdict_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    article: Mapped[Article] = relationship(back_populates="claims")

    def __repr__(self) -> str:
        return f"<Claim {self.id} [{self.start}:{self.end}]>"
