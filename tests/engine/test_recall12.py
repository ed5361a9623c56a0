"""Recall 12, as judged: fact-recall items blind judges rejected on the tuning articles
(2.13.0, 2.14.0) as background, a side comparison, a gloss on another figure, an absurd
option in a named pair, or people who cannot have done what the stem tells. Each class is
refused for any article.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine import generate
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall

BOMBING_FILM = (
    "Court delays release of bombing film\n"
    "A film about the Harbourside rail bombings has been pulled from cinemas days "
    "before its release after a court in Porton ruled it could prejudice a trial.\n"
    "Tracing the attacks which killed more than 120 people and injured 640, the film "
    "Night Platform had been due to open across Ruritania on Friday.\n"
    "The court said the release must wait until the trial of eleven men accused of "
    "planning the attacks has ended.\n"
    "The film's producer, Anton Vellis, said he was disappointed but would respect "
    "the ruling.\n"
    '"We made this film to honour the victims, not to harm the case," Mr Vellis said.'
    "\n"
    "The distributor, Lumen Pictures, said it had already printed 300 copies for "
    "cinemas across the country.\n"
    "Lawyers for the accused men had argued that the film presented them as guilty "
    "before any verdict.\n"
    "The trial is expected to last at least six months.\n"
)

COPPER = (
    "Copper slides as stocks build up\n"
    "Copper prices have fallen sharply after warehouse figures showed stocks of the "
    "metal building up faster than traders had expected.\n"
    "Three-month copper closed at $8,120 a tonne on Tuesday - a drop of 4.3% - having"
    " dipped below $8,000 for the first time since March.\n"
    "The London Metal Exchange said copper stocks in its warehouses had risen by "
    "62,000 tonnes in a week.\n"
    "Analysts at Harwick Bank said demand from builders in Asia had slowed more than "
    "expected.\n"
    '"The market had been betting on a strong summer, and that bet has not paid off,"'
    " said Harwick analyst Mara Quint.\n"
    "Aluminium and zinc prices also fell, though by less than copper.\n"
    "Mining companies' shares fell in London, with Ostmark Mining losing 7% of its "
    "value.\n"
    "Some traders expect prices to recover once the summer building season begins.\n"
)

RUNNER = (
    "Runner Okafor sets sights on world title\n"
    "Distance runner Grace Okafor says she is fit again and ready to challenge for "
    "the world title next summer.\n"
    "Okafor missed most of last season with a stress fracture in her foot.\n"
    "Last May, Grace Okafor spoke to the Harbour Sport website about her loneliness, "
    "her long months of rehabilitation and her decision not to contest both the 800m "
    "and 1500m at the championships.\n"
    "She now plans to run only the 1500m, where she won silver two years ago, and has"
    " ruled out the 400m and 200m.\n"
    "Her coach, Daniel Brandt, said she had trained for 14 weeks without pain.\n"
    '"She is stronger than she has ever been," Brandt said.\n'
    "Okafor will test her form at an indoor meeting in Glasgow in February.\n"
    "The world championships will be held in Tokyo in August.\n"
)

GAME_SALES = (
    "Racing game breaks sales record\n"
    "The racing game Street Fury 4 has become the fastest-selling video game in UK "
    "history, selling 1.3 million copies in its first week.\n"
    "Publisher Redline Games said the game had taken an estimated £31m in its first "
    "five days on sale.\n"
    "Shops opened at midnight to meet demand, and some ran out of stock within hours."
    "\n"
    "The previous record was held by the football game Kickoff 2005, which sold "
    "900,000 copies in its first week.\n"
    "In comparison, the film Ocean Gate took £8.2m in its first three days at the UK "
    "box office. The film Silver Harbour took nearly £6m over its opening weekend, "
    "although games cost four times as much as cinema tickets.\n"
    "Redline said a version for handheld consoles would follow next spring.\n"
    "Analysts expect the game to sell three million copies in the UK by the end of "
    "the year.\n"
)

MAYOR = (
    "Dunmore urged to apologise over remark\n"
    "Prime Minister Tom Hartley has urged Leeds mayor Ray Dunmore to apologise for "
    "comparing a newspaper reporter to a prison guard.\n"
    "Labour's Mr Dunmore, who says he stands by his words, made the remark to Daily "
    "Courier reporter Paul Finnan outside a reception last week.\n"
    "Mr Hartley, who was instrumental in returning Mr Dunmore to the Labour Party, "
    "said on Thursday it was time for the Leeds mayor to say sorry.\n"
    "Tory leader Simon Greaves said politicians should be careful about the words "
    "they use.\n"
    "Former Labour adviser Colin Ashby, now working on Labour's election campaign, "
    "said the row was a distraction.\n"
    "Mr Dunmore said his remark was rude but not meant to offend, and he would not "
    "apologise.\n"
    "Mr Finnan said he had only asked the mayor a question about the reception.\n"
    "The city's standards board is to look at the complaint next month.\n"
)


def _drafts(text: str) -> list:
    doc = analyse(text)
    return [d for c in extract_claims(doc) for d in generate_recall(doc, c, random.Random(0), 0)]


def _keys(text: str) -> set[str]:
    return {d.key for d in _drafts(text)}


def test_figure_of_a_fronted_participle_clause_is_background() -> None:
    # "Tracing the attacks which ... injured _____, the film ...": the news is the film
    assert "640" not in _keys(BOMBING_FILM)
    recall = [q for q in generate(BOMBING_FILM, seed=7).questions if q.kind == "fact_recall"]
    assert not [q for q in recall if "injured _____" in q.stem]


def test_change_in_an_aside_after_a_level_is_not_asked() -> None:
    # "closed at $8,120 - a drop of _____ -": a gloss on the closing price
    keys = _keys(COPPER)
    assert "4.3%" not in keys
    assert "7%" in keys  # a change that is the clause's own figure is still asked


def test_figure_paired_with_a_named_sibling_is_not_asked() -> None:
    # "both the _____ and 1500m": any other distance is absurd beside the named one
    from quizapp.engine.recall import coordinated_figure

    doc = analyse(RUNNER)
    seen = {}
    for c in extract_claims(doc):
        for q in c.sentence.quantities:
            if c.start <= q.start and q.end <= c.end:
                seen[(q.text, "both the" in c.text)] = coordinated_figure(c, q)
    assert seen[("800m", True)] is True
    assert seen[("1500m", True)] is True
    assert seen.get(("1500m", False)) is not True  # alone in its clause: still askable


def test_side_comparison_is_not_asked() -> None:
    # a film's takings in a story on a game's sales, in the sentences "In comparison" opens
    keys = _keys(GAME_SALES)
    assert not keys & {"\u00a36m", "\u00a38.2m"}
    assert "1.3 million copies" in keys or "\u00a331m" in keys
    # nor asked in any other kind: the sentences are peripheral to the story
    for q in generate(GAME_SALES, seed=7).questions:
        assert "Silver Harbour" not in q.stem and "Ocean Gate" not in q.stem


def test_party_the_stem_names_bounds_the_wrong_people() -> None:
    # "Mr _____, who was instrumental in returning Mr Dunmore to the Labour Party": the
    # reporter and the Tory leader cannot have done it; one Labour man is too few options
    for d in _drafts(MAYOR):
        if "Labour Party" in d.stem and "_____" in d.stem:
            wrong = {t for t, _ in d.distractors}
            assert not wrong & {"Finnan", "Greaves", "Paul Finnan", "Simon Greaves"}
            assert len(wrong) >= 2  # an item with too few of the party's people is refused


def test_figure_of_a_named_pair_is_not_changed_for_a_false_statement() -> None:
    # "has ruled out the 400m and 200m": a made-up distance is absurd in the pair, and the
    # statement plainly false; the clause's lone figure still changes
    from quizapp.engine.mutations import mutate_number

    doc = analyse(RUNNER)
    pair = [c for c in extract_claims(doc) if "ruled out the" in c.text]
    assert pair
    olds = {m.old for c in pair for m in mutate_number(doc, c, random.Random(0))}
    assert not olds & {"400m", "200m"}
    assert "1500m" in olds


def test_contrast_about_the_storys_own_subject_is_no_side_comparison() -> None:
    # "In contrast, Corvan ..." where the story names Corvan again: its own business
    from quizapp.engine.claims import side_comparison

    text = (
        "Helm profits slide as truck unit struggles\n"
        "Profits at engineering group Helm fell by a third last year as its truck unit "
        "struggled with weak demand.\n"
        "Truck sales fell 12% and the unit made a loss of 80m euros.\n"
        "In contrast, Corvan, Helm's bus maker, enjoyed a 5% rise in sales.\n"
        "Helm said Corvan would open a second factory in Poland next year.\n"
    )
    doc = analyse(text)
    claims = extract_claims(doc)
    contrast = next(c for c in claims if "In contrast" in c.text or "enjoyed" in c.text)
    assert not side_comparison(doc, contrast)


def test_lead_is_never_a_side_comparison() -> None:
    from quizapp.engine.claims import side_comparison

    text = (
        "Pump sales rise\n\n"
        "In comparison, Zentra sold 40,000 pumps in March.\n\n"
        "Analysts said demand for pumps was strong.\n"
    )
    doc = analyse(text)
    lead = next(c for c in extract_claims(doc) if c.sentence.index == 0)
    assert not side_comparison(doc, lead)
