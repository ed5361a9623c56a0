"""The health check for load balancers: the process answers and the database is reachable."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from quizapp.extensions import csrf, db, limiter

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """200 ``{"status": "ok"}`` when ``SELECT 1`` succeeds, else 503 with the reason."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        db.session.rollback()
        current_app.logger.warning("health check: database unreachable: %s", exc)
        return (
            jsonify(status="error", message="The database is not reachable."),
            503,
            {"Retry-After": "5", "Cache-Control": "no-store"},
        )
    return jsonify(status="ok"), 200, {"Cache-Control": "no-store"}


def init_app(app: Flask) -> None:
    """Register ``/healthz``: no CSRF (GET only), never rate limited."""
    csrf.exempt(bp)
    limiter.exempt(bp)
    app.register_blueprint(bp)
