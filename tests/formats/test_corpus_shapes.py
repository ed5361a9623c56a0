"""Shapes the real-file corpus (bench/import_corpus.py) showed, in quiz text written here."""

from __future__ import annotations

import base64

from quizapp.formats import parse_gift, parse_moodle_xml, parse_qti

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

#: A QTI 2.1 item without a namespace that names the QTI DTD (which would give the namespace).
QTI_WITH_DOCTYPE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE assessmentItem SYSTEM "http://www.imsglobal.org/xsd/imsqti_v2p1.dtd">
<assessmentItem identifier="rivers" title="Rivers" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>B</value></correctResponse>
  </responseDeclaration>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>Which river flows through Vienna?</prompt>
      <simpleChoice identifier="A">The Rhine</simpleChoice>
      <simpleChoice identifier="B">The Danube</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing
    template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>
"""


def test_a_qti_item_naming_the_dtd_is_read_without_reading_the_dtd() -> None:
    quiz = parse_qti(QTI_WITH_DOCTYPE.encode())
    (question,) = quiz.questions
    assert question.stem == "Which river flows through Vienna?"
    assert [(o.text, o.correct) for o in question.options] == [
        ("The Rhine", False),
        ("The Danube", True),
    ]


MOODLE_19_IMAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Old picture</text></name>
    <questiontext format="html"><text>Which shape is drawn?</text></questiontext>
    <image>shapes/square.png</image>
    <image_base64>
{base64.b64encode(PNG).decode()}
    </image_base64>
    <single>true</single>
    <answer fraction="100"><text>A square</text></answer>
    <answer fraction="0"><text>A circle</text></answer>
  </question>
</quiz>
"""


def test_moodle_19_image_field_is_kept() -> None:
    (question,) = parse_moodle_xml(MOODLE_19_IMAGE).questions
    assert question.stem == "Which shape is drawn?"
    assert question.stem_html == ('Which shape is drawn?<p><img src="square.png" alt=""></p>')
    assert [(m.name, m.data) for m in question.media] == [("square.png", PNG)]


def test_linked_sound_files_are_reported_as_dropped_media() -> None:
    moodle = """<quiz><question type="multichoice"><name><text>Hello</text></name>
      <questiontext format="html"><text><![CDATA[<p><a href="@@PLUGINFILE@@/hola.mp3">Listen</a>:
        which language?</p>]]></text>
        <file name="hola.mp3" encoding="base64">SUQzAwAAAAAA</file></questiontext>
      <answer fraction="100"><text>Spanish</text></answer>
      <answer fraction="0"><text>Italian</text></answer></question></quiz>"""
    report = parse_moodle_xml(moodle).report()
    assert "Question 1 “Hello”: linked file hola.mp3 dropped: quizapp keeps images only" in report
    assert not any("no text of the question shows it" in line for line in report)

    gift = (
        '::Hello::[html]<a href\\="https\\://example.org/hola.mp3">Listen</a> '
        "which language?{=Spanish ~Italian}"
    )
    report = parse_gift(gift).report()
    assert any("linked file https://example.org/hola.mp3 dropped" in line for line in report)


def test_a_gift_answer_block_without_markers_is_a_short_answer() -> None:
    quiz = parse_gift("Spell the number 1.{One}\n\nPick one.{=yes ~no}\n")
    (skipped,) = quiz.skipped
    assert (skipped.number, skipped.type) == (1, "short answer")
    assert [q.stem for q in quiz.questions] == ["Pick one."]
