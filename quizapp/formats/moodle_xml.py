"""Moodle XML question format: export and import.

Each question becomes ``<question type="multichoice">`` (or ``type="truefalse"``) with
``<name>``, ``<questiontext format="html">``, ``<generalfeedback>`` and one ``<answer
fraction="100|0">`` per option.  The document is built with ElementTree, never by
string concatenation, so every character is escaped by the serializer.

Model text is plain text, so HTML fields carry it HTML-escaped (``<`` as ``&lt;``,
newlines as ``<br>``): Moodle shows ``<script>`` as text.  The evidence sentence is
appended to the general feedback as ``<blockquote class="quizapp-evidence">`` (students
see it; the importer splits it off again).  The quiz title is the leading category
question (``$course$/top/Title``); source URL and article title are paragraphs with
classes ``quizapp-source-url`` / ``quizapp-article-title`` in the category info.

Kept: every field of the model.  Normalised on import: leading/trailing whitespace
of each text, CR/CRLF to LF, characters XML 1.0 cannot hold are dropped on export,
true/false options come back as ``True``/``False``.
"""

from __future__ import annotations

from functools import partial

# Only builds and serialises XML here; untrusted input goes through _common.parse_untrusted_xml.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from ._common import (
    HtmlText,
    QuestionCollector,
    decode_xml,
    html_notes,
    media_name,
    parse_untrusted_xml,
    read_html,
    text_to_html,
    xml_text,
)
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

_CATEGORY_PREFIXES = ("$course$/", "$system$/", "$module$/", "$cat1$/", "$cat2$/", "$cat3$/")
_SKIPPED_TYPES = frozenset({"category"})


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _html_field(parent: ET.Element, tag: str, html: str) -> ET.Element:
    element = _sub(parent, tag, format="html")
    _sub(element, "text", html)
    return element


def _category_path(title: str) -> str:
    # Moodle separates category levels with "/" and writes a literal slash as "//".
    return "$course$/top/" + xml_text(title).replace("\n", " ").replace("/", "//")


