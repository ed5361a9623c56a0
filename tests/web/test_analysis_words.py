"""The item analysis in plain words, its summary of what needs attention, the empty state,
option shares, and the scatter chart's labels kept apart."""

from __future__ import annotations

import itertools
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import Quiz
from quizapp.services.stats import quiz_stats
from quizapp.web import charts
from quizapp.web.editor import wording
from tests.factories import make_quiz, submit_attempt


@pytest.mark.parametrize(
    ("share", "words"),
    [
        (0.0, "none"),
        (0.03, "hardly any"),
        (0.1, "about one in ten"),
        (0.35, "about a third"),
        (0.5, "about half"),
        (0.68, "about two thirds"),
        (0.97, "nearly all"),
        (1.0, "all"),
    ],
)
def test_shares_in_words(share: float, words: str) -> None:
    assert wording.share_in_words(share) == words


def test_sentences_say_what_the_numbers_mean() -> None:
    assert (
        wording.facility_sentence(0.35)
        == "Facility 35%: about a third of the takers got this right."
    )
    assert "far more often" in wording.discrimination_sentence(0.45)
    assert "hardly more often" in wording.discrimination_sentence(0.02)
    assert "check its key" in wording.discrimination_sentence(-0.3)
    assert "dependable" in wording.alpha_sentence(0.85)
    assert "needs at least two questions" in wording.alpha_sentence(None)
    for flag in ("too easy", "too hard", "does not discriminate", "non-functioning distractor"):
        assert wording.FLAG_HELP[flag].todo


def _boxes(scatter: charts.Scatter) -> list[tuple[float, float, float, float]]:
    return [charts._label_box(p.label_x, p.label_y, p.label, p.anchor) for p in scatter.points]


def test_point_labels_do_not_overlap_each_other_or_the_points() -> None:
    # Ten questions crowded into one corner, two on the very same spot.
    items = [(f"Q{i}", 0.9 + 0.01 * (i % 5), 0.2 + 0.02 * (i // 2)) for i in range(1, 11)]
    items.append(("Q11", 0.95, 0.22))
    scatter = charts.scatter(items)  # type: ignore[arg-type]
    boxes = _boxes(scatter)
    for a, b in itertools.combinations(boxes, 2):
        assert charts._overlap(a, b) == 0, (a, b)
    for box, point in itertools.product(boxes, scatter.points):
        dot = (point.x - 5, point.y - 5, point.x + 5, point.y + 5)
        assert charts._overlap(box, dot) == 0
    for box in boxes:
        assert box[0] >= 0 and box[2] <= scatter.width and box[1] >= 0


def _answer_all(quiz: Quiz, name: str, wrong: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    answers = {}
    for i, q in enumerate(quiz.questions):
        key = q.correct_choice
        other = next(c for c in q.choices if not c.is_correct)
        answers[q.id] = other.id if i in wrong else key.id  # type: ignore[union-attr]
    submit_attempt(quiz, name, answers)


def test_analysis_before_any_attempt_is_an_empty_state(
    editor_client: FlaskClient, quiz: Quiz
) -> None:
    html = editor_client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert "Nobody has taken this quiz yet" in html
    assert "0.0%" not in html and "Facility" not in html and "<svg" not in html
    assert f'href="/quizzes/{quiz.id}"' in html  # published: a way to the public quiz
    assert html.count("Retire and generate a replacement") == 3


def test_flags_are_summarised_with_what_to_do(editor_client: FlaskClient, app: Flask) -> None:
    quiz = make_quiz(n_questions=3, title="Flagged")
    # 20 attempts: everyone right on Q1 (too easy), nearly everyone wrong on Q3 (too hard).
    for i in range(20):
        _answer_all(quiz, f"T{i}", wrong={2} if i else set())
    stats = quiz_stats(quiz)
    assert [bool(q.flags) for q in stats.questions] == [True, True, True]
    html = editor_client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    summary = html.split('class="attention"', 1)[1].split("</section>", 1)[0]
    assert "3 questions need attention" in summary
    assert "too easy" in summary and "too hard" in summary
    first = quiz.questions[0]
    assert f'href="#q{first.id}-title"' in summary
    assert f'href="/editor/questions/{first.id}/edit">Edit Q1</a>' in summary
    # a distractor nobody chose is highlighted beside its bar, with words
    assert "non-functioning" in html and "Not working" in html
    assert re.search(r'<rect class="share-fill" width="100\.0"', html)  # Q1: everyone right
    assert '100% <span class="meta">(20 of 20)</span>' in html


def test_questions_missing_from_the_chart_are_named(editor_client: FlaskClient) -> None:
    quiz = make_quiz(n_questions=3, title="Everyone right on Q1")
    for i in range(4):
        _answer_all(quiz, f"T{i}", wrong={1} if i % 2 else {2})
    html = editor_client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    first = quiz.questions[0].id
    assert re.search(rf'Not on the chart.*<a href="#q{first}-title">Q1</a>\.', html)


def test_each_question_s_options_are_folded_unless_it_needs_attention(
    editor_client: FlaskClient,
) -> None:
    """Twelve open option tables made the page about fifty phone screens long: a question that
    needs no attention shows its options folded; a flagged one, or any before attempts, open."""
    quiz = make_quiz(n_questions=3, title="Folded")
    html = editor_client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert html.count('<details class="options-details" open>') == 3  # nothing to judge yet
    for i in range(8):
        _answer_all(quiz, f"T{i}", wrong={i % 3} if i % 2 else set())
    flagged = [bool(q.flags) for q in quiz_stats(quiz).questions]
    html = editor_client.get(f"/editor/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert html.count('<details class="options-details" open>') == sum(flagged)
    assert html.count('<details class="options-details">') == flagged.count(False)
    assert html.count("<summary>Options and how often each was chosen</summary>") == 3
