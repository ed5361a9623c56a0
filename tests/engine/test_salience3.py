"""Generator 2.8.0's failure classes from the blind verdicts on the tuning articles: trivia
(rule 5: market bookkeeping, decoration, odds, scorelines, lists, an aside's figure, the city
of a detail), statements that lean on missing context (rule 4), clumsy or arguably true
negations (rules 1 and 4), and the lead copied word for word as a true statement (rule 4).

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random
import re

from quizapp.engine.claims import ClaimInfo
from quizapp.engine.document import Document
from quizapp.engine.mutations import Mutation, false_variants, statement
from quizapp.engine.quality import needs_context
from quizapp.engine.truefalse import fair_negation, generate_true_false
from tests.engine.helpers import claims_of


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc, claims = claims_of(text)
    return doc, next(c for c in claims if c.text.startswith(prefix))


# --- trivia -----------------------------------------------------------------------------------

FUEL = """Heating oil prices fall to a five-month low

Heating oil prices fell sharply for a third day on Tuesday as mild weather cut demand.
Kestrel heating oil lost 4% to $1.52 a gallon, its lowest level since June.
Traders said warehouses in the region held more fuel than a year ago.
In Frankfurt, the DAX index closed 20 points higher at 5,120.
The hall of the Kestrel Bay fuel exchange was hung with a huge blue and silver velvet banner.
"""


def test_a_share_index_in_a_story_not_about_markets_is_trivia() -> None:
    _doc, claim = _claim(FUEL, "In Frankfurt")
    assert claim.peripheral
    markets = FUEL.replace(
        "Heating oil prices fall to a five-month low", "Shares rise in Frankfurt"
    )
    _doc, claim = _claim(markets, "In Frankfurt")
    assert not claim.peripheral


def test_a_description_of_colours_and_materials_is_trivia() -> None:
    _doc, claim = _claim(FUEL, "The hall of the Kestrel Bay")
    assert claim.peripheral
    _doc, kept = _claim(FUEL, "Traders said")
    assert not kept.peripheral


SHOW = """Porter leaves the Harbour House show

Singer Ann Porter has become the first contestant to leave the Harbour House talent show.
She lost the public vote on Saturday to the chef Tom Reyes, who stays in the house.
The show has drawn an average audience of 3.1 million viewers a night this series.
Gullbet spokesman Dan Whitby said the result had surprised the bookmakers this week.
The bookmakers have made the dancer Sam Okafor favourite to win the show outright.
"Okafor has charmed the viewers and looks a strong winner this year," Mr Whitby said.
"""


def test_a_bookmakers_odds_and_their_spokesmans_quote_are_trivia() -> None:
    _doc, claims = claims_of(SHOW)
    odds = next(c for c in claims if c.text.startswith("The bookmakers have made"))
    assert odds.peripheral
    quote = next(c for c in claims if c.quote is not None)
    assert quote.quote[1] == "Whitby" or quote.quote[1].endswith("Whitby")
    assert quote.peripheral
    audience = next(c for c in claims if c.text.startswith("The show has drawn"))
    assert not audience.peripheral


TENNIS = """Reyes reaches Kestrel Open final

Home favourite Tom Reyes beat Sam Okafor in a long five-set battle to reach the final.
Reyes looked to be cruising to victory after racing into a two-set lead.
Okafor fought back to take the next two sets and force a deciding set.
Reyes finally broke serve in the 11th game and served out to win 6-4 6-2 3-6 4-6 7-5 in the evening.
Reyes will meet the top seed Dan Whitby in the final on Sunday.
"""


def test_a_set_by_set_scoreline_and_a_game_number_are_trivia() -> None:
    _doc, claims = claims_of(TENNIS)
    score = next(c for c in claims if c.text.startswith("Reyes finally broke"))
    assert score.peripheral
    lead = next(c for c in claims if c.sentence.index == 0)
    assert not lead.peripheral


SQUAD = """Harbour call up uncapped Porter

Harbour scrum-half Ann Porter is one of four uncapped players named in the Kestrel squad.
Porter is joined by Tom Reyes and Sam Okafor along with Gullport's Dan Whitby and Lee Marsh.
Coach Bill Grant said the squad was picked purely on form this season.
"""


def test_a_claim_that_lists_four_people_is_trivia_after_the_lead() -> None:
    _doc, claims = claims_of(SQUAD)
    listed = next(c for c in claims if c.text.startswith("Porter is joined"))
    assert listed.peripheral


FERRY = """Ferry firm Blue Gull near collapse

The ferry firm Blue Gull has warned that it could collapse within weeks without new loans.
Blue Gull carried 2.4 million passengers last year, down from 3.1 million in 2019.
Blue Gull, which sails to 14 ports apart from Kestrel Bay, was pushed to the edge by fuel costs.
"""


def test_a_figure_in_an_aside_is_never_changed() -> None:
    doc, claim = _claim(FERRY, "Blue Gull, which sails")
    for seed in range(3):
        for mut in false_variants(doc, claim, random.Random(seed)):
            assert mut.old != "14"
    doc, main = _claim(FERRY, "Blue Gull carried")
    assert any(m.type == "number" for m in false_variants(doc, main, random.Random(0)))


CRUDE = """Crude oil prices fall again

