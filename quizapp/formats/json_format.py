"""quizapp's own JSON format: every field of the model, versioned.

Structure (version 1)::

    {
      "format": "quizapp-quiz",
      "version": 1,
      "title": str, "source_url": str, "article_title": str,
      "questions": [
        {"name": str, "kind": "multiple_choice" | "true_false", "stem": str,
         "explanation": str, "evidence": str,
         "options": [{"text": str, "correct": bool, "feedback": str,
                      "text_html": str, "feedback_html": str}, ...],
         "stem_html": str, "explanation_html": str,
         "media": [{"name": str, "mimetype": str, "data": base64 str}, ...]},
        ...
      ]
    }

The ``…_html`` keys and ``media`` are written only where a question has rich HTML
(see :mod:`.rich`); on import the HTML is sanitised again and each image checked by
its bytes, as from any other file.

Strings are kept exactly (no trimming).  On import, string fields other than
``stem``/``options``/``text``/``correct`` may be missing (default ``""``), unknown
keys are ignored so newer minor additions stay readable, and a different
``version`` is refused.  A question that is not right (a missing stem, two keys, an
unknown kind) is skipped with its reason; the others are imported.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import partial
from typing import Any

from ._common import QuestionCollector, decode_text
from .errors import ImportFormatError
from .model import MULTIPLE_CHOICE, ExportOption, ExportQuestion, ExportQuiz, validate_quiz
from .rich import MediaFile, check_image, clean_html, is_rich

FORMAT_ID = "quizapp-quiz"
VERSION = 1


def _rich(**fields: str) -> dict[str, str]:
    return {key: value for key, value in fields.items() if value}


def _question_dict(q: ExportQuestion) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": q.name,
        "kind": q.kind,
        "stem": q.stem,
        "explanation": q.explanation,
        "evidence": q.evidence,
        "options": [
            {
                "text": o.text,
                "correct": o.correct,
                "feedback": o.feedback,
                **_rich(text_html=o.text_html, feedback_html=o.feedback_html),
            }
            for o in q.options
        ],
        **_rich(stem_html=q.stem_html, explanation_html=q.explanation_html),
    }
    if q.media:
        item["media"] = [
            {"name": m.name, "mimetype": m.mimetype, "data": base64.b64encode(m.data).decode()}
            for m in q.media
        ]
    return item


def quiz_to_dict(quiz: ExportQuiz) -> dict[str, Any]:
    """The JSON-ready dict for ``quiz`` (version 1 structure)."""
    return {
        "format": FORMAT_ID,
        "version": VERSION,
        "title": quiz.title,
        "source_url": quiz.source_url,
        "article_title": quiz.article_title,
        "questions": [_question_dict(q) for q in quiz.questions],
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


def _media(item: dict[str, Any], where: str) -> tuple[dict[str, MediaFile], list[str]]:
    """The question's images by their name in its HTML, and why any was not kept."""
    if "media" not in item:
        return {}, []
    media: dict[str, MediaFile] = {}
    notes = []
    for index, raw in enumerate(_list(item, "media", where), start=1):
        entry = _object(raw, f"{where}, media {index}")
        name = _string(entry, "name", f"{where}, media {index}", required=True)
        try:
            data = base64.b64decode(_string(entry, "data", where), validate=True)
        except (binascii.Error, ValueError):
            notes.append(f"image {name[:120]} dropped: its data is not base64")
            continue
        checked = check_image(name, data)
        if isinstance(checked, str):
            notes.append(f"image {name[:120]} dropped: {checked}")
        else:
            media[name] = checked
    return media, notes


def _html(item: dict[str, Any], key: str, where: str, media: dict[str, MediaFile]) -> str:
    rich = clean_html(
        _string(item, key, where), lambda src: media[src].name if src in media else None
    )
    return rich if is_rich(rich) else ""


def _question(raw: Any, where: str) -> tuple[ExportQuestion, list[str]]:
    item = _object(raw, where)
    media, notes = _media(item, where)
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
                text_html=_html(option, "text_html", option_where, media),
                feedback_html=_html(option, "feedback_html", option_where, media),
            )
        )
    question = ExportQuestion(
        stem=_string(item, "stem", where, required=True),
        options=tuple(options),
        kind=_string(item, "kind", where) or MULTIPLE_CHOICE,
        explanation=_string(item, "explanation", where),
        evidence=_string(item, "evidence", where),
        name=_string(item, "name", where),
        stem_html=_html(item, "stem_html", where, media),
        explanation_html=_html(item, "explanation_html", where, media),
        media=tuple({m.name: m for m in media.values()}.values()),
    )
    return question, notes


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
