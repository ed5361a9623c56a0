"""The lead's main point asked by a stronger kind than a true copy (session 11).

Blind judges found the main point of tuning stories asked only as a verbatim true copy of the
lead, which "tests recognition": a ceiling in the lead ("by as much as 30%") was refused as a
bound, and a domain name (".post") was joined to the word before it and refused as unreadable.
"""

from __future__ import annotations

import random

from quizapp.engine import generate
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.mutations import changeable_figure, false_variants, lead_ceiling, statement
from quizapp.engine.quality import readable
from quizapp.engine.recall import generate_recall

FARES = """Ruritania weighs bus fare rise

Ruritania's transport ministry has confirmed it is considering raising bus fares by as much as 40%.

Fares have been frozen for six years while fuel costs rose 25% over the same period.

The ministry spent 12% more than planned on bus subsidies last year, its accounts show.

Passenger groups say a rise of more than 10% would drive people back to their cars.

Ticket sales fell 8% in the capital after the last rise in 2019, the operators said.
"""

FLOOR = """Ruritania bus fares rise

Ruritania's transport ministry has raised bus fares by more than 40% this year.

Fares had been frozen for six years while fuel costs rose 25% over the same period.
"""

LATER = """Ruritania weighs bus fare rise

Ruritania's transport ministry met bus operators on Monday.

The ministry is considering raising bus fares by as much as 40%, officials said.
"""

DOMAINS = """Two new web domains approved

The internet could have two new domain names by the spring.

The .shop and .radio domains have been given early approval by the Global Names Council.

The council turned down eight other proposals, including a domain for games.
"""


def _figure(doc, text):
    return next(q for s in doc.sentences for q in s.quantities if q.text == text)


def test_a_ceiling_in_the_lead_is_asked_in_a_blank() -> None:
    doc = analyse(FARES)
    q = _figure(doc, "40%")
    assert lead_ceiling(doc, q)
    assert not changeable_figure(doc, q)  # statements still never change it
    assert changeable_figure(doc, q, ceiling=True)
    lead = next(c for c in extract_claims(doc) if c.sentence.index == 0)
    drafts = [d for d in generate_recall(doc, lead, random.Random(7), 0) if d.key == "40%"]
    assert drafts
    for d in drafts:
        assert "as much as _____" in d.stem
        for w, _src in d.distractors:
            value = float(w.rstrip("%"))
            assert abs(value - 40) > 8  # more than ROUGH_MARGIN from the ceiling


def test_the_quiz_asks_the_leads_ceiling() -> None:
    quiz = generate(FARES, seed=7)
    keys = [next(o.text for o in q.options if o.correct) for q in quiz.questions]
    assert "40%" in keys


def test_a_floor_or_a_later_ceiling_is_still_a_bound() -> None:
    doc = analyse(FLOOR)
    q = _figure(doc, "40%")
    assert not lead_ceiling(doc, q)
    assert not changeable_figure(doc, q, ceiling=True)
    doc = analyse(LATER)
    assert not lead_ceiling(doc, _figure(doc, "40%"))


def test_a_domain_name_keeps_its_space() -> None:
    doc = analyse(DOMAINS)
    claim = next(c for c in extract_claims(doc) if ".shop" in c.text)
    text = statement(doc, claim)
    assert text.startswith("The .shop and .radio domains")
    assert readable(text)
    # a stop after a word still closes up
    other = next(c for c in extract_claims(doc) if "eight" in c.text)
    assert statement(doc, other).endswith("games.")


PROFIT = """Carmaker hit by luxury slump

A slump at its luxury brand has prompted a big drop in profits at carmaker Voltra.

Voltra saw quarterly operating profit fall to 640m euros ($830m) from 1.9bn euros a year ago.

Sales at the luxury brand fell 3% as demand cooled, while revenues rose 4% to 98bn euros.

The group expects to save 300m euros next year by cutting 2,000 jobs in its German plants.
"""


def test_a_sum_converted_in_brackets_is_asked_with_the_conversion_dropped() -> None:
    doc = analyse(PROFIT)
    claim = next(c for c in extract_claims(doc) if "640m" in c.text)
    drafts = [d for d in generate_recall(doc, claim, random.Random(7), 0) if d.key == "640m euros"]
    assert drafts
    for d in drafts:
        assert "$830m" not in d.stem and "(" not in d.stem
        assert "fall to _____ from 1.9bn euros" in d.stem


def test_other_brackets_after_a_figure_still_refuse_it() -> None:
    text = PROFIT.replace("640m euros ($830m)", "640m euros (its lowest in years)")
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if "640m" in c.text)
    drafts = generate_recall(doc, claim, random.Random(7), 0)
    assert not [d for d in drafts if d.key == "640m euros"]


