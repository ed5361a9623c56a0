"""Moodle GIFT text format: export and import of single-answer questions.

Export layout (one question per blank-line separated block)::

    // quizapp-evidence: <evidence>
    ::name::[plain]Stem text{
    \t=Right answer#feedback
    \t~Wrong answer#feedback
    \t####General feedback (the explanation)
    }

True/false questions are written ``::name::[plain]Stem{TRUE#wrong-fb#right-fb####general}``
as Moodle itself does.  ``\\ ~ = # { } :`` are backslash-escaped and newlines written
as ``\\n`` (Moodle's own escapes).  The ``[plain]`` marker makes Moodle show the text
literally, so ``<script>`` stays text.  GIFT has no place for the quiz title, source,
article title or evidence: they travel as ``// quizapp-…:`` comment lines, which
Moodle ignores and :func:`parse_gift` reads back.

Kept: every field of the model.  Normalised: leading/trailing whitespace of every
text is dropped (Moodle trims too), CR/CRLF become LF, true/false options come back
as ``True``/``False`` in that order.
"""

from __future__ import annotations

import re
from functools import partial

from ._common import HtmlText, QuestionCollector, RichReader, normalise_newlines
from .errors import ImportFormatError, UnsupportedQuestion
from .model import (
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    truefalse_options,
    validate_quiz,
)

_SPECIAL = frozenset("\\~=#{}:")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_META = re.compile(r"^//\s*quizapp-(title|source-url|article-title|evidence):\s?(.*)$")
_FORMAT_MARKER = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
_TF_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def gift_escape(text: str) -> str:
    """Escape ``\\ ~ = # { } :`` with a backslash and newlines as ``\\n``."""
    out = []
    for char in normalise_newlines(text):
        if char in _SPECIAL:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
    return "".join(out)


