"""Page blueprints."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the page blueprints."""
    from quizapp.web import media
    from quizapp.web.auth import bp as auth_bp
    from quizapp.web.authoring import bp as authoring_bp
    from quizapp.web.editor import bp as editor_bp
    from quizapp.web.imports import bp as imports_bp
    from quizapp.web.play import bp as play_bp
    from quizapp.web.quiz import bp as quiz_bp
    from quizapp.web.verdicts import bp as verdicts_bp

    app.register_blueprint(quiz_bp)
    app.register_blueprint(play_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(editor_bp)
    app.register_blueprint(authoring_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(verdicts_bp)
    media.init_app(app)
