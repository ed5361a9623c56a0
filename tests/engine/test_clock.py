"""A goal's minute is never asked nor changed: blind judges called it trivia (2.13.0)."""

from __future__ import annotations

from quizapp.engine import generate
from quizapp.engine.document import analyse
from quizapp.engine.mutations import changeable_figure
from quizapp.engine.quality import clock_figure

MATCH = """Rovers 3-1 Harbour

Rovers came from behind to beat ten-man Harbour 3-1 at Kingsmead on Saturday.

Tom Kelso gave Harbour the lead after 20 minutes when he turned in a cross from Dean Pryce.

Harbour's Dean Pryce was sent off in the 55th minute for a second bookable offence.

Carl Mendel headed Rovers in front and Andy Bazza sealed the win, their 12th of the season.

The club sold 31,000 tickets for the game, the most since the ground opened.
"""


def test_the_minute_of_an_event_is_no_figure_to_change() -> None:
    doc = analyse(MATCH)
    figures = {q.text: changeable_figure(doc, q) for s in doc.sentences for q in s.quantities}
    assert figures["20 minutes"] is False
    assert not any(v for k, v in figures.items() if "55" in k)
    # other figures of the report still change
    assert any(v for k, v in figures.items() if "31,000" in k or "12th" in k)


def test_no_question_asks_or_changes_a_minute() -> None:
    quiz = generate(MATCH, seed=7)
    shown = [o.text for q in quiz.questions for o in q.options if not o.correct]
    stems = [q.stem for q in quiz.questions]
    assert not any("_____ minutes" in s or "the _____ minute" in s for s in stems)
    assert not any("minutes" in t and "20 minutes" not in t for t in shown)


def test_clock_words() -> None:
    assert clock_figure("the lead after ", "20 minutes", " when he")
    assert clock_figure("sent off in the ", "55th", " minute for")
    assert clock_figure("scored ", "3", "rd-minute winner")
    assert not clock_figure("the flight takes ", "90 minutes", " from")
    assert not clock_figure("profits rose ", "20%", " after")