def gift_unescape(text: str) -> str:
    """Undo :func:`gift_escape`; an unknown ``\\x`` stays as is, like in Moodle."""

    def replace(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "n":
            return "\n"
        return char if char in _SPECIAL else match.group(0)

    return _UNESCAPE.sub(replace, text)


def _field(text: str) -> str:
    """An escaped answer/feedback text that Moodle will not misread as a format marker."""
    escaped = gift_escape(text)
    # Moodle strips a leading [moodle]/[html]/… from every text; [plain] shields it.
    return "[plain]" + escaped if escaped.lstrip().startswith("[") else escaped


def export_gift(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as a UTF-8 GIFT file (bytes); raises InvalidQuizError if invalid."""
    validate_quiz(quiz)
    lines = [f"// quizapp-title: {gift_escape(quiz.title)}"]
    if quiz.source_url:
        lines.append(f"// quizapp-source-url: {gift_escape(quiz.source_url)}")
    if quiz.article_title:
        lines.append(f"// quizapp-article-title: {gift_escape(quiz.article_title)}")
    lines.append("")
    for question in quiz.questions:
        if question.evidence:
            lines.append(f"// quizapp-evidence: {gift_escape(question.evidence)}")
        head = f"::{gift_escape(question.name)}::" if question.name else ""
        # The question-level [plain] marker makes every text of the question plain text.
        head += "[plain]" + gift_escape(question.stem)
        general = f"####{_field(question.explanation)}" if question.explanation.strip() else ""
        if question.kind == TRUE_FALSE:
            right = question.key.feedback
            wrong = next(o for o in question.options if not o.correct).feedback
            answer = "TRUE" if question.is_true_key() else "FALSE"
            if wrong.strip():
                answer += "#" + _field(wrong)
            elif right.strip():
                answer += "#"
            if right.strip():
                answer += "#" + _field(right)
            lines.append(head + "{" + answer + general + "}")
        else:
            lines.append(head + "{")
            for option in question.options:
                text = _field(option.text)
                # An answer starting with "%50%" would be read as a weight (after "=" too).
                weighted = text.lstrip().startswith("%")
                if option.correct:
                    marker = "=%100%" if weighted else "="
                else:
                    marker = "~%0%" if weighted else "~"
                feedback = "#" + _field(option.feedback) if option.feedback.strip() else ""
                lines.append(f"\t{marker}{text}{feedback}")
            if general:
                lines.append("\t" + general)
            lines.append("}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


# --------------------------------------------------------------------------- import


def _find(text: str, needle: str, start: int = 0) -> int:
    """Index of the first unescaped ``needle`` at or after ``start``, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(needle, i):
            return i
        else:
            i += 1
    return -1


def _rfind(text: str, needle: str) -> int:
    """Index of the last unescaped ``needle`` (overlaps allowed, as PHP strrpos), or -1."""
    last, i = -1, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(needle, i):
            last = i
        i += 1
    return last


def _split_first(text: str, needle: str) -> tuple[str, str | None]:
    index = _find(text, needle)
    if index < 0:
        return text, None
    return text[:index], text[index + len(needle) :]


class _Block:
    """One question block: its raw text (comment lines blanked) and first line number."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.lines: list[str] = []
        self.evidence = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_of(self, index: int) -> int:
        return self.start + self.text.count("\n", 0, index)


_TAG = re.compile(r"<[A-Za-z/!]")


def _decode_field(raw: str, default_format: str, reader: RichReader) -> tuple[HtmlText, str]:
    """Unescape one text; a leading [format] marker overrides ``default_format``.

    HTML (the ``[html]`` format, or tags in Moodle's default auto-format, which Moodle
    renders as HTML) becomes plain text and rich HTML; ``reader`` notes what is lost
    (a GIFT file carries no image, so every image is).
    """
    raw = raw.strip()
    fmt = default_format
    match = _FORMAT_MARKER.match(raw)
    if match:
        fmt = match.group(1)
        raw = raw[match.end() :]
    text = gift_unescape(raw)
    if fmt == "html" or (fmt == "moodle" and _TAG.search(text)):
        return reader.read(text), fmt
    return HtmlText(text.strip(), {}), fmt


def parse_gift(data: str | bytes) -> ExportQuiz:
    """Parse GIFT text into an :class:`ExportQuiz`.

    Multiple-choice (one ``=`` answer) and true/false questions are imported with
    their names and every feedback; ``$CATEGORY:`` lines give the title, the
    ``// quizapp-…:`` comments written by :func:`export_gift` restore title, source and
    evidence.  Any other question (or one that cannot be read) is skipped and listed,
    with its line, in ``skipped``.  A file with nothing importable raises
    :class:`ImportFormatError`.
    """
    from ._common import decode_text

    text = normalise_newlines(decode_text(data, "GIFT"))
    meta: dict[str, str] = {}
    blocks: list[_Block] = []
    block: _Block | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            block = None
            continue
        if block is None:
            block = _Block(number)
            blocks.append(block)
        if stripped.startswith("//"):
            match = _META.match(stripped)
            if match and match.group(1) == "evidence":
                block.evidence = gift_unescape(match.group(2)).strip()
            elif match:
                meta[match.group(1)] = gift_unescape(match.group(2)).strip()
            block.lines.append("")  # keep line numbers right
        else:
            block.lines.append(line)

    collector = QuestionCollector("GIFT")
    category = ""
    for block in blocks:
        body = block.text
        if not body.strip():
            continue  # only comments
        if body.strip().startswith("$CATEGORY:"):
            category = category or body.strip().removeprefix("$CATEGORY:").strip()
            continue
        collector.add(_name_of(body), "unreadable", partial(_parse_block, block), block.start)
    return collector.quiz(
        title=meta.get("title", category),
        source_url=meta.get("source-url", ""),
        article_title=meta.get("article-title", ""),
    )


def _name_of(body: str) -> str:
    """The ``::name::`` of a block, for the report even when the block cannot be read."""
    start = len(body) - len(body.lstrip())
    if not body.startswith("::", start):
        return ""
    end = _find(body, "::", start + 2)
    return gift_unescape(body[start + 2 : end]).strip() if end >= 0 else ""


def _parse_block(block: _Block) -> tuple[ExportQuestion, list[str]]:
    body = block.text
    reader = RichReader()
    start = len(body) - len(body.lstrip())
    name = ""
    if body.startswith("::", start):
        end = _find(body, "::", start + 2)
        if end < 0:
            raise ImportFormatError("question name '::…' is not closed by '::'", block.start)
        name = gift_unescape(body[start + 2 : end]).strip()
        start = end + 2

    open_at = _find(body, "{", start)
    close_at = _find(body, "}", open_at + 1 if open_at >= 0 else start)
    if open_at < 0:
        if close_at >= 0:
            raise ImportFormatError("'}' without a matching '{'", block.line_of(close_at))
        raise UnsupportedQuestion(
            "description", "question has no answer block {…} (descriptions are not imported)"
        )
    if close_at < 0:
        raise ImportFormatError(
            "unterminated '{': the answer block is never closed by '}'", block.line_of(open_at)
        )
    stray = _find(body, "{", open_at + 1)
    if 0 <= stray < close_at:
        raise ImportFormatError("unescaped '{' inside an answer block", block.line_of(stray))
    tail = body[close_at + 1 :]
    for char in "{}":
        stray = _find(tail, char)
        if stray >= 0:
            raise ImportFormatError(
                f"unexpected '{char}' after the answer block (one answer block per question)",
                block.line_of(close_at + 1 + stray),
            )
    # Like Moodle: text after the block makes it a "missing word" question.
    stem_raw = body[start:open_at] + ("_____" + tail if tail.strip() else "")
    stem, fmt = _decode_field(stem_raw, "moodle", reader)
    line = block.line_of(open_at)

    answers = body[open_at + 1 : close_at]
    explanation = HtmlText("", {})
    general_at = _rfind(answers, "####")
    if general_at >= 0:
        explanation = _decode_field(answers[general_at + 4 :], fmt, reader)[0]
        answers = answers[:general_at]
    answers = answers.strip()
    common = partial(
        ExportQuestion,
        stem=stem.text,
        stem_html=stem.html,
        explanation=explanation.text,
        explanation_html=explanation.html,
        evidence=block.evidence,
        name=name,
    )

    if not answers:
        raise UnsupportedQuestion(
            "essay", "empty answer block: essay questions are not supported", line
        )
    if answers.startswith("#"):
        raise UnsupportedQuestion("numerical", "numerical questions are not supported", line)
    if _find(answers, "~") >= 0:  # Moodle's order: a "~" makes it multiple choice
        options = _parse_choices(answers, fmt, line, reader)
        question = common(options=options, kind=MULTIPLE_CHOICE)
        return question, reader.notes()
    if _find(answers, "=") >= 0 and "->" in answers:
        raise UnsupportedQuestion("matching", "matching questions are not supported", line)
    head, rest = _split_first(answers, "#")
    word = head.strip().upper()
    if word in _TF_WORDS:
        wrong_raw, right_raw = _split_first(rest or "", "#")
        wrong = _decode_field(wrong_raw, fmt, reader)[0]
        right = _decode_field(right_raw or "", fmt, reader)[0]
        true_is_key = _TF_WORDS[word]
        true_feedback, false_feedback = (right, wrong) if true_is_key else (wrong, right)
        true, false = truefalse_options(true_is_key, true_feedback.text, false_feedback.text)
        options = (
            ExportOption(true.text, true.correct, true.feedback, feedback_html=true_feedback.html),
            ExportOption(
                false.text, false.correct, false.feedback, feedback_html=false_feedback.html
            ),
        )
        question = common(options=options, kind=TRUE_FALSE)
        return question, reader.notes()
    if _find(answers, "=") >= 0:
        raise UnsupportedQuestion(
            "short answer",
            "short-answer questions (only '=' answers, no '~') are not supported",
            line,
        )
    # Like Moodle: any other answer block is one short answer ("{One}").
    raise UnsupportedQuestion(
        "short answer",
        "short-answer questions (an answer block without '~' answers) are not supported",
        line,
    )


def _parse_choices(
    answers: str, fmt: str, line: int, reader: RichReader
) -> tuple[ExportOption, ...]:
    marks = []
    i = 0
    while i < len(answers):
        if answers[i] == "\\":
            i += 2
            continue
        if answers[i] in "=~":
            marks.append(i)
        i += 1
    if answers[: marks[0]].strip():
        raise ImportFormatError(
            f"text before the first answer in the answer block: {answers[: marks[0]].strip()!r}",
            line,
        )
    options = []
    for index, begin in enumerate(marks):
        end = marks[index + 1] if index + 1 < len(marks) else len(answers)
        marker, raw = answers[begin], answers[begin + 1 : end]
        correct = marker == "="
        weight = _WEIGHT.match(raw)
        if weight:
            value = float(weight.group(1))
            if 0 < value < 100:
                raise UnsupportedQuestion(
                    "multiple choice, partial credit",
                    f"partial-credit answers (%{weight.group(1)}%) are not supported",
                    line,
                )
            correct = value >= 100
            raw = raw[weight.end() :]
        text_raw, feedback_raw = _split_first(raw, "#")
        text = _decode_field(text_raw, fmt, reader)[0]
        feedback = _decode_field(feedback_raw or "", fmt, reader)[0]
        options.append(
            ExportOption(
                text=text.text,
                correct=correct,
                feedback=feedback.text,
                text_html=text.html,
                feedback_html=feedback.html,
            )
        )
    return tuple(options)
