"""Moodle XML question format: export and import.

Each question becomes ``<question type="multichoice">`` (or ``type="truefalse"``) with
``<name>``, ``<questiontext format="html">``, ``<generalfeedback>`` and one ``<answer
fraction="100|0">`` per option.  The document is built with ElementTree, never by
string concatenation, so every character is escaped by the serializer.

Model text is plain text, so HTML fields carry it HTML-escaped (``<`` as ``&lt;``,
newlines as ``<br>``): Moodle shows ``<script>`` as text.  A text with rich HTML (see
:mod:`.rich`) is written as that HTML, each image it shows as ``@@PLUGINFILE@@/name``
with a ``<file name="name" encoding="base64">`` beside the text, as Moodle does; on
import those files are the images kept.  The evidence sentence is
appended to the general feedback as ``<blockquote class="quizapp-evidence">`` (students
see it; the importer splits it off again).  The quiz title is the leading category
question (``$course$/top/Title``); source URL and article title are paragraphs with
classes ``quizapp-source-url`` / ``quizapp-article-title`` in the category info.

Kept: every field of the model.  Normalised on import: leading/trailing whitespace
of each text, CR/CRLF to LF, characters XML 1.0 cannot hold are dropped on export,
true/false options come back as ``True``/``False``.
"""

from __future__ import annotations

import base64
import binascii
import html
from functools import partial
from urllib.parse import quote, unquote

# Only builds and serialises XML here; untrusted input goes through _common.parse_untrusted_xml.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from ._common import (
    HtmlText,
    QuestionCollector,
    RichReader,
    decode_xml,
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
from .rich import MediaFile, image_names, rebase_images

_CATEGORY_PREFIXES = ("$course$/", "$system$/", "$module$/", "$cat1$/", "$cat2$/", "$cat3$/")
_SKIPPED_TYPES = frozenset({"category"})
PLUGINFILE = "@@PLUGINFILE@@/"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _html_field(parent: ET.Element, tag: str, html: str) -> ET.Element:
    element = _sub(parent, tag, format="html")
    _sub(element, "text", html)
    return element


def _rich_html(holder: ET.Element, text: str, rich: str, media: tuple[MediaFile, ...]) -> str:
    """The HTML of a text field; each image it shows goes beside it as a base64 ``<file>``."""
    if not rich:
        return text_to_html(text)
    files = {m.name: m for m in media}
    for name in dict.fromkeys(image_names(rich)):
        if name in files:
            encoded = base64.b64encode(files[name].data).decode("ascii")
            _sub(holder, "file", encoded, name=name, path="/", encoding="base64")
    return rebase_images(rich, lambda name: PLUGINFILE + quote(name) if name in files else None)


def _rich_field(
    parent: ET.Element, tag: str, text: str, rich: str, media: tuple[MediaFile, ...]
) -> ET.Element:
    element = _sub(parent, tag, format="html")
    text_element = _sub(element, "text")
    text_element.text = _rich_html(element, text, rich, media)  # the files follow <text>
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
        media = question.media
        _rich_field(element, "questiontext", question.stem, question.stem_html, media)
        general_element = _sub(element, "generalfeedback", format="html")
        general_text = _sub(general_element, "text")
        general = _rich_html(
            general_element, question.explanation, question.explanation_html, media
        )
        if question.evidence:
            general += (
                f'<blockquote class="quizapp-evidence">{text_to_html(question.evidence)}'
                "</blockquote>"
            )
        general_text.text = general
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
                _rich_field(answer, "feedback", option.feedback, option.feedback_html, media)
        else:
            _sub(element, "single", "true")
            _sub(element, "shuffleanswers", "true")
            _sub(element, "answernumbering", "abc")
            for option in question.options:
                answer = _sub(
                    element, "answer", fraction="100" if option.correct else "0", format="html"
                )
                answer_text = _sub(answer, "text")
                answer_text.text = _rich_html(answer, option.text, option.text_html, media)
                _rich_field(answer, "feedback", option.feedback, option.feedback_html, media)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# --------------------------------------------------------------------------- import


