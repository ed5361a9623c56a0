"""Background generation jobs: a long article becomes a quiz while its page shows progress."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.models.article import TITLE_MAX, URL_MAX
from quizapp.models.base import Base, UTCDateTime, state_column, utcnow


class JobStatus(StrEnum):
    """Where a background import is: waiting, generating, or finished either way."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportJob(Base):
    """One import whose quiz is generated in the background.

    The article's text waits here until the job has stored it as an Article;
    ``progress`` (0..1) and ``stage`` feed the progress bar.
    """

    __tablename__ = "import_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[JobStatus] = mapped_column(
        state_column(JobStatus, "status", 20), default=JobStatus.QUEUED
    )
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    stage: Mapped[str] = mapped_column(String(200), default="Waiting to start")
    message: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(TITLE_MAX))
    source_url: Mapped[str | None] = mapped_column(String(URL_MAX))
    publish: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The editor's generation choices: how many questions (None: the app's default) and
    #: which kinds, comma-separated (None: every kind).
    max_questions: Mapped[int | None] = mapped_column(Integer)
    kinds: Mapped[str | None] = mapped_column(String(200))
    quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quiz.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def kind_list(self) -> list[str] | None:
        """The kinds asked for, or None for every kind."""
        return self.kinds.split(",") if self.kinds is not None else None

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
