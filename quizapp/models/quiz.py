"""The quiz aggregate: a quiz, its questions and their choices."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, WriteOnlyMapped, deferred, mapped_column, relationship

from quizapp.engine.kinds import QuestionKind
from quizapp.models.article import TITLE_MAX
from quizapp.models.base import Base, UTCDateTime, state_column, utcnow

if TYPE_CHECKING:
    from quizapp.models.article import Article, Claim
    from quizapp.models.attempt import Attempt


class QuizStatus(StrEnum):
    """Only published quizzes are shown to quiz takers."""

    DRAFT = "draft"
    PUBLISHED = "published"


class DisplayMode(StrEnum):
    """How a quiz is taken: every question on one page, or one at a time with feedback."""

    ALL = "all"
    ONE = "one"


class QuestionStatus(StrEnum):
    """A retired question is kept for the reviews and scores of past attempts."""

    ACTIVE = "active"
    RETIRED = "retired"


class Quiz(Base):
    """A quiz generated from one article."""

    __tablename__ = "quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), index=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[QuizStatus] = mapped_column(
        state_column(QuizStatus, "status", 20), default=QuizStatus.DRAFT
    )
    generator_version: Mapped[str] = mapped_column(String(40), default="")
    seed: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    display_mode: Mapped[DisplayMode] = mapped_column(
        state_column(DisplayMode, "display_mode", 10),
        default=DisplayMode.ALL,
        server_default=DisplayMode.ALL.value,
    )
    #: Content version: raised whenever what a taker sees changes (see models/versioning.py);
    #: the in-process caches of the quiz page and the answer key are keyed by (id, version).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: For a quiz imported from a file: the import report, one line per skipped question
    #: or per thing an imported question lost (shown on its review page); else None.
    import_report: Mapped[list[str] | None] = mapped_column(JSON)

    article: Mapped[Article] = relationship(back_populates="quizzes")
    questions: Mapped[list[Question]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="Question.position"
    )
    attempts: WriteOnlyMapped[Attempt] = relationship(back_populates="quiz")

    @property
    def active_questions(self) -> list[Question]:
        """The questions a taker answers now (retired ones keep old scores explainable)."""
        return [q for q in self.questions if q.status == QuestionStatus.ACTIVE]

    @property
    def is_published(self) -> bool:
        return self.status == QuizStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<Quiz {self.id} {self.slug}>"


#: The longest question name kept (Moodle's own limit).
QUESTION_NAME_MAX = 255


class Question(Base):
    """One multiple-choice question, grounded in an evidence span of the article.

    A question imported from a file that gives no evidence and no general feedback is
    *unsourced*: no claim, an empty evidence span, and shown as not fact-checked.
    """

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="SET NULL"))
    kind: Mapped[QuestionKind] = mapped_column(state_column(QuestionKind, "kind", 40))
    stem: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[QuestionStatus] = mapped_column(
        state_column(QuestionStatus, "status", 20), default=QuestionStatus.ACTIVE
    )
    #: The name a quiz file gave the question (kept for exports); "" for generated ones.
    name: Mapped[str] = mapped_column(String(QUESTION_NAME_MAX), default="", server_default="")
    #: The stem and general feedback with the formatting and images a quiz file gave them:
    #: sanitised rich HTML (quizapp.formats.rich), None where the plain text says it all.
    #: The plain-text columns always hold the text, for the formats that carry no HTML.
    stem_html: Mapped[str | None] = mapped_column(Text)
    explanation_html: Mapped[str | None] = mapped_column(Text)

    quiz: Mapped[Quiz] = relationship(back_populates="questions")
    claim: Mapped[Claim | None] = relationship()
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Choice.position"
    )
    #: The images its rich HTML shows (their bytes are loaded only when served).
    media: Mapped[list[QuestionMedia]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="QuestionMedia.id"
    )

    @property
    def correct_choice(self) -> Choice | None:
        return next((c for c in self.choices if c.is_correct), None)

    @property
    def evidence_text(self) -> str:
        return self.quiz.article.text[self.evidence_start : self.evidence_end]

    @property
    def is_sourced(self) -> bool:
        """Whether an article sentence proves the key (False: imported without evidence)."""
        return self.evidence_end > self.evidence_start

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.kind}>"


class Choice(Base):
    """An option of a question; distractors record how they were made."""

    __tablename__ = "choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    is_correct: Mapped[bool] = mapped_column(Boolean, default=False)
    mutation: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Feedback shown to whoever picks this option, as an imported file gave it ("" when
    #: the file had none); None where quizapp says it itself (how the option was made).
    feedback: Mapped[str | None] = mapped_column(Text)
    #: The option's text and feedback as rich HTML, like Question.stem_html.
    text_html: Mapped[str | None] = mapped_column(Text)
    feedback_html: Mapped[str | None] = mapped_column(Text)

    question: Mapped[Question] = relationship(back_populates="choices")

    def __repr__(self) -> str:
        return f"<Choice {self.id} {'key' if self.is_correct else self.mutation}>"


class QuestionMedia(Base):
    """An image a question imported from a quiz file carries, shown by its rich HTML.

    ``name`` is the image's ``src`` in that HTML; the bytes were checked to be a PNG,
    JPEG, GIF or WebP image (``mimetype``) when imported.
    """

    __tablename__ = "question_media"
    __table_args__ = (UniqueConstraint("question_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    #: sha256 of the bytes: the ETag the image is served with.
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))

    question: Mapped[Question] = relationship(back_populates="media")

    def __repr__(self) -> str:
        return f"<QuestionMedia {self.id} {self.name}>"
