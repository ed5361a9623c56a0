"""Malformed input: every parser raises ImportFormatError with a useful message."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from quizapp.formats import (
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    ImportFormatError,
    InvalidQuizError,
    NothingToImport,
    export_gift,
    export_json,
    export_qti,
    parse_aiken,
    parse_gift,
    parse_json,
    parse_moodle_xml,
    parse_qti,
)
from tests.formats.samples import special_quiz

GIFT_CASES = [
    ("", "no questions"),
    ("// only a comment\n", "no questions"),
    ("Question {=a ~b", "unterminated '{'"),
    ("Q {=a =b ~c}", "2 options are marked correct"),
    ("Q {~a ~b}", "no option is marked correct"),
    ("Q {~%50%a =b}", "partial-credit"),
    ("Q {#1822:5}", "numerical"),
    ("Q {}", "essay"),
    ("Q {=a =b}", "short-answer"),
    ("Q {=a -> b =c -> d}", "matching"),
    ("Just a description", "no answer block"),
    ("::name Q {=a ~b}", "not closed"),
    ("Q {=a ~b} and {=c ~d}", "one answer block"),
    ("Q } =a", "without a matching '{'"),
    ("Q {=a {~b}", "unescaped '{'"),
    ("Q {=a}", "short-answer"),
    ("Q {=a ~ }", "option 2 has no text"),
    ("{=a ~b}", "question text is empty"),
    ("Q {junk =a ~b}", "text before the first answer"),
    (b"\xff\xfeQ {=a ~b}", "not valid UTF-8"),
]


@pytest.mark.parametrize(("text", "message"), GIFT_CASES)
def test_gift_bad_input(text: str | bytes, message: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_gift(text)


def test_gift_error_has_line_number() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_gift("// comment\nSecond\nquestion {=a\n~b\n")
    assert "line 3) skipped: unterminated" in str(info.value)


def test_gift_skips_a_bad_question_and_keeps_the_rest() -> None:
    quiz = parse_gift("Good {=a ~b}\n\n// comment\n::Q2::Second\nquestion {=a\n~b\n")
    assert [q.stem for q in quiz.questions] == ["Good"]
    (skipped,) = quiz.skipped
    assert (skipped.number, skipped.name, skipped.line) == (2, "Q2", 5)
    assert skipped.reason.startswith("unterminated")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<quiz><question type="multichoice"><questiontext><text>&lol2;</text></questiontext>
</question></quiz>
"""
XXE = """<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<quiz>&x;</quiz>"""
# XML is case-sensitive: a lower-case doctype is no DTD, only bad XML, and refused as such.
LOWER_XXE = """<?xml version="1.0"?><!doctype quiz [<!entity x SYSTEM "file:///etc/passwd">]>
<quiz>&x;</quiz>"""
# An external DTD alone declares nothing and is never read: the quiz is read as if it had none.
EXTERNAL_DTD = """<?xml version="1.0"?><!DOCTYPE quiz SYSTEM "http://example.invalid/q.dtd">
<quiz/>"""


def moodle(body: str) -> str:
    return f"<?xml version='1.0' encoding='UTF-8'?><quiz>{body}</quiz>"


def mc(*answers: str, qtype: str = "multichoice", extra: str = "") -> str:
    return moodle(
        f'<question type="{qtype}"><name><text>n</text></name>'
        f'<questiontext format="html"><text>Stem</text></questiontext>{extra}'
        + "".join(answers)
        + "</question>"
    )


def answer(fraction: str, text: str) -> str:
    return f'<answer fraction="{fraction}" format="html"><text>{text}</text></answer>'


