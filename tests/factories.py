"""Test data: factories with defaults, each taking ``**kwargs`` for what a test cares about.

Call them inside the ``app`` fixture's app context. ``make_editor``, ``make_quiz`` and
``editor_token`` commit what they make (a test then reads ids and sends requests);
``make_article``, ``make_question`` and ``make_attempt`` leave the commit to the test, which may
be about what the commit does.
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
from typing import Any

from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Choice, Claim, Question, Quiz, User

#: The password of every editor a test makes, unless the test says otherwise.
EDITOR_PASSWORD = "password1"

ARTICLE_TEXT = (
    "Acme Corp said on Monday it would open 12 new stores in Lisbon.\n"
    "The company was founded in 1998 by Maria Silva.\n"
    "Its revenue rose to $4.2bn last year.\n"
)

_numbers = itertools.count(1)


def make_editor(username: str = "ed", *, password: str = EDITOR_PASSWORD, **kwargs: Any) -> User:
    """An editor (or, with ``role=...``, another user) whose password is ``password``.

    The hash is real scrypt, made once per password per run (see ``_passwords_hashed_once`` in
    conftest.py): keep to the default password unless the test is about passwords.
    """
    user = User(username=username, **kwargs)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def editor_token(username: str = "ed", **kwargs: Any) -> str:
    """A new editor's API token (``Authorization: Bearer <token>``)."""
    user = make_editor(username, **kwargs)
    token = user.new_token()
    db.session.commit()
    return token


def log_in(
    client: FlaskClient, username: str = "ed", password: str = EDITOR_PASSWORD, **data: str
) -> Any:
    """Post the login form; the response (302 to the editor's desk when it worked)."""
    return client.post("/login", data={"username": username, "password": password, **data})


def make_article(*, text: str | None = None, title: str = "Acme", **kwargs: Any) -> Article:
    """An article (not committed: a quiz or claim built on it is added with it)."""
    text = text if text is not None else ARTICLE_TEXT
    kwargs.setdefault("sha256", hashlib.sha256(text.encode()).hexdigest())
    return Article(title=title, text=text, **kwargs)


def make_question(
    article: Article, sentence: str, *, start: int, position: int = 0, key: int = 0, **kwargs: Any
) -> Question:
    """A fact-recall question on ``sentence`` (at ``start`` in the article), with three
    options A, B and C of which option ``key`` is correct."""
    end = start + len(sentence)
    claim = Claim(article=article, text=sentence, start=start, end=end, score=0.5)
    fields: dict[str, Any] = {
        "claim": claim,
        "kind": "fact_recall",
        "stem": f"Question {position + 1}?",
        "explanation": f"The article says: “{sentence}”",
        "evidence_start": start,
        "evidence_end": end,
        "position": position,
        "choices": [
            Choice(
                text=f"Option {letter}{position}",
                is_correct=(j == key),
                position=j,
                mutation=None if j == key else "typed_list",
            )
            for j, letter in enumerate("ABC")
        ],
    }
    fields.update(kwargs)
    return Question(**fields)


def make_quiz(
    *,
    status: str = "published",
    n_questions: int = 3,
    title: str = "Acme quiz",
    text: str | None = None,
    **kwargs: Any,
) -> Quiz:
    """A small quiz built by hand, for tests that are about the web app, not the engine.

    Each question has three options; the key is option ``i % 3``. Other keyword arguments
    are the quiz's own fields (``display_mode=...``, ``slug=...``).
    """
    text = text if text is not None else ARTICLE_TEXT + f"Quiz marker {title}.\n"
    sentences = [s for s in text.splitlines() if s]
    article = make_article(text=text, title=title)
    kwargs.setdefault("slug", f"slug-{title.lower().replace(' ', '-')}")
    quiz = Quiz(article=article, title=title, status=status, **kwargs)
    offset = 0
    for i in range(n_questions):
        sentence = sentences[i % len(sentences)]
        start = text.index(sentence, 0 if i >= len(sentences) else offset)
        offset = start + len(sentence)
        quiz.questions.append(
            make_question(
                article,
                sentence,
                start=start,
                position=i,
                key=i % 3,
                stem=f"Question {i + 1} about {title}?",
            )
        )
    db.session.add(quiz)
    db.session.commit()
    return quiz


def make_attempt(quiz: Quiz, **kwargs: Any) -> Attempt:
    """A finished attempt at ``quiz`` stored as it is (no scoring: that is the service's job).

    Its name, token and submission id are unique unless given.
    """
    number = next(_numbers)
    fields: dict[str, Any] = {
        "quiz_id": quiz.id,
        "name": f"Taker {number}",
        "token": secrets.token_hex(8),
        "submission_id": f"submission-{number}",
        "score": 0,
        "total": len(quiz.active_questions),
    }
    fields.update(kwargs)
    attempt = Attempt(**fields)
    db.session.add(attempt)
    return attempt
