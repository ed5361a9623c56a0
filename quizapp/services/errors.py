"""Errors that services raise for the views to turn into 4xx answers."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out; ``message`` is shown to the user."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    status_code = 404


class Conflict(ServiceError):
    """A request that clashes with the state it meets: an answer out of order or given twice,
    a quiz changing faster than a submission can be stored."""

    status_code = 409


class InvalidSubmission(ServiceError):
    """An attempt whose answers do not fit the quiz (unknown question, foreign choice)."""

    status_code = 400


class DuplicateArticle(ServiceError):
    """The same text was imported before."""

    status_code = 409

    def __init__(self, message: str, article_id: int) -> None:
        super().__init__(message)
        self.article_id = article_id


class NoQuestions(ServiceError):
    """The engine found nothing to ask about in a text."""

    status_code = 422


class Unavailable(ServiceError):
    """A service the request needs (the job queue, a process) cannot be had just now."""

    status_code = 503
