"""One rule for every text that reaches the database through the ORM: it must be storable.

Editors' input comes in many ways (forms, quiz files in five formats, the command line,
background imports), and each may carry text that one database or the other cannot keep: a NUL
byte (refused by PostgreSQL), a lone surrogate (not UTF-8, refused by both drivers), or more
characters than the column holds (refused by PostgreSQL, silently kept by SQLite). Instead of
each service remembering each case, a ``before_flush`` hook checks every string of every new or
changed row and raises :class:`Unstorable` (400, naming the field and the problem). Nothing is
written then; the error handler rolls the session back.

Quiz takers' submissions do not pass here (they are Core INSERTs); their one text, the display
name, is checked by :func:`quizapp.services.taking.clean_name`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from quizapp.services.errors import ServiceError

#: How the columns are called on the pages that fill them (default: the column name).
LABELS = {
    "source_url": "source URL",
    "verdict_url": "verdict's source URL",
    "verdict_note": "verdict's note",
    "stem": "question",
    "explanation": "explanation",
    "title": "title",
    "text": "text",
    "username": "user name",
}


class Unstorable(ServiceError):
    """Text that no database here can store as it is; the message says which and why."""

    status_code = 400


def problem_of(value: str, max_length: int | None = None) -> str | None:
    """Why ``value`` cannot be stored (``None`` if it can)."""
    if "\x00" in value:
        return "contains a NUL byte"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (text that is not valid Unicode)"
    if max_length is not None and len(value) > max_length:
        return f"is longer than {max_length:,} characters"
    return None


def check_row(obj: Any) -> None:
    """Raise :class:`Unstorable` for the first string column of ``obj`` that cannot be stored."""
    state = inspect(obj)
    for column in state.mapper.columns:
        if column.key not in state.attrs:
            continue
        value = state.attrs[column.key].loaded_value
        if not isinstance(value, str):
            continue
        length = column.type.length if isinstance(column.type, String) else None
        problem = problem_of(value, length)
        if problem is not None:
            label = LABELS.get(column.key, column.key.replace("_", " "))
            raise Unstorable(f"The {label} {problem}; correct it and send it again.")


def _check_flush(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in [*session.new, *session.dirty]:
        check_row(obj)


def init_app() -> None:
    """Check every flush of every session (once per process)."""
    if not event.contains(Session, "before_flush", _check_flush):
        event.listen(Session, "before_flush", _check_flush)
