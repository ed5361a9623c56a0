"""Errors that services raise for the views to turn into 4xx answers."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out; ``message`` is shown to the user, and ``link``
    (a URL, optional) is where to go instead, ``link_text`` its words on the error page."""

    status_code = 400

    def __init__(
        self, message: str, *, link: str | None = None, link_text: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.link = link
        self.link_text = link_text


class Forbidden(ServiceError):
    """Something that belongs to someone else (another browser's result or attempt)."""

    status_code = 403


class NotFound(ServiceError):
    status_code = 404


class Conflict(ServiceError):
    """A request that clashes with the state it meets: an answer out of order or given twice,
    a quiz changing faster than a submission can be stored."""

    status_code = 409


class OneAtATime(Conflict):
    """A whole quiz sent at once (form or API) although it is taken one question at a time:
    that would return every key at once."""


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
