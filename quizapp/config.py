"""Configuration: defaults, then ``QUIZAPP_*`` environment variables, then test overrides."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

#: Defaults. Every key can be overridden by an environment variable with the
#: ``QUIZAPP_`` prefix, e.g. ``QUIZAPP_SQLALCHEMY_DATABASE_URI``.
DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "WTF_CSRF_ENABLED": True,
    "WTF_CSRF_TIME_LIMIT": None,  # a quiz can take a while; the token lives as long as the session
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "SCORES_PER_PAGE": 20,
    "QUIZ_MAX_QUESTIONS": 15,
    "GENERATOR_SEED": 0,
    "SEED_ON_FIRST_RUN": True,
}


def init_app(app: Flask, test_config: dict[str, Any] | None = None) -> None:
    """Load the configuration into ``app.config``."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("QUIZAPP")
    if test_config:
        app.config.from_mapping(test_config)

    instance = Path(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        instance.mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'quizapp.db'}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(instance)


def _instance_secret(instance: Path) -> str:
    """Return the secret key kept in the instance folder, creating it once.

    Never a literal in the code: a key generated on first use and stored with
    owner-only permissions survives restarts, so sessions stay valid.
    """
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()
