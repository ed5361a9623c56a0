"""The JSON API: one blueprint, plain dicts, one error body format for every error."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the API blueprint; it takes JSON bodies only, so CSRF tokens do not apply."""
    from quizapp.api.views import bp
    from quizapp.extensions import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