MOODLE_CASES = [
    ("", "empty"),
    ("   \n", "empty"),
    ("<quiz>", "not well-formed XML"),
    ("<quiz><question></quiz>", "not well-formed XML"),
    (BILLION_LAUGHS, "DTD"),
    (XXE, "DTD"),
    (LOWER_XXE, "not well-formed XML"),
    (EXTERNAL_DTD, "no questions"),
    ("<notquiz/>", "expected <quiz>"),
    (moodle(""), "no questions"),
    (
        moodle('<question type="category"><category><text>x</text></category></question>'),
        "no questions",
    ),
    (mc(qtype="essay"), "unsupported question type"),
    (mc(qtype="shortanswer"), "unsupported question type"),
    (mc(answer("0", "a"), answer("0", "b")), "no option is marked correct"),
    (mc(answer("100", "a"), answer("100", "b")), "2 options are marked correct"),
    (mc(answer("50", "a"), answer("100", "b")), "partial-credit"),
    (mc(answer("abc", "a"), answer("100", "b")), "not a number"),
    (mc(answer("100", "a")), "at least two options"),
    (mc(answer("100", "a"), answer("0", "b"), extra="<single>false</single>"), "multiple-answer"),
    (mc(answer("100", "true"), answer("100", "false"), qtype="truefalse"), "both"),
    (mc(answer("0", "true"), answer("0", "false"), qtype="truefalse"), "neither"),
    (mc(answer("100", "yes"), answer("0", "no"), qtype="truefalse"), "true or false"),
    (mc(answer("100", "true"), qtype="truefalse"), "one 'true' and one 'false'"),
    (b"\xff\xfe\x00", "not valid"),
    (b'<?xml version="1.0" encoding="no-such-codec"?><quiz/>', "unknown encoding"),
]


