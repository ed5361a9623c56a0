"""Flask extensions: created here, bound to the app in :func:`init_app`."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from quizapp.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in as an editor to see this page."


def init_app(app: Flask) -> None:
    """Bind every extension to ``app``."""
    db.init_app(app)
    # The schema is made by migrations only; they live at the top of the repository.
    migrations = (
        app.config.get("MIGRATIONS_DIR") or Path(__file__).resolve().parent.parent / "migrations"
    )
    migrate.init_app(app, db, directory=str(migrations), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
