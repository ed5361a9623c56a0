"""Editor accounts. Quiz takers need no account."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.models.base import Base, UTCDateTime, utcnow


class User(UserMixin, Base):
    """An editor: can import articles, edit and publish quizzes, and read item analyses.

    Passwords are stored as werkzeug (scrypt) hashes; the API token only as its
    sha256, so a leaked database does not leak working tokens.
    """

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="editor")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def new_token(self) -> str:
        """Make a new API token, keep only its hash, and return the token once."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def is_editor(self) -> bool:
        return self.role in ("editor", "admin")

    def __repr__(self) -> str:
        return f"<User {self.username}>"


def hash_token(token: str) -> str:
    """The stored form of an API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
