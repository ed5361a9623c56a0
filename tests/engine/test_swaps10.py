"""swaps10: a name swapped into a false statement never moves a person or a team across the
sides of a match, nor puts in a name the claim already gives.

Blind editors refused "Newcastle had Mellor sent off" for a Liverpool player, and a wrong option
with France both beating and losing to Ireland. Texts invented for these tests.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.mutations import false_variants, mutate_entity
from quizapp.engine.verification import generate_verification

MATCH = """Harriers 1-2 Athletic

Athletic came from behind to beat Harriers at a windy ground on Saturday.
Harriers had Neil Crane sent off for a second booking before half-time.
Athletic striker Owen Pratt scored twice in the second half to win the game.
Harriers forward Gary Lyle hit the post with a header early in the first half.
Owen Pratt was later named man of the match by the home fans.
Gary Lyle said the defeat was hard to take after such a good start.
Ben Kirk was caught offside in a Harriers attack just after the break.
Ben Kirk also had a shot saved in the closing minutes of the game.
"""

LEAD = """France face Ireland in Dublin

France play Ireland in Dublin on Saturday in their last game of the tournament.
The French scraped narrow wins over Italy and then England before a heavy defeat by Wales.
Coach Marc Duval said Ireland would be the hardest game of the season.
Ireland have won all four of their games so far this season.
Duval has kept faith with the side that was beaten by Wales.
"""
RUGBY = (
    LEAD
    + """Wales beat France by ten points in Cardiff last month.
Scotland lost to France by a single point in the opening round.
"""
)


def _claim(doc, prefix: str):  # type: ignore[no-untyped-def]
    return next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def _swaps(text: str, prefix: str) -> set[tuple[str, str]]:
    doc = analyse(text)
    claim = _claim(doc, prefix)
    return {(m.old, m.new) for m in mutate_entity(doc, claim, random.Random(0))}


def test_a_person_of_unknown_side_is_not_swapped_into_a_teams_event() -> None:
    # Crane's side is not stated: Pratt (Athletic) or Kirk in "Harriers had ... sent off" may
    # be the other team's player
    assert not {new for old, new in _swaps(MATCH, "Harriers had") if old == "Neil Crane"}
    # "in a Harriers attack": never the Athletic striker
    assert ("Ben Kirk", "Owen Pratt") not in _swaps(MATCH, "Ben Kirk was caught")


def test_a_person_swap_stays_in_a_claim_that_names_no_team() -> None:
    # Pratt's side is known, Crane's is not, and the claim names no team: a believable slip
    assert {new for old, new in _swaps(MATCH, "Owen Pratt was later") if old == "Owen Pratt"}


def test_a_country_is_never_put_beside_its_own_people() -> None:
    doc = analyse(RUGBY)
    claim = _claim(doc, "The French scraped")
    news = {m.new for m in false_variants(doc, claim, random.Random(0))}
    assert "France" not in news
    assert ("Italy", "Ireland") in {
        (m.old, m.new) for m in false_variants(doc, claim, random.Random(0))
    }


def test_a_team_swap_never_moves_a_person_of_unknown_side_in_a_fixture() -> None:
    # "France face Ireland": Duval's side (France) is not stated; "beaten by France" is absurd,
    # and so is any side of the fixture; another country as the opponent is a plain slip
    assert {new for _old, new in _swaps(RUGBY, "Duval has kept")} == {"Italy"}
    # a claim without people keeps its swaps
    assert ("France", "Ireland") in _swaps(RUGBY, "Wales beat France")


def test_one_name_is_never_swapped_into_two_places_of_one_option() -> None:
    doc = analyse(LEAD)
    claim = _claim(doc, "The French scraped")
    for draft in generate_verification(doc, claim, random.Random(0), 0):
        for text, _kind in draft.distractors:
            assert text.count("Ireland") < 2, text
