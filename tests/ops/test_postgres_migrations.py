"""The migrations on PostgreSQL: an empty database upgraded to head matches the models exactly.

Runs when the suite runs on PostgreSQL (``QUIZAPP_TEST_DATABASE_URI=postgresql+psycopg://...``),
in a database of its own (``<test database>_migrations``), dropped and made again for each run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, make_url

from quizapp import create_app
from quizapp.extensions import db
from tests.conftest import POSTGRES, TEST_DATABASE_URI
from tests.ops.test_migrations import check_option_order_migration, check_typed_states_migration

pytestmark = pytest.mark.skipif(not POSTGRES, reason="the suite runs on SQLite")

# Named after the test database, so suites of other checkouts on the same server never meet.
DATABASE = f"{make_url(TEST_DATABASE_URI).database if POSTGRES else 'test'}_migrations"


@pytest.fixture
def empty_app() -> Iterator[Flask]:
    """An app on a new, empty PostgreSQL database."""
    url = make_url(TEST_DATABASE_URI)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{DATABASE}"')
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "RATELIMIT_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": url.set(database=DATABASE).render_as_string(
                hide_password=False
            ),
        }
    )
    try:
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.dispose()


def test_upgrade_empty_postgres_database_to_head_matches_models(empty_app: Flask) -> None:
    upgrade()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    tables = set(db.inspect(db.engine).get_table_names())
    assert diff == []
    assert {"article", "claim", "quiz", "question", "choice", "attempt", "response"} <= tables


def test_postgres_downgrade_to_base_and_up_again(empty_app: Flask) -> None:
    upgrade()
    downgrade(revision="base")
    assert db.inspect(db.engine).get_table_names() == ["alembic_version"]
    upgrade()
    assert "attempt" in db.inspect(db.engine).get_table_names()


def test_postgres_typed_states_keep_existing_rows(empty_app: Flask) -> None:
    check_typed_states_migration()


def test_postgres_option_order_migration_keeps_existing_attempts(empty_app: Flask) -> None:
    check_option_order_migration()
