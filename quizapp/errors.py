"""Error pages: HTML for browsers, JSON for API clients, never a stack trace."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from quizapp.extensions import db
from quizapp.services.errors import ServiceError

#: The headings of the HTML error pages: what happened, as a sentence (the API keeps the HTTP
#: reason phrase as its ``title``).
HEADINGS = {
    400: "That request could not be used",
    401: "Please log in first",
    403: "This page is not yours to open",
    404: "We could not find that page",
    405: "That does not work here",
    408: "That took too long",
    409: "That cannot be done now",
    413: "That upload is too large",
    422: "There was nothing to work with",
    429: "Too many requests at once",
    500: "Something went wrong on our side",
    503: "This is not available just now",
}

#: Blueprints of the editor's pages: their error pages lead back to the editor's desk.
EDITOR_BLUEPRINTS = frozenset({"editor"})

MESSAGES = {
    400: "The request could not be understood.",
    403: "You are not allowed to see this page.",
    404: "This page does not exist.",
    405: "This method is not allowed here.",
    409: "This conflicts with what is already stored.",
    413: "The upload is too large.",
    429: "Too many requests: please wait a moment and try again.",
    500: "Something went wrong on our side. Nothing you submitted was lost.",
}


def wants_json() -> bool:
    """True for API paths and for clients that prefer JSON to HTML."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def error_response(
    status: int,
    message: str,
    title: str,
    link: str | None = None,
    link_text: str | None = None,
    heading: str | None = None,
) -> ResponseReturnValue:
    """One error body for every error: ``{"error": {"status", "title", "message"}}``, plus
    ``"link"`` (where to go instead) when there is one.

    The HTML page says the same in sentences: a heading for what happened, the message, the
    next step (``link_text`` for ``link``) and a way back to the quizzes or the editor's desk.
    """
    if wants_json():
        error: dict[str, object] = {"status": status, "title": title, "message": message}
        if link:
            error["link"] = link
        return jsonify(error=error), status
    if request.blueprint in EDITOR_BLUEPRINTS and current_user.is_authenticated:
        home, home_text = url_for("editor.dashboard"), "Back to the editor's desk"
    else:
        home, home_text = url_for("quiz.index"), "Back to the quizzes"
    page = render_template(
        "errors/error.html",
        status=status,
        title=title,
        heading=heading or HEADINGS.get(status, title),
        message=message,
        link=link,
        link_text=link_text or "Go there",
        home=home,
        home_text=home_text,
    )
    return page, status


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError) -> ResponseReturnValue:
        return error_response(
            400,
            "The form expired or was not sent by this site. Reload the page and try again.",
            "Form could not be accepted",
            heading="The form could not be accepted",
        )

    @app.errorhandler(ServiceError)
    def service_error(exc: ServiceError) -> ResponseReturnValue:
        """A service refused the request: its status and message, in the usual error format.

        Views let these through; nothing the service left pending is kept.
        """
        db.session.rollback()
        status = exc.status_code
        title = HTTP_STATUS_CODES.get(status, "Error")
        return error_response(status, exc.message, title, exc.link, exc.link_text)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        status = exc.code or 500
        if status >= 500:
            db.session.rollback()
        default = MESSAGES.get(status, exc.description or "")
        message = (
            exc.description
            if exc.description and exc.description != type(exc).description
            else default
        )
        if status == 429:
            # Flask-Limiter describes the limit itself ("20 per 1 minute"): say what to do.
            message = f"{default} (limit: {exc.description})"
        return error_response(status, message or default, exc.name)

    @app.errorhandler(InternalServerError)
    def server_error(exc: InternalServerError) -> ResponseReturnValue:
        db.session.rollback()
        return error_response(500, MESSAGES[500], "Server error")
