"""The exported files checked with independent parsers (stdlib ElementTree, zipfile).

Schema validation: Moodle publishes no XSD, and the official QTI 2.1 XSD is not
available offline here (and lxml is not installed), so these are structural
assertions on the elements and attributes the importing platforms rely on.
"""

from __future__ import annotations

import html
import io
import zipfile
from xml.etree import ElementTree as ET  # noqa: S405 - parses our own trusted output

from quizapp.formats import export_gift, export_moodle_xml, export_qti, parse_gift
from tests.formats.samples import SPECIAL, special_quiz

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def parse_trusted(data: bytes) -> ET.Element:
    return ET.fromstring(data)  # noqa: S314 - our own output, no DTD


def test_moodle_xml_structure() -> None:
    quiz = special_quiz()
    root = parse_trusted(export_moodle_xml(quiz))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [q.get("type") for q in questions] == [
        "category",
        "multichoice",
        "truefalse",
        "truefalse",
        "multichoice",
    ]
    assert questions[0].findtext("category/text", "").startswith("$course$/top/Quiz")

    mc = questions[1]
    assert mc.findtext("name/text") == quiz.questions[0].name
    assert mc.find("questiontext").get("format") == "html"
    stem_html = mc.findtext("questiontext/text")
    # Plain text reaches Moodle HTML-escaped: the script tag is text, not markup.
    assert "&lt;script&gt;" in stem_html
    assert "<script>" not in stem_html
    assert "<br>" in stem_html
    assert html.unescape(stem_html.split("<br>")[0]) == "Stem " + SPECIAL
    assert mc.findtext("single") == "true"
    assert mc.findtext("shuffleanswers") == "true"
    assert mc.findtext("answernumbering") == "abc"
    answers = mc.findall("answer")
    assert [a.get("fraction") for a in answers] == ["0", "100", "0", "0"]
    assert all(a.get("format") == "html" for a in answers)
    assert html.unescape(answers[1].findtext("text")) == "Right " + SPECIAL
    assert answers[0].find("feedback").get("format") == "html"
    assert html.unescape(answers[0].findtext("feedback/text")) == "Changed: " + SPECIAL
    general = mc.findtext("generalfeedback/text")
    assert general.startswith("Because ")
    assert 'class="quizapp-evidence"' in general

    tf = questions[2]
    tf_answers = tf.findall("answer")
    assert [(a.findtext("text"), a.get("fraction")) for a in tf_answers] == [
        ("true", "100"),
        ("false", "0"),
    ]
    false_tf = questions[3]
    assert [a.get("fraction") for a in false_tf.findall("answer")] == ["0", "100"]


