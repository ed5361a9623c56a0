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

# Only builds and serialises XML here; untrusted input goes through _common.parse_untrusted_xml.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from ._common import (
    check_question,
    decode_xml,
    html_to_text,
    parse_untrusted_xml,
    text_to_html,
    xml_text,
)
from .errors import ImportFormatError
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


def _text_of(element: ET.Element | None, default_format: str = "html") -> tuple[str, dict]:
    """Plain text of a Moodle text field (``<x format="…"><text>…</text></x>``)."""
    if element is None:
        return "", {}
    text_element = element.find("text")
    raw = (text_element.text or "") if text_element is not None else (element.text or "")
    fmt = element.get("format", default_format)
    if fmt == "html":
        text, captured = html_to_text(raw)
        return text.strip(), {k: v.strip() for k, v in captured.items()}
    return raw.strip(), {}


def _fraction(answer: ET.Element, where: str) -> float:
    raw = answer.get("fraction", "0")
    try:
        return float(raw)
    except ValueError:
        raise ImportFormatError(f"{where}: answer fraction {raw!r} is not a number") from None


def parse_moodle_xml(data: bytes | str) -> ExportQuiz:
    """Parse a Moodle XML export into an :class:`ExportQuiz`.

    Supports ``multichoice`` (single answer) and ``truefalse`` questions; category
    pseudo-questions give the title.  Raises :class:`ImportFormatError` for bad
    XML, a DTD, other question types, or a question without exactly one correct answer.
    """
    root = parse_untrusted_xml(decode_xml(data, "Moodle XML"), "Moodle XML")
    if root.tag != "quiz":
        raise ImportFormatError(f"the root element is <{root.tag}>, expected <quiz>")
    title = article_title = source_url = ""
    questions: list[ExportQuestion] = []
    for index, element in enumerate(root.findall("question"), start=1):
        qtype = element.get("type", "")
        where = f"question {index} (type {qtype!r})"
        if qtype == "category":
            path = element.findtext("category/text", "").strip()
            if path and not title:
                title = _category_title(path)
            info = _text_of(element.find("info"))[1]
            article_title = article_title or info.get("article-title", "")
            source_url = source_url or info.get("source-url", "")
            continue
        if qtype not in ("multichoice", "truefalse"):
            raise ImportFormatError(
                f"{where}: unsupported question type; only multichoice and truefalse are"
            )
        name = element.findtext("name/text", "").strip()
        stem = _text_of(element.find("questiontext"))[0]
        explanation, captured = _text_of(element.find("generalfeedback"))
        answers = element.findall("answer")
        if qtype == "truefalse":
            question = _truefalse(answers, where, stem, explanation, captured, name)
        else:
            if element.findtext("single", "true").strip().lower() in ("false", "0"):
                raise ImportFormatError(f"{where}: multiple-answer questions are not supported")
            options = []
            for answer in answers:
                fraction = _fraction(answer, where)
                if 0 < fraction < 100:
                    raise ImportFormatError(
                        f"{where}: partial-credit answers (fraction {fraction:g}) are not supported"
                    )
                options.append(
                    ExportOption(
                        text=_text_of(answer, "html")[0],
                        correct=fraction >= 100,
                        feedback=_text_of(answer.find("feedback"))[0],
                    )
                )
            question = ExportQuestion(
                stem=stem,
                options=tuple(options),
                kind=MULTIPLE_CHOICE,
                explanation=explanation,
                evidence=captured.get("evidence", ""),
                name=name,
            )
        check_question(question, len(questions) + 1)
        questions.append(question)
    if not questions:
        raise ImportFormatError("the Moodle XML file contains no questions")
    return ExportQuiz(
        title=title,
        questions=tuple(questions),
        source_url=source_url,
        article_title=article_title,
    )


def _truefalse(
    answers: list[ET.Element],
    where: str,
    stem: str,
    explanation: str,
    captured: dict,
    name: str,
) -> ExportQuestion:
    by_value: dict[bool, tuple[float, str]] = {}
    for answer in answers:
        value = (answer.findtext("text") or "").strip().lower()
        if value not in ("true", "false"):
            raise ImportFormatError(f"{where}: true/false answer text must be true or false")
        by_value[value == "true"] = (
            _fraction(answer, where),
            _text_of(answer.find("feedback"))[0],
        )
    if set(by_value) != {True, False}:
        raise ImportFormatError(f"{where}: needs one 'true' and one 'false' answer")
    true_fraction, true_feedback = by_value[True]
    false_fraction, false_feedback = by_value[False]
    if (true_fraction >= 100) == (false_fraction >= 100):
        count = "both" if true_fraction >= 100 else "neither"
        raise ImportFormatError(f"{where}: {count} of true/false is marked correct")
    return ExportQuestion(
        stem=stem,
        options=truefalse_options(true_fraction >= 100, true_feedback, false_feedback),
        kind=TRUE_FALSE,
        explanation=explanation,
        evidence=captured.get("evidence", ""),
        name=name,
    )


def _category_title(path: str) -> str:
    for prefix in _CATEGORY_PREFIXES:
        if path.startswith(prefix):
            path = path[len(prefix) :]
            break
    path = path.removeprefix("top/") if path != "top" else ""
    # The last level; "//" is an escaped slash inside a level name.
    levels = path.replace("//", "\0").split("/")
    return levels[-1].replace("\0", "/").strip()
