"""Rate limits count in Redis when the app has one, so N workers do not give N times the limit
(issue 11, finding 15)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from quizapp import create_app
from quizapp.extensions import db

_made: list[Flask] = []


def _app(database_uri: str, **config: object) -> Flask:
    """Another app on the test's database, as another worker process would build it."""
    made = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_LOGIN": "3 per minute",
            **config,
        }
    )
    _made.append(made)
    return made


@pytest.fixture(autouse=True)
def _close_the_other_apps() -> Iterator[None]:
    yield
    while _made:
        with _made.pop().app_context():
            db.engine.dispose()


def test_the_store_defaults_to_redis_when_the_app_has_one(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    assert _app(uri).config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert _app(uri, REDIS_URL="redis://r:6379/1").config["RATELIMIT_STORAGE_URI"] == (
        "redis://r:6379/1"
    )
    chosen = _app(uri, REDIS_URL="redis://r:6379/1", RATELIMIT_STORAGE_URI="memory://")
    assert chosen.config["RATELIMIT_STORAGE_URI"] == "memory://"


def _login(app: Flask) -> int:
    client = app.test_client()
    return client.post("/login", data={"username": "nobody", "password": "wrong-one"}).status_code


def test_with_redis_a_fresh_worker_sees_the_count_of_the_others(app: Flask, redis_url: str) -> None:
    """A worker that starts after three attempts elsewhere refuses the fourth at once."""
    from redis import Redis

    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    first = _app(uri, REDIS_URL=redis_url)
    assert [_login(first) for _ in range(3)] == [400, 400, 400]
    assert Redis.from_url(redis_url).keys("LIMITS*")  # the count lives in Redis
    assert _login(_app(uri, REDIS_URL=redis_url)) == 429


def test_without_redis_a_fresh_worker_counts_from_zero(app: Flask) -> None:
    """What docs/operations.md warns of: with the memory store each worker counts alone."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    first = _app(uri)
    assert [_login(first) for _ in range(4)] == [400, 400, 400, 429]
    assert _login(_app(uri)) == 400
