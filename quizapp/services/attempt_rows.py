"""Writing a new attempt and its responses: the two ways a submission reaches the database.

Both are Core statements, with no ORM unit of work; :mod:`quizapp.services.attempts` checks
and scores the answers and chooses between them.

- :func:`insert_in_transaction` (any database): INSERT the attempt (its id by RETURNING) only
  while the quiz is still published at the version the answers were scored against, then its
  responses (on SQLite one INSERT ... SELECT over a JSON array, elsewhere one executemany), on a
  connection whose transaction the caller commits.
- :func:`insert_in_one_statement` (PostgreSQL): the same rows from a single statement whose
  data-modifying CTEs insert the attempt only while the quiz is still published at the version
  the answers were scored against, and its responses from three arrays (``unnest``). One
  statement is atomic on its own, so it runs in autocommit mode: no BEGIN, no COMMIT, one
  round trip instead of five.

When either inserts nothing, the quiz changed meanwhile: the caller reads it again and scores
the answers against it as it is now.

A submission id that is already taken raises :class:`sqlalchemy.exc.IntegrityError` either way,
before anything is kept.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    ForeignKeyConstraint,
    Integer,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    exists,
    insert,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, Quiz, QuizStatus, Response
from quizapp.models.base import UTCDateTime

ATTEMPT_TABLE = cast(Table, Attempt.__table__)
#: The columns of a new attempt row, all set in Python (no server or ORM defaults to fetch).
ATTEMPT_COLUMNS = tuple(c.key for c in ATTEMPT_TABLE.columns if c.key != "id")

_QUIZ_TABLE = cast(Table, Quiz.__table__)
_RESPONSE_TABLE = cast(Table, Response.__table__)


def _constraint_name(
    table: Table, kind: type[UniqueConstraint | ForeignKeyConstraint], columns: set[str]
) -> str:
    """The name of ``table``'s ``kind`` constraint on exactly ``columns`` (as the migrations
    create it: the models' naming convention names every constraint)."""
    for constraint in table.constraints:
        if isinstance(constraint, kind) and set(constraint.columns.keys()) == columns:
            return str(constraint.name)
    raise LookupError(f"{table.name} has no such constraint on {columns}")  # pragma: no cover


#: The unique constraint that makes a submission id name one attempt.
SUBMISSION_ID_CONSTRAINT = _constraint_name(ATTEMPT_TABLE, UniqueConstraint, {"submission_id"})
#: The responses' references to a question and an option: violated only when an editor
#: deleted one while a submission was being stored.
OPTION_GONE_CONSTRAINTS = frozenset(
    _constraint_name(_RESPONSE_TABLE, ForeignKeyConstraint, {column})
    for column in ("question_id", "choice_id")
)
#: SQLite names the columns of a violated unique constraint, not the constraint.
_SQLITE_UNIQUE = {
    f"UNIQUE constraint failed: {ATTEMPT_TABLE.name}.submission_id": SUBMISSION_ID_CONSTRAINT
}


def violated_constraint(exc: IntegrityError) -> str | None:
    """The name of the constraint an INSERT of this module violated (``None``: unknown).

    PostgreSQL reports the name itself; SQLite the table and columns of a unique constraint
    (a foreign key there cannot fail mid-submission: its one writer checked the version).
    """
    diag = getattr(exc.orig, "diag", None)
    if diag is not None:
        return getattr(diag, "constraint_name", None)
    return _SQLITE_UNIQUE.get(str(exc.orig))


#: Built once; each submission binds its values (the compiled forms are cached).
#: ``INSERT INTO attempt (...) SELECT :quiz_id, ... WHERE EXISTS (the quiz, published, at
#: :version) RETURNING id``: the row goes in only if nothing changed since the scoring.
_INSERT_ATTEMPT_IF_CURRENT = (
    insert(ATTEMPT_TABLE)
    .from_select(
        list(ATTEMPT_COLUMNS),
        select(*(bindparam(c, type_=ATTEMPT_TABLE.c[c].type) for c in ATTEMPT_COLUMNS)).where(
            exists().where(
                _QUIZ_TABLE.c.id == bindparam("quiz_id", type_=Integer()),
                _QUIZ_TABLE.c.status == QuizStatus.PUBLISHED,
                _QUIZ_TABLE.c.version == bindparam("version", type_=Integer()),
            )
        ),
    )
    .returning(ATTEMPT_TABLE.c.id)
)
_INSERT_RESPONSES = insert(_RESPONSE_TABLE)
#: SQLite: the responses from one JSON array of [question id, choice id, is correct] (JSON1).
_INSERT_RESPONSES_FROM_JSON = text(
    "INSERT INTO response (attempt_id, question_id, choice_id, is_correct, answered_at) "
    "SELECT :attempt_id, json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
    "json_extract(value, '$[2]'), :answered_at FROM json_each(:rows)"
).bindparams(
    bindparam("attempt_id", type_=Integer()),
    bindparam("answered_at", type_=UTCDateTime()),
    bindparam("rows", type_=String()),
)

