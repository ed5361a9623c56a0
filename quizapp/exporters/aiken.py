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
  an error or a different question rather than guessing).
"""

from __future__ import annotations

import re
import string

from ._common import check_question, decode_text, normalise_newlines
from .errors import ImportFormatError
from .model import MULTIPLE_CHOICE, ExportOption, ExportQuestion, ExportQuiz, validate_quiz

_LINE_BREAK = re.compile(r"\s*\n\s*")
_OPTION = re.compile(r"^([A-Z])[.)]\s+(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(.*)$")


def normalise_aiken_text(text: str) -> str:
    """The text as Aiken can carry it: line breaks collapsed to one space, trimmed."""
    return _LINE_BREAK.sub(" ", normalise_newlines(text)).strip()


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


def parse_aiken(data: str | bytes) -> ExportQuiz:
    """Parse Aiken text into an :class:`ExportQuiz` of multiple-choice questions.

    The quiz title is empty (Aiken has none).  Raises :class:`ImportFormatError` with
    the line number for options out of sequence, a missing or unknown ``ANSWER:``, etc.
    """
    text = normalise_newlines(decode_text(data, "Aiken"))
    questions: list[ExportQuestion] = []
    stem: list[str] = []
    options: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if options:
                raise ImportFormatError(
                    "blank line inside a question: expected 'ANSWER: X'", number
                )
            if stem:
                raise ImportFormatError("question text is not followed by options 'A. …'", start)
            continue
        if not stem:
            start = number
            if _OPTION.match(line) or _ANSWER.match(line):
                raise ImportFormatError(
                    "expected the question text, found an option or ANSWER line", number
                )
            stem.append(line)
            continue
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
            check_question(question, len(questions) + 1, start)
            questions.append(question)
            stem, options = [], []
        elif options:
            raise ImportFormatError(
                f"expected an option 'X. …' or 'ANSWER: X', got {line!r}", number
            )
        else:
            stem.append(line)  # Moodle allows the question text over several lines
    if stem:
        raise ImportFormatError("the last question has no 'ANSWER: X' line", start)
    if not questions:
        raise ImportFormatError("the Aiken file contains no questions")
    return ExportQuiz(title="", questions=tuple(questions))
