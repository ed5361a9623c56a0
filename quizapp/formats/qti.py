"""IMS QTI 2.1 content package (zip): export and import.

The package holds ``imsmanifest.xml`` (IMS Content Packaging 1.1, one resource per
item, type ``imsqti_item_xmlv2p1``, plus the test), ``test.xml`` (an
``assessmentTest`` referencing every item) and ``items/item_N.xml``, one
``assessmentItem`` per question:

* ``responseDeclaration`` RESPONSE with the key in ``correctResponse``;
  ``outcomeDeclaration`` SCORE (float) and FEEDBACK (identifier);
* ``itemBody/choiceInteraction maxChoices="1"`` with the stem as ``prompt`` and one
  ``simpleChoice identifier="choice_N"`` per option (``class="quizapp-true-false"`` on
  the interaction marks a true/false question, which QTI has no type for);
* ``responseProcessing template="…/match_correct"``.  It also carries the
  match_correct rules written out plus ``FEEDBACK = RESPONSE``: the template alone
  never sets FEEDBACK, so an engine that runs the rules can show per-option feedback;
* ``modalFeedback`` per option (``identifier`` = the choice, ``showHide="show"``) and
  one for the explanation (``showHide="hide"`` on an identifier FEEDBACK never takes,
  i.e. always shown), with the evidence as ``<blockquote class="quizapp-evidence">``.

Newlines are ``<br/>`` elements.  Source URL and article title are paragraphs in a
``rubricBlock`` of the test section.  Kept: every field.  Normalised on import:
leading/trailing whitespace, CR/CRLF to LF; characters XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from functools import partial
from html.parser import HTMLParser

# Only builds and serialises XML here; untrusted input goes through _common.parse_untrusted_xml.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from ._common import (
    Fetch,
    HtmlText,
    QuestionCollector,
    RichReader,
    decode_xml,
    parse_untrusted_xml,
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
    validate_quiz,
)

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
TRUE_FALSE_CLASS = "quizapp-true-false"
EXPLANATION_ID = "EXPLANATION"

# Guards against zip bombs: quiz packages are small.
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible archives


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None) -> ET.Element:
    # Built with unqualified tags under an explicit xmlns attribute: ElementTree's
    # default_namespace option refuses the unqualified attribute names QTI uses.
    return ET.SubElement(parent, tag, attrs or {})


def _put_text(element: ET.Element, text: str) -> None:
    """Write plain text into ``element`` with ``<br/>`` for each newline."""
    first, *rest = xml_text(text).split("\n")
    element.text = first
    for part in rest:
        _sub(element, "br").tail = part


class _XhtmlBuilder(HTMLParser):
    """Writes rich HTML (see :mod:`.rich`) into an element as QTI's XHTML elements."""

    def __init__(self, element: ET.Element, image_src: Callable[[str], str | None]) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [element]
        self.last: ET.Element | None = None  # the element whose tail takes the next text
        self.image_src = image_src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes: dict[str, str] = {}
        if tag == "img":
            values = dict(attrs)
            src = self.image_src(values.get("src") or "")
            if not src:
                return
            attributes = {"src": src, "alt": xml_text(values.get("alt") or "")}
        element = _sub(self.stack[-1], tag, attributes)
        self.last = None
        if tag in _VOID:
            self.last = element
        else:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or len(self.stack) == 1 or _local(self.stack[-1].tag) != tag:
            return
        self.last = self.stack.pop()

    def handle_data(self, data: str) -> None:
        data = xml_text(data)
        if self.last is not None:
            self.last.tail = (self.last.tail or "") + data
        else:
            self.stack[-1].text = (self.stack[-1].text or "") + data


def _put_html(element: ET.Element, rich: str, image_src: Callable[[str], str | None]) -> None:
    builder = _XhtmlBuilder(element, image_src)
    builder.feed(rich)
    builder.close()


def _put(element: ET.Element, text: str, rich: str, image_src: Callable[[str], str | None]) -> None:
    """Write a text into ``element``: its rich HTML where it has some, else the plain text."""
    if rich:
        _put_html(element, rich, image_src)
    else:
        _put_text(element, text)


def _serialise(root: ET.Element, default_namespace: str) -> bytes:
    # No ET.indent here: it would rewrite whitespace inside mixed text/<br/> content.
    root.set("xmlns", default_namespace)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _media_folder(identifier: str) -> str:
    """Where an item's images go in the package, relative to the item's file."""
    return f"media_{identifier}"