#: PostgreSQL types of the attempt columns (``VARCHAR(40)``, ...), for the casts below.
_PG_TYPES = {
    c: str(ATTEMPT_TABLE.c[c].type.compile(dialect=postgresql.dialect())) for c in ATTEMPT_COLUMNS
}

_ONE_STATEMENT_TEMPLATE = """
WITH new_attempt AS (
    INSERT INTO attempt ({columns})
    SELECT {values}
    WHERE EXISTS (
        SELECT 1 FROM quiz
        WHERE quiz.id = :quiz_id AND quiz.status = '{published}' AND quiz.version = :version
    )
    RETURNING id
), new_responses AS (
    INSERT INTO response (attempt_id, question_id, choice_id, is_correct, answered_at)
    SELECT new_attempt.id, answer.question_id, answer.choice_id, answer.is_correct,
           CAST(:finished_at AS TIMESTAMP WITH TIME ZONE)
    FROM new_attempt,
         unnest(:question_ids, :choice_ids, :correct)
             AS answer(question_id, choice_id, is_correct)
)
SELECT id FROM new_attempt
"""
# Column names and types come from the model above, never from a request; values are bound.
_ONE_STATEMENT_SQL = _ONE_STATEMENT_TEMPLATE.format(  # nosec B608
    columns=", ".join(ATTEMPT_COLUMNS),
    published=QuizStatus.PUBLISHED.value,
    values=", ".join(f"CAST(:{c} AS {_PG_TYPES[c]})" for c in ATTEMPT_COLUMNS),
)

_ONE_STATEMENT = text(_ONE_STATEMENT_SQL).bindparams(
    *(bindparam(c, type_=ATTEMPT_TABLE.c[c].type) for c in ATTEMPT_COLUMNS),
    bindparam("version", type_=Integer()),
    bindparam("question_ids", type_=ARRAY(Integer())),
    bindparam("choice_ids", type_=ARRAY(Integer())),
    bindparam("correct", type_=ARRAY(Boolean())),
)


def attempt_values(attempt: Attempt) -> dict[str, Any]:
    """The column values of a new, not yet stored attempt."""
    return {key: getattr(attempt, key) for key in ATTEMPT_COLUMNS}


def insert_in_transaction(
    connection: Connection,
    values: Mapping[str, Any],
    responses: Sequence[Mapping[str, Any]],
    version: int,
) -> int | None:
    """INSERT the attempt, if the quiz is still published at ``version``, then its responses.

    Returns the new attempt's id, or ``None`` (nothing written) when the quiz moved on.
    The caller commits ``connection``'s transaction.
    """
    found = connection.execute(_INSERT_ATTEMPT_IF_CURRENT, {**values, "version": version}).scalar()
    if found is None:
        return None
    attempt_id = int(found)
    if not responses:
        return attempt_id
    answered_at = values["finished_at"]
    if connection.dialect.name == "sqlite":
        # One statement over a JSON array: no per-row parameter processing while this
        # transaction holds SQLite's only write lock.
        rows = [[r["question_id"], r["choice_id"], bool(r["is_correct"])] for r in responses]
        connection.execute(
            _INSERT_RESPONSES_FROM_JSON,
            {"attempt_id": attempt_id, "answered_at": answered_at, "rows": json.dumps(rows)},
        )
    else:
        connection.execute(
            _INSERT_RESPONSES,
            [{**row, "attempt_id": attempt_id, "answered_at": answered_at} for row in responses],
        )
    return attempt_id


def insert_in_one_statement(
    connection: Connection,
    values: Mapping[str, Any],
    responses: Sequence[Mapping[str, Any]],
    version: int,
) -> int | None:
    """One PostgreSQL statement that stores the attempt and its responses, or nothing.

    Nothing (``None``) when the quiz is no longer published at ``version``. ``connection``
    should be in autocommit mode: the statement is its own transaction.
    """
    found = connection.execute(
        _ONE_STATEMENT,
        {
            **values,
            "version": version,
            "question_ids": [row["question_id"] for row in responses],
            "choice_ids": [row["choice_id"] for row in responses],
            "correct": [bool(row["is_correct"]) for row in responses],
        },
    ).scalar()
    return int(found) if found is not None else None
