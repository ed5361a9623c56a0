"""Review fixes to the figure rules and the article before a changed word (fixa).

Each case is one the review found wrongly handled in generator 2.9.0.
"""

from __future__ import annotations

import pytest

from quizapp.engine.mutations import _agree_article
from quizapp.engine.numbers import find_quantities
from quizapp.engine.text import indefinite_article


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Crowds of 10,000 March on Parliament today.", "10,000"),
        ("Labour won 35 May elections in the region.", "35"),
    ],
)
def test_a_number_no_day_can_be_stays_before_a_month(text: str, figure: str) -> None:
    assert [q.text for q in find_quantities(text)] == [figure]


@pytest.mark.parametrize(
    ("before", "new", "expected"),
    [
        ("built an ", "18,000", "built an "),
        ("built a ", "18,000", "built an "),
        ("with an ", "8,500", "with an "),
        ("with an ", "11,000", "with an "),
        ("with an ", "18,200", "with an "),
        ("saw an ", "6%", "saw a "),
        ("backed by a ", "European", "backed by a "),
        ("in an ", "hour", "in an "),
        ("for a ", "one-off", "for a "),
        ("briefed a ", "NASA", "briefed a "),
        ("met a ", "MP", "met an "),
        ("joined a ", "university", "joined a "),
    ],
)
def test_the_article_before_a_changed_word_fits_it(before: str, new: str, expected: str) -> None:
    assert _agree_article(before, new) == expected


def test_an_unclear_article_is_left_as_the_text_had_it() -> None:
    assert indefinite_article("NASA") is None
    assert indefinite_article("1850") is None
    assert _agree_article("an ", "NATO") == "an "
