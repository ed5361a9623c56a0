"""Recall 2.5: a person or a known company that is the object of the clause's verb (or of a
preposition on it) is asked with a wh-phrase in new words ("Who did X thank ...?", "With whom
did X hold talks ...?") instead of a fill-in-the-blank copy of the sentence.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.persons import full_personal_name, stated_sex
from quizapp.engine.recall import generate_recall, not_shorter_than_key

BRIDGE = """Council agrees bridge repairs

Ada Stone, the council leader, held talks with Ben Cole on Tuesday about the river bridge.
Ben Cole runs the firm that built the river bridge in 1990.
Carl Dunn, the council's engineer, said the river bridge needed new cables.
Carl Dunn will report to the council in March.
Eve Frost, who chairs the transport board, backed the repairs.
Eve Frost said the board would pay for half of the work.
Ada Stone thanked Eve Frost for the board's support.
Glen Hale, a local shop owner, said the closure had cost him trade.
Glen Hale asked the council to finish the work by the summer.
"""

CUP = """Rovers reach the cup final

Rovers beat Town 2-0 at home on Saturday to reach the cup final.
Rovers will play against United in the final in May.
United beat City in the other semi-final.
City and Town both lost at home.
Town have not reached a final since 1990.
"""


def _all_drafts(text: str) -> list:
    doc = analyse(text)
    return [d for c in extract_claims(doc) for d in generate_recall(doc, c, random.Random(0), 0)]


def test_direct_object_person_becomes_who_did() -> None:
    drafts = {d.stem: d for d in _all_drafts(BRIDGE)}
    d = drafts.get("Who did Ada Stone thank for the board's support?")
    assert d is not None
    assert d.key == "Eve Frost"
    wrong = {t for t, _ in d.distractors}
    # the subject of the same sentence is never offered: "Ada Stone thanked Ada Stone"
    assert "Ada Stone" not in wrong and len(wrong) >= 2


def test_prepositional_object_person_is_fronted_with_whom() -> None:
    drafts = {d.stem: d for d in _all_drafts(BRIDGE)}
    stem = (
        "With whom did Ada Stone, the council leader, hold talks on Tuesday about the river bridge?"
    )
    d = drafts.get(stem)
    assert d is not None
    assert d.key == "Ben Cole"
    assert "Ada Stone" not in {t for t, _ in d.distractors}


def test_clubs_are_not_asked_as_which_organisation() -> None:
    for d in _all_drafts(CUP):
        assert "which organisation" not in d.stem.lower(), d.stem


SIGNING = """Harriers sign a new striker

Harriers have signed striker Owen Tull from Rovers for an undisclosed fee.
Owen Tull scored nine goals for Rovers last season.
Manager Dean Price said the club had watched Owen Tull for a year.
Dean Price wants a second striker before the window shuts.
Tull will make his debut against Town on Saturday.
Midfielder Simon Vane has signed a new two-year contract.
Defender Gary Lock is expected to be fit for Saturday's game.
"""


def test_person_named_once_with_a_known_first_name_is_a_rival() -> None:
    # Simon Vane and Gary Lock are named once, late: 2.4.0 offered only the story's
    # prominent people, and this item had no wrong option at all
    drafts = {d.stem: d for d in _all_drafts(SIGNING)}
    d = drafts.get("Who scored nine goals for Rovers last season?")
    assert d is not None and d.key == "Owen Tull"
    wrong = {t for t, _ in d.distractors}
    assert wrong == {"Simon Vane", "Gary Lock"}
    # the manager stays out: another job than the striker's
    assert "Dean Price" not in wrong


def test_full_personal_name() -> None:
    assert full_personal_name("Simon Vane")
    assert full_personal_name("Gordon D'Arcy")
    assert full_personal_name("Brian O'Driscoll")
    # words the model tags as a person: no first name, a figure, or one word only
    assert not full_personal_name("Young People")
    assert not full_personal_name("Lib Dem")
    assert not full_personal_name("Argentina 3-0")
    assert not full_personal_name("Paul")


CLUB = """Harriers open their new stand

Harriers opened their new north stand on Saturday before a crowd of 9,000.
Tom Moss, chairman of Harriers, has made some enemies with his plan to raise ticket prices.
Tom Moss said Harriers would pay off their debts within five years.
Owen Tull scored twice in the 3-1 win over Town.
Midfielder Simon Vane also signed a new contract with Harriers on Monday.
Defender Gary Lock is expected to be fit for the cup tie with Rovers.
"""


# CLUB with two more of the club's officials, who could be its chairman
BOARD = (
    CLUB
    + """Harriers vice-chairman Roger Hart said the new stand had cost £4m.