Crude oil prices fell for a third day as stocks in the United States rose.
Texas crude traded in New York lost $3 to $51.20 a barrel on Tuesday.
Brent crude fell $2 to $49.80 a barrel in London after a report on stocks.
"""


def test_the_city_a_detail_happened_in_is_not_swapped() -> None:
    doc, claim = _claim(CRUDE, "Texas crude traded")
    for seed in range(3):
        for mut in false_variants(doc, claim, random.Random(seed)):
            assert mut.old != "New York"


# --- context missing in a statement ------------------------------------------------------------


def test_a_work_described_by_its_genre_or_an_unnamed_experiment_needs_context() -> None:
    assert needs_context(
        "The gentle romantic comedy directed by Ann Porter has won two awards this year."
    )
    assert needs_context("The experiment cost $40 (£31).")
    assert not needs_context("The comedy Harbour Lights has won two awards this year.")
    assert not needs_context("The experiment at Kestrel Bay cost $40.")


def test_some_companies_of_a_group_named_elsewhere_need_context() -> None:
    assert needs_context("Some Asian and European firms are close to collapse.")
    assert needs_context("Many companies are cutting jobs.")
    assert not needs_context("Some Asian and European airlines are close to collapse.")


def test_the_problem_for_a_few_seconds_needs_context() -> None:
    assert needs_context("Forty servers worked on the problem for a few seconds each.")
    assert not needs_context("Forty engineers worked on the problem for the harbour.")


def test_the_next_two_of_something_needs_context() -> None:
    assert needs_context("Okafor took both of the next two sets to force a decider.")
    assert needs_context("The actors are mostly amateurs.")
    assert not needs_context("Okafor took the first two sets of the final.")


def test_a_changed_figure_takes_the_right_indefinite_article() -> None:
    doc, claim = _claim(
        "Acme expects weaker sales\n\nAcme forecast an 8% fall in its sales for next year.\n",
        "Acme forecast",
    )
    at = doc.text.index("8%")
    mut = Mutation("number", at, at + 2, "8%", "6%")
    assert "forecast a 6% fall" in statement(doc, claim, mut)


# --- negated false statements -----------------------------------------------------------------


def _negations(sentence: str) -> list[Mutation]:
    text = f"Kestrel Bay sets out its budget\n\n{sentence}\nResidents will vote on it in May.\n"
    doc, claim = _claim(text, sentence[:20])
    muts = false_variants(doc, claim, random.Random(0))
    return [m for m in muts if m.type == "negation" and fair_negation(claim)]


def test_no_not_before_a_verb_phrase_of_two_verbs() -> None:
    assert not _negations(
        "The priority for Mayor Ann Porter is to cut fares and keep the harbour ferry running."
    )
    assert _negations("The priority for Mayor Ann Porter is to cut ferry fares for residents.")


def test_no_not_on_a_comparison_or_a_race_led_until_lately() -> None:
    assert not _negations(
        "The Blue Gull ferry had been winning the race for passengers up until last month."
    )
    assert not _negations("The Blue Gull ferry outsold the Red Gull ferry in the summer.")
    assert _negations("The Blue Gull ferry cut its fares for residents in the summer.")


# --- the lead copied word for word ------------------------------------------------------------

GRANT = """Kestrel Bay wins harbour grant

The government is to hand Kestrel Bay 70m euros ($91m) to rebuild its harbour wall.
The council said the harbour wall would protect 300 homes from winter storms.
Mayor Ann Porter said work on the wall would start in the spring.
"""


def test_a_figure_and_its_bracketed_conversion_change_together() -> None:
    doc, claim = _claim(GRANT, "The government is to hand")
    pairs = [m for m in false_variants(doc, claim, random.Random(0)) if m.type == "number"]
    assert pairs
    for m in pairs:
        assert m.old == "70m euros ($91m)"
        assert re.fullmatch(r"\d+m euros \(\$\d+m\)", m.new)
        euros, dollars = (float(x) for x in re.findall(r"\d+", m.new))
        assert abs(dollars / euros - 1.3) < 0.1


def test_the_lead_is_asked_false_by_a_changed_figure_before_a_true_copy() -> None:
    doc, lead = _claim(GRANT, "The government is to hand")
    drafts = generate_true_false(doc, lead, random.Random(0), 0)
    assert drafts[0].key == "False" and drafts[0].distractors[0][1] == "number"
    assert drafts[-1].key == "True"
    doc, later = _claim(GRANT, "The council said")
    drafts = generate_true_false(doc, later, random.Random(0), 0)
    assert [d.key for d in drafts] == ["True"]


def test_a_figure_a_multiple_relates_to_another_is_never_changed() -> None:
    text = (
        "Blue Gull expands its fleet\n\n"
        "Blue Gull said it would nearly double its fleet of ferries from 12 to 23 by 2027.\n"
        "Blue Gull carried 2.4 million passengers last year.\n"
    )
    doc, claim = _claim(text, "Blue Gull said")
    assert not [m for m in false_variants(doc, claim, random.Random(0)) if m.type == "number"]
    doc, other = _claim(text, "Blue Gull carried")
    assert [m for m in false_variants(doc, other, random.Random(0)) if m.type == "number"]


def test_the_lead_never_changes_what_the_headline_states() -> None:
    text = GRANT.replace("Kestrel Bay wins harbour grant", "Kestrel Bay wins 70m euro grant")
    text = text.replace(" ($91m)", "")
    doc, lead = _claim(text, "The government is to hand")
    for want in (0, 1):
        for d in generate_true_false(doc, lead, random.Random(0), want):
            assert d.distractors[0][1] != "number"


def test_the_trivia_patterns_leave_common_phrases_alone() -> None:
    from quizapp.engine.quality import decor, odds_talk, scoreline

    assert not decor("Ministers gave the green light to cut red tape for small firms.")
    assert not decor("Gold and silver prices rose on the black market.")
    assert not odds_talk("The unions are at odds over the plan, against the odds.")
    assert not scoreline("Ann Porter scored in the 23rd minute to win the cup 2-1.")
    assert scoreline("Reyes won 6-4 3-6 7-5 to reach the final.")
