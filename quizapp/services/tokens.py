"""Looking rows up by the secret tokens that name them in URLs."""

from __future__ import annotations

from typing import Any, TypeVar

from quizapp.extensions import db
from quizapp.services.errors import NotFound

T = TypeVar("T")


def by_token(model: type[T], column: Any, token: str, *, max_length: int, missing: str) -> T:
    """The row of ``model`` whose ``column`` equals ``token``, or :class:`NotFound(missing)`.

    A token we could not have made (too long, not printable ASCII) is refused before the
    query: a NUL byte, for one, is an error in PostgreSQL, not just a miss.
    """
    if not (0 < len(token) <= max_length and token.isascii() and token.isprintable()):
        raise NotFound(missing)
    row = db.session.execute(db.select(model).where(column == token)).scalar_one_or_none()
    if row is None:
        raise NotFound(missing)
    return row
