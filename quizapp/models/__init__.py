"""SQLAlchemy models, one module per aggregate."""

from quizapp.models import versioning as _versioning  # noqa: F401 - registers the version hook
from quizapp.models.article import VERDICTS, Article, Claim
from quizapp.models.attempt import Attempt, Response
from quizapp.models.base import Base
from quizapp.models.job import ImportJob
from quizapp.models.progress import AttemptProgress, ProgressAnswer
from quizapp.models.quiz import Choice, Question, QuestionMedia, Quiz
from quizapp.models.user import User

__all__ = [
    "VERDICTS",
    "Article",
    "Attempt",
    "AttemptProgress",
    "Base",
    "Choice",
    "Claim",
    "ImportJob",
    "ProgressAnswer",
    "Question",
    "QuestionMedia",
    "Quiz",
    "Response",
    "User",
]
