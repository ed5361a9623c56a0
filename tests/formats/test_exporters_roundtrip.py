"""Every format: export the special-character quiz, import it back, compare."""

from __future__ import annotations

import pytest

from quizapp.formats import (
    FORMATS,
    ExportQuiz,
    export_aiken,
    export_gift,
    export_json,
    export_moodle_xml,
    export_qti,
    normalise_aiken_text,
    parse_aiken,
    parse_gift,
    parse_json,
    parse_moodle_xml,
    parse_qti,
)
from tests.formats.samples import special_quiz, strip_quiz


def assert_same_quiz(expected: ExportQuiz, actual: ExportQuiz) -> None:
    """Field-by-field comparison, so a failure names the field that differs."""
    assert actual.title == expected.title
    assert actual.source_url == expected.source_url
    assert actual.article_title == expected.article_title
    assert len(actual.questions) == len(expected.questions)
    for want, got in zip(expected.questions, actual.questions, strict=True):
        assert got.stem == want.stem
        assert got.kind == want.kind
        assert got.name == want.name
        assert got.explanation == want.explanation
        assert got.evidence == want.evidence
        assert [o.text for o in got.options] == [o.text for o in want.options]
        assert [o.correct for o in got.options] == [o.correct for o in want.options]
        assert [o.feedback for o in got.options] == [o.feedback for o in want.options]
    assert actual == expected


def test_json_round_trip_is_exact() -> None:
    quiz = special_quiz()
    assert_same_quiz(quiz, parse_json(export_json(quiz)))


def test_json_accepts_str() -> None:
    quiz = special_quiz()
    assert parse_json(export_json(quiz).decode("utf-8")) == quiz


@pytest.mark.parametrize(
    ("export", "parse"),
    [(export_gift, parse_gift), (export_moodle_xml, parse_moodle_xml), (export_qti, parse_qti)],
    ids=["gift", "moodle-xml", "qti"],
)
def test_round_trip_keeps_every_field(export, parse) -> None:
    quiz = special_quiz()
    assert_same_quiz(strip_quiz(quiz), parse(export(quiz)))


def test_text_formats_trim_surrounding_whitespace() -> None:
    quiz = special_quiz()
    padded = quiz.questions[0].__class__(
        stem="  padded stem \n",
        options=quiz.questions[0].options,
        explanation="\n explanation  ",
        name=" name ",
    )
    padded_quiz = ExportQuiz(title=" T ", questions=(padded,))
    for name in ("gift", "moodle-xml", "qti"):
        fmt = FORMATS[name]
        assert fmt.parse is not None
        back = fmt.parse(fmt.export(padded_quiz))
        assert back.questions[0].stem == "padded stem", name
        assert back.questions[0].explanation == "explanation", name
        assert back.questions[0].name == "name", name
        assert back.title == "T", name


def test_aiken_round_trip_keeps_stems_options_and_keys() -> None:
    quiz = special_quiz()
    back = parse_aiken(export_aiken(quiz))
    assert back.title == ""
    assert len(back.questions) == len(quiz.questions)
    for want, got in zip(quiz.questions, back.questions, strict=True):
        assert got.stem == normalise_aiken_text(want.stem)
        assert "\n" not in got.stem
        assert [o.text for o in got.options] == [normalise_aiken_text(o.text) for o in want.options]
        assert [o.correct for o in got.options] == [o.correct for o in want.options]
        # Documented losses: no feedback, explanation, evidence, name, true/false kind.
        assert all(o.feedback == "" for o in got.options)
        assert (got.explanation, got.evidence, got.name) == ("", "", "")
        assert got.kind == "multiple_choice"


def test_gift_keeps_true_false_apart_from_true_false_multiple_choice() -> None:
    quiz = special_quiz()
    text = export_gift(quiz).decode("utf-8")
    assert "{TRUE#No \\~ it was true#Correct \\# indeed####" in text
    assert "{FALSE##Right, it is false}" in text
    back = parse_gift(text)
    assert [q.kind for q in back.questions] == [q.kind for q in quiz.questions]


def test_true_false_options_come_back_in_canonical_order() -> None:
    quiz = special_quiz()
    tf = quiz.questions[1]
    reordered = ExportQuiz(
        title="t",
        questions=(tf.__class__(stem=tf.stem, options=tf.options[::-1], kind=tf.kind),),
    )
    for name in ("gift", "moodle-xml", "qti", "json"):
        fmt = FORMATS[name]
        assert fmt.parse is not None
        back = fmt.parse(fmt.export(reordered)).questions[0]
        expected = tf.options[::-1] if name == "json" else tf.options
        assert back.options == expected, name


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_registry_entries_export_and_parse(name: str) -> None:
    fmt = FORMATS[name]
    assert fmt.name == name
    assert fmt.extension.startswith(".")
    assert "/" in fmt.mimetype
    data = fmt.export(special_quiz())
    assert isinstance(data, bytes)
    assert fmt.parse is not None
    assert len(fmt.parse(data).questions) == len(special_quiz().questions)
    assert fmt.filename(special_quiz()).endswith(fmt.extension)
    assert "/" not in fmt.filename(special_quiz())


def test_exports_are_deterministic() -> None:
    for fmt in FORMATS.values():
        assert fmt.export(special_quiz()) == fmt.export(special_quiz()), fmt.name
