"""Property tests: arbitrary printable text round-trips through the lossless formats."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.formats import (
    TRUE_FALSE,
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    export_gift,
    export_json,
    export_moodle_xml,
    export_qti,
    parse_gift,
    parse_json,
    parse_moodle_xml,
    parse_qti,
    truefalse_options,
)
from tests.formats.samples import strip_quiz

# Printable text: no control, surrogate, private-use or unassigned code points (XML
# cannot carry most of them), plus the characters the formats treat specially.
_chars = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")) | st.sampled_from(
    list("~=#{}:\\\n<>&[]%/\"'") + ["####", "::", "]]>", "&amp;", "<br>", "[html]", "%50%"]
)
text = st.lists(_chars, max_size=12).map("".join)
nonblank = text.filter(lambda s: bool(s.strip()))
single_line = text.map(lambda s: s.replace("\n", " "))


@st.composite
def questions(draw) -> ExportQuestion:
    common = {
        "stem": draw(nonblank),
        "explanation": draw(text),
        "evidence": draw(text),
        "name": draw(text),
    }
    if draw(st.booleans()):
        options = truefalse_options(draw(st.booleans()), draw(text), draw(text))
        return ExportQuestion(options=options, kind=TRUE_FALSE, **common)
    texts = draw(st.lists(nonblank, min_size=2, max_size=5))
    key = draw(st.integers(0, len(texts) - 1))
    options = tuple(ExportOption(t, i == key, draw(text)) for i, t in enumerate(texts))
    return ExportQuestion(options=options, **common)


quizzes = st.builds(
    ExportQuiz,
    title=single_line,
    questions=st.lists(questions(), min_size=1, max_size=3).map(tuple),
    source_url=text,
    article_title=text,
)

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,  # keep the work tree free of .hypothesis/ files
    suppress_health_check=[HealthCheck.too_slow],
)


# A hundred examples each, about 40 s in all: make test runs them, make test-fast does not.
pytestmark = pytest.mark.slow


@SETTINGS
@given(quizzes)
def test_json_round_trip(quiz: ExportQuiz) -> None:
    assert parse_json(export_json(quiz)) == quiz


@SETTINGS
@given(quizzes)
def test_gift_round_trip(quiz: ExportQuiz) -> None:
    assert parse_gift(export_gift(quiz)) == strip_quiz(quiz)


@SETTINGS
@given(quizzes)
def test_moodle_xml_round_trip(quiz: ExportQuiz) -> None:
    assert parse_moodle_xml(export_moodle_xml(quiz)) == strip_quiz(quiz)


@SETTINGS
@given(quizzes)
def test_qti_round_trip(quiz: ExportQuiz) -> None:
    assert parse_qti(export_qti(quiz)) == strip_quiz(quiz)
