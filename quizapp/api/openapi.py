"""The OpenAPI 3.1 document of the JSON API, written by hand next to the views it describes."""

from __future__ import annotations

from typing import Any

from quizapp.engine.kinds import QuestionKind
from quizapp.services.taking import NAME_MAX, SUBMISSION_ID_PATTERN

#: The submission id a client may send (body or header), as the service checks it.
SUBMISSION_ID = {"type": "string", "pattern": f"^{SUBMISSION_ID_PATTERN}$"}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _ok(schema: str, description: str = "OK") -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


LOCATION = {
    "description": "The attempt's URL: /api/attempts/{token}",
    "schema": {"type": "string"},
}
QUIZ_ID = {"name": "quiz_id", "in": "path", "required": True, "schema": {"type": "integer"}}
NULLABLE_NUMBER = {"type": ["number", "null"]}


def openapi_document() -> dict[str, Any]:
    """The document served at ``/api/openapi.json``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "quizapp API",
            "version": "1",
            "description": "Fact-check quizzes: list and take quizzes, read editors' statistics. "
            'Every error has the body {"error": {"status", "title", "message"}}.',
        },
        "paths": {
            "/api/quizzes": {
                "get": {
                    "summary": "Published quizzes",
                    "responses": {"200": _ok("QuizList")},
                }
            },
            "/api/quizzes/{quiz_id}": {
                "get": {
                    "summary": "A quiz with its questions and options (no answer key)",
                    "parameters": [QUIZ_ID],
                    "responses": {"200": _ok("Quiz"), "404": _error("No such published quiz")},
                }
            },
            "/api/quizzes/{quiz_id}/attempts": {
                "post": {
                    "summary": "Submit an attempt",
                    "parameters": [
                        QUIZ_ID,
                        {"name": "Idempotency-Key", "in": "header", "schema": SUBMISSION_ID},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/AttemptRequest"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            **_ok("AttemptResult", "Stored; Location names the attempt"),
                            "headers": {"Location": LOCATION},
                        },
                        "200": {
                            **_ok("AttemptResult", "Stored before with this submission id"),
                            "headers": {"Location": LOCATION},
                        },
                        "400": _error(
                            "Malformed body, no answer at all, or answers that do not fit the quiz"
                        ),
                        "404": _error("No such published quiz"),
                        "409": _error(
                            "This submission id was already used for other answers; or the quiz "
                            "is taken one question at a time (error.link names its page); or "
                            "the quiz changed while the answers were stored (send them again)"
                        ),
                        "413": _error("Body larger than the server accepts"),
                        "415": _error("Body is not application/json"),
                        "429": _error("Too many submissions from this address; see Retry-After"),
                    },
                }
            },
            "/api/attempts/{token}": {
                "get": {
                    "summary": "An attempt's result, for the holder of its token",
                    "parameters": [
                        {
                            "name": "token",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _ok("AttemptResult"), "404": _error("No such attempt")},
                }
            },
            "/api/articles/{article_id}/claimreview.json": {
                "get": {
                    "summary": "schema.org ClaimReview objects for claims with an editor verdict",
                    "parameters": [
                        {
                            "name": "article_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "A JSON array of ClaimReview objects",
                            "content": {"application/json": {"schema": {"type": "array"}}},
                        },
                        "404": _error("No such article with a published quiz"),
                    },
                }
            },
            "/api/quizzes/{quiz_id}/stats": {
                "get": {
                    "summary": "Item analysis (editors)",
                    "security": [{"bearer": []}, {"session": []}],
                    "parameters": [QUIZ_ID],
                    "responses": {
                        "200": _ok("Stats"),
                        "401": _error("No editor credentials"),
                        "404": _error("No such quiz"),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["status", "title", "message"],
                            "properties": {
                                "status": {"type": "integer"},
                                "title": {"type": "string"},
                                "message": {"type": "string"},
                                "link": {
                                    "type": "string",
                                    "description": "Where to go instead, when there is a place",
                                },
                            },
                        }
                    },
                },
                "QuizList": {
                    "type": "object",
                    "properties": {
                        "quizzes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "title", "questions", "attempts"],
                                "properties": {
                                    "id": {"type": "integer"},
                                    "title": {"type": "string"},
                                    "questions": {"type": "integer"},
                                    "attempts": {"type": "integer"},
                                    "url": {"type": "string"},
                                },
                            },
                        }
                    },
                },
                "Quiz": {
                    "type": "object",
                    "required": ["id", "title", "questions"],
                    "properties": {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "article_id": {"type": "integer"},
                        "questions": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "kind", "stem", "options"],
                                "properties": {
                                    "id": {"type": "integer"},
                                    "kind": {"type": "string", "enum": [*QuestionKind]},
                                    "stem": {"type": "string"},
                                    "options": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "id": {"type": "integer"},
                                                "text": {"type": "string"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                "AttemptRequest": {
                    "type": "object",
                    "required": ["name", "answers"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1, "maxLength": NAME_MAX},
                        "answers": {
                            "type": "object",
                            "additionalProperties": {"type": "integer"},
                            "minProperties": 1,
                            "description": (
                                "question id (as a string) to option id; questions left out "
                                "are unanswered (scored 0), but an attempt without a single "
                                "answer is refused (400)"
                            ),
                        },
                        "submission_id": SUBMISSION_ID,
                    },
                },
                "AttemptResult": {
                    "type": "object",
                    "required": ["attempt_id", "score", "total", "results"],
                    "properties": {
                        "attempt_id": {"type": "integer"},
                        "name": {"type": "string"},
                        "score": {"type": "integer"},
                        "total": {"type": "integer"},
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "question_id": {"type": "integer"},
                                    "chosen_choice_id": {"type": ["integer", "null"]},
                                    "correct_choice_id": {"type": ["integer", "null"]},
                                    "is_correct": {"type": "boolean"},
                                },
                            },
                        },
                    },
                },
                "Stats": {
                    "type": "object",
                    "properties": {
                        "attempts": {"type": "integer"},
                        "mean": NULLABLE_NUMBER,
                        "median": NULLABLE_NUMBER,
                        "sd": NULLABLE_NUMBER,
                        "alpha": NULLABLE_NUMBER,
                        "questions": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "facility": NULLABLE_NUMBER,
                                    "discrimination": NULLABLE_NUMBER,
                                    "sd": NULLABLE_NUMBER,
                                    "flags": {"type": "array", "items": {"type": "string"}},
                                    "options": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "id": {"type": "integer"},
                                                "count": {"type": "integer"},
                                                "mutation": {"type": ["string", "null"]},
                                                "correct": {"type": "boolean"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    }