@pytest.mark.parametrize(("data", "message"), MOODLE_CASES)
def test_moodle_xml_bad_input(data: str | bytes, message: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_moodle_xml(data)


def test_moodle_xml_error_has_line_number() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_moodle_xml("<quiz>\n<question>\n</quiz>\n")
    assert info.value.line == 3


def test_moodle_xml_accepts_latin1_declaration() -> None:
    data = mc(answer("100", "caf\xe9"), answer("0", "b")).replace("UTF-8", "ISO-8859-1")
    quiz = parse_moodle_xml(data.encode("latin-1"))
    assert quiz.questions[0].key.text == "café"


def rezip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def package_files() -> dict[str, bytes | str]:
    archive = zipfile.ZipFile(io.BytesIO(export_qti(special_quiz())))
    return {name: archive.read(name) for name in archive.namelist()}


def edited(name: str, old: str, new: str, count: int = 1) -> bytes:
    files = package_files()
    text = files[name].decode() if isinstance(files[name], bytes) else files[name]
    assert old in text
    files[name] = text.replace(old, new, count)
    return rezip(files)


def without(name: str) -> bytes:
    files = package_files()
    del files[name]
    return rezip(files)


QTI_CASES = [
    (b"", "empty"),
    (b"this is not a zip", "not a readable zip"),
    ("a string", "pass its bytes"),
    (export_qti(special_quiz())[:300], "not a readable zip"),
    (rezip({"readme.txt": "hi"}), "no file 'imsmanifest.xml'"),
    (without("items/item_2.xml"), "no file 'items/item_2.xml'"),
    (edited("imsmanifest.xml", "<manifest", "<!DOCTYPE m [<!ENTITY a 'b'>]><manifest"), "DTD"),
    (
        edited("imsmanifest.xml", 'href="items/item_1.xml">', 'href="../item_1.xml">'),
        "outside the package",
    ),
    (edited("imsmanifest.xml", "imsqti_item_xmlv2p1", "webcontent"), None),
    (edited("items/item_1.xml", "</assessmentItem>", ""), "not well-formed"),
]


QTI_ITEM_CASES = [
    (
        edited(
            "items/item_1.xml",
            "<value>choice_2</value>",
            "<value>choice_2</value><value>choice_1</value>",
        ),
        "2 correct answers",
    ),
    (
        edited(
            "items/item_1.xml", "<correctResponse><value>choice_2</value></correctResponse>", ""
        ),
        "no correct answer",
    ),
    (
        edited("items/item_1.xml", "<value>choice_2</value>", "<value>nope</value>"),
        "not one of the choices",
    ),
    (edited("items/item_1.xml", 'maxChoices="1"', 'maxChoices="2"'), "maxChoices"),
    (
        edited("items/item_1.xml", "choiceInteraction", "textEntryInteraction", -1),
        "expected exactly one choiceInteraction",
    ),
    (
        edited("items/item_1.xml", "imsqti_v2p1", "imsqti_v2p0", -1),
        "is QTI 2.0; quizapp reads QTI 2.1",
    ),
]


@pytest.mark.parametrize(("data", "message"), QTI_ITEM_CASES)
def test_qti_bad_item_is_skipped(data: bytes, message: str) -> None:
    quiz = parse_qti(data)
    assert len(quiz.questions) == len(special_quiz().questions) - 1
    (skipped,) = quiz.skipped
    assert skipped.number == 1 and message in skipped.reason


@pytest.mark.parametrize(("data", "message"), QTI_CASES)
def test_qti_bad_input(data: bytes, message: str | None) -> None:
    if message is None:  # one item is no longer a QTI item resource: it is skipped
        quiz = parse_qti(data)
        assert len(quiz.questions) == len(special_quiz().questions) - 1
        return
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_qti(data)


def test_qti_refuses_zip_bomb_sizes() -> None:
    big = rezip({"imsmanifest.xml": b" " * (11 * 1024 * 1024)})
    with pytest.raises(ImportFormatError, match="too large"):
        parse_qti(big)


AIKEN_CASES = [
    ("", "no questions"),
    ("Q\nA. a\nB. b", "no 'ANSWER: X'"),
    ("Q\nA. a\nB. b\n", "expected 'ANSWER: X'"),
    ("Q\nA. a\nC. c\nANSWER: A\n", "out of sequence"),
    ("Q\nA. a\nB. b\nANSWER: Z\n", "ANSWER must be one of"),
    ("Q\nA. a\nB. b\nANSWER: \n", "ANSWER must be one of"),
    ("A. a\nB. b\nANSWER: A\n", "expected the question text"),
    ("Q\nA. a\nANSWER: A\n", "at least two options"),
    ("Q\nA. a\nB. b\nsomething else\n", "expected an option"),
    ("Q\n\nA. a\n", "not followed by options"),
    ("Q\nA. a\n\nB. b\nANSWER: A", "blank line inside a question"),
    (b"\xc3\x28", "not valid UTF-8"),
]


@pytest.mark.parametrize(("text", "message"), AIKEN_CASES)
def test_aiken_bad_input(text: str | bytes, message: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_aiken(text)


def test_aiken_error_has_line_number() -> None:
    quiz = parse_aiken("Q1\nA. a\nB. b\nANSWER: A\n\nQ2\nA. a\nD. d\n")
    assert [q.stem for q in quiz.questions] == ["Q1"]
    (skipped,) = quiz.skipped
    assert (skipped.number, skipped.line) == (2, 8) and "out of sequence" in skipped.reason


def good_json() -> dict:
    return json.loads(export_json(special_quiz()))


def mutated(change) -> str:
    document = good_json()
    change(document)
    return json.dumps(document)


JSON_CASES = [
    ("", "empty"),
    ("{", "invalid JSON"),
    ("[]", "must be a JSON object"),
    ("[" * 100_000 + "]" * 100_000, "invalid JSON"),
    (mutated(lambda d: d.update(format="other")), "not a quizapp quiz"),
    (mutated(lambda d: d.update(version=2)), "unsupported quizapp quiz version 2"),
    (mutated(lambda d: d.update(version=True)), "unsupported quizapp quiz version"),
    (mutated(lambda d: d.update(questions={})), "'questions' must be a list"),
    (mutated(lambda d: d.update(questions=[])), "no questions"),
    (mutated(lambda d: d.update(title=None)), "'title' must be a string"),
    (b"\xff", "not valid UTF-8"),
]


@pytest.mark.parametrize(("text", "message"), JSON_CASES)
def test_json_bad_input(text: str | bytes, message: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        parse_json(text)


def first_question(change) -> str:
    return mutated(lambda d: change(d["questions"][0]))


#: A wrong question is skipped with its reason; the file's other questions come in.
JSON_QUESTION_CASES = [
    (mutated(lambda d: d["questions"].__setitem__(0, "x")), "question 1 must be a JSON object"),
    (first_question(lambda q: q.pop("stem")), "question 1: missing 'stem'"),
    (first_question(lambda q: q.update(stem=3)), "'stem' must be a string"),
    (first_question(lambda q: q.update(kind="essay")), "unknown kind 'essay'"),
    (first_question(lambda q: q.update(options=None)), "'options' must be a list"),
    (
        first_question(lambda q: q["options"][0].update(correct="yes")),
        "'correct' must be true or false",
    ),
    (
        first_question(lambda q: q["options"][0].update(correct=True)),
        "2 options are marked correct",
    ),
]


@pytest.mark.parametrize(("text", "message"), JSON_QUESTION_CASES)
def test_json_skips_a_wrong_question(text: str, message: str) -> None:
    quiz = parse_json(text)
    (skipped,) = quiz.skipped
    assert skipped.number == 1 and message in skipped.reason
    assert len(quiz.questions) == len(special_quiz().questions) - 1


def test_json_with_no_right_question_is_refused_with_the_report() -> None:
    document = good_json()
    document["questions"] = [{"name": "essay one", "kind": "essay", "stem": "Why?", "options": []}]
    with pytest.raises(NothingToImport) as info:
        parse_json(json.dumps(document))
    (skipped,) = info.value.skipped
    assert (skipped.number, skipped.name, skipped.type) == (1, "essay one", "essay")


def test_json_error_has_line_number() -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_json('{\n  "format": "quizapp-quiz",\n  "version": 1,\n  oops\n}')
    assert info.value.line == 4


def test_import_errors_are_value_errors() -> None:
    assert issubclass(ImportFormatError, ValueError)
    assert issubclass(InvalidQuizError, ValueError)


INVALID_QUIZZES = [
    (ExportQuiz("t", ()), "no questions"),
    (ExportQuiz("t", (ExportQuestion("s", (ExportOption("a", True),)),)), "at least two"),
    (
        ExportQuiz(
            "t", (ExportQuestion("s", (ExportOption("a", False), ExportOption("b", False))),)
        ),
        "no option is marked correct",
    ),
    (
        ExportQuiz(
            "t", (ExportQuestion(" ", (ExportOption("a", True), ExportOption("b", False))),)
        ),
        "question text is empty",
    ),
    (
        ExportQuiz(
            "t",
            (
                ExportQuestion(
                    "s", (ExportOption("a", True), ExportOption("b", False)), kind="true_false"
                ),
            ),
        ),
        "exactly the options True and False",
    ),
    (
        ExportQuiz(
            "t", (ExportQuestion("s", tuple(ExportOption(str(n), n == 0) for n in range(27))),)
        ),
        "more than 26",
    ),
    (
        ExportQuiz(
            "t",
            (
                ExportQuestion(
                    "s", (ExportOption("a", True), ExportOption("b", False)), kind="essay"
                ),
            ),
        ),
        "unknown kind",
    ),
]


@pytest.mark.parametrize(("quiz", "message"), INVALID_QUIZZES)
def test_exporters_refuse_invalid_quizzes(quiz: ExportQuiz, message: str) -> None:
    for export in (export_gift, export_json, export_qti):
        with pytest.raises(InvalidQuizError, match=re.escape(message)):
            export(quiz)
