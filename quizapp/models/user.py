"""Editor accounts. Quiz takers need no account."""

from __future__ import annotations

import functools
import hashlib
import secrets
from datetime import datetime
from enum import StrEnum
from typing import TypeGuard

from flask_login import UserMixin
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.models.base import Base, UTCDateTime, state_column, utcnow


class Role(StrEnum):
    """What an account may do; every role is an editor's for now."""

    EDITOR = "editor"
    ADMIN = "admin"


#: The longest user name kept.
USERNAME_MAX = 80
#: The shortest password accepted.
PASSWORD_MIN = 8


class User(UserMixin, Base):
    """An editor: can import articles, edit and publish quizzes, and read item analyses.

    Passwords are stored as werkzeug (scrypt) hashes; the API token only as its
    sha256, so a leaked database does not leak working tokens.

    A session cookie names the user *and* the user's ``session_generation`` (see
    :meth:`get_id`); raising the generation (logging out, a new password) turns every cookie
    issued before into a stranger's, so a copied cookie dies with the session it came from.
    """

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(USERNAME_MAX), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(state_column(Role, "role", 20), default=Role.EDITOR)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def get_id(self) -> str:
        """What Flask-Login keeps in the session cookie: id and session generation."""
        return f"{self.id}:{self.session_generation}"

    def end_sessions(self) -> None:
        """End every session of this user, on every device (cookies issued before stop working)."""
        self.session_generation = (self.session_generation or 0) + 1

    def set_password(self, password: str) -> None:
        """Set a new password; it ends the user's sessions and revokes the API token."""
        self.password_hash = generate_password_hash(password)
        self.end_sessions()
        self.token_hash = None

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def new_token(self) -> str:
        """Make a new API token, keep only its hash, and return the token once."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def is_editor(self) -> bool:
        return self.role in (Role.EDITOR, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.username}>"


def hash_token(token: str) -> str:
    """The stored form of an API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@functools.cache
def _nobody_hash() -> str:
    """A password hash of nobody's, made once (hashing is deliberately slow)."""
    return generate_password_hash(secrets.token_urlsafe(16))


def password_matches(user: User | None, password: str) -> TypeGuard[User]:
    """Whether ``password`` is ``user``'s; for no user, as slow as a wrong password, so the
    time a login takes does not tell which user names exist."""
    if user is None:
        check_password_hash(_nobody_hash(), password)
        return False
    return user.check_password(password)
