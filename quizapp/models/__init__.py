"""SQLAlchemy models, one module per aggregate."""

from quizapp.models import versioning as _versioning  # noqa: F401 - registers the version hook
from quizapp.models.article import VERDICTS, Article, Claim
from quizapp.models.attempt import Attempt, Response
from quizapp.models.base import Base
from quizapp.models.job import ImportJob, JobStatus
from quizapp.models.quiz import (
    Choice,
    DisplayMode,
    Question,
    QuestionMedia,
    QuestionStatus,
    Quiz,
    QuizStatus,
)
from quizapp.models.stepwise import StepwiseAnswer, StepwiseAttempt
from quizapp.models.user import Role, User

__all__ = [
    "VERDICTS",
    "Article",
    "Attempt",
    "StepwiseAttempt",
    "Base",
    "Choice",
    "Claim",
    "DisplayMode",
    "ImportJob",
    "JobStatus",
    "StepwiseAnswer",
    "Question",
    "QuestionMedia",
    "QuestionStatus",
    "Quiz",
    "QuizStatus",
    "Response",
    "Role",
    "User",
]
