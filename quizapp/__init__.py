"""quizapp: fact-check quizzes generated from news articles."""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask application.

    Configuration is layered: defaults from :mod:`quizapp.config`, then
    ``QUIZAPP_*`` environment variables, then ``test_config`` (tests only).
    """
    from quizapp import api, cli, config, errors, extensions, identity, security, web
    from quizapp.web import health

    app = security.QuizFlask(__name__, instance_relative_config=True)
    config.init_app(app, test_config)
    extensions.init_app(app)
    security.init_app(app)
    identity.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    web.init_app(app)
    api.init_app(app)
    cli.init_app(app)
    return app
