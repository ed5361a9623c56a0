"""quizapp's own JSON format: every field of the model, versioned.

Structure (version 1)::

    {
      "format": "quizapp-quiz",
      "version": 1,
      "title": str, "source_url": str, "article_title": str,
      "questions": [
        {"name": str, "kind": "multiple_choice" | "true_false", "stem": str,
         "explanation": str, "evidence": str,
         "options": [{"text": str, "correct": bool, "feedback": str}, ...]},
        ...
      ]
    }

Strings are kept exactly (no trimming).  On import, string fields other than
``stem``/``options``/``text``/``correct`` may be missing (default ``""``), unknown
keys are ignored so newer minor additions stay readable, and a different
``version`` is refused.  A question that is not right (a missing stem, two keys, an
unknown kind) is skipped with its reason; the others are imported.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from ._common import QuestionCollector, decode_text
from .errors import ImportFormatError
from .model import MULTIPLE_CHOICE, ExportOption, ExportQuestion, ExportQuiz, validate_quiz

FORMAT_ID = "quizapp-quiz"
VERSION = 1


def quiz_to_dict(quiz: ExportQuiz) -> dict[str, Any]:
    """The JSON-ready dict for ``quiz`` (version 1 structure)."""
    return {
        "format": FORMAT_ID,
        "version": VERSION,
        "title": quiz.title,
        "source_url": quiz.source_url,
        "article_title": quiz.article_title,
        "questions": [
            {
                "name": q.name,
                "kind": q.kind,
                "stem": q.stem,
                "explanation": q.explanation,
                "evidence": q.evidence,
                "options": [
                    {"text": o.text, "correct": o.correct, "feedback": o.feedback}
                    for o in q.options
                ],
            }
            for q in quiz.questions
        ],
    }


def export_json(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as UTF-8 JSON bytes (indented, non-ASCII kept as is)."""
    validate_quiz(quiz)
    return (json.dumps(quiz_to_dict(quiz), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _string(obj: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    if key not in obj:
        if required:
            raise ImportFormatError(f"{where}: missing {key!r}")
        return ""
    value = obj[key]
    if not isinstance(value, str):
        raise ImportFormatError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportFormatError(f"{where} must be a JSON object, not {type(value).__name__}")
    return value


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if not isinstance(value, list):
        raise ImportFormatError(f"{where}: {key!r} must be a list")
    return value


def quiz_from_dict(document: Any) -> ExportQuiz:
    """Build an :class:`ExportQuiz` from a decoded JSON document, validating every field.

    The document's own fields (format, version, title, the list of questions) must be
    right or the file is refused; a question that is wrong is skipped and listed in
    ``skipped``, like the other formats do, and the rest are imported.
    """
    root = _object(document, "the JSON document")
    if root.get("format") != FORMAT_ID:
        raise ImportFormatError(f"not a quizapp quiz: 'format' must be {FORMAT_ID!r}")
    if root.get("version") != VERSION or isinstance(root.get("version"), bool):
        raise ImportFormatError(
            f"unsupported quizapp quiz version {root.get('version')!r} "
            f"(this reader knows {VERSION})"
        )
    title = _string(root, "title", "quiz")
    source_url = _string(root, "source_url", "quiz")
    article_title = _string(root, "article_title", "quiz")
    collector = QuestionCollector("JSON")
    for raw in _list(root, "questions", "quiz"):
        name = raw.get("name") if isinstance(raw, dict) else None
        kind = raw.get("kind") if isinstance(raw, dict) else None
        collector.add(
            name if isinstance(name, str) else "",
            kind if isinstance(kind, str) and kind else "question",
            partial(_question, raw, f"question {collector.count + 1}"),
        )
    return collector.quiz(title, source_url, article_title)


def _question(raw: Any, where: str) -> tuple[ExportQuestion, list[str]]:
    item = _object(raw, where)
    options = []
    for index, raw_option in enumerate(_list(item, "options", where), start=1):
        option_where = f"{where}, option {index}"
        option = _object(raw_option, option_where)
        correct = option.get("correct")
        if not isinstance(correct, bool):
            raise ImportFormatError(f"{option_where}: 'correct' must be true or false")
        options.append(
            ExportOption(
                text=_string(option, "text", option_where, required=True),
                correct=correct,
                feedback=_string(option, "feedback", option_where),
            )
        )
    question = ExportQuestion(
        stem=_string(item, "stem", where, required=True),
        options=tuple(options),
        kind=_string(item, "kind", where) or MULTIPLE_CHOICE,
        explanation=_string(item, "explanation", where),
        evidence=_string(item, "evidence", where),
        name=_string(item, "name", where),
    )
    return question, []


def parse_json(data: str | bytes) -> ExportQuiz:
    """Parse quizapp JSON into an :class:`ExportQuiz`; ImportFormatError if malformed."""
    text = decode_text(data, "JSON")
    if not text.strip():
        raise ImportFormatError("the JSON file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno
        ) from None
    except RecursionError:
        raise ImportFormatError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. a number of more digits than Python converts
        raise ImportFormatError(f"invalid JSON: {exc}") from None
    return quiz_from_dict(document)
