"""Fuzz the JSON API from its own OpenAPI document (schemathesis), a bounded number of examples.

Every operation of ``/api/openapi.json`` gets requests made from its schema, valid and not
(positive and negative generation), against the app on a fresh database holding a published
quiz, a draft and a one-at-a-time quiz. Every response must be no server error, and have a
status code, content type, headers and body that the document declares. So the document is
true, and bad input is a documented 4xx.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from quizapp.api.openapi import openapi_document
from quizapp.extensions import db
from tests.factories import editor_token, make_quiz, submit_attempt

#: Examples per operation and generation mode: about 30 s for the whole document on SQLite.
EXAMPLES = 100
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@dataclass
class Known:
    """Ids and tokens that exist, for generated values to land on now and then."""

    quiz_ids: list[int]
    article_ids: list[int]
    tokens: list[str]
    choices: dict[int, list[int]]  # question id -> option ids, of the published quiz


@pytest.fixture
def known(app: Flask) -> Known:
    """A published quiz with an attempt, a draft, a one-at-a-time quiz."""
    published = make_quiz(title="Fuzzed")
    draft = make_quiz(title="Draft", status="draft")
    one = make_quiz(title="Stepwise")
    one.display_mode = "one"
    db.session.commit()
    attempt = submit_attempt(published, "Ann")
    quizzes = [published, draft, one]
    return Known(
        quiz_ids=[q.id for q in quizzes] + [10**6],
        article_ids=[q.article_id for q in quizzes] + [10**6],
        tokens=[attempt.token, "no-such-token"],
        choices={q.id: [c.id for c in q.choices] for q in published.questions},
    )


def _land_on_known(case: Any, known: Known, positive: bool) -> None:
    """Point generated ids at rows that exist (most random ids are a plain 404); in valid
    bodies, answers at the published quiz's questions and options."""
    params = case.path_parameters or {}
    for name, pool in (("quiz_id", known.quiz_ids), ("article_id", known.article_ids)):
        value = params.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            params[name] = pool[value % len(pool)]
    if isinstance(params.get("token"), str) and len(params["token"]) % 3:
        params["token"] = known.tokens[len(params["token"]) % 2]
    body = case.body
    if positive and isinstance(body, dict) and isinstance(body.get("answers"), dict):
        questions = list(known.choices)
        answers = {}
        for index, value in enumerate(body["answers"].values()):
            if isinstance(value, int) and not isinstance(value, bool) and index < len(questions):
                options = known.choices[questions[index]]
                answers[str(questions[index])] = options[value % len(options)]
        body["answers"] = answers


@pytest.fixture
def fuzzer_token(app: Flask) -> str:
    return editor_token("fuzzer")


#: The document served at /api/openapi.json (a test below checks they are the same).
schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.mark.slow  # schemathesis: every operation, valid and invalid requests
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_documented_promises(
    case: Any, app: Flask, known: Known, fuzzer_token: str
) -> None:
    _land_on_known(case, known, case.meta is None or case.meta.generation.mode.name == "POSITIVE")
    # An editor's token on half the calls: the stats answer 200 then, 401 without.
    headers = (
        {"Authorization": f"Bearer {fuzzer_token}"} if zlib.crc32(repr(case).encode()) % 2 else {}
    )
    case.call_and_validate(app=app, headers=headers, checks=CHECKS)
    db.session.rollback()


def test_the_fuzzed_document_is_the_served_one(client: Any) -> None:
    assert client.get("/api/openapi.json").get_json() == openapi_document()
