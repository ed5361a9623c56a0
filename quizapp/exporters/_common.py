"""Helpers shared by the exporters: text decoding, plain text <-> HTML, safe XML parsing."""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser

# The stdlib parser is used on untrusted input only after `parse_untrusted_xml` has
# rejected any DTD, which is what entity-expansion (billion laughs) and external-entity
# (XXE) attacks need; expat in the stdlib does not fetch external entities either.
# That keeps the package free of a defusedxml dependency.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from .errors import ImportFormatError
from .model import ExportQuestion, InvalidQuizError, validate_question

# Characters XML 1.0 cannot carry at all (even escaped); exporters drop them.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
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


class _HtmlToText(HTMLParser):
    """Collect the text of an HTML fragment; elements with class ``quizapp-X`` go aside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main: list[str] = []
        self.captured: dict[str, list[str]] = {}
        # Stack of (tag, capture key or None) for every open element we track.
        self._stack: list[tuple[str, str | None]] = []

    def _target(self) -> list[str]:
        for _tag, key in reversed(self._stack):
            if key is not None:
                return self.captured[key]
        return self.main

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
        if tag in _BLOCK_TAGS and target and not "".join(target).endswith("\n"):
            target.append("\n")
        if key is not None:
            self.captured.setdefault(key, [])
        self._stack.append((tag, key))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._target().append("\n")

    def handle_endtag(self, tag: str) -> None:
        # Pop up to the matching open tag; HTML in the wild is not always well nested.
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data: str) -> None:
        self._target().append(data)


def html_to_text(fragment: str) -> tuple[str, dict[str, str]]:
    """Plain text of an HTML fragment, plus the text of ``class="quizapp-KEY"`` elements.

    ``<br>`` and block boundaries become newlines, every other tag is dropped and
    entities are decoded, so ``html_to_text(text_to_html(s))[0] == normalise_newlines(s)``
    for XML-safe ``s``.
    """
    parser = _HtmlToText()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.main), {k: "".join(v) for k, v in parser.captured.items()}


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

    Any ``<!DOCTYPE`` or ``<!ENTITY`` is refused before the parser sees the text:
    quiz files never need a DTD, and without one there is no entity to expand.
    """
    if not text.strip():
        raise ImportFormatError(f"the {what} file is empty")
    match = _DTD.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise ImportFormatError(
            f"the {what} file contains a DTD ({match.group(0)}); "
            "DTDs and entity declarations are refused for security",
            line,
        )
    try:
        # Safe: the input has no DTD (checked just above), so no entity can expand.
        return ET.fromstring(text)  # noqa: S314  # nosec B314
    except ET.ParseError as exc:
        line, column = exc.position
        raise ImportFormatError(
            f"the {what} file is not well-formed XML ({_strip_position(str(exc))}, "
            f"column {column})",
            line,
        ) from None


def _strip_position(message: str) -> str:
    return re.sub(r": line \d+, column \d+$", "", message)


def check_question(question: ExportQuestion, number: int, line: int | None = None) -> None:
    """Run model validation on an imported question, as an :class:`ImportFormatError`."""
    try:
        validate_question(question, number)
    except InvalidQuizError as exc:
        raise ImportFormatError(str(exc), line) from None
