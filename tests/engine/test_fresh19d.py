"""What both blind judges refused at 2.19.2 on sixteen more fresh news reports (the second
fresh set, judged before any rule saw it), each class mended (2.19.3).

- "Cisco is cutting _____, or 5%f its workforce": a percentage run into the next word, copied.
- "elsewhere, Brent oil ... rallied" and "Swift was equally surprised": words that point at
  another sentence.
- "Nadal did not reach his 39th quarterfinal by beating Sousa": a negation whose scope a means
  ("by beating") leaves unclear.
- "The finale revealed that — SPOILER ALERT — ...": a page's label copied.
- "The rocket was originally scheduled to take off early Saturday morning": the plan that did
  not happen; "the skunk had a value of £1,800" (one of three values listed side by side); "_____,
  defending, said": the counsel's name. All trivia to both judges.
- "officials from _____'s center-right bloc" under a headline that names the key.

Sentences written for the tests; each first test of a class fails on 2.19.2.
"""

from __future__ import annotations

import importlib

from quizapp.engine.mutations import negatable
from quizapp.engine.quality import figure_fault, needs_context
from tests.engine.helpers import claim_with, claims_of

rec = importlib.import_module("quizapp.engine.recall")


def test_a_percentage_run_into_a_word_is_a_typo() -> None:
    assert figure_fault("Acme is cutting 400 jobs, or 5%f its workforce.")
    assert not figure_fault("Acme is cutting 400 jobs, or 5% of its workforce.")


def test_elsewhere_is_cut_as_an_opener() -> None:
    doc, claims = claims_of(
        "Oil climbs\n\nUS crude rose 3% to $49.10 a barrel on Monday after a deal on output.\n\n"
        "Elsewhere, Brent oil for July delivery rallied $1.54 to $52.37 a barrel in London.\n"
    )
    brent = claim_with(doc, claims, "Brent oil")
    assert doc.text[brent.start : brent.end].startswith("Brent oil")


def test_equally_points_at_another_sentence() -> None:
    assert needs_context("Nora Vale was equally surprised at winning the top honour.")
    assert not needs_context("The £50,000 prize will be shared equally by the two winners.")


def test_no_negation_of_a_verb_with_a_means() -> None:
    doc, claims = claims_of(
        "Hale into the last eight\n\nTom Hale reached his first Grand Slam quarterfinal by "
        "beating Dan Ruiz 6-2, 6-2, 6-2 on Monday.\n\nTom Hale won the title in Rome last year.\n"
    )
    assert not negatable(doc, claim_with(doc, claims, "reached his first"))
    assert negatable(doc, claim_with(doc, claims, "won the title"))


def test_a_page_label_is_no_claim() -> None:
    doc, claims = claims_of(
        "Show renewed\n\nThe streaming service has renewed the drama Ravens for a second "
        "season, it said on Tuesday.\n\nThe finale revealed that — SPOILER ALERT — the "
        "butler had been working for the rival family all along.\n"
    )
    assert not any("butler" in doc.text[c.start : c.end] for c in claims)


def test_the_plan_that_did_not_happen_is_peripheral() -> None:
    doc, claims = claims_of(
        "Rocket lifts off\n\nA private rocket carrying supplies lifted off from Florida on "
        "Tuesday after a three-day delay.\n\nThe rocket was originally scheduled to take off "
        "early on Saturday morning, but a sensor fault stopped the countdown.\n"
    )
    assert claim_with(doc, claims, "originally scheduled").peripheral


def test_one_value_of_an_inventory_is_peripheral() -> None:
    doc, claims = claims_of(
        "Drone smuggler jailed\n\nA man who flew drugs into two prisons by drone has been "
        "jailed for three years at Liverpool Crown Court.\n\nInside prison, the resin was worth "
        "£7,400, the skunk had a value of £1,800 and the tobacco was worth £2,500.\n\n"
        "Acme sold 4,200 robots in 2019, while Globex sold 3,100 robots.\n"
    )
    assert claim_with(doc, claims, "skunk had a value").peripheral
    assert not claim_with(doc, claims, "Acme sold").peripheral


def test_the_counsel_is_never_the_answer() -> None:
    # the words right after a name that make it the counsel's (recall skips such a name)
    for after in (", defending, said", ", prosecuting, told", ", for the defence, said"):
        assert rec._COUNSEL.match(after), after
    assert not rec._COUNSEL.match(", the defending champion, said")


def test_the_owner_of_the_headline_camp_is_no_question() -> None:
    doc, _ = claims_of(
        "Vale's bloc agrees coalition deal\n\nAfter a night of talks, officials from Nora "
        "Vale's bloc and the Greens confirmed a deal had been reached on Sunday.\n"
    )
    stem = "Fill in the blank: Officials from _____'s center-right bloc confirmed a deal."
    assert rec._headline_owner(doc, stem, "Nora Vale")
    won = "Fill in the blank: _____'s album Echoes has won album of the year."
    assert not rec._headline_owner(doc, won, "Nora Vale")
