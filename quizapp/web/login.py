"""Editor login and logout."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user, logout_user

from quizapp.extensions import db, limiter, login_limit
from quizapp.models import User
from quizapp.models.user import USERNAME_MAX, password_matches
from quizapp.web.forms import LoginForm

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login() -> ResponseReturnValue:
    """The editors' login form."""
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data or ""
        # A name with control characters (NUL) or past the column's length is nobody's,
        # and is not sent to the database at all (PostgreSQL refuses NUL in text).
        plausible = username.isprintable() and len(username) <= USERNAME_MAX
        user = (
            db.session.execute(
                db.select(User).where(User.username == username)
            ).scalar_one_or_none()
            if plausible
            else None
        )
        if not password_matches(user, form.password.data or ""):
            form.password.errors.append("Unknown user name or wrong password.")
            return render_template("auth/login.html", form=form), 400
        login_user(user, remember=False)
        flash(f"Logged in as {user.username}.", "info")
        return redirect(_safe_next(request.args.get("next")))
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """End the editor's sessions everywhere (a POST, so a link elsewhere cannot log you out).

    Clearing this browser's cookie is not enough: a copy of it (another device, a stolen
    cookie) would still be valid. Raising the user's session generation ends them all.
    """
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    flash("Logged out (on every device).", "info")
    return redirect(url_for("quiz.index"))


def _safe_next(target: str | None) -> str:
    """Where to go after login: ``next`` when it is a path on this site, else the editor's desk.

    No open redirects: a scheme, a host, ``//host`` or ``/\\host`` (browsers read a backslash
    as a slash) and control characters are refused.
    """
    if target and target.isprintable() and "\\" not in target:
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
        ):
            return target
    return url_for("editor.dashboard")
