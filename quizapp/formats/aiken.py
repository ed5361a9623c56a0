"""Aiken text format (Moodle): export and import.

::

    Stem on one line
    A. First option
    B. Second option
    ANSWER: B

Aiken is lossy by design and this module documents the losses rather than hiding
them in extensions other tools would not read:

* no feedback, explanation, evidence, question name, quiz title or source: dropped;
* no newlines: every run of whitespace containing a line break becomes one space
  (:func:`normalise_aiken_text`), and leading/trailing whitespace is dropped;
* no true/false type: true/false questions are written as two options ``True`` /
  ``False`` and come back as ``multiple_choice``;
* at most 26 options (letters A–Z);
* a stem that itself starts like ``A. `` or ``ANSWER:`` cannot be told apart from an
  option line; such quizzes do not survive the round trip (the importer then reports
  an error or a different question rather than guessing), and :func:`aiken_warnings`
  says so when such a quiz is exported.
"""

from __future__ import annotations

import re
import string
from functools import partial

from ._common import QuestionCollector, decode_text, normalise_newlines
from .errors import ImportFormatError
from .model import MULTIPLE_CHOICE, ExportOption, ExportQuestion, ExportQuiz, validate_quiz

_LINE_BREAK = re.compile(r"\s*\n\s*")
# Moodle's Aiken reader also takes "A)Option" and "A.Option", without the space.
_OPTION = re.compile(r"^([A-Z])[.)]\s*(\S.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(.*)$")


def normalise_aiken_text(text: str) -> str:
    """The text as Aiken can carry it: line breaks collapsed to one space, trimmed."""
    return _LINE_BREAK.sub(" ", normalise_newlines(text)).strip()


def aiken_warnings(quiz: ExportQuiz) -> list[str]:
    """What an Aiken export of ``quiz`` cannot carry so that it reads back the same.

    A stem starting like an option (``A. …``, ``B)…``) or ``ANSWER:`` is read back as
    one by every Aiken reader, so that question cannot be imported again.
    """
    warnings = []
    for number, question in enumerate(quiz.questions, start=1):
        stem = normalise_aiken_text(question.stem)
        if _OPTION.match(stem) or _ANSWER.match(stem):
            warnings.append(
                f"Question {number}: its text starts like an Aiken option or answer line "
                f"(“{stem[:20]}…”), so the Aiken file cannot be read back as written."
            )
    return warnings


def export_aiken(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as a UTF-8 Aiken file (bytes); see the module docstring for losses."""
    validate_quiz(quiz)
    lines: list[str] = []
    for question in quiz.questions:
        lines.append(normalise_aiken_text(question.stem))
        key = ""
        for letter, option in zip(string.ascii_uppercase, question.options, strict=False):
            lines.append(f"{letter}. {normalise_aiken_text(option.text)}")
            if option.correct:
                key = letter
        lines.append(f"ANSWER: {key}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


class _Chunk:
    """The lines of one question: from its text to its ANSWER line."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.answered = False
        #: The first blank line inside the question, if any (it breaks the question).
        self.gap: int | None = None
        self.options_before_gap = False


def _chunks(text: str) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    blank_at: int | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current is not None:
                blank_at = blank_at or number
            continue
        if current is not None and blank_at is not None:
            if _OPTION.match(line) or _ANSWER.match(line):
                # The question goes on after a blank line: it belongs to the broken one.
                if current.gap is None:
                    current.gap = blank_at
                    current.options_before_gap = any(
                        _OPTION.match(text) for _, text in current.lines[1:]
                    )
            else:
                current = None
            blank_at = None
        if current is None:
            current = _Chunk()
            chunks.append(current)
        current.lines.append((number, line))
        if _ANSWER.match(line) and len(current.lines) > 1:
            current.answered = True
            current, blank_at = None, None
    return chunks


def _question(chunk: _Chunk) -> tuple[ExportQuestion, list[str]]:
    start, first = chunk.lines[0]
    if _OPTION.match(first) or _ANSWER.match(first):
        raise ImportFormatError("expected the question text, found an option or ANSWER line", start)
    if chunk.gap is not None and not chunk.options_before_gap:
        raise ImportFormatError("question text is not followed by options 'A. …'", start)
    if chunk.gap is not None:
        raise ImportFormatError("blank line inside a question: expected 'ANSWER: X'", chunk.gap)
    stem = [first]
    options: list[str] = []
    for number, line in chunk.lines[1:]:
        option = _OPTION.match(line)
        answer = _ANSWER.match(line)
        if option:
            expected = string.ascii_uppercase[len(options)] if len(options) < 26 else "?"
            if option.group(1) != expected:
                raise ImportFormatError(
                    f"option letter {option.group(1)!r} out of sequence (expected {expected!r})",
                    number,
                )
            options.append(option.group(2).strip())
        elif answer:
            if len(options) < 2:
                raise ImportFormatError(
                    "a question needs at least two options before ANSWER", number
                )
            key = answer.group(1).strip()
            if len(key) != 1 or key not in string.ascii_uppercase[: len(options)]:
                raise ImportFormatError(
                    f"ANSWER must be one of the option letters "
                    f"A–{string.ascii_uppercase[len(options) - 1]}, got {key!r}",
                    number,
                )
            question = ExportQuestion(
                stem=" ".join(stem),
                options=tuple(
                    ExportOption(text, letter == key)
                    for letter, text in zip(string.ascii_uppercase, options, strict=False)
                ),
                kind=MULTIPLE_CHOICE,
            )
            return question, []
        elif options:
            raise ImportFormatError(
                f"expected an option 'X. …' or 'ANSWER: X', got {line!r}", number
            )
        else:
            stem.append(line)  # Moodle allows the question text over several lines
    if not options:
        raise ImportFormatError("question text is not followed by options 'A. …'", start)
    raise ImportFormatError(
        "the question has no 'ANSWER: X' line (expected 'ANSWER: X' after the options)", start
    )


def parse_aiken(data: str | bytes) -> ExportQuiz:
    """Parse Aiken text into an :class:`ExportQuiz` of multiple-choice questions.

    The quiz title is empty (Aiken has none).  A question that cannot be read (options
    out of sequence, a missing or unknown ``ANSWER:``…) is skipped and listed, with its
    line, in ``skipped``; a file with nothing importable raises :class:`ImportFormatError`.
    """
    text = normalise_newlines(decode_text(data, "Aiken"))
    collector = QuestionCollector("Aiken")
    for chunk in _chunks(text):
        collector.add("", "multiple choice", partial(_question, chunk), chunk.lines[0][0])
    return collector.quiz()
