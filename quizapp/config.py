"""Configuration: defaults, then ``QUIZAPP_*`` environment variables, then test overrides."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from quizapp.engine import MAX_QUESTIONS

#: Defaults. Every key can be overridden by an environment variable with the
#: ``QUIZAPP_`` prefix, e.g. ``QUIZAPP_SQLALCHEMY_DATABASE_URI``.
DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_ENGINE_OPTIONS": {},
    "WTF_CSRF_ENABLED": True,
    "WTF_CSRF_TIME_LIMIT": None,  # a quiz can take a while; the token lives as long as the session
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # largest request body, uploads included
    # Seconds a request body may take to arrive (under gunicorn); slower gets 408.
    "REQUEST_BODY_TIMEOUT": 15,
    "ARTICLE_MAX_CHARS": 200_000,  # about 30,000 words
    "IMPORT_BACKGROUND_CHARS": 20_000,  # longer articles are generated with a progress page
    "IMPORT_JOBS_INLINE": False,  # run background jobs in the request (tests)
    # Seconds a background generation may run before its process is stopped and it fails.
    "JOB_TIMEOUT": 600,
    # Redis (e.g. "redis://127.0.0.1:6379/0"): background jobs go to an RQ queue served by
    # `quizapp worker`, and the rate limits count there. Unset: a child process per job, and
    # limits counted per process.
    "REDIS_URL": None,
    "PUBLISHER_NAME": "quizapp",  # author of the ClaimReview markup
    "SCORES_PER_PAGE": 20,
    # Entries of the per-process cache of quiz pages and answer keys (0: no cache).
    "QUIZ_CACHE_SIZE": 256,
    # Seconds a process reuses a quiz's version for its page views (0: read it every time).
    "QUIZ_HEAD_TTL": 1.0,
    "QUIZ_MAX_QUESTIONS": MAX_QUESTIONS,
    "GENERATOR_SEED": 0,
    # Production: connection pool of a server database (never used for SQLite).
    "DB_POOL_SIZE": 5,
    "DB_MAX_OVERFLOW": 10,
    # SQLite on one machine: how long a writer waits for the lock, in milliseconds.
    "SQLITE_BUSY_TIMEOUT_MS": 20_000,  # a writer waits this long for the lock (no retry loop)
    # Behind HTTPS set QUIZAPP_SESSION_COOKIE_SECURE=true.
    "SESSION_COOKIE_SECURE": False,
    # Who may frame the pages (CSP frame-ancestors), e.g. "'self' https://lms.example.org".
    "FRAME_ANCESTORS": "'self'",
    # Number of trusted proxies in front of the app (X-Forwarded-For/-Proto), 0 for none.
    "PROXY_FIX": 0,
    # Rate limits (Flask-Limiter): counted in REDIS_URL when set, else in each process's memory,
    # unless a storage URI of their own is given.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": None,
    "RATELIMIT_HEADERS_ENABLED": True,
    # A class behind one school address submits together: the limit is per address, so generous.
    "RATELIMIT_SUBMIT": "60 per minute",
    "RATELIMIT_LOGIN": "10 per minute",
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
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        # Shared by every worker and host when there is a Redis; else each process counts alone.
        app.config["RATELIMIT_STORAGE_URI"] = app.config.get("REDIS_URL") or "memory://"
    _engine_options(app)


def _engine_options(app: Flask) -> None:
    """Pool of a server database (size, pre-ping); SQLite keeps SQLAlchemy's own pool."""
    uri = str(app.config["SQLALCHEMY_DATABASE_URI"])
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    # A failed statement is logged without its values: they hold names and secret tokens.
    options.setdefault("hide_parameters", True)
    if not uri.startswith("sqlite"):
        # A server may drop idle connections (restart, failover): test each one on checkout.
        # A SQLite file cannot, so it is spared that extra round trip on every request.
        options.setdefault("pool_pre_ping", True)
        options.setdefault("pool_size", int(app.config["DB_POOL_SIZE"]))
        options.setdefault("max_overflow", int(app.config["DB_MAX_OVERFLOW"]))
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


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