class _Reader:
    """Reads one question's text fields: plain text, rich HTML and the images it carries.

    Moodle puts each image a text shows in a ``<file name="…" encoding="base64">``
    beside that text and refers to it as ``@@PLUGINFILE@@/name`` (URL-encoded).
    """

    def __init__(self, question: ET.Element) -> None:
        self.files: dict[str, bytes | None] = {}
        for element in question.iter("file"):
            path = (element.get("path") or "/").strip("/")
            name = (element.get("name") or "").strip()
            if name:
                self.files[f"{path}/{name}".lstrip("/")] = _base64(element)
        self.used: set[str] = set()
        self.rich = RichReader(self._fetch)

    def _fetch(self, src: str) -> bytes | None:
        if not src.startswith(PLUGINFILE):
            return None
        key = unquote(src.removeprefix(PLUGINFILE).split("?", 1)[0]).lstrip("/")
        self.used.add(key)
        return self.files.get(key)

    def text(
        self, element: ET.Element | None, default_format: str = "html", extra_html: str = ""
    ) -> HtmlText:
        """Plain text (and rich HTML) of a Moodle text field (``<x format="…"><text>…``).

        ``extra_html`` is added to the field's HTML (the image of Moodle 1.9's own field).
        """
        if element is None:
            return self.rich.read(extra_html) if extra_html else HtmlText("", {})
        text_element = element.find("text")
        raw = (text_element.text or "") if text_element is not None else (element.text or "")
        if element.get("format", default_format) != "html":
            if not extra_html:
                return HtmlText(raw.strip(), {})
            raw = text_to_html(raw.strip())
        return self.rich.read(raw + extra_html)

    def old_image(self, question: ET.Element) -> str:
        """Moodle 1.9's ``<image>`` and ``<image_base64>``: HTML showing it after the text."""
        name = (question.findtext("image") or "").strip()
        if not name:
            return ""
        encoded = question.find("image_base64")
        if encoded is not None:
            encoded.set("encoding", "base64")
            self.files[name] = _base64(encoded)
        src = name if "://" in name else PLUGINFILE + quote(name)
        return '<p><img src="' + html.escape(src) + '" alt=""></p>'

    def notes(self) -> list[str]:
        """What the question lost: images, audio, video, formatting, unused files."""
        notes = self.rich.notes()
        said = " ".join(notes)
        notes.extend(
            f"file {media_name(name)} dropped: no text of the question shows it"
            for name in self.files
            if name not in self.used and media_name(name) not in said
        )
        return notes


def _base64(element: ET.Element) -> bytes | None:
    if (element.get("encoding") or "").lower() != "base64":
        return None
    try:
        return base64.b64decode("".join((element.text or "").split()), validate=True)
    except (binascii.Error, ValueError):
        return None


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
            info = read_html(element.findtext("info/text", "")).captured
            article_title = article_title or info.get("article-title", "").strip()
            source_url = source_url or info.get("source-url", "").strip()
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
    stem = reader.text(element.find("questiontext"), extra_html=reader.old_image(element))
    general = reader.text(element.find("generalfeedback"))
    right = reader.text(element.find("correctfeedback"))
    wrong = reader.text(element.find("incorrectfeedback"))
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
            text = reader.text(answer, "html")
            feedback = reader.text(answer.find("feedback"))
            options.append(
                ExportOption(
                    text=text.text,
                    correct=fraction >= 100,
                    feedback=feedback.text,
                    text_html=text.html,
                    feedback_html=feedback.html,
                )
            )
    options = [_with_combined(o, right if o.correct else wrong) for o in options]
    notes = reader.notes()
    hints = sum(1 for hint in element.findall("hint") if reader.text(hint).text)
    if hints:
        notes.append(f"{hints} hint{'s' if hints > 1 else ''} dropped (quizapp has no hints)")
    question = ExportQuestion(
        stem=stem.text,
        options=tuple(options),
        kind=TRUE_FALSE if qtype == "truefalse" else MULTIPLE_CHOICE,
        explanation=general.text,
        evidence=general.captured.get("evidence", ""),
        name=name,
        stem_html=stem.html,
        explanation_html=general.html,
        media=reader.rich.files(),
    )
    return question, notes


def _with_combined(option: ExportOption, combined: HtmlText) -> ExportOption:
    """The option with Moodle's combined right (or wrong) feedback added to its own."""
    if not combined.text:
        return option
    html = ""
    if option.feedback_html or combined.html:
        own = option.feedback_html or text_to_html(option.feedback)
        added = combined.html or text_to_html(combined.text)
        html = "<br>".join(part for part in (own, added) if part)
    return ExportOption(
        option.text, option.correct, _joined(option.feedback, combined.text), option.text_html, html
    )


def _truefalse(answers: list[ET.Element], reader: _Reader) -> tuple[ExportOption, ...]:
    by_value: dict[bool, tuple[float, HtmlText]] = {}
    for answer in answers:
        value = (answer.findtext("text") or "").strip().lower()
        if value not in ("true", "false"):
            raise ImportFormatError("true/false answer text must be true or false")
        by_value[value == "true"] = (_fraction(answer), reader.text(answer.find("feedback")))
    if set(by_value) != {True, False}:
        raise ImportFormatError("a true/false question needs one 'true' and one 'false' answer")
    true_fraction, true_feedback = by_value[True]
    false_fraction, false_feedback = by_value[False]
    if (true_fraction >= 100) == (false_fraction >= 100):
        count = "both" if true_fraction >= 100 else "neither"
        raise ImportFormatError(f"{count} of true/false is marked correct")
    true, false = truefalse_options(true_fraction >= 100, true_feedback.text, false_feedback.text)
    return (
        ExportOption(true.text, true.correct, true.feedback, feedback_html=true_feedback.html),
        ExportOption(false.text, false.correct, false.feedback, feedback_html=false_feedback.html),
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
