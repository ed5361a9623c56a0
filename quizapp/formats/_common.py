"""Helpers shared by the formats: text decoding, plain text <-> HTML, safe XML parsing."""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from collections.abc import Callable
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
from .rich import RICH_TAGS, MediaFile, check_image, clean_html, image_names, is_rich

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
    "object": "embedded object",
    "embed": "embedded object",
    "iframe": "embedded page",
}
_MEDIA_ATTRS = ("src", "data", "href")
_VOID_TAGS = frozenset({"br", "img"})
#: Links to sound and film files: listed as dropped media, not only as a lost link.
_MEDIA_LINK = re.compile(
    r"\.(mp3|m4a|ogg|oga|wav|aac|flac|mp4|m4v|webm|ogv|mov|avi|mkv)([?#]|$)", re.IGNORECASE
)
_HIDDEN_TAGS = frozenset({"script", "style"})
#: The deepest nesting of rich tags handed to the sanitiser (deeper ones keep their text).
_MAX_RICH_DEPTH = 20


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
        self._stack: list[tuple[str, _Sink, bool]] = []
        self._open: dict[str, int] = {}
        #: (kind, src) of every embedded image, audio, video…, in document order.
        self.media: list[tuple[str, str]] = []
        #: Kinds of formatting met outside the rich tags, e.g. ``["underline", "table"]``.
        self.lost_formatting: list[str] = []
        #: The HTML of the main output (captured elements left out), to be sanitised.
        self.main_html: list[str] = []
        self._rich_depth = 0  # rich elements open in main_html
        self._hidden = 0  # script or style elements open

    def _target(self) -> _Sink:
        return self._stack[-1][1] if self._stack else self.main

    @property
    def _in_main(self) -> bool:
        return self._target() is self.main

    def _note(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in MEDIA:
            src = next((v for k, v in attrs if k in _MEDIA_ATTRS and v), "")
            self.media.append((MEDIA[tag], src))
            return
        href = next((v for k, v in attrs if k == "href" and v), "") if tag == "a" else ""
        if href.startswith("@@PLUGINFILE@@/") or _MEDIA_LINK.search(href):
            # A link to a file of the question or to a sound or film to play.
            self.media.append(("linked file", href))
        if (
            tag in FORMATTING
            and tag not in RICH_TAGS
            and FORMATTING[tag] not in self.lost_formatting
        ):
            self.lost_formatting.append(FORMATTING[tag])

    def _raw_tag(self, tag: str) -> bool:
        """Keep a rich tag's markup for the sanitiser; whether it was kept.

        Only rich tags, and only so deep, reach the sanitiser: it builds an HTML tree, in
        time that grows with the square of the nesting, and drops every other tag anyway.
        """
        if tag not in RICH_TAGS or not self._in_main or self._hidden:
            return False
        if tag not in _VOID_TAGS and self._rich_depth >= _MAX_RICH_DEPTH:
            return False
        self.main_html.append(self.get_starttag_text() or "")
        return tag not in _VOID_TAGS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
        key = None
        for name, value in attrs:
            if name == "class" and value:
                for cls in value.split():
                    if cls.startswith("quizapp-"):
                        key = cls.removeprefix("quizapp-")
        kept = key is None and self._raw_tag(tag)
        if tag == "br":
            self._target().append("\n")
            return
        target = self._target()
        if tag in _BLOCK_TAGS and target.parts and not target.at_line_start:
            target.append("\n")
        if key is not None:
            target = self.captured.setdefault(key, _Sink())
        self._stack.append((tag, target, kept))
        self._open[tag] = self._open.get(tag, 0) + 1
        self._rich_depth += kept
        self._hidden += tag in _HIDDEN_TAGS

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
        if tag in _VOID_TAGS:
            self._raw_tag(tag)
        if tag == "br":
            self._target().append("\n")

    def handle_endtag(self, tag: str) -> None:
        # Pop up to the matching open tag; HTML in the wild is not always well nested.
        # Each element is popped once, so the scans add up to the number of tags.
        if not self._open.get(tag):
            return
        while self._stack:
            open_tag, _sink, kept = self._stack.pop()
            self._open[open_tag] -= 1
            self._rich_depth -= kept
            self._hidden -= open_tag in _HIDDEN_TAGS
            if kept:
                self.main_html.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_main and not self._hidden:
            self.main_html.append(html.escape(data, quote=False))
        self._target().append(data)


@dataclass(frozen=True)
class HtmlText:
    """An HTML fragment as plain text, its ``quizapp-X`` captures, and its rich HTML.

    ``html`` is the sanitised HTML (see :mod:`.rich`) when the fragment has formatting
    or an image plain text cannot hold, else "".
    """

    text: str
    captured: dict[str, str]
    html: str = ""


def _parse_html(fragment: str) -> _HtmlToText:
    parser = _HtmlToText()
    parser.feed(fragment)
    parser.close()
    return parser


def read_html(fragment: str) -> HtmlText:
    """Plain text of an HTML fragment and its ``quizapp-X`` captures (no rich HTML)."""
    parser = _parse_html(fragment)
    return HtmlText(
        "".join(parser.main.parts), {k: "".join(v.parts) for k, v in parser.captured.items()}
    )


#: Finds the bytes of an image a question's HTML refers to, by its ``src``: None when the
#: file does not carry it.
Fetch = Callable[[str], bytes | None]
_URL_SCHEME = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_DATA_URI = re.compile(r"^data:([^,;]*)((?:;[^,;]*)*),(.*)$", re.DOTALL)


class RichReader:
    """Reads the HTML fields of one imported question.

    Each field comes back as plain text plus rich HTML (:class:`HtmlText`); the images
    the file carries (``fetch`` finds them, ``data:`` URIs carry themselves) are kept in
    :attr:`media`, and what cannot be kept (images the file does not carry, SVG, audio,
    video, formatting beyond :data:`.rich.RICH_TAGS`) is listed by :meth:`notes`.
    """

    def __init__(self, fetch: Fetch = lambda _src: None) -> None:
        self.fetch = fetch
        self.media: dict[str, MediaFile] = {}
        self._names: dict[str, str | None] = {}
        self._notes: list[str] = []
        self._formatting: list[str] = []

    def read(self, fragment: str) -> HtmlText:
        """Plain text, captures and rich HTML of one HTML field."""
        parser = _parse_html(fragment)
        for kind, src in parser.media:
            if kind != "image":
                self._note(f"{kind} {media_name(src)} dropped: quizapp keeps images only")
        self._formatting.extend(f for f in parser.lost_formatting if f not in self._formatting)
        rich = clean_html("".join(parser.main_html), self._image)
        text = "".join(parser.main.parts).strip()
        if rich and not text and image_names(rich):
            text = "[image]"  # plain text needs something where the HTML has a picture
        return HtmlText(
            text,
            {k: "".join(v.parts).strip() for k, v in parser.captured.items()},
            rich if is_rich(rich) else "",
        )

    def notes(self) -> list[str]:
        """What the question lost, one report line each."""
        notes = list(self._notes)
        if self._formatting:
            notes.append(f"formatting not kept ({', '.join(self._formatting)})")
        return notes

    def files(self) -> tuple[MediaFile, ...]:
        """The kept images, in the order they were met."""
        return tuple(self.media.values())

    def _note(self, message: str) -> None:
        if message not in self._notes:
            self._notes.append(message)

    def _image(self, src: str) -> str | None:
        if src not in self._names:
            self._names[src] = self._keep(src.strip())
        return self._names[src]

    def _keep(self, src: str) -> str | None:
        label = media_name(src)
        data: bytes | None
        if src.lower().startswith("data:"):
            data = _data_uri(src)
            if data is None:
                self._note("image inline data dropped: it cannot be decoded")
                return None
            match = _DATA_URI.match(src)
            hint = "image." + (match.group(1).rpartition("/")[2] if match else "")
        elif _URL_SCHEME.match(src) and not src.startswith("@@PLUGINFILE@@"):
            self._note(f"image {label} dropped: a link to an image the file does not carry")
            return None
        else:
            data = self.fetch(src)
            hint = src
            if data is None:
                self._note(f"image {label} dropped: the file does not carry it")
                return None
        checked = check_image(hint, data)
        if isinstance(checked, str):
            self._note(f"image {label} dropped: {checked}")
            return None
        name = checked.name
        stem, dot, extension = name.rpartition(".")
        number = 1
        while name in self.media and self.media[name].data != checked.data:
            number += 1
            name = f"{stem}-{number}{dot}{extension}" if dot else f"{name}-{number}"
        self.media[name] = MediaFile(name, checked.mimetype, checked.data)
        return name


def _data_uri(src: str) -> bytes | None:
    """The bytes of a base64 ``data:`` URI (None when it is not one or is broken)."""
    match = _DATA_URI.match(src)
    if match is None or ";base64" not in match.group(2).lower():
        return None
    try:
        return base64.b64decode("".join(match.group(3).split()), validate=True)
    except (binascii.Error, ValueError):
        return None


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

    defusedxml parses it with entity declarations and external references refused, so no
    entity can expand (billion laughs) or be fetched (XXE). A ``<!DOCTYPE>`` that only
    names a DTD, as QTI items of some tools do, is allowed: the DTD is never read.
    """
    if not text.strip():
        raise ImportFormatError(f"the {what} file is empty")
    try:
        return defused_fromstring(text, forbid_dtd=False)
    except DefusedXmlException:
        raise ImportFormatError(
            f"the {what} file declares entities in a DTD; "
            "DTD entity declarations are refused for security"
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
