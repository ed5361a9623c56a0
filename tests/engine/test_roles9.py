"""roles9: person wrong options fit the key's side and role as the article states them.

Blind editors refused the other team's players for "Who was substituted for Newcastle?", the
film's director and an actress for its critic, players for a club's chairman, and a shopper
who visited a stall for its co-renter. Texts invented for these tests.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.mutations import mutate_entity
from quizapp.engine.recall import generate_recall

MATCH = """Rovers 2-1 Town

Rovers came from behind to beat Town in the league on Saturday.
Town striker Paul Grey opened the scoring after ten minutes with a low shot.
Mark Hale levelled for Rovers before half-time with a header from a corner.
Dan Cole was substituted for Rovers after an hour with a knee injury.
Tom Reid scored the winner for Rovers in the last minute.
Sam Frost, the Town keeper, made several fine saves in the second half.
Luke Barr was booked for Town after a late tackle in the first half.
Jim Shaw hit the bar for Town late in the game.

Rovers: Webb, Cole, Reid, Hale, Lund, Price, Moore, Ford. Subs Not Used: Ames, Bell.
Town: Frost, Barr, Grey, Shaw, Pike, Lowe, Hart, Rudd, Gale.
Referee: P Dunn (Kent).
"""

STALL = """Singer opens a market stall

Singer Anna Lowry has begun selling her old furniture from a stall in a city market.
Lowry sat on a stool as shoppers looked at sofas, lamps and posters from her old shows.
Lowry said she wanted to clear her house before she moves abroad next year.
Most of the furniture was priced at less than she had paid for it.
Keith Marsh said: "I only came in for a coffee and I left with a lamp."
Gary Doyle, who had made a point of visiting Lowry's stall, said it was a fine idea.
Mr Doyle said he would come back next week with his wife.
Lowry has taken out the stall with her business partner Tom Pryce.
Lowry said the stall would stay open until Christmas.
"""

REVIEW = """Western splits the critics

Film critic Jonathan Hale called the new western a triumph on Friday.
Director Paul Grant said the western had taken four years to make.
Actress Helen Marsh thanked the crew of the western at the premiere.
Jonathan Hale reviewed the western for the Daily Post on Friday.
Paul Grant will start work on a new film in the spring.
Helen Marsh is to star in a stage play next year.
"""


def _drafts(text: str, prefix: str) -> list:
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith(prefix))
    return generate_recall(doc, claim, random.Random(0), 0)


ROVERS = {"Mark Hale", "Dan Cole", "Tom Reid"}
TOWN = {"Paul Grey", "Sam Frost", "Luke Barr", "Jim Shaw"}


def test_sides_are_read_from_line_ups_appositions_and_play_for() -> None:
    from quizapp.engine.sides import after_blank_role, stated_sides

    doc = analyse(MATCH)
    assert "Rovers" in stated_sides(doc, "Dan Cole")[0]  # the line-up, and "for Rovers"
    assert "Town" in stated_sides(doc, "Jim Shaw")[0]  # the line-up
    assert stated_sides(doc, "Sam Frost") == ({"Town"}, {"keeper"})  # ", the Town keeper"
    assert "Rovers" not in stated_sides(doc, "Luke Barr")[0]
    # the referee's line is no team's, and his bracket is a place
    assert "Referee" not in stated_sides(doc, "P Dunn")[0]
    assert after_blank_role(", chairman of Harriers, said") == ("chairman", "Harriers")
    assert after_blank_role(", the Rovers striker, said") == ("striker", "Rovers")
    assert after_blank_role(", the film's director, said") == ("director", None)
    assert after_blank_role(", and striker Ray Lowe") == (None, None)
    assert after_blank_role(", who scored twice") == (None, None)


def test_a_stem_naming_the_keys_team_offers_only_its_players() -> None:
    # 2.11.0 offered Town's Luke Barr and Paul Grey for a Rovers substitution
    for prefix in ("Dan Cole was substituted", "Tom Reid scored the winner"):
        (draft,) = _drafts(MATCH, prefix)
        assert "for Rovers" in draft.stem
        offered = {w for w, _ in draft.distractors}
        assert offered and offered <= ROVERS
    (draft,) = _drafts(MATCH, "Luke Barr was booked")
    assert {w for w, _ in draft.distractors} <= TOWN


def test_a_false_statement_never_swaps_in_the_other_sides_player() -> None:
    doc = analyse(MATCH)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Dan Cole was"))
    swapped = {m.new for m in mutate_entity(doc, claim, random.Random(0)) if m.old == "Dan Cole"}
    assert swapped and swapped <= ROVERS


def test_the_keys_counterpart_in_one_event_is_no_wrong_option() -> None:
    from quizapp.engine.sides import counterparts, vox_pop

    doc = analyse(STALL)
    # "Gary Doyle, who had made a point of visiting Lowry's stall": he acts on Lowry
    assert counterparts(doc, "Lowry", "Gary Doyle")
    assert counterparts(doc, "Gary Doyle", "Anna Lowry")
    assert not counterparts(doc, "Lowry", "Keith Marsh")
    # a passer-by quoted once; not a man named twice, nor one given a job
    assert vox_pop(doc, "Keith Marsh")
    assert not vox_pop(doc, "Gary Doyle")
    assert not vox_pop(doc, "Anna Lowry")
    fouls = analyse(
        "Cup tie ends level\n\nThe cup tie ended 1-1 on Saturday.\n"
        "Gary Ross fouled Tom Hart twice in the first half.\n"
    )
    assert counterparts(fouls, "Tom Hart", "Gary Ross")


def test_a_shopper_is_never_offered_as_the_stalls_partner_or_owner() -> None:
    # 2.11.0 asked both with the shoppers Gary Doyle and Keith Marsh as the wrong options
    assert not _drafts(STALL, "Lowry has taken out the stall")
    # "... visiting _____'s stall": the stall's owner; a shopper quoted once is none (another
    # shopper stays a fair wrong answer for the shopper who visited it)
    assert not [d for d in _drafts(STALL, "Gary Doyle, who had made") if d.key == "Lowry"]


def test_the_films_director_and_actress_are_no_answer_to_who_reviewed_it() -> None:
    drafts = [d for d in _drafts(REVIEW, "Jonathan Hale reviewed") if d.key == "Jonathan Hale"]
    for d in drafts:
        assert not {"Paul Grant", "Helen Marsh"} & {w for w, _ in d.distractors}
    from quizapp.engine.distractors import worlds_agree

    doc = analyse(REVIEW)
    assert not worlds_agree(doc, "Jonathan Hale", "Paul Grant")
    assert worlds_agree(doc, "Paul Grant", "Helen Marsh")  # both of the film's world
