"""Helpers shared by the formats: text decoding, plain text <-> HTML, safe XML parsing."""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

# ElementTree is only used for the element type and ParseError here; untrusted input is
# parsed by defusedxml (see parse_untrusted_xml).
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from .errors import ImportFormatError, NothingToImport, UnsupportedQuestion
from .model import (
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    ExportQuestion,
    ExportQuiz,
    ImportNote,
    InvalidQuizError,
    SkippedQuestion,
    validate_question,
)

# Characters XML 1.0 cannot carry at all (even escaped); exporters drop them.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_XML_ENCODING = re.compile(rb"^<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, the only line break the formats round-trip."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def xml_text(text: str) -> str:
    """Plain text made safe for XML: newlines normalised, XML-illegal characters dropped."""
    return _XML_ILLEGAL.sub("", normalise_newlines(text))


def text_to_html(text: str) -> str:
    """Plain text as an HTML fragment: markup characters escaped, newlines as ``<br>``.

    Quiz text is plain text, so ``<script>`` in a stem must reach the student as those
    characters, never as markup.
    """
    return html.escape(xml_text(text), quote=False).replace("\n", "<br>")


_BLOCK_TAGS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
#: Formatting that plain text cannot hold: reported by name when an import drops it.
FORMATTING = {
    "b": "bold",
    "strong": "bold",
    "i": "italics",
    "em": "italics",
    "u": "underline",
    "s": "strike-through",
    "sub": "subscript",
    "sup": "superscript",
    "ul": "list",
    "ol": "list",
    "table": "table",
    "code": "code",
    "pre": "preformatted text",
    "a": "link",
}
#: Embedded media: reported one by one, with their file name, when an import drops them.
MEDIA = {
    "img": "image",
    "audio": "audio",
    "video": "video",
    "source": "media file",
    "object": "embedded object",
    "embed": "embedded object",
    "iframe": "embedded page",
}
_MEDIA_ATTRS = ("src", "data", "href")


def media_name(src: str) -> str:
    """A readable name for an embedded file: Moodle's ``@@PLUGINFILE@@/`` prefix removed."""
    name = src.replace("@@PLUGINFILE@@/", "").strip()
    if name.startswith("data:"):
        return "inline data"
    return name[:120] or "unnamed"