def test_a_topic_is_not_cut_from_a_longer_name() -> None:
    from quizapp.engine.verification import _with_article

    doc = analyse(
        "Browser gains\n\nMozilla browsers have grown by 5%.\n\n"
        "Firefox is made by the Mozilla Foundation.\n\n"
        "The UK has more users than the UK's rivals.\n"
    )
    assert _with_article(doc, "Mozilla", "ORG") == "Mozilla"
    assert _with_article(doc, "UK", "GPE") == "the UK"


SQUAD = """Harbour name uncapped keeper

Harbour goalkeeper Tom Reddy is one of four uncapped players named in Ruritania's Nations Cup squad.

Reddy joins Harbour colleagues Sam Bell and Joe Tarn in the squad of 30 players.

Coach Anna Vos said the four newcomers had earned their places with strong club form.

The squad meets for a two-day camp in Porto on Monday before the opening game.
"""


def _word_drafts(text: str, index: int = 0):
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.sentence.index == index)
    drafts = generate_recall(doc, claim, random.Random(7), 0)
    return [d for d in drafts if d.key.lower() in {"two", "three", "four", "five", "six"}]


def test_a_count_in_words_in_the_lead_is_asked() -> None:
    drafts = _word_drafts(SQUAD)
    assert [d.key for d in drafts] == ["four"]
    d = drafts[0]
    assert "one of _____ uncapped players" in d.stem
    # want_pos 0: the key lowest of the four, the next three counts above it
    assert {w for w, _ in d.distractors} == {"five", "six", "seven"}
    q = d.place(0)
    assert [o.text for o in q.options] == ["four", "five", "six", "seven"]


def test_a_count_in_words_takes_the_wanted_place() -> None:
    # the key is not always second lowest: its place follows the position balancer's wish
    doc = analyse(SQUAD)
    claim = next(c for c in extract_claims(doc) if c.sentence.index == 0)
    places = set()
    for want in range(4):
        drafts = [d for d in generate_recall(doc, claim, random.Random(7), want) if d.key == "four"]
        assert drafts
        q = drafts[0].place(0)
        places.add([o.text for o in q.options].index("four"))
    assert places == {0, 1, 2}  # "one" is never a count, so four has at most two below
    quiz = generate(SQUAD, seed=7)
    assert any(next(o.text for o in q.options if o.correct) == "four" for q in quiz.questions)


def test_no_word_count_past_the_lead_nor_in_a_name_or_a_span() -> None:
    assert not _word_drafts(SQUAD, 2)  # "the four newcomers": past the lead
    named = SQUAD.replace(
        "one of four uncapped players named in Ruritania's Nations Cup squad",
        "in Ruritania's Six Nations squad for two weeks",
    )
    assert not _word_drafts(named)
    low = SQUAD.replace("one of four uncapped players", "one uncapped player")
    assert not _word_drafts(low)


def test_no_word_count_the_headline_states() -> None:
    match = (
        "Rovers 2-1 Harbour\n\nRovers beat Harbour with two goals in the first ten minutes "
        "at Kingsmead.\n\nHarbour pulled one back after the break through Tom Kelso.\n"
    )
    assert not _word_drafts(match)
    assert _word_drafts(match.replace("Rovers 2-1 Harbour", "Rovers edge past Harbour"))


SUBSIDY = (
    "Ruritania fuel bill soars\n\n"
    "Ruritania's government says it must cut fuel subsidies this year.\n\n"
    "The state spent 41.5 trillion dinars on fuel subsidies in 2004, far above its original "
    "projection of 12.5 trillion dinars.\n\n"
    "Officials said 8.2 trillion dinars had gone on kerosene alone.\n"
)


def test_a_verification_never_changes_only_the_baseline_figure() -> None:
    from quizapp.engine.verification import baseline_figure, generate_verification

    doc = analyse(SUBSIDY)
    claim = next(c for c in extract_claims(doc) if "41.5" in c.text)
    muts = [m for m in false_variants(doc, claim, random.Random(7)) if m.type == "number"]
    assert any(m.old.startswith("12.5") and baseline_figure(doc, claim, m) for m in muts)
    assert not any(m.old.startswith("41.5") and baseline_figure(doc, claim, m) for m in muts)
    for d in generate_verification(doc, claim, random.Random(7), 0):
        assert all("projection of 12.5 trillion" in w for w, _ in d.distractors)


def test_no_word_count_on_a_set_already_named() -> None:
    text = (
        "Talks collapse\n\nTalks between the two firms, Acme and Globex, collapsed on Monday "
        "after three weeks of meetings.\n\nBoth firms blamed the other for the failure.\n"
    )
    assert not _word_drafts(text)