Roger Hart said the club would also build a new shop.
Harriers secretary Bill Cross said the board backed the plan to raise prices.
Bill Cross has been on the board for ten years.
"""
)


def test_blank_is_read_with_its_key_in_place() -> None:
    # "_____, chairman of ..." is no stray comma, and "his" after the blank refers to the
    # blank: 2.4.0 read both without the name and refused the item
    stems = [d.stem for d in _all_drafts(BOARD)]
    assert (
        "Fill in the blank: _____, chairman of Harriers, has made some enemies with his plan "
        "to raise ticket prices." in stems
    )
    # "his" states a sex: every option is a man the article names as such; and the job after
    # the blank limits them to the club's officials (roles9)
    moss = [d for d in _all_drafts(BOARD) if d.stem.startswith("Fill in the blank: _____, chair")]
    assert {t for t, _ in moss[0].distractors} <= {"Bill Cross", "Roger Hart"}
    # in CLUB only players are left to offer: no player is the club's chairman, so the
    # blank is not asked there (2.11.0 offered Gary Lock, Simon Vane and Owen Tull)
    assert not [d for d in _all_drafts(CLUB) if d.stem.startswith("Fill in the blank: _____, ch")]


def test_cloze_drops_a_mid_sentence_also() -> None:
    stems = [d.stem for d in _all_drafts(CLUB)]
    assert "Fill in the blank: Midfielder _____ signed a new contract with Harriers on Monday." in (
        stems
    )
    assert not any(" also " in s for s in stems)


def test_wrong_options_leave_the_key_not_the_only_longest() -> None:
    cands = [("Ann Lee", "a"), ("Bo Kim", "a"), ("Cy Ray", "a"), ("Dorothy Hale", "a")]
    picked = not_shorter_than_key(cands, "Graham Tull", 3)
    assert len(picked) == 3
    assert any(len(t) >= len("Graham Tull") for t, _ in picked)
    # nothing to swap in: the draw is kept as it is (the gate decides)
    assert not_shorter_than_key(cands[:3], "Graham Tull", 3) == cands[:3]
    # already fine: untouched
    assert not_shorter_than_key(cands, "Al Ng", 3) == cands[:3]


DERBY = """Harriers win the derby

Harriers beat Rovers 2-0 in the derby on Saturday.
Owen Tull scored after ten minutes with a header from a corner.
Rovers appealed for offside but referee Alan Reid waved play on.
Midfielder Simon Vane hit the post before the break.
Defender Gary Lock made sure of the win late in the game.
"""


def test_person_named_once_in_another_job_is_no_rival() -> None:
    # the referee, named once, is no believable answer to who scored
    drafts = {d.stem: d for d in _all_drafts(DERBY)}
    d = drafts.get("Who scored after ten minutes with a header from a corner?")
    assert d is not None and d.key == "Owen Tull"
    assert "Alan Reid" not in {t for t, _ in d.distractors}
    assert {t for t, _ in d.distractors} == {"Simon Vane", "Gary Lock"}


HARBOUR = """Harbour firm expects growth

Quayline, the harbour operator, is forecasting profit growth of around 5% for next year.
Quayline said its profit rose 12% last year to £40m.
Quayline employs 900 people at its three ports.
Analysts expect Quayline to open a fourth port in the north next spring.
"""


def test_roughly_given_figure_has_no_wrong_value_close_to_it() -> None:
    # "around 5%": 6% is arguably right as well
    drafts = [d for d in _all_drafts(HARBOUR) if d.key == "5%"]
    assert drafts
    for d in drafts:
        assert len(d.distractors) >= 2
        for text, _ in d.distractors:
            assert abs(float(text.rstrip("%")) - 5) > 0.2 * 5, text


def test_inverted_question_keeps_a_name_capitalised() -> None:
    # the article writes "Quayline" capitalised mid-sentence: a name, never "quayline"
    stems = [d.stem for d in _all_drafts(HARBOUR)]
    assert "How many people does Quayline employ at its three ports?" in stems


def test_more_first_names_state_a_sex() -> None:
    doc = analyse("Cup draw\n\nArsene Vale and Sandra Holt drew the cup ties on Monday.\n")
    assert stated_sex(doc, "Arsene Vale") == "m"
    assert stated_sex(doc, "Sandra Holt") == "f"


SQUAD = """Ireland name new squad

Owen Tull is one of five uncapped players in the Ireland squad.
Owen Tull plays for Ulster.
Simon Vane and Gary Lock are also new to the squad.
Simon Vane scored twice for Munster on Friday.
Gary Lock captained Leinster last season.
"""


def test_member_of_a_set_is_not_asked_as_the_one_answer() -> None:
    # "_____ is one of five uncapped players": the other new players are right answers too
    for d in _all_drafts(SQUAD):
        assert "one of five" not in d.stem, d.stem


BAND = """Band reunites for tour

Ann Lee, Bob Hart and Cal Ford are to tour again next year.
Ann Lee will sing on every date of the tour.
Bob Hart said the band had rehearsed for a month.
Cal Ford has written two new songs for the tour.
Dan Gill, who once played with the band, wished them well.
Tim Moore, a promoter, booked the first dates.
Cal Ford said Bob Hart had persuaded the band to return.
"""


def test_story_people_come_before_people_named_once() -> None:
    doc = analyse(BAND)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Tim Moore"))
    for seed in range(8):
        drafts = generate_recall(doc, claim, random.Random(seed), 0)
        assert drafts
        for d in drafts:
            # three of the story's own people: Dan Gill, named once, only ever fills up
            assert {t for t, _ in d.distractors} == {"Ann Lee", "Bob Hart", "Cal Ford"}


def test_inverted_question_lowers_a_common_word_capitalised_in_a_title() -> None:
    text = """Cinema numbers fall

The number of films made in the UK fell by 40% in 2004, the trade paper said.
The paper The Screen Week reported the figures on Monday.
The fall was blamed on a change in tax rules.
"""
    for d in _all_drafts(text):
        assert "did The " not in d.stem and "does The " not in d.stem, d.stem
