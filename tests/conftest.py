"""Shared fixtures: an app on a fresh, migrated database per test; client; CLI runner; factories."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import event

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Attempt, Choice, Claim, Question, Quiz

#: The suite runs on SQLite (a file per test) unless this names a PostgreSQL database,
#: e.g. ``QUIZAPP_TEST_DATABASE_URI=postgresql+psycopg://postgres@127.0.0.1:5432/test``.
TEST_DATABASE_URI = os.environ.get("QUIZAPP_TEST_DATABASE_URI", "")
POSTGRES = TEST_DATABASE_URI.startswith("postgresql")


def _config(db_path: Path, **overrides: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URI if POSTGRES else f"sqlite:///{db_path}",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,  # tests of the limits turn them on with app_config
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database upgraded to head once; each test gets a copy of it."""
    from flask_migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "template.db"
    app = create_app(_config(path))
    with app.app_context():
        if POSTGRES:
            # One fresh schema per run: drop whatever an earlier run or branch left.
            with db.engine.begin() as connection:
                connection.exec_driver_sql("DROP SCHEMA public CASCADE")
                connection.exec_driver_sql("CREATE SCHEMA public")
        upgrade()
        db.engine.dispose()
    return path


def _truncate_all() -> None:
    """Empty every table of the PostgreSQL test database and restart its id sequences."""
    tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the whole run, shared by the apps of all tests.

    Each test builds its own app, and so its own Jinja environment, which compiled every
    template it rendered again: about a seventh of the fast run. Jinja keys the bytecode by the
    template's name and a checksum of its source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_BYTECODE = _MemoryBytecodeCache()


def _without_fsync(dbapi_connection: Any, _record: Any) -> None:
    """A test's SQLite file is thrown away: its commits need not wait for the disk."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


@pytest.fixture
def app(tmp_path: Path, migrated_template: Path, request: pytest.FixtureRequest) -> Iterator[Flask]:
    """The app on a fresh copy of the migrated database.

    Extra configuration comes from ``@pytest.mark.app_config(KEY=value)``.
    """
    db_path = tmp_path / "quizapp.db"
    if not POSTGRES:
        shutil.copy(migrated_template, db_path)
    marker = request.node.get_closest_marker("app_config")
    overrides = marker.kwargs if marker else {}
    app = create_app(_config(db_path, **overrides))
    app.jinja_env.bytecode_cache = _TEMPLATE_BYTECODE
    app.test_client_class = FreshRequestClient
    app.instance_path = str(tmp_path / "instance")
    with app.app_context():
        if not POSTGRES:
            event.listen(db.engine, "connect", _without_fsync)
        yield app
        db.session.remove()
        if POSTGRES:
            _truncate_all()
        db.engine.dispose()


class FreshRequestClient(FlaskClient):
    """A test client whose requests each start with a fresh ``g``.

    The ``app`` fixture keeps an app context pushed for the whole test (so the
    test can use ``db.session``), and Flask reuses it for requests made inside
    it; without this, Flask-Login's per-request user cache in ``g`` would leak
    from one request to the next, which never happens in production.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        from flask import g

        g.pop("_login_user", None)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


EDITOR_PASSWORD = "password1"