def test_qti_package_structure() -> None:
    quiz = special_quiz()
    archive = zipfile.ZipFile(io.BytesIO(export_qti(quiz)))
    names = set(archive.namelist())
    assert archive.testzip() is None
    manifest = parse_trusted(archive.read("imsmanifest.xml"))
    assert manifest.tag == CP + "manifest"
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    items = [r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
    tests = [r for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
    assert len(items) == len(quiz.questions)
    assert len(tests) == 1
    for resource in resources:
        assert resource.get("href") in names
        assert resource.find(f"{CP}file").get("href") == resource.get("href")
    item_ids = [r.get("identifier") for r in items]
    assert [d.get("identifierref") for d in tests[0].findall(f"{CP}dependency")] == item_ids

    test = parse_trusted(archive.read(tests[0].get("href")))
    assert test.tag == QTI + "assessmentTest"
    assert test.get("title") == quiz.title
    refs = test.findall(f".//{QTI}assessmentItemRef")
    assert [r.get("href") for r in refs] == [r.get("href") for r in items]
    assert test.find(f".//{QTI}rubricBlock").get("view") == "candidate"

    for resource, question in zip(items, quiz.questions, strict=True):
        item = parse_trusted(archive.read(resource.get("href")))
        assert item.tag == QTI + "assessmentItem"
        assert item.get("identifier") and item.get("title")
        assert item.get("adaptive") == "false" and item.get("timeDependent") == "false"
        declaration = item.find(f"{QTI}responseDeclaration")
        assert declaration.get("cardinality") == "single"
        assert declaration.get("baseType") == "identifier"
        keys = [v.text for v in declaration.findall(f"{QTI}correctResponse/{QTI}value")]
        assert len(keys) == 1
        outcomes = {o.get("identifier"): o for o in item.findall(f"{QTI}outcomeDeclaration")}
        assert outcomes["SCORE"].get("baseType") == "float"
        interaction = item.find(f"{QTI}itemBody/{QTI}choiceInteraction")
        assert interaction.get("maxChoices") == "1"
        assert interaction.get("responseIdentifier") == declaration.get("identifier")
        choices = interaction.findall(f"{QTI}simpleChoice")
        assert len(choices) == len(question.options)
        choice_ids = [c.get("identifier") for c in choices]
        assert len(set(choice_ids)) == len(choice_ids)
        assert keys[0] in choice_ids
        key_choice = choices[choice_ids.index(keys[0])]
        assert "".join(key_choice.itertext()) == question.key.text
        processing = item.find(f"{QTI}responseProcessing")
        assert processing.get("template", "").endswith("/rptemplates/match_correct")
        modal = item.findall(f"{QTI}modalFeedback")
        assert all(m.get("outcomeIdentifier") in outcomes for m in modal)
        # Children in the order the QTI 2.1 schema requires.
        order = [child.tag.removeprefix(QTI) for child in item]
        expected_order = [
            "responseDeclaration",
            "outcomeDeclaration",
            "itemBody",
            "responseProcessing",
            "modalFeedback",
        ]
        assert sorted(order, key=expected_order.index) == order

    first = parse_trusted(archive.read(items[0].get("href")))
    prompt = first.find(f".//{QTI}prompt")
    assert "".join(prompt.itertext()).startswith("Stem " + SPECIAL)
    assert prompt.find(f"{QTI}br") is not None  # the newline


def test_gift_text_is_escaped_and_moodle_shaped() -> None:
    text = export_gift(special_quiz()).decode("utf-8")
    block = text.split("\n\n")[1]
    lines = block.split("\n")
    assert lines[0].startswith("// quizapp-evidence: ")
    assert lines[1].startswith("::q1 \\:\\: Tilde \\~ equals \\= hash \\# braces \\{ \\} colon \\:")
    assert "::[plain]Stem " in lines[1]
    assert lines[1].endswith("{")
    assert "\\n" in lines[1]  # newline escaped, not a raw line break
    assert lines[2].startswith("\t~Wrong")
    assert lines[3].startswith("\t=Right")
    assert lines[4] == "\t~%0%%50% of voters"  # explicit weight shields the leading %50%
    assert lines[5].startswith("\t~[plain][html] <i>literal</i>#[plain][plain] marker")
    assert lines[6].startswith("\t####Because")
    assert lines[7] == "}"


def test_gift_reads_hand_written_moodle_examples() -> None:
    quiz = parse_gift(
        "// comment line\n"
        "$CATEGORY: $course$/Geography\n"
        "\n"
        "::Q1:: Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#Right!}\n"
        "\n"
        "Grant is {~buried =entombed ~living} in Grant's tomb.\n"
        "\n"
        "Grant was born in 1822.{T}\n"
        "\n"
        "[html]The sun <b>rises</b> in the west.{FALSE#Wrong.#Yes.####It rises in the east.}\n"
        "\n"
        "Weighted {~%-50%bad ~%0%also bad ~%100%good}\n"
    )
    assert quiz.title == "$course$/Geography"
    q1, q2, q3, q4, q5 = quiz.questions
    assert q1.name == "Q1"
    assert q1.stem == "Who's buried in Grant's tomb?"
    assert q1.key.text == "no one" and q1.key.feedback == "Right!"
    assert q2.stem == "Grant is _____ in Grant's tomb."
    assert q3.kind == "true_false" and q3.is_true_key()
    assert q4.stem == "The sun rises in the west."
    assert not q4.is_true_key()
    assert q4.truefalse_option(True).feedback == "Wrong."
    assert q4.truefalse_option(False).feedback == "Yes."
    assert q4.explanation == "It rises in the east."
    assert q5.key.text == "good"
