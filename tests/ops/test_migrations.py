"""The schema comes from migrations only: head must match the models exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
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


#: The revision before the states were typed (CHECK constraints), and the one that types them.
BEFORE_TYPED_STATES = "sec11_session_generation"
TYPED_STATES = "f4c1d2b3a5e6"

_OLD_ROWS = (
    "INSERT INTO article (id, title, text, sha256, created_at)"
    " VALUES (1, 'A', 'Text.', 'abc', '2026-01-01 00:00:00+00')",
    "INSERT INTO quiz (id, article_id, title, slug, status, generator_version, seed, created_at,"
    " display_mode, version) VALUES (1, 1, 'Q', 'q', 'published', '', 0,"
    " '2026-01-01 00:00:00+00', 'one', 1)",
    "INSERT INTO question (id, quiz_id, kind, stem, explanation, evidence_start, evidence_end,"
    " position, status, name) VALUES (1, 1, 'true_false', 'S?', '', 0, 5, 0, 'retired', ''),"
    " (2, 1, 'verdict', 'V?', '', 0, 5, 1, 'active', '')",
    'INSERT INTO "user" (id, username, password_hash, role, created_at, session_generation)'
    " VALUES (1, 'ann', 'x', 'admin', '2026-01-01 00:00:00+00', 0)",
    "INSERT INTO import_job (id, token, status, progress, stage, publish, created_at, updated_at)"
    " VALUES (1, 't', 'done', 1.0, 'Done', false, '2026-01-01 00:00:00+00',"
    " '2026-01-01 00:00:00+00')",
)


def check_typed_states_migration() -> None:
    """Rows stored before the typed-states revision survive it, load as enum members, and
    its CHECK constraints then refuse a state no enum has; the downgrade keeps the rows."""
    from flask_migrate import upgrade as upgrade_to
    from sqlalchemy.exc import IntegrityError

    from quizapp.engine.kinds import QuestionKind
    from quizapp.models import (
        DisplayMode,
        ImportJob,
        JobStatus,
        Question,
        QuestionStatus,
        Quiz,
        QuizStatus,
        Role,
        User,
    )

    upgrade_to(revision=BEFORE_TYPED_STATES)
    with db.engine.begin() as connection:
        for statement in _OLD_ROWS:
            connection.exec_driver_sql(statement)
    # The rows load through today's models, so upgrade to the head (later revisions add
    # columns); the typed-states revision's own CHECKs are what the rest looks at.
    upgrade_to()

    quiz = db.session.get(Quiz, 1)
    assert quiz is not None
    assert (quiz.status, quiz.display_mode) == (QuizStatus.PUBLISHED, DisplayMode.ONE)
    assert [(q.kind, q.status) for q in db.session.scalars(db.select(Question).order_by("id"))] == [
        (QuestionKind.TRUE_FALSE, QuestionStatus.RETIRED),
        (QuestionKind.VERDICT, QuestionStatus.ACTIVE),
    ]
    user = db.session.get(User, 1)
    job = db.session.get(ImportJob, 1)
    assert user is not None and user.role is Role.ADMIN
    assert job is not None and job.status is JobStatus.DONE
    db.session.rollback()

    names = {
        table: {c["name"] for c in db.inspect(db.engine).get_check_constraints(table)}
        for table in ("quiz", "question", "user", "import_job")
    }
    assert names == {
        "quiz": {"ck_quiz_status", "ck_quiz_display_mode"},
        "question": {"ck_question_kind", "ck_question_status"},
        "user": {"ck_user_role"},
        "import_job": {"ck_import_job_status"},
    }
    for statement in (
        "UPDATE quiz SET status = 'archived'",
        "UPDATE quiz SET display_mode = 'some'",
        "UPDATE question SET kind = 'essay'",
        "UPDATE question SET status = 'gone'",
        "UPDATE \"user\" SET role = 'root'",
        "UPDATE import_job SET status = 'lost'",
    ):
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.exec_driver_sql(statement)

    downgrade(revision=BEFORE_TYPED_STATES)
    with db.engine.begin() as connection:
        assert connection.exec_driver_sql("SELECT status, display_mode FROM quiz").all() == [
            ("published", "one")
        ]
        assert connection.exec_driver_sql("SELECT count(*) FROM question").scalar() == 2
        connection.exec_driver_sql("UPDATE quiz SET status = 'archived'")  # no CHECK now


def test_typed_states_keep_existing_rows(tmp_path: Path) -> None:
    app = _app(tmp_path / "states.db")
    with app.app_context():
        check_typed_states_migration()
        db.session.remove()
        db.engine.dispose()


#: The revision before the option order was stored, and the one that stores it.
BEFORE_OPTION_ORDER = "d35c0e15a1b2"
OPTION_ORDER = "b7e4a9c2d1f0"

_ROWS_BEFORE_OPTION_ORDER = (
    "INSERT INTO article (id, title, text, sha256, created_at)"
    " VALUES (1, 'A', 'Text.', 'abc', '2026-01-01 00:00:00+00')",
    "INSERT INTO quiz (id, article_id, title, slug, status, generator_version, seed, created_at,"
    " display_mode, version) VALUES (1, 1, 'Q', 'q', 'published', '', 0,"
    " '2026-01-01 00:00:00+00', 'one', 1)",
    "INSERT INTO attempt (id, quiz_id, name, token, submission_id, finished_at, score, total)"
    " VALUES (1, 1, 'Ann', 'tok-1', 'web:1', '2026-01-01 00:00:00+00', 1, 2)",
    "INSERT INTO attempt_progress (id, token, quiz_id, name, started_at)"
    " VALUES (1, 'step-1', 1, 'Bo', '2026-01-01 00:00:00+00')",
)


def check_option_order_migration() -> None:
    """Attempts (finished or under way) stored before the option order was kept survive its
    revision with no order (shown in the options' own order); an order stored after it reads
    back as it was written; the downgrade keeps the rows."""
    from flask_migrate import upgrade as upgrade_to

    from quizapp.models import Attempt, StepwiseAttempt

    upgrade_to(revision=BEFORE_OPTION_ORDER)
    with db.engine.begin() as connection:
        for statement in _ROWS_BEFORE_OPTION_ORDER:
            connection.exec_driver_sql(statement)
    upgrade_to(revision=OPTION_ORDER)
    old = db.session.get(Attempt, 1)
    under_way = db.session.get(StepwiseAttempt, 1)
    assert old is not None and old.option_order is None
    assert under_way is not None and under_way.start_id is None
    old.option_order = {"12": [47, 45, 46]}
    under_way.start_id = "start-id-123"
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Attempt, 1).option_order == {"12": [47, 45, 46]}  # type: ignore[union-attr]
    db.session.remove()

    downgrade(revision=BEFORE_OPTION_ORDER)
    with db.engine.begin() as connection:
        assert connection.exec_driver_sql("SELECT name, score FROM attempt").all() == [("Ann", 1)]
        assert connection.exec_driver_sql("SELECT name FROM attempt_progress").all() == [("Bo",)]
    columns = {c["name"] for c in db.inspect(db.engine).get_columns("attempt")}
    assert "option_order" not in columns
    upgrade_to()


def test_option_order_migration_keeps_existing_attempts(tmp_path: Path) -> None:
    app = _app(tmp_path / "order.db")
    with app.app_context():
        check_option_order_migration()
        db.session.remove()
        db.engine.dispose()
