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

import io
import posixpath
import zipfile
from collections.abc import Callable

# Only builds and serialises XML here; untrusted input goes through _common.parse_untrusted_xml.
from xml.etree import ElementTree as ET  # noqa: S405  # nosec B405

from ._common import check_question, decode_xml, parse_untrusted_xml, xml_text
from .errors import ImportFormatError
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


def _serialise(root: ET.Element, default_namespace: str) -> bytes:
    # No ET.indent here: it would rewrite whitespace inside mixed text/<br/> content.
    root.set("xmlns", default_namespace)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _item_xml(question: ExportQuestion, identifier: str) -> bytes:
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
    interaction = _sub(body, "choiceInteraction", attrs)
    _put_text(_sub(interaction, "prompt"), question.stem)
    for choice_id, option in zip(choice_ids, options, strict=True):
        _put_text(_sub(interaction, "simpleChoice", {"identifier": choice_id}), option.text)

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
            _put_text(modal, option.feedback)
    if question.explanation.strip() or question.evidence.strip():
        modal = _sub(
            root,
            "modalFeedback",
            {"outcomeIdentifier": "FEEDBACK", "identifier": EXPLANATION_ID, "showHide": "hide"},
        )
        _put_text(modal, question.explanation)
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


def _manifest_xml(items: list[tuple[str, str]]) -> bytes:
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
    ET.indent(root)  # no mixed content in a manifest
    return _serialise(root, CP_NS)


