"""Who is asking: editor sessions (Flask-Login) and API bearer tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Request, abort, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.extensions import db, login_manager
from quizapp.models import User
from quizapp.models.user import hash_token

F = TypeVar("F", bound=Callable[..., Any])

#: A session's user id: ``"<user id>:<session generation>"`` (ASCII digits, 64-bit at most).
_SESSION_ID = re.compile(r"(?P<user>[0-9]{1,18}):(?P<generation>[0-9]{1,18})")


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The editor of a session cookie, if the cookie is of the user's current generation.

    ``session_id`` is :meth:`User.get_id`: ``"<id>:<generation>"``. A cookie from before a
    logout or a password change names an older generation and loads nobody.
    """
    match = _SESSION_ID.fullmatch(session_id)
    if match is None:
        return None
    user = db.session.get(User, int(match["user"]))
    if user is None or user.session_generation != int(match["generation"]):
        return None
    return user


@login_manager.request_loader
def load_user_from_token(req: Request) -> User | None:
    """The editor named by an ``Authorization: Bearer TOKEN`` header, for API clients.

    Only on the JSON API, which changes nothing an editor owns: on the editor's pages a token
    would open every form (each page hands out a CSRF token), so there it names nobody.
    """
    if req.blueprint != "api":
        return None
    header = req.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return db.session.execute(
        db.select(User).where(User.token_hash == hash_token(token.strip()))
    ).scalar_one_or_none()


@login_manager.unauthorized_handler
def unauthorized() -> ResponseReturnValue:
    """API calls get a 401 JSON error; pages redirect to the login form."""
    if request.path.startswith("/api/"):
        abort(401, "Editor credentials are needed: log in or send 'Authorization: Bearer TOKEN'.")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def require_editor() -> ResponseReturnValue | None:
    """Let logged-in editors (session or token) through; send anyone else to log in, or 403.

    The editor blueprint runs this before each of its requests; an API view uses it
    through :func:`editor_required`.
    """
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_editor:
        abort(403, "This page is for editors.")
    return None


def editor_required(view: F) -> F:
    """Only logged-in editors (session or token) may call ``view``."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refused = require_editor()
        return refused if refused is not None else view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def init_app(app: Flask) -> None:
    """Nothing to bind beyond the loaders above, which register on import."""
