"""Page blueprints."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the page blueprints and the template filters they share (``kind_label``,
    the date filters of :mod:`quizapp.web.formatting`), and the question media route."""
    from quizapp.engine.kinds import label
    from quizapp.web import formatting, media
    from quizapp.web.editor import bp as editor_bp
    from quizapp.web.forms import in_option_order
    from quizapp.web.login import bp as login_bp
    from quizapp.web.play import bp as play_bp
    from quizapp.web.quiz import bp as quiz_bp

    app.register_blueprint(quiz_bp)
    app.register_blueprint(play_bp)
    app.register_blueprint(login_bp)
    app.register_blueprint(editor_bp)
    app.add_template_filter(label, "kind_label")
    app.add_template_filter(in_option_order, "in_option_order")
    formatting.init_app(app)
    media.init_app(app)