def _item_xml(question: ExportQuestion, identifier: str) -> bytes:
    names = {m.name for m in question.media}
    folder = _media_folder(identifier)

    def image_src(name: str) -> str | None:
        return f"{folder}/{name}" if name in names else None

    options = question.options
    if question.kind == TRUE_FALSE:
        options = (question.truefalse_option(True), question.truefalse_option(False))
    choice_ids = [f"choice_{n}" for n in range(1, len(options) + 1)]
    key_id = next(cid for cid, o in zip(choice_ids, options, strict=True) if o.correct)
    title = question.name or " ".join(question.stem.split())[:60]

    root = ET.Element(
        "assessmentItem",
        {
            f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
            "identifier": identifier,
            "title": xml_text(title),
            "label": xml_text(question.name),
            "adaptive": "false",
            "timeDependent": "false",
            "toolName": "quizapp",
        },
    )
    response = _sub(
        root,
        "responseDeclaration",
        {"identifier": "RESPONSE", "cardinality": "single", "baseType": "identifier"},
    )
    _sub(_sub(response, "correctResponse"), "value").text = key_id
    score = _sub(
        root,
        "outcomeDeclaration",
        {"identifier": "SCORE", "cardinality": "single", "baseType": "float"},
    )
    _sub(_sub(score, "defaultValue"), "value").text = "0"
    _sub(
        root,
        "outcomeDeclaration",
        {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"},
    )
    body = _sub(root, "itemBody")
    attrs = {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"}
    if question.kind == TRUE_FALSE:
        attrs["class"] = TRUE_FALSE_CLASS
    if question.stem_html:
        # A prompt holds inline content only: a formatted stem goes before the interaction.
        _put_html(_sub(body, "div"), question.stem_html, image_src)
        interaction = _sub(body, "choiceInteraction", attrs)
    else:
        interaction = _sub(body, "choiceInteraction", attrs)
        _put_text(_sub(interaction, "prompt"), question.stem)
    for choice_id, option in zip(choice_ids, options, strict=True):
        choice = _sub(interaction, "simpleChoice", {"identifier": choice_id})
        _put(choice, option.text, option.text_html, image_src)

    processing = _sub(root, "responseProcessing", {"template": MATCH_CORRECT})
    condition = _sub(processing, "responseCondition")
    when = _sub(condition, "responseIf")
    match = _sub(when, "match")
    _sub(match, "variable", {"identifier": "RESPONSE"})
    _sub(match, "correct", {"identifier": "RESPONSE"})
    for parent, value in ((when, "1"), (_sub(condition, "responseElse"), "0")):
        setter = _sub(parent, "setOutcomeValue", {"identifier": "SCORE"})
        _sub(setter, "baseValue", {"baseType": "float"}).text = value
    feedback = _sub(processing, "setOutcomeValue", {"identifier": "FEEDBACK"})
    _sub(feedback, "variable", {"identifier": "RESPONSE"})

    for choice_id, option in zip(choice_ids, options, strict=True):
        if option.feedback.strip():
            modal = _sub(
                root,
                "modalFeedback",
                {"outcomeIdentifier": "FEEDBACK", "identifier": choice_id, "showHide": "show"},
            )
            _put(modal, option.feedback, option.feedback_html, image_src)
    if question.explanation.strip() or question.evidence.strip():
        modal = _sub(
            root,
            "modalFeedback",
            {"outcomeIdentifier": "FEEDBACK", "identifier": EXPLANATION_ID, "showHide": "hide"},
        )
        _put(modal, question.explanation, question.explanation_html, image_src)
        if question.evidence.strip():
            quote = _sub(modal, "blockquote", {"class": "quizapp-evidence"})
            _put_text(_sub(quote, "p"), question.evidence)
    return _serialise(root, QTI_NS)


def _test_xml(quiz: ExportQuiz, items: list[tuple[str, str]]) -> bytes:
    root = ET.Element(
        "assessmentTest",
        {
            f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
            "identifier": "test",
            "title": xml_text(quiz.title),
            "toolName": "quizapp",
        },
    )
    _sub(
        root,
        "outcomeDeclaration",
        {"identifier": "SCORE", "cardinality": "single", "baseType": "float"},
    )
    part = _sub(
        root,
        "testPart",
        {"identifier": "part_1", "navigationMode": "nonlinear", "submissionMode": "individual"},
    )
    section = _sub(
        part,
        "assessmentSection",
        {"identifier": "section_1", "title": xml_text(quiz.title), "visible": "true"},
    )
    if quiz.article_title or quiz.source_url:
        rubric = _sub(section, "rubricBlock", {"view": "candidate"})
        for key, value in (("article-title", quiz.article_title), ("source-url", quiz.source_url)):
            if value:
                _put_text(_sub(rubric, "p", {"class": f"quizapp-{key}"}), value)
    for identifier, href in items:
        _sub(section, "assessmentItemRef", {"identifier": identifier, "href": href})
    processing = _sub(root, "outcomeProcessing")
    total = _sub(_sub(processing, "setOutcomeValue", {"identifier": "SCORE"}), "sum")
    _sub(total, "testVariables", {"variableIdentifier": "SCORE"})
    return _serialise(root, QTI_NS)


def _manifest_xml(items: list[tuple[str, str]], media: dict[str, list[str]]) -> bytes:
    def cp(tag: str) -> str:
        return tag  # unqualified, see _sub

    root = ET.Element(
        cp("manifest"),
        {"identifier": "quizapp_manifest", f"{{{XSI_NS}}}schemaLocation": f"{CP_NS} {CP_XSD}"},
    )
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "QTIv2.1 Package"
    ET.SubElement(metadata, cp("schemaversion")).text = "1.0.0"
    ET.SubElement(root, cp("organizations"))
    resources = ET.SubElement(root, cp("resources"))
    test = ET.SubElement(
        resources, cp("resource"), {"identifier": "test", "type": TEST_TYPE, "href": "test.xml"}
    )
    ET.SubElement(test, cp("file"), {"href": "test.xml"})
    for identifier, _href in items:
        ET.SubElement(test, cp("dependency"), {"identifierref": identifier})
    for identifier, href in items:
        resource = ET.SubElement(
            resources, cp("resource"), {"identifier": identifier, "type": ITEM_TYPE, "href": href}
        )
        ET.SubElement(resource, cp("file"), {"href": href})
        for media_href in media.get(identifier, []):
            ET.SubElement(resource, cp("file"), {"href": media_href})
    ET.indent(root)  # no mixed content in a manifest
    return _serialise(root, CP_NS)


def export_qti(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as a QTI 2.1 content package: the bytes of a zip archive."""
    validate_quiz(quiz)
    items = [(f"item_{n}", f"items/item_{n}.xml") for n in range(1, len(quiz.questions) + 1)]
    # Each item's images beside it, in a folder of its own (names are unique per question).
    media = {
        identifier: [
            (f"items/{_media_folder(identifier)}/{m.name}", m.data) for m in question.media
        ]
        for (identifier, _href), question in zip(items, quiz.questions, strict=True)
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        hrefs = {key: [href for href, _data in files] for key, files in media.items()}
        write("imsmanifest.xml", _manifest_xml(items, hrefs))
        write("test.xml", _test_xml(quiz, items))
        for (identifier, href), question in zip(items, quiz.questions, strict=True):
            write(href, _item_xml(question, identifier))
            for media_href, data in media[identifier]:
                write(media_href, data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- import


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


#: Namespaces and resource types of the QTI versions this importer does not read.
_OTHER_VERSIONS = {
    "http://www.imsglobal.org/xsd/imsqti_v2p0": "QTI 2.0",
    "http://www.imsglobal.org/xsd/imsqti_v2p2": "QTI 2.2",
    "http://www.imsglobal.org/xsd/imsqtiasi_v3p0": "QTI 3.0",
    "imsqti_item_xmlv2p0": "QTI 2.0",
    "imsqti_item_xmlv2p2": "QTI 2.2",
    "imsqti_test_xmlv2p2": "QTI 2.2",
    "imsqti_xmlv1p2": "QTI 1.2",
    "imsqti_item_xmlv3p0": "QTI 3.0",
    "imsqti_test_xmlv3p0": "QTI 3.0",
}
_VERSION_HINT = "quizapp reads QTI 2.1 only (export the items as QTI 2.1)"

_KEPT_ATTRIBUTES = frozenset({"src", "alt", "class", "data", "href"})
_VOID = frozenset({"br", "img", "hr"})
_FEEDBACK = frozenset({"feedbackInline", "feedbackBlock", "modalFeedback"})
_IGNORED = frozenset({"stylesheet", "templateBlock", "templateInline", "rubricBlock"})
# A run of whitespace with a line break in it is the XML's own indentation: one space.
_XML_WHITESPACE = re.compile(r"\s*\n\s*")
_RIGHT_WORDS = re.compile(r"^(correct|right|true|yes|ok|good)", re.IGNORECASE)
_WRONG_WORDS = re.compile(r"^(incorrect|wrong|false|no|bad|not)", re.IGNORECASE)


def _ws(text: str | None) -> str:
    return _XML_WHITESPACE.sub(" ", text) if text else ""


class _Flow:
    """Plain text and rich HTML of QTI content, with what they drop set aside.

    QTI content is XHTML in the QTI namespace: it is written out as an HTML fragment
    (the XML's own indentation made one space) and read like any imported HTML, so
    ``<br/>`` is a newline, a block starts a line, ``class="quizapp-X"`` elements are
    captured, and images the package carries are kept.  Feedback elements are collected
    for :func:`_feedback`, not read as text.
    """

    def __init__(self, fetch: Fetch = lambda _src: None) -> None:
        self.captured: dict[str, str] = {}
        self.feedback: list[ET.Element] = []
        self.rich = RichReader(fetch)

    def read(
        self, element: ET.Element, skip: Callable[[ET.Element], bool] = lambda _e: False
    ) -> HtmlText:
        read = self.rich.read(self._html(element, skip))
        self.captured.update(read.captured)
        return read

    def text(
        self, element: ET.Element, skip: Callable[[ET.Element], bool] = lambda _e: False
    ) -> str:
        return self.read(element, skip).text

    def _html(self, element: ET.Element, skip: Callable[[ET.Element], bool]) -> str:
        out = [html.escape(_ws(element.text), quote=False)]
        for child in element:
            tag = _local(child.tag)
            if skip(child) or tag in _IGNORED or not isinstance(child.tag, str):
                pass
            elif tag in _FEEDBACK:
                self.feedback.append(child)
            else:
                attrs = "".join(
                    f' {name}="{html.escape(value)}"'
                    for name, value in child.attrib.items()
                    if name in _KEPT_ATTRIBUTES
                )
                if tag in _VOID:
                    out.append(f"<{tag}{attrs}>")
                else:
                    out.append(f"<{tag}{attrs}>{self._html(child, skip)}</{tag}>")
            out.append(html.escape(_ws(child.tail), quote=False))
        return "".join(out)

    def notes(self) -> list[str]:
        return self.rich.notes()


def _joined(parts: list[HtmlText]) -> HtmlText:
    """Texts one after the other, each on its own line (rich if any of them is)."""
    parts = [part for part in parts if part.text or part.html]
    text = "\n".join(part.text for part in parts)
    if not any(part.html for part in parts):
        return HtmlText(text, {})
    return HtmlText(text, {}, "<br>".join(part.html or text_to_html(part.text) for part in parts))


class _Package:
    """A zip being imported: each member read at most once, every byte read counted.

    The sizes in a zip's headers may lie and a manifest may list one big member many
    times, so the limits apply to the bytes actually decompressed.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.bytes_read = 0
        self.read_names: set[str] = set()
        self.images: dict[str, bytes] = {}

    def read(self, name: str) -> bytes:
        if name in self.read_names:
            raise ImportFormatError(f"the QTI manifest lists {name!r} more than once")
        self.read_names.add(name)
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise ImportFormatError(f"the QTI package has no file {name!r}") from None
        return self._read(info)

    def image(self, base: str, src: str) -> bytes | None:
        """The bytes of an image an item in folder ``base`` shows, None if not in the package.

        Items may share an image; each is read (and counted) once.
        """
        try:
            name = _resolve(base, src.split("?", 1)[0].split("#", 1)[0])
        except ImportFormatError:
            return None
        if name not in self.images:
            try:
                info = self.archive.getinfo(name)
            except KeyError:
                return None
            self.images[name] = self._read(info)
        return self.images[name]

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        name = info.filename
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFormatError(f"{name} in the QTI package is too large")
        with self.archive.open(info) as member:
            # Read one byte past the limit: the size in the header may lie.
            data = member.read(MAX_MEMBER_BYTES + 1)
        if len(data) > MAX_MEMBER_BYTES:
            raise ImportFormatError(f"{name} in the QTI package is too large")
        self.bytes_read += len(data)
        if self.bytes_read > MAX_TOTAL_BYTES:
            raise ImportFormatError("the QTI package is too large once unpacked")
        return data


def _resolve(base: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(base, href))
    if href.startswith("/") or path.startswith("../") or path == ".." or ":" in href:
        raise ImportFormatError(f"the QTI manifest points outside the package: {href!r}")
    return path


def parse_qti(data: bytes) -> ExportQuiz:
    """Parse a QTI 2.1 content package (zip bytes) into an :class:`ExportQuiz`.

    A single ``assessmentItem`` XML file is read too.  Items are read in manifest order;
    those holding one single-choice ``choiceInteraction`` are imported with their title
    and every feedback they have: ``modalFeedback``, ``feedbackBlock`` and
    ``feedbackInline`` go to the options they are shown for (found by running the item's
    response processing once per choice) or, when shown whatever the answer, to the
    general feedback.  Other items are skipped and listed in ``skipped``.  Raises
    :class:`ImportFormatError` for a broken zip, missing manifest or files, a DTD, a
    package of another QTI version, or nothing importable.
    """
    if not isinstance(data, bytes | bytearray):
        raise ImportFormatError("a QTI package is a zip file: pass its bytes")
    if not data:
        raise ImportFormatError("the QTI package is empty")
    if not bytes(data[:4]).startswith(b"PK"):
        head = bytes(data[:2000]).lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<"):
            return _parse_single_item(bytes(data))
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ImportFormatError("the QTI package has too many files")
            if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
                raise ImportFormatError("the QTI package is too large once unpacked")
            return _parse_package(_Package(archive))
    except ImportFormatError:
        raise
    except RecursionError:
        raise ImportFormatError("the QTI package nests its XML too deeply") from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        RuntimeError,
        NotImplementedError,
        ValueError,
    ) as exc:
        raise ImportFormatError(f"the QTI package is not a readable zip file ({exc})") from None


def _with_namespace(root: ET.Element) -> ET.Element:
    """An item without a namespace (one that names the QTI 2.1 DTD, which gives its elements
    the namespace, as some tools write them) read as QTI 2.1."""
    if _namespace(root.tag) == "" and _local(root.tag) in ("assessmentItem", "assessmentTest"):
        for element in root.iter():
            if isinstance(element.tag, str) and not element.tag.startswith("{"):
                element.tag = _q(element.tag)
    return root


def _parse_single_item(data: bytes) -> ExportQuiz:
    root = _with_namespace(parse_untrusted_xml(decode_xml(data, "QTI item"), "QTI item"))
    _check_version(root, "the file")
    if _local(root.tag) != "assessmentItem":
        raise ImportFormatError(
            f"expected a QTI package (zip) or an <assessmentItem>, found <{_local(root.tag)}>"
        )
    collector = QuestionCollector("QTI")
    _add_item(collector, root, "the item")
    return collector.quiz(title=(root.get("title") or "").strip())


def _check_version(root: ET.Element, where: str) -> None:
    version = _OTHER_VERSIONS.get(_namespace(root.tag))
    if _local(root.tag) == "questestinterop":
        version = "QTI 1.2"
    if version:
        raise ImportFormatError(f"{where} is {version}; {_VERSION_HINT}")


def _parse_package(package: _Package) -> ExportQuiz:
    manifest = parse_untrusted_xml(
        decode_xml(package.read("imsmanifest.xml"), "imsmanifest.xml"), "imsmanifest.xml"
    )
    if _local(manifest.tag) != "manifest":
        raise ImportFormatError(
            f"imsmanifest.xml: root is <{_local(manifest.tag)}>, not <manifest>"
        )
    item_paths: list[str] = []
    test_path = None
    other_versions = set()
    for resource in manifest.iter():
        if _local(resource.tag) != "resource":
            continue
        kind, href = resource.get("type", ""), resource.get("href")
        if kind in _OTHER_VERSIONS:
            other_versions.add(_OTHER_VERSIONS[kind])
        if kind not in (ITEM_TYPE, TEST_TYPE):
            continue
        if not href:
            raise ImportFormatError("imsmanifest.xml: a QTI resource has no href")
        if kind == ITEM_TYPE:
            item_paths.append(_resolve("", href))
        elif test_path is None:
            test_path = _resolve("", href)
    if not item_paths:
        if other_versions:
            raise ImportFormatError(
                f"the package holds {' and '.join(sorted(other_versions))} items; {_VERSION_HINT}"
            )
        raise ImportFormatError(f"imsmanifest.xml lists no resources of type {ITEM_TYPE}")
    for path in item_paths:
        if item_paths.count(path) > 1:
            raise ImportFormatError(f"the QTI manifest lists {path!r} more than once")

    title = article_title = source_url = ""
    if test_path is not None:
        test = _parse_qti_xml(package, test_path, "assessmentTest")
        title = (test.get("title") or "").strip()
        flow = _Flow()
        for rubric in test.iter(_q("rubricBlock")):
            flow.text(rubric)
        article_title = flow.captured.get("article-title", "")
        source_url = flow.captured.get("source-url", "")

    collector = QuestionCollector("QTI")
    for path in item_paths:
        root = _parse_qti_xml(package, path, "assessmentItem", strict=False)
        base = posixpath.dirname(path)
        _add_item(collector, root, path, partial(package.image, base))
    return collector.quiz(title, source_url, article_title)


def _parse_qti_xml(package: _Package, path: str, root_name: str, strict: bool = True) -> ET.Element:
    """A package member's root element; a wrong version is refused (or left to the item)."""
    root = _with_namespace(parse_untrusted_xml(decode_xml(package.read(path), path), path))
    if strict:
        _check_version(root, path)
    elif _local(root.tag) == root_name and _namespace(root.tag) in _OTHER_VERSIONS:
        return root  # _item says which version it is, as the reason it is skipped
    if _local(root.tag) != root_name or _namespace(root.tag) != QTI_NS:
        raise ImportFormatError(
            f"{path}: expected <{root_name}> in namespace {QTI_NS}, found {root.tag!r}"
        )
    return root


def _add_item(
    collector: QuestionCollector, root: ET.Element, path: str, fetch: Fetch = lambda _s: None
) -> None:
    interactions = [_local(e.tag) for e in root.iter() if _local(e.tag).endswith("Interaction")]
    qtype = ", ".join(interactions) or "no interaction"
    # Our exports always carry label (possibly empty); other tools a title, often a label.
    name = root.get("label", root.get("title", "")).strip()
    collector.add(name, qtype, lambda: _item(root, path, fetch))


def _item(root: ET.Element, path: str, fetch: Fetch) -> tuple[ExportQuestion, list[str]]:
    version = _OTHER_VERSIONS.get(_namespace(root.tag))
    if version:
        raise UnsupportedQuestion(f"{version} item", f"{path} is {version}; {_VERSION_HINT}")
    interactions = [e for e in root.iter() if _local(e.tag).endswith("Interaction")]
    if len(interactions) != 1 or _local(interactions[0].tag) != "choiceInteraction":
        names = ", ".join(_local(e.tag) for e in interactions) or "none"
        raise UnsupportedQuestion(
            names,
            f"{path}: expected exactly one choiceInteraction, found {names} "
            "(only single-choice items are imported)",
        )
    interaction = interactions[0]
    if interaction.get("maxChoices", "1") != "1":
        raise UnsupportedQuestion(
            "choiceInteraction, multiple response",
            f"{path}: multiple-response items (maxChoices != 1) are not supported",
        )
    response_id = interaction.get("responseIdentifier", "")
    keys: list[str] = []
    for declaration in root.iter(_q("responseDeclaration")):
        correct = declaration.find(_q("correctResponse"))
        if declaration.get("identifier") == response_id and correct is not None:
            keys = [(v.text or "").strip() for v in correct.iter(_q("value"))]
    if not keys:
        raise ImportFormatError(f"{path}: no correct answer (correctResponse) is declared")
    if len(keys) > 1:
        raise UnsupportedQuestion(
            "choiceInteraction, multiple response",
            f"{path}: {len(keys)} correct answers declared; exactly one is supported",
        )

    flow = _Flow(fetch)
    body = root.find(_q("itemBody"))
    parts = [flow.read(body, skip=lambda e: e is interaction)] if body is not None else []
    prompt = interaction.find(_q("prompt"))
    if prompt is not None:
        parts.append(flow.read(prompt))
    stem = _joined(parts)
    choices = interaction.findall(_q("simpleChoice"))
    choice_ids = [c.get("identifier", "") for c in choices]
    if keys[0] not in choice_ids:
        raise ImportFormatError(
            f"{path}: the correct response {keys[0]!r} is not one of the choices"
        )
    texts = [flow.read(choice) for choice in choices]
    flow.feedback.extend(root.findall(_q("modalFeedback")))
    general, per_choice, dropped = _feedback(root, flow, response_id, choice_ids, keys[0])
    options = []
    for cid, text in zip(choice_ids, texts, strict=True):
        feedback = _joined(per_choice[cid])
        options.append(
            ExportOption(
                text=text.text,
                correct=cid == keys[0],
                feedback=feedback.text,
                text_html=text.html,
                feedback_html=feedback.html,
            )
        )
    truefalse = TRUE_FALSE_CLASS in (interaction.get("class") or "").split()
    if truefalse:
        # Canonical (True, False) order, as every importer produces.
        options.sort(key=lambda o: o.text.strip().casefold() != "true")
    explanation = _joined(general)
    question = ExportQuestion(
        stem=stem.text,
        options=tuple(options),
        kind=TRUE_FALSE if truefalse else MULTIPLE_CHOICE,
        explanation=explanation.text,
        evidence=flow.captured.get("evidence", ""),
        name=root.get("label", root.get("title", "")).strip(),
        stem_html=stem.html,
        explanation_html=explanation.html,
        media=flow.rich.files(),
    )
    return question, flow.notes() + dropped


def _feedback(
    root: ET.Element, flow: _Flow, response_id: str, choice_ids: list[str], key: str
) -> tuple[list[HtmlText], dict[str, list[HtmlText]], list[str]]:
    """Share the item's feedback out: general, per choice, and what no answer shows."""
    outcomes = _outcomes(root, response_id, choice_ids, key)
    general: list[HtmlText] = []
    per_choice: dict[str, list[HtmlText]] = {cid: [] for cid in choice_ids}
    dropped: list[str] = []
    for element in flow.feedback:
        read = flow.read(element)
        text = read.text
        if not text:
            continue
        shown = _shown_for(element, outcomes, choice_ids, key)
        if shown is None:
            dropped.append(
                f"feedback “{text[:40]}” dropped: quizapp cannot tell which answers show it"
            )
        elif len(shown) == len(choice_ids):
            general.append(read)
        elif shown:
            for cid in shown:
                per_choice[cid].append(read)
        else:
            dropped.append(f"feedback “{text[:40]}” dropped: no single answer shows it")
    return general, per_choice, dropped


def _shown_for(
    element: ET.Element,
    outcomes: dict[str, dict[str, object]] | None,
    choice_ids: list[str],
    key: str,
) -> list[str] | None:
    """The choices after which this feedback is shown (None when that cannot be told)."""
    outcome = element.get("outcomeIdentifier", "")
    identifier = element.get("identifier", "")
    hide = element.get("showHide", "show") == "hide"
    if outcomes is not None:

        def matches(value: object) -> bool:
            if isinstance(value, tuple):
                return identifier in value
            return value == identifier

        return [cid for cid in choice_ids if matches(outcomes[cid].get(outcome)) != hide]
    # The processing could not be run: go by the usual identifiers.
    if identifier in choice_ids:
        chosen = [identifier]
    elif _WRONG_WORDS.match(identifier):
        chosen = [cid for cid in choice_ids if cid != key]
    elif _RIGHT_WORDS.match(identifier):
        chosen = [key]
    elif hide:
        return list(choice_ids)
    else:
        return None
    return [cid for cid in choice_ids if cid not in chosen] if hide else chosen


class _Unknown(Exception):
    """Response processing this reader does not evaluate."""


class _Exit(Exception):
    """``exitResponse``."""


def _outcomes(
    root: ET.Element, response_id: str, choice_ids: list[str], key: str
) -> dict[str, dict[str, object]] | None:
    """The outcome variables after the item's response processing, for each choice.

    Returns None when the processing uses what this small evaluator does not know.
    """
    defaults: dict[str, object] = {}
    for declaration in root.findall(_q("outcomeDeclaration")):
        value = declaration.find(f"{_q('defaultValue')}/{_q('value')}")
        defaults[declaration.get("identifier", "")] = (
            (value.text or "").strip() if value is not None else None
        )
    mapping: dict[str, float] = {}
    mapping_default = 0.0
    for declaration in root.findall(_q("responseDeclaration")):
        found = declaration.find(_q("mapping"))
        if declaration.get("identifier") == response_id and found is not None:
            mapping_default = float(found.get("defaultValue", "0") or 0)
            for entry in found.findall(_q("mapEntry")):
                mapping[entry.get("mapKey", "")] = float(entry.get("mappedValue", "0") or 0)
    processing = root.find(_q("responseProcessing"))
    results: dict[str, dict[str, object]] = {}
    for choice in choice_ids:
        values = dict(defaults)
        evaluator = _Evaluator(response_id, choice, key, values, mapping, mapping_default)
        try:
            if processing is not None and len(processing):
                evaluator.run(list(processing))
            elif processing is not None:
                evaluator.template(processing.get("template", ""))
        except _Exit:
            pass
        except (_Unknown, ValueError, RecursionError):
            return None
        results[choice] = values
    return results


class _Evaluator:
    """Runs QTI response processing rules for one response (a choice identifier)."""

    def __init__(
        self,
        response_id: str,
        response: str,
        key: str,
        values: dict[str, object],
        mapping: dict[str, float],
        mapping_default: float,
    ) -> None:
        self.response_id = response_id
        self.response = response
        self.key = key
        self.values = values
        self.mapping = mapping
        self.mapping_default = mapping_default

    def template(self, uri: str) -> None:
        if uri.endswith("/match_correct"):
            self.values["SCORE"] = 1.0 if self.response == self.key else 0.0
        elif uri.endswith("/map_response"):
            self.values["SCORE"] = self.mapping.get(self.response, self.mapping_default)
        elif uri:
            raise _Unknown(uri)

    def run(self, rules: list[ET.Element]) -> None:
        for rule in rules:
            tag = _local(rule.tag)
            if tag == "setOutcomeValue":
                self.values[rule.get("identifier", "")] = self.value(self._only(rule))
            elif tag == "responseCondition":
                for branch in rule:
                    branch_tag = _local(branch.tag)
                    if branch_tag == "responseElse":
                        self.run(list(branch))
                        break
                    if branch_tag not in ("responseIf", "responseElseIf") or not len(branch):
                        raise _Unknown(branch_tag)
                    if self.value(branch[0]) is True:
                        self.run(list(branch)[1:])
                        break
            elif tag == "exitResponse":
                raise _Exit
            else:
                raise _Unknown(tag)

    @staticmethod
    def _only(element: ET.Element) -> ET.Element:
        if len(element) != 1:
            raise _Unknown(_local(element.tag))
        return element[0]

    def _number(self, element: ET.Element) -> float:
        value = self.value(element)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise _Unknown("not a number")
        return float(value)

    def value(self, element: ET.Element) -> object:
        tag = _local(element.tag)
        children = list(element)
        if tag == "baseValue":
            text = (element.text or "").strip()
            base = element.get("baseType", "")
            if base in ("float", "integer"):
                return float(text)
            if base == "boolean":
                return text == "true"
            return text
        if tag == "variable":
            identifier = element.get("identifier", "")
            if identifier == self.response_id:
                return self.response
            if identifier not in self.values:
                raise _Unknown(identifier)
            return self.values[identifier]
        if tag == "correct" and element.get("identifier") == self.response_id:
            return self.key
        if tag == "mapResponse" and element.get("identifier") == self.response_id:
            return self.mapping.get(self.response, self.mapping_default)
        if tag == "isNull":
            return self.value(self._only(element)) in (None, "")
        if tag == "not":
            return self.value(self._only(element)) is not True
        if tag in ("and", "or"):
            results = [self.value(child) is True for child in children]
            return all(results) if tag == "and" else any(results)
        if tag == "match" and len(children) == 2:
            return self.value(children[0]) == self.value(children[1])
        if tag in ("equal", "gt", "gte", "lt", "lte") and len(children) == 2:
            a, b = self._number(children[0]), self._number(children[1])
            return {"equal": a == b, "gt": a > b, "gte": a >= b, "lt": a < b, "lte": a <= b}[tag]
        if tag in ("sum", "product", "subtract") and children:
            numbers = [self._number(child) for child in children]
            if tag == "sum":
                return sum(numbers)
            if tag == "subtract" and len(numbers) == 2:
                return numbers[0] - numbers[1]
            if tag == "product":
                result = 1.0
                for number in numbers:
                    result *= number
                return result
        raise _Unknown(tag)
