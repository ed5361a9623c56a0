"""A day of the month is part of a date, never a count to change (2.9.0).

A verification item offered "released on 12 November" against the article's "9 November": a
date swap that blind editors rejected as trivia wherever it was made as a date, and which the
figure rules let through because "9" alone looked like a count.
"""

from __future__ import annotations

from quizapp.engine import generate
from quizapp.engine.numbers import find_quantities


def test_a_number_before_a_month_is_a_day_not_a_count() -> None:
    text = "The festival opens on 25 December and 300 volunteers will staff it."
    assert [q.text for q in find_quantities(text)] == ["300"]


def test_the_day_of_a_named_date_is_no_count() -> None:
    assert find_quantities("Flights resumed after the 11 September attacks.") == []
    assert [q.text for q in find_quantities("The 3 March vote drew 40 MPs.")] == ["40"]


def test_a_count_before_a_word_that_begins_like_a_month_stays_a_count() -> None:
    # the month must be a whole word: "Mayflower" is no "May", "2 May" is
    text = "He bought 25 Mayflower shares on 2 May."
    assert [q.text for q in find_quantities(text)] == ["25"]


ARTICLE = """Harbour browser gains ground

Traffic monitor Netcount has reported that the open-source browser Harbour 2.0, released on
9 November, seems to be drawing users away from Vista.

Netcount said that Harbour's share rose to 8% in December, from 5% in October.

Rival browser Vista lost 4% of its users over the same period, the firm said.

Harbour's makers said that 300 volunteers had written the new version.
"""


def test_no_question_changes_the_day_of_a_date() -> None:
    for seed in range(6):
        for q in generate(ARTICLE, seed=seed).questions:
            for option in q.options:
                if "November" in option.text:
                    assert "9 November" in option.text, option.text