class _Sink:
    """One output (the main text or a ``quizapp-X`` capture) and whether it ends a line."""

    __slots__ = ("at_line_start", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at_line_start = True

    def append(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.at_line_start = text.endswith("\n")


class _HtmlToText(HTMLParser):
    """Collect the text of an HTML fragment; elements with class ``quizapp-X`` go aside.

    Linear in the size of the input: the current output is kept with each open element
    (no walk up the stack per piece of text), "ends with a newline" is a flag (no join
    of the text so far per block), and a closing tag that matches nothing open is
    dismissed by a count instead of a scan of the stack.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main = _Sink()
        self.captured: dict[str, _Sink] = {}
        #: (tag, the output inside it) for every open element.
        self._stack: list[tuple[str, _Sink]] = []
        self._open: dict[str, int] = {}
        self.dropped_media: list[str] = []
        self.dropped_formatting: list[str] = []

    def _target(self) -> _Sink:
        return self._stack[-1][1] if self._stack else self.main

    def _note(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in MEDIA:
            src = next((v for k, v in attrs if k in _MEDIA_ATTRS and v), "")
            self.dropped_media.append(f"{MEDIA[tag]} {media_name(src)}")
        elif tag in FORMATTING and FORMATTING[tag] not in self.dropped_formatting:
            self.dropped_formatting.append(FORMATTING[tag])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
        if tag == "br":
            self._target().append("\n")
            return
        key = None
        for name, value in attrs:
            if name == "class" and value:
                for cls in value.split():
                    if cls.startswith("quizapp-"):
                        key = cls.removeprefix("quizapp-")
        target = self._target()
        if tag in _BLOCK_TAGS and target.parts and not target.at_line_start:
            target.append("\n")
        if key is not None:
            target = self.captured.setdefault(key, _Sink())
        self._stack.append((tag, target))
        self._open[tag] = self._open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
        if tag == "br":
            self._target().append("\n")

    def handle_endtag(self, tag: str) -> None:
        # Pop up to the matching open tag; HTML in the wild is not always well nested.
        # Each element is popped once, so the scans add up to the number of tags.
        if not self._open.get(tag):
            return
        while self._stack:
            open_tag, _sink = self._stack.pop()
            self._open[open_tag] -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self._target().append(data)


@dataclass(frozen=True)
class HtmlText:
    """An HTML fragment as plain text, plus what the plain text could not keep."""

    text: str
    captured: dict[str, str]
    #: Images, audio, video…, e.g. ``"image diagram.png"``, in document order.
    dropped_media: tuple[str, ...] = ()
    #: Kinds of formatting flattened, e.g. ``("bold", "list")``.
    dropped_formatting: tuple[str, ...] = ()


def read_html(fragment: str) -> HtmlText:
    """Plain text of an HTML fragment, with the ``quizapp-X`` captures and what was dropped."""
    parser = _HtmlToText()
    parser.feed(fragment)
    parser.close()
    return HtmlText(
        "".join(parser.main.parts),
        {k: "".join(v.parts) for k, v in parser.captured.items()},
        tuple(parser.dropped_media),
        tuple(parser.dropped_formatting),
    )


def html_to_text(fragment: str) -> tuple[str, dict[str, str]]:
    """Plain text of an HTML fragment, plus the text of ``class="quizapp-KEY"`` elements.

    ``<br>`` and block boundaries become newlines, every other tag is dropped and
    entities are decoded, so ``html_to_text(text_to_html(s))[0] == normalise_newlines(s)``
    for XML-safe ``s``.
    """
    read = read_html(fragment)
    return read.text, read.captured


def decode_text(data: bytes | str, what: str) -> str:
    """Decode uploaded text (UTF-8, BOM allowed) or raise :class:`ImportFormatError`."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if not isinstance(data, bytes | bytearray):
        raise ImportFormatError(f"{what} import expects text or bytes, got {type(data).__name__}")
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"the {what} file is not valid UTF-8 text (byte {exc.start} cannot be decoded)"
        ) from None


def decode_xml(data: bytes | str, what: str) -> str:
    """Decode an XML document honouring its BOM or ``encoding`` declaration."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if not isinstance(data, bytes | bytearray):
        raise ImportFormatError(f"{what} import expects text or bytes, got {type(data).__name__}")
    raw = bytes(data)
    encoding = "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif match := _XML_ENCODING.match(raw):
        encoding = match.group(1).decode("ascii")
    try:
        if codecs.lookup(encoding).name == "utf-8":
            encoding = "utf-8-sig"  # also drops a BOM before the declaration
        return raw.decode(encoding)
    except LookupError:
        raise ImportFormatError(
            f"the {what} file declares an unknown encoding {encoding!r}"
        ) from None
    except (UnicodeError, ValueError):
        raise ImportFormatError(f"the {what} file is not valid {encoding} text") from None


def parse_untrusted_xml(text: str, what: str) -> ET.Element:
    """Parse an uploaded XML document safely, or raise :class:`ImportFormatError`.

    defusedxml parses it with DTDs forbidden: quiz files never need one, and without a
    DTD there is no entity to expand (billion laughs) or to fetch (XXE).
    """
    if not text.strip():
        raise ImportFormatError(f"the {what} file is empty")
    try:
        return defused_fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportFormatError(
            f"the {what} file contains a DTD or an entity declaration; "
            "DTDs and entity declarations are refused for security"
        ) from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise ImportFormatError(
            f"the {what} file is not well-formed XML ({_strip_position(str(exc))}, "
            f"column {column})",
            line,
        ) from None


def _strip_position(message: str) -> str:
    return re.sub(r": line \d+, column \d+$", "", message)


def html_notes(parts: Iterable[HtmlText]) -> list[str]:
    """Report lines for what plain text dropped from these pieces of one question."""
    media: list[str] = []
    formatting: list[str] = []
    for part in parts:
        media.extend(part.dropped_media)
        formatting.extend(f for f in part.dropped_formatting if f not in formatting)
    notes = [f"{item} dropped (quizapp does not import embedded media)" for item in media]
    if formatting:
        notes.append(f"formatting flattened to plain text ({', '.join(formatting)})")
    return notes


_KIND_WORDS = {MULTIPLE_CHOICE: "multiple choice", TRUE_FALSE: "true/false"}


class QuestionCollector:
    """Builds an imported quiz question by question: what cannot be imported is skipped.

    Each question is built by a callable; an :class:`ImportFormatError` it raises (or a
    failed :func:`validate_question`) skips that question with its reason instead of
    refusing the file.  :meth:`quiz` refuses a file with nothing importable, naming every
    skipped question.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.questions: list[ExportQuestion] = []
        self.skipped: list[SkippedQuestion] = []
        self.notes: list[ImportNote] = []
        self.count = 0

    def add(
        self,
        name: str,
        qtype: str,
        build: Callable[[], tuple[ExportQuestion, list[str]]],
        line: int | None = None,
    ) -> None:
        """Build the file's next question, or record why it is skipped."""
        self.count += 1
        number = self.count
        try:
            question, notes = build()
        except UnsupportedQuestion as exc:
            self.skip(name, exc.qtype, exc.message, exc.line or line)
            return
        except ImportFormatError as exc:
            self.skip(name, qtype, exc.message, exc.line or line)
            return
        try:
            validate_question(question, number)
        except InvalidQuizError as exc:
            reason = str(exc).removeprefix(f"question {number}: ")
            self.skip(question.name or name, _KIND_WORDS.get(question.kind, qtype), reason, line)
            return
        self.questions.append(question)
        self.notes.extend(ImportNote(number, question.name or name, n) for n in notes)

    def skip(self, name: str, qtype: str, reason: str, line: int | None = None) -> None:
        """Record a question that is not imported (call after counting it with ``add``)."""
        self.skipped.append(SkippedQuestion(self.count, name, qtype, reason, line))

    def quiz(self, title: str = "", source_url: str = "", article_title: str = "") -> ExportQuiz:
        """The quiz of every imported question, or ImportFormatError if there is none."""
        if not self.questions:
            if self.skipped:
                raise NothingToImport(self.what, tuple(self.skipped))
            raise ImportFormatError(f"the {self.what} file contains no questions")
        return ExportQuiz(
            title=title,
            questions=tuple(self.questions),
            source_url=source_url,
            article_title=article_title,
            skipped=tuple(self.skipped),
            notes=tuple(self.notes),
        )
