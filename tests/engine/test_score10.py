"""The match result of a sports report asked as a fact-recall question: "By what score did
Rovers beat City?", the scoreline as written, made-up scorelines that keep the result and the
sport's size, never one the article states elsewhere. Match reports written for these tests."""

from __future__ import annotations

from quizapp.engine import Question, generate
from quizapp.engine.scores import wrong_scores

WIN = """Rovers sink City

Rovers beat City 3-1 at the Valley on Saturday to go top of the league.

John Smith scored twice before half-time, and Rovers led 2-0 at the break.
City pulled one back through Tom Jones.
Manager Bill Brown said he was delighted with the win.
The club now face United next week.
"""

RUGBY = """Blacks too strong

New Zealand ended their tour in style as they beat the Barbarians 47-19 at Twickenham.

The tourists led 26-7 at half-time after tries from Joe Rokocoko and Dan Carter.
The Barbarians rallied after the break but could not close the gap.
Coach Graham Henry said the win was a fitting end to the tour.
"""

DRAW = """Spoils shared

Rovers drew 2-2 with City in a thrilling derby on Sunday.

John Smith gave Rovers the lead before Tom Jones equalised.
Smith scored again but City levelled late on.
Manager Bill Brown said he was disappointed.
"""

HEADLINE = """Rovers 2-1 City

Rovers moved into the cup semi-finals with two goals in the first 10 minutes against City.

John Smith scored inside the opening minute from a free kick.
Tom Jones added the second.
City pulled one back through Jim Black after an hour but Rovers held on.
Manager Bill Brown praised his side.
"""

TENNIS = """Smith into final

Tom Smith beat Jim Jones 6-3 6-2 to reach the final of the city tournament.

Smith will face Bill Brown in the final on Sunday.
Brown beat Tom Black in three sets.
"""


def _result(text: str) -> Question | None:
    for q in generate(text, seed=7).questions:
        if q.kind == "fact_recall" and q.stem.startswith(("By what score", "What was the")):
            return q
    return None


def _pairs(q: Question) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (o.text.split("-") for o in q.options)]


def _key(q: Question) -> str:
    return q.options[q.key_index].text


def test_win_in_the_lead_is_asked_first() -> None:
    result = generate(WIN, seed=7)
    q = result.questions[0]
    assert q.stem == "By what score did Rovers beat City?"
    assert _key(q) == "3-1"
    assert q.evidence.text.startswith("Rovers beat City 3-1")
    pairs = _pairs(q)
    assert len(pairs) == 4 and len(set(pairs)) == 4
    assert all(a > b and a < 10 for a, b in pairs), "a win stays a home win, football-sized"
    assert (2, 0) not in pairs, "the half-time score the article states is arguably right"
    assert pairs == sorted(pairs), "scorelines in a consistent order"


def test_rugby_result_keeps_the_sport_size() -> None:
    q = _result(RUGBY)
    assert q is not None
    assert q.stem == "By what score did New Zealand beat the Barbarians?"
    assert _key(q) == "47-19"
    pairs = _pairs(q)
    assert all(a > b and a >= 20 for a, b in pairs)
    assert (26, 7) not in pairs


def test_draw_stays_level() -> None:
    q = _result(DRAW)
    assert q is not None
    assert q.stem == "What was the score when Rovers drew with City?"
    assert _key(q) == "2-2"
    assert all(a == b for a, b in _pairs(q))


def test_headline_result() -> None:
    q = _result(HEADLINE)
    assert q is not None
    assert q.stem == "What was the final score when Rovers played City?"
    assert _key(q) == "2-1"
    assert q.evidence.text == "Rovers 2-1 City"
    assert all(a > b for a, b in _pairs(q))


def test_set_scores_are_no_result() -> None:
    assert _result(TENNIS) is None


def test_wrong_scores_avoid_stated_ones() -> None:
    wrong = wrong_scores(1, 1, {(0, 0)})
    assert len(wrong) == 3 and all(a == b for a, b in wrong) and (0, 0) not in wrong
    lost = wrong_scores(19, 22, set())
    assert len(lost) == 3 and all(a < b for a, b in lost), "the second side still wins"
    assert all(a not in {1, 2, 4} and b not in {1, 2, 4} for a, b in lost)