def export_moodle_xml(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as a UTF-8 Moodle XML document (bytes); InvalidQuizError if invalid."""
    validate_quiz(quiz)
    root = ET.Element("quiz")
    category = _sub(root, "question", type="category")
    _sub(_sub(category, "category"), "text", _category_path(quiz.title))
    info = ""
    if quiz.article_title:
        info += f'<p class="quizapp-article-title">{text_to_html(quiz.article_title)}</p>'
    if quiz.source_url:
        info += f'<p class="quizapp-source-url">{text_to_html(quiz.source_url)}</p>'
    _html_field(category, "info", info)

    for question in quiz.questions:
        truefalse = question.kind == TRUE_FALSE
        element = _sub(root, "question", type="truefalse" if truefalse else "multichoice")
        _sub(_sub(element, "name"), "text", xml_text(question.name))
        _html_field(element, "questiontext", text_to_html(question.stem))
        general = text_to_html(question.explanation)
        if question.evidence:
            general += (
                f'<blockquote class="quizapp-evidence">{text_to_html(question.evidence)}'
                "</blockquote>"
            )
        _html_field(element, "generalfeedback", general)
        _sub(element, "defaultgrade", "1")
        _sub(element, "penalty", "1" if truefalse else "0.3333333")
        _sub(element, "hidden", "0")
        if truefalse:
            for value in (True, False):
                option = question.truefalse_option(value)
                answer = _sub(
                    element,
                    "answer",
                    fraction="100" if option.correct else "0",
                    format="moodle_auto_format",
                )
                _sub(answer, "text", "true" if value else "false")
                _html_field(answer, "feedback", text_to_html(option.feedback))
        else:
            _sub(element, "single", "true")
            _sub(element, "shuffleanswers", "true")
            _sub(element, "answernumbering", "abc")
            for option in question.options:
                answer = _sub(
                    element, "answer", fraction="100" if option.correct else "0", format="html"
                )
                _sub(answer, "text", text_to_html(option.text))
                _html_field(answer, "feedback", text_to_html(option.feedback))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# --------------------------------------------------------------------------- import


class _Reader:
    """Reads one question's text fields, remembering what plain text drops from them."""

    def __init__(self, question: ET.Element) -> None:
        self.html: list[HtmlText] = []
        self.files = [media_name(f.get("name", "")) for f in question.iter("file") if f.get("name")]

    def text(self, element: ET.Element | None, default_format: str = "html") -> HtmlText:
        """Plain text of a Moodle text field (``<x format="…"><text>…</text></x>``)."""
        if element is None:
            return HtmlText("", {})
        text_element = element.find("text")
        raw = (text_element.text or "") if text_element is not None else (element.text or "")
        if element.get("format", default_format) != "html":
            return HtmlText(raw.strip(), {})
        read = read_html(raw)
        self.html.append(read)
        return HtmlText(
            read.text.strip(),
            {k: v.strip() for k, v in read.captured.items()},
            read.dropped_media,
            read.dropped_formatting,
        )

    def notes(self) -> list[str]:
        """What the question lost: embedded media, files and formatting."""
        notes = html_notes(self.html)
        shown = " ".join(notes)
        notes.extend(
            f"file {name} dropped (quizapp does not import embedded media)"
            for name in dict.fromkeys(self.files)
            if name not in shown
        )
        return notes


def _fraction(answer: ET.Element) -> float:
    raw = answer.get("fraction", "0")
    try:
        return float(raw)
    except ValueError:
        raise ImportFormatError(f"answer fraction {raw!r} is not a number") from None


def _joined(*texts: str) -> str:
    return "\n".join(t for t in texts if t)


def parse_moodle_xml(data: bytes | str) -> ExportQuiz:
    """Parse a Moodle XML export into an :class:`ExportQuiz`.

    ``multichoice`` (single answer) and ``truefalse`` questions are imported with
    their names, general feedback, each answer's feedback and the combined
    right/wrong feedback (added to each answer it applies to); category entries give
    the title.  Every other question is skipped and listed in ``skipped``; embedded
    images and flattened formatting are listed in ``notes``.  Raises
    :class:`ImportFormatError` for bad XML, a DTD, or a file with nothing importable.
    """
    root = parse_untrusted_xml(decode_xml(data, "Moodle XML"), "Moodle XML")
    if root.tag != "quiz":
        raise ImportFormatError(f"the root element is <{root.tag}>, expected <quiz>")
    title = article_title = source_url = ""
    collector = QuestionCollector("Moodle XML")
    for element in root.findall("question"):
        qtype = element.get("type", "")
        if qtype == "category":
            path = element.findtext("category/text", "").strip()
            if path and not title:
                title = _category_title(path)
            info = _Reader(element).text(element.find("info")).captured
            article_title = article_title or info.get("article-title", "")
            source_url = source_url or info.get("source-url", "")
            continue
        name = element.findtext("name/text", "").strip()
        collector.add(name, qtype or "no type", partial(_question, element))
    return collector.quiz(title, source_url, article_title)


def _question(element: ET.Element) -> tuple[ExportQuestion, list[str]]:
    qtype = element.get("type", "")
    if qtype not in ("multichoice", "truefalse"):
        raise UnsupportedQuestion(
            qtype or "no type",
            "unsupported question type; only multichoice (one answer) and truefalse are imported",
        )
    reader = _Reader(element)
    name = element.findtext("name/text", "").strip()
    stem = reader.text(element.find("questiontext")).text
    general = reader.text(element.find("generalfeedback"))
    right = reader.text(element.find("correctfeedback")).text
    wrong = reader.text(element.find("incorrectfeedback")).text
    answers = element.findall("answer")
    options: list[ExportOption]
    if qtype == "truefalse":
        options = list(_truefalse(answers, reader))
    else:
        if element.findtext("single", "true").strip().lower() in ("false", "0"):
            raise UnsupportedQuestion(
                "multichoice, multiple answers", "multiple-answer questions are not supported"
            )
        options = []
        for answer in answers:
            fraction = _fraction(answer)
            if 0 < fraction < 100:
                raise UnsupportedQuestion(
                    "multichoice, partial credit",
                    f"partial-credit answers (fraction {fraction:g}) are not supported",
                )
            options.append(
                ExportOption(
                    text=reader.text(answer, "html").text,
                    correct=fraction >= 100,
                    feedback=reader.text(answer.find("feedback")).text,
                )
            )
    options = [
        ExportOption(o.text, o.correct, _joined(o.feedback, right if o.correct else wrong))
        for o in options
    ]
    notes = reader.notes()
    hints = sum(1 for hint in element.findall("hint") if reader.text(hint).text)
    if hints:
        notes.append(f"{hints} hint{'s' if hints > 1 else ''} dropped (quizapp has no hints)")
    question = ExportQuestion(
        stem=stem,
        options=tuple(options),
        kind=TRUE_FALSE if qtype == "truefalse" else MULTIPLE_CHOICE,
        explanation=general.text,
        evidence=general.captured.get("evidence", ""),
        name=name,
    )
    return question, notes


def _truefalse(answers: list[ET.Element], reader: _Reader) -> tuple[ExportOption, ...]:
    by_value: dict[bool, tuple[float, str]] = {}
    for answer in answers:
        value = (answer.findtext("text") or "").strip().lower()
        if value not in ("true", "false"):
            raise ImportFormatError("true/false answer text must be true or false")
        by_value[value == "true"] = (_fraction(answer), reader.text(answer.find("feedback")).text)
    if set(by_value) != {True, False}:
        raise ImportFormatError("a true/false question needs one 'true' and one 'false' answer")
    true_fraction, true_feedback = by_value[True]
    false_fraction, false_feedback = by_value[False]
    if (true_fraction >= 100) == (false_fraction >= 100):
        count = "both" if true_fraction >= 100 else "neither"
        raise ImportFormatError(f"{count} of true/false is marked correct")
    return truefalse_options(true_fraction >= 100, true_feedback, false_feedback)


def _category_title(path: str) -> str:
    for prefix in _CATEGORY_PREFIXES:
        if path.startswith(prefix):
            path = path[len(prefix) :]
            break
    path = path.removeprefix("top/") if path != "top" else ""
    # The last level; "//" is an escaped slash inside a level name.
    levels = path.replace("//", "\0").split("/")
    return levels[-1].replace("\0", "/").strip()
