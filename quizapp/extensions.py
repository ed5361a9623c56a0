"""Flask extensions: created here, bound to the app in :func:`init_app`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import event

from quizapp.models.base import Base
from quizapp.services import storable

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in as an editor to see this page."
# Storage, headers and on/off come from RATELIMIT_* configuration (see config.py).
limiter = Limiter(key_func=get_remote_address)


def submit_limit() -> str:
    """The rate limit of quiz submissions (``QUIZAPP_RATELIMIT_SUBMIT``)."""
    return str(current_app.config["RATELIMIT_SUBMIT"])


#: The decorator of every route that stores answers (the quiz form, a one-at-a-time quiz's
#: start and finish, the API): one budget per client address for all of them, POSTs only.
limit_submissions = limiter.shared_limit(submit_limit, scope="submit", methods=["POST"])


def login_limit() -> str:
    """The rate limit of login attempts (``QUIZAPP_RATELIMIT_LOGIN``)."""
    return str(current_app.config["RATELIMIT_LOGIN"])


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    """A ``connect`` listener: WAL (readers never block the writer), busy timeout, foreign keys."""

    def on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect


def migrations_directory() -> Path:
    """The Alembic folder, found through the package rather than the working directory.

    The source tree keeps it at the top level (``migrations/`` beside ``quizapp/``); the wheel
    ships the same folder inside the package as ``quizapp/migrations`` (``package-dir`` in
    pyproject.toml). The packaged copy wins when it exists, so an installed ``quizapp`` never
    reads a ``migrations`` folder that happens to lie beside site-packages.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "migrations"
    return packaged if packaged.is_dir() else package.parent / "migrations"


def init_app(app: Flask) -> None:
    """Bind every extension to ``app``."""
    db.init_app(app)
    storable.init_app()
    with app.app_context():
        for engine in db.engines.values():
            if engine.dialect.name == "sqlite":
                listener = _sqlite_pragmas(app.config["SQLITE_BUSY_TIMEOUT_MS"])
                event.listen(engine, "connect", listener)
    # The schema is made by migrations only.
    migrations = app.config.get("MIGRATIONS_DIR") or migrations_directory()
    migrate.init_app(app, db, directory=str(migrations), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
