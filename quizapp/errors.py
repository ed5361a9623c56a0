"""Error pages: HTML for browsers, JSON for API clients, never a stack trace."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from quizapp.extensions import db
from quizapp.services.errors import ServiceError

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
    status: int, message: str, title: str, link: str | None = None
) -> ResponseReturnValue:
    """One error body for every error: ``{"error": {"status", "title", "message"}}``, plus
    ``"link"`` (where to go instead) when there is one."""
    if wants_json():
        error: dict[str, object] = {"status": status, "title": title, "message": message}
        if link:
            error["link"] = link
        return jsonify(error=error), status
    page = render_template(
        "errors/error.html", status=status, title=title, message=message, link=link
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
        )

    @app.errorhandler(ServiceError)
    def service_error(exc: ServiceError) -> ResponseReturnValue:
        """A service refused the request: its status and message, in the usual error format.

        Views let these through; nothing the service left pending is kept.
        """
        db.session.rollback()
        status = exc.status_code
        title = HTTP_STATUS_CODES.get(status, "Error")
        return error_response(status, exc.message, title, exc.link)

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
