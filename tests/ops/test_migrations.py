"""The schema comes from migrations only: head must match the models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db


def _app(path: Path):  # type: ignore[no-untyped-def]
    return create_app(
        {"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}
    )


def test_upgrade_empty_database_to_head_matches_models(tmp_path: Path) -> None:
    app = _app(tmp_path / "empty.db")
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            diff = compare_metadata(context, db.metadata)
        tables = set(db.inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert diff == []
    assert {"article", "claim", "quiz", "question", "choice", "attempt", "response"} <= tables


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    app = _app(tmp_path / "roundtrip.db")
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert db.inspect(db.engine).get_table_names() == ["alembic_version"]
        upgrade()
        assert "attempt" in db.inspect(db.engine).get_table_names()
        db.engine.dispose()