@pytest.fixture(autouse=True, scope="session")
def _passwords_hashed_once() -> Iterator[None]:
    """Each password is hashed once per run, and each hash checked once against a password.

    ``User.set_password`` uses werkzeug's scrypt: about 0.2 s a hash, as much again to check
    it at login, paid by every test that makes an editor and logs in. Within a run the same
    password gets the same (real, salted scrypt) hash and a check's answer is remembered;
    ``check_password_hash`` is a pure function, and any salt is as good as another.
    """
    from quizapp.models import user as user_model

    real_generate = user_model.generate_password_hash
    real_check = user_model.check_password_hash
    hashes: dict[str, str] = {}
    checks: dict[tuple[str, str], bool] = {}

    def generate(password: str, *args: Any, **kwargs: Any) -> str:
        if args or kwargs:
            return real_generate(password, *args, **kwargs)
        if password not in hashes:
            hashes[password] = real_generate(password)
        return hashes[password]

    def check(pwhash: str, password: str) -> bool:
        if (pwhash, password) not in checks:
            checks[(pwhash, password)] = real_check(pwhash, password)
        return checks[(pwhash, password)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(user_model, "generate_password_hash", generate, raising=False)
        patch.setattr(user_model, "check_password_hash", check, raising=False)
        yield


@pytest.fixture
def editor_client(client: FlaskClient, app: Flask) -> FlaskClient:
    """The test client, logged in as an editor ("ed")."""
    from quizapp.models import User

    user = User(username="ed")
    user.set_password(EDITOR_PASSWORD)
    db.session.add(user)
    db.session.commit()
    response = client.post("/login", data={"username": "ed", "password": EDITOR_PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


ARTICLE_TEXT = (
    "Acme Corp said on Monday it would open 12 new stores in Lisbon.\n"
    "The company was founded in 1998 by Maria Silva.\n"
    "Its revenue rose to $4.2bn last year.\n"
)


def make_quiz(
    *,
    status: str = "published",
    n_questions: int = 3,
    title: str = "Acme quiz",
    text: str | None = None,
) -> Quiz:
    """A small quiz built by hand, for tests that are about the web app, not the engine.

    Each question has three options; the key is option ``i % 3``.
    """
    import hashlib

    text = text if text is not None else ARTICLE_TEXT + f"Quiz marker {title}.\n"
    sentences = [s for s in text.splitlines() if s]
    article = Article(title=title, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    quiz = Quiz(
        article=article, title=title, slug=f"slug-{title.lower().replace(' ', '-')}", status=status
    )
    offset = 0
    for i in range(n_questions):
        sentence = sentences[i % len(sentences)]
        start = text.index(sentence, 0 if i >= len(sentences) else offset)
        offset = start + len(sentence)
        claim = Claim(
            article=article, text=sentence, start=start, end=start + len(sentence), score=0.5
        )
        quiz.questions.append(
            Question(
                claim=claim,
                kind="fact_recall",
                stem=f"Question {i + 1} about {title}?",
                explanation=f"The article says: “{sentence}”",
                evidence_start=start,
                evidence_end=start + len(sentence),
                position=i,
                choices=[
                    Choice(
                        text=f"Option {letter}{i}",
                        is_correct=(j == i % 3),
                        position=j,
                        mutation=None if j == i % 3 else "typed_list",
                    )
                    for j, letter in enumerate("ABC")
                ],
            )
        )
    db.session.add(quiz)
    db.session.commit()
    return quiz


@pytest.fixture
def quiz(app: Flask) -> Quiz:
    return make_quiz()


def submit_attempt(
    quiz: Quiz, name: str, answers: dict[int, int] | None = None, submission_id: str | None = None
) -> Attempt:
    """An attempt stored through the service, as an API client without a token sends it."""
    from quizapp.services import taking

    submission = taking.submit(
        quiz.id, answers or {}, name, submission_id, origin="api", owner="tests"
    )
    return submission.attempt


#: Redis for the queue and rate-limit tests: database 3 of the local server unless told.
REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The tests' Redis database, emptied before and after; skipped without Redis (not in CI)."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    connection = Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except RedisConnectionError:
        connection.close()
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts one)")
    connection.flushdb()
    yield REDIS_URL
    connection.flushdb()
    connection.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "app_config(**kwargs): extra app configuration")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Spare the garbage collector the objects that live for the whole run.

    The run keeps a large heap (the app's modules, spaCy, Hypothesis, every collected test),
    and each full collection walked all of it: over a tenth of the fast run. Freezing what
    exists once the tests are collected, and collecting the young generation less often,
    changes when cycles are freed, never what a test sees.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
