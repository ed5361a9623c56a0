"""Generator 2.3.0's failure classes from the blind verdicts on the tuning articles: trivia
(rule 5) and stems that lean on context or give the answer away (rule 4).

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.quality import (
    approximate_figure,
    copy_fault,
    drop_discourse,
    names_the_country,
    needs_context,
    play_by_play,
)
from quizapp.engine.truefalse import fair_negation, generate_true_false, job_word
from quizapp.engine.verification import standalone


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


# --- trivia: a moved date, a negated side remark, background, play-by-play -----------------

DATED = """Harbour plan approved for Kestrel Bay

The council of Kestrel Bay approved a new harbour wall in 2019 after a long debate.
Builders from Norland Construction started work on the wall in March.
"""


def test_no_false_statement_only_moves_a_date() -> None:
    for prefix in ("The council of Kestrel Bay", "Builders from Norland"):
        doc, claim = _claim(DATED, prefix)
        for seed in range(4):
            drafts = generate_true_false(doc, claim, random.Random(seed), 1)
            for d in drafts:
                assert "2019" in d.stem or "in 2019" not in claim.text
                assert "March" in d.stem or "March" not in claim.text


def test_negation_is_refused_where_it_clashes_or_flips_a_quote() -> None:
    text = """Ferry firm under fire

The ferry operator Blue Gull has made some enemies with its new timetable in Kestrel Bay.
Blue Gull captain Tom Reyes said the crossing had been a "rough and lonely" one.
Blue Gull cut its fares by a tenth in Kestrel Bay after the complaints from passengers.
"""
    for prefix in ("The ferry operator", "Blue Gull captain"):
        _doc, claim = _claim(text, prefix)
        assert not fair_negation(claim)
    _doc, plain = _claim(text, "Blue Gull cut")
    assert fair_negation(plain)


def _long_story(last: str) -> str:
    body = [
        "Kestrel Bay council has approved a new harbour wall for the town.",
        "The harbour wall will cost the council £4m and protect 300 homes.",
        "Council leader Ann Porter said the harbour wall was long overdue.",
        "Work on the harbour wall starts in the spring.",
        "Fishing crews have asked for a wider entrance to the harbour.",
        "The council agreed to widen the entrance by two metres.",
        "Engineers from Norland Construction will build the harbour wall.",
        "Norland Construction built a similar wall in Gullport.",
        "The harbour wall in Gullport survived two winter storms.",
        "Residents will be consulted on the design of the harbour wall.",
        "The council expects the harbour wall to be finished within two years.",
        "Ann Porter thanked the fishing crews for their patience.",
    ]
    return "Kestrel Bay approves harbour wall\n\n" + "\n".join([*body, last]) + "\n"


def test_late_side_detail_is_peripheral_and_the_lead_is_not() -> None:
    doc = analyse(_long_story("A retired teacher in Gullport once swam across the lake in 1974."))
    claims = extract_claims(doc)
    side = next(c for c in claims if c.text.startswith("A retired teacher"))
    lead = next(c for c in claims if c.text.startswith("Kestrel Bay council"))
    assert side.peripheral
    assert not lead.peripheral
    assert lead.score > side.score


def test_play_by_play_is_trivia() -> None:
    assert play_by_play("Smith headed home from ten yards after a corner.")
    assert play_by_play("Jones fouled Brown 30 yards from goal.")
    assert not play_by_play("Rovers beat United 2-1 to reach the cup final.")
    assert not play_by_play("Smith headed in the winning goal from six yards.")
    assert play_by_play("The opening goal came after Jones had fouled Smith near the box.")


def test_a_bound_like_inside_the_opening_seconds_is_not_a_figure_to_change() -> None:
    assert approximate_figure("Smith scored inside the opening ")
    assert approximate_figure("The goal came inside ")


# --- stems that stand alone and give nothing away ----------------------------------------


def test_stems_leaning_on_another_sentence_need_context() -> None:
    for text in (
        "The text was released on the eve of the vote.",
        "A similar proposal has been made many times before.",
        "The Spanish star was part of the side beaten in the final.",
        "A later one in Lyon drew a crowd of 90,000.",
        "The sides meet at the Riverside ground on 3 March.",
        "Selling the unit may not prove simple, analysts say, especially as it is old.",
    ):
        assert needs_context(text), text
    for text in (
        "Divorced parents are often disadvantaged by the courts, MPs have said.",
        "Sir Tom was permanent secretary during the saga which ended with the minister quitting.",
    ):
        assert not needs_context(text), text


def test_a_stray_comma_after_a_blank_is_a_copy_fault() -> None:
    assert copy_fault("The concert attracted _____, people to the beach.")
    assert not copy_fault("The concert attracted _____, while the next one drew more.")


def test_also_and_again_are_dropped_so_the_claim_stands_alone() -> None:
    assert drop_discourse("Mr Reyes will also field a candidate.") == (
        "Mr Reyes will field a candidate."
    )
    assert drop_discourse("The minister has again denied the claim.") == (
        "The minister has denied the claim."
    )
    text = """Ferry vote

Blue Gull will also field a candidate against transport minister Ann Porter in Kestrel Bay.
"""
    doc, claim = _claim(text, "Blue Gull will also")
    assert not standalone(doc, claim)
    assert standalone(doc, claim, bare=True)
    drafts = generate_true_false(doc, claim, random.Random(0), 0)
    assert drafts and " also " not in drafts[0].stem


def test_an_object_it_has_no_antecedent() -> None:
    text = """Domain plan

The Kestrel Registry has been reluctant to approve it because of the cost of checks.
"""
    doc, claim = _claim(text, "The Kestrel Registry")
    assert not standalone(doc, claim)


def test_a_city_or_demonym_in_the_stem_names_the_country() -> None:
    assert names_the_country("Norland play _____ in Dublin on Saturday.", "Ireland")
    assert names_the_country("Former _____ centre Luc Brun praised the French pack.", "France")
    assert not names_the_country("Norland play _____ in Lyon on Saturday.", "Ireland")


def test_a_first_name_is_not_a_job_word() -> None:
    assert job_word("broadcaster") and job_word("guitarist") and job_word("chairman")
    assert not job_word("martin") and not job_word("rose")


def test_background_opening_on_a_past_year_is_peripheral_after_the_lead() -> None:
    doc = analyse(
        _long_story("Done.").replace(
            "Work on the harbour wall starts in the spring.",
            "In 1998 the council rejected a plan for a harbour wall.",
        )
    )
    history = next(c for c in extract_claims(doc) if c.text.startswith("In 1998"))
    assert history.peripheral


def test_negation_refused_beside_much() -> None:
    text = """Bench

Keeper Ivo Lind has spent much of the season on the bench at Kestrel Rovers in the league.
"""
    _doc, claim = _claim(text, "Keeper Ivo Lind")
    assert not fair_negation(claim)


def test_the_upper_end_of_a_stated_range_is_no_figure_to_change() -> None:
    from quizapp.engine.quality import score_or_range

    assert score_or_range("6%", " rise in sales", "had forecast a 3% to ")
    assert score_or_range("20%", ".", "could fall by between 12% and ")
    assert not score_or_range("6%", " this year", "rose from 3% to ")
    assert not score_or_range("$4bn", ".", "sales rose 10% to ")
