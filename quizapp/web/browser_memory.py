"""What this browser remembers in its signed session cookie: its attempts and unfinished quizzes.

Quiz takers have no accounts: the secret tokens of their attempts (for the results, the
history and retakes) and of their one-at-a-time attempts in progress live in the cookie.
Each list is kept as one space-separated string: the cookie is signed, verified and, after
a submission, written on every request, and one string costs the session serializer one
step where a list of fifty tokens costs it fifty (tokens are URL-safe, so never hold a space).
A list, as cookies made before held, is read as well.
"""

from __future__ import annotations

import secrets

from flask import session

#: How many attempt tokens the cookie remembers.
HISTORY_MAX = 50
#: How many one-at-a-time attempts in progress the cookie remembers.
STEPWISE_MAX = 10


#: The cookie key of the stepwise attempts' tokens (named so before they were called stepwise;
#: kept, so that attempts under way survive an upgrade).
_STEPWISE_KEY = "progress"


def _tokens(key: str) -> list[str]:
    value = session.get(key)
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [t for t in value if isinstance(t, str)]
    return []


def _remember(key: str, token: str, keep: int) -> None:
    tokens = [t for t in _tokens(key) if t != token]
    session[key] = " ".join((tokens + [token])[-keep:])


def attempt_tokens() -> list[str]:
    """The tokens of this browser's attempts, oldest first."""
    return _tokens("attempts")


def owns_attempt(token: str) -> bool:
    """Whether the attempt named by ``token`` was made from this browser."""
    return token in attempt_tokens()


def remember_attempt(token: str) -> None:
    """Keep an attempt's token (the oldest is forgotten past :data:`HISTORY_MAX`)."""
    _remember("attempts", token, HISTORY_MAX)


def stepwise_tokens() -> list[str]:
    """The tokens of this browser's stepwise (one-at-a-time) attempts, oldest first."""
    return _tokens(_STEPWISE_KEY)


def owns_stepwise(token: str) -> bool:
    """Whether the one-at-a-time attempt named by ``token`` is this browser's."""
    return token in stepwise_tokens()


def remember_stepwise(token: str) -> None:
    """Keep a one-at-a-time attempt's token (the oldest is forgotten past :data:`STEPWISE_MAX`)."""
    _remember(_STEPWISE_KEY, token, STEPWISE_MAX)


def taker_id() -> str:
    """This browser's own random id (made on first use), to which its form submissions are bound."""
    value = session.get("taker")
    if not isinstance(value, str) or not value:
        value = secrets.token_urlsafe(16)
        session["taker"] = value
    return value
