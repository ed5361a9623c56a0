"""typed states: CHECK constraints on quiz, question, user and job states and question kinds

Revision ID: f4c1d2b3a5e6
Revises: sec11_session_generation
Create Date: 2026-11-30 08:40:00.000000

The columns stay VARCHARs of the same length (the models' ``sa.Enum(native_enum=False,
create_constraint=True)``); each gains a CHECK named by the naming convention
(``ck_<table>_<column>``), so every database calls it the same. The values are written here,
not imported, so this revision means the same whatever the models say later. On SQLite the
tables are copied (batch mode) with their rows; a row whose value is not in the list makes
the upgrade fail rather than change it silently.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f4c1d2b3a5e6"
down_revision = "sec11_session_generation"
branch_labels = None
depends_on = None

#: table -> (column, allowed values) in the order the constraints are made.
STATES = {
    "quiz": (
        ("status", ("draft", "published")),
        ("display_mode", ("all", "one")),
    ),
    "question": (
        ("kind", ("fact_recall", "claim_verification", "attribution", "true_false", "verdict")),
        ("status", ("active", "retired")),
    ),
    "user": (("role", ("editor", "admin")),),
    "import_job": (("status", ("queued", "running", "done", "failed")),),
}


def _check(column: str, values: tuple[str, ...]) -> sa.ColumnElement[bool]:
    return sa.column(column).in_(values)


def upgrade():
    for table, states in STATES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, values in states:
                batch_op.create_check_constraint(
                    op.f(f"ck_{table}_{column}"), _check(column, values)
                )


def downgrade():
    for table, states in reversed(STATES.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, _values in reversed(states):
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