def export_qti(quiz: ExportQuiz) -> bytes:
    """Export ``quiz`` as a QTI 2.1 content package: the bytes of a zip archive."""
    validate_quiz(quiz)
    items = [(f"item_{n}", f"items/item_{n}.xml") for n in range(1, len(quiz.questions) + 1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        write("imsmanifest.xml", _manifest_xml(items))
        write("test.xml", _test_xml(quiz, items))
        for (identifier, href), question in zip(items, quiz.questions, strict=True):
            write(href, _item_xml(question, identifier))
    return buffer.getvalue()


# --------------------------------------------------------------------------- import


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


_BLOCKS = frozenset({"p", "div", "blockquote", "li", "pre"})


def _flow_text(
    element: ET.Element,
    captured: dict[str, str],
    skip: Callable[[ET.Element], bool] = lambda _e: False,
) -> str:
    """Plain text of QTI content: ``<br/>`` as newline, ``class="quizapp-X"`` set aside."""
    out = [element.text or ""]
    for child in element:
        classes = (child.get("class") or "").split()
        key = next((c.removeprefix("quizapp-") for c in classes if c.startswith("quizapp-")), None)
        if skip(child):
            pass
        elif key is not None and key != "true-false":
            captured[key] = _flow_text(child, captured, skip).strip()
        elif _local(child.tag) == "br":
            out.append("\n")
        else:
            text = _flow_text(child, captured, skip)
            if _local(child.tag) in _BLOCKS and "".join(out).strip():
                text = "\n" + text
            out.append(text)
        out.append(child.tail or "")
    return "".join(out)


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ImportFormatError(f"the QTI package has no file {name!r}") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise ImportFormatError(f"{name} in the QTI package is too large")
    with archive.open(info) as member:
        # Read one byte past the limit: the size in the header may lie.
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise ImportFormatError(f"{name} in the QTI package is too large")
    return data


def _resolve(base: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(base, href))
    if href.startswith("/") or path.startswith("../") or path == ".." or ":" in href:
        raise ImportFormatError(f"the QTI manifest points outside the package: {href!r}")
    return path


def parse_qti(data: bytes) -> ExportQuiz:
    """Parse a QTI 2.1 content package (zip bytes) into an :class:`ExportQuiz`.

    Items are read in manifest order; each must hold one single-choice
    ``choiceInteraction`` with exactly one correct response.  Raises
    :class:`ImportFormatError` for a broken zip, missing manifest or files, a DTD,
    other interaction types, or a missing or ambiguous key.
    """
    if not isinstance(data, bytes | bytearray):
        raise ImportFormatError("a QTI package is a zip file: pass its bytes")
    if not data:
        raise ImportFormatError("the QTI package is empty")
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ImportFormatError("the QTI package has too many files")
            if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
                raise ImportFormatError("the QTI package is too large once unpacked")
            return _parse_package(archive)
    except ImportFormatError:
        raise
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


def _parse_package(archive: zipfile.ZipFile) -> ExportQuiz:
    manifest = parse_untrusted_xml(
        decode_xml(_read_member(archive, "imsmanifest.xml"), "imsmanifest.xml"),
        "imsmanifest.xml",
    )
    if _local(manifest.tag) != "manifest":
        raise ImportFormatError(
            f"imsmanifest.xml: root is <{_local(manifest.tag)}>, not <manifest>"
        )
    item_paths: list[str] = []
    test_path = None
    for resource in manifest.iter():
        if _local(resource.tag) != "resource":
            continue
        kind, href = resource.get("type", ""), resource.get("href")
        if kind not in (ITEM_TYPE, TEST_TYPE):
            continue
        if not href:
            raise ImportFormatError("imsmanifest.xml: a QTI resource has no href")
        if kind == ITEM_TYPE:
            item_paths.append(_resolve("", href))
        elif test_path is None:
            test_path = _resolve("", href)
    if not item_paths:
        raise ImportFormatError(f"imsmanifest.xml lists no resources of type {ITEM_TYPE}")

    title = article_title = source_url = ""
    if test_path is not None:
        test = _parse_qti_xml(archive, test_path, "assessmentTest")
        title = (test.get("title") or "").strip()
        captured: dict[str, str] = {}
        for rubric in test.iter(_q("rubricBlock")):
            _flow_text(rubric, captured)
        article_title = captured.get("article-title", "")
        source_url = captured.get("source-url", "")

    questions = []
    for number, path in enumerate(item_paths, start=1):
        question = _parse_item(_parse_qti_xml(archive, path, "assessmentItem"), path)
        try:
            check_question(question, number)
        except ImportFormatError as exc:
            raise ImportFormatError(f"{path}: {exc}") from None
        questions.append(question)
    return ExportQuiz(
        title=title,
        questions=tuple(questions),
        source_url=source_url,
        article_title=article_title,
    )


def _parse_qti_xml(archive: zipfile.ZipFile, path: str, root_name: str) -> ET.Element:
    root = parse_untrusted_xml(decode_xml(_read_member(archive, path), path), path)
    if _local(root.tag) != root_name or _namespace(root.tag) != QTI_NS:
        raise ImportFormatError(
            f"{path}: expected <{root_name}> in namespace {QTI_NS}, found {root.tag!r}"
        )
    return root


def _parse_item(root: ET.Element, path: str) -> ExportQuestion:
    interactions = [e for e in root.iter() if _local(e.tag).endswith("Interaction")]
    if len(interactions) != 1 or _local(interactions[0].tag) != "choiceInteraction":
        names = ", ".join(_local(e.tag) for e in interactions) or "none"
        raise ImportFormatError(f"{path}: expected exactly one choiceInteraction, found {names}")
    interaction = interactions[0]
    if interaction.get("maxChoices", "1") != "1":
        raise ImportFormatError(
            f"{path}: multiple-response items (maxChoices != 1) are not supported"
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
        raise ImportFormatError(
            f"{path}: {len(keys)} correct answers declared; exactly one is supported"
        )

    captured: dict[str, str] = {}
    body = root.find(_q("itemBody"))
    lead = _flow_text(body, captured, skip=lambda e: e is interaction) if body is not None else ""
    prompt = interaction.find(_q("prompt"))
    stem = "\n".join(
        part.strip()
        for part in (lead, _flow_text(prompt, captured) if prompt is not None else "")
        if part.strip()
    )
    choices = interaction.findall(_q("simpleChoice"))
    choice_ids = [c.get("identifier", "") for c in choices]
    if keys[0] not in choice_ids:
        raise ImportFormatError(
            f"{path}: the correct response {keys[0]!r} is not one of the choices"
        )

    feedback: dict[str, str] = {}
    explanation_parts = []
    evidence = ""
    for modal in root.findall(_q("modalFeedback")):
        found: dict[str, str] = {}
        text = _flow_text(modal, found).strip()
        evidence = evidence or found.get("evidence", "")
        if modal.get("identifier") in choice_ids and modal.get("showHide", "show") == "show":
            feedback[modal.get("identifier", "")] = text
        elif text:
            explanation_parts.append(text)
    options = [
        ExportOption(
            text=_flow_text(choice, {}).strip(),
            correct=choice.get("identifier") == keys[0],
            feedback=feedback.get(choice.get("identifier", ""), ""),
        )
        for choice in choices
    ]
    truefalse = TRUE_FALSE_CLASS in (interaction.get("class") or "").split()
    if truefalse:
        # Canonical (True, False) order, as every importer produces.
        options.sort(key=lambda o: o.text.strip().casefold() != "true")
    return ExportQuestion(
        stem=stem,
        options=tuple(options),
        kind=TRUE_FALSE if truefalse else MULTIPLE_CHOICE,
        explanation="\n".join(explanation_parts),
        evidence=evidence,
        # Our exports always carry label (possibly empty); other tools only a title.
        name=root.get("label", root.get("title", "")).strip(),
    )
