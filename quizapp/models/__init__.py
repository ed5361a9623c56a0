"""SQLAlchemy models, one module per aggregate."""

from quizapp.models import versioning as _versioning  # noqa: F401 - registers the version hook
from quizapp.models.article import VERDICTS, Article, Claim
from quizapp.models.attempt import Attempt, Response
from quizapp.models.base import Base
from quizapp.models.job import ImportJob, JobStatus
from quizapp.models.progress import AttemptProgress, ProgressAnswer
from quizapp.models.quiz import (
    Choice,
    DisplayMode,
    Question,
    QuestionMedia,
    QuestionStatus,
    Quiz,
    QuizStatus,
)
from quizapp.models.user import Role, User

__all__ = [
    "VERDICTS",
    "Article",
    "Attempt",
    "AttemptProgress",
    "Base",
    "Choice",
    "Claim",
    "DisplayMode",
    "ImportJob",
    "JobStatus",
    "ProgressAnswer",
    "Question",
    "QuestionMedia",
    "QuestionStatus",
    "Quiz",
    "QuizStatus",
    "Response",
    "Role",
    "User",
]
