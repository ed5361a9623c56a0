"""Side details blind editors called trivia on unseen articles (rubric rule 5), found by the
sentence's role past the lead, not by the article's topic (salience9). Texts written for these
tests; each story's headline claim and central facts stay askable."""

from __future__ import annotations

import pytest

from quizapp.engine.document import analyse
from quizapp.engine.salience import (
    background_stat,
    biography,
    box_office_aside,
    match_detail,
    procedural_step,
    programme_aims,
    relative_time,
    short_quote,
    spec_figure,
)
from tests.engine.helpers import claim_with, claims_of

CONSOLE = """Zentro cuts price of its Orbit console

Zentro will cut the price of its Orbit games console to £149 from next week, the company said.
The price cut of £50 is meant to win back buyers from rival Kestrel before Christmas.
Zentro sold 2.3 million Orbit consoles in Europe last year, down from 3.1 million.
The Orbit runs games at 60 frames per second on a 3.2GHz processor.
About 12 million households in Britain own a games console, according to an industry body.
Zentro said the cut would hit its profits in the first quarter.
Analyst Marta Quell called the cut "interesting".
Kestrel said it had no plans to cut the price of its own console.
Zentro's shares rose 4% after the announcement.
"""

HONOUR = """Rail chief Tom Varley knighted in honours list

The head of the national rail regulator, Tom Varley, has been knighted in the honours list.
Sir Tom led the regulator through the collapse of two train operators last year.
Ministers praised his handling of the collapse, which left 40,000 passengers stranded.
Sir Tom was made chief executive in March 2001 after a career which dates back to 1979.
The Rail Users Council said the honour was deserved.
"""


@pytest.mark.parametrize(
    "words",
    [
        "60 frames per second",  # a spec figure in a story about the price
        "12 million households",  # a background statistic
        '"interesting"',  # a bystander's one-word verdict
    ],
)
def test_side_details_of_a_price_story_are_peripheral(words: str) -> None:
    doc, claims = claims_of(CONSOLE)
    assert claim_with(doc, claims, words).peripheral


def test_the_price_story_keeps_its_central_claims() -> None:
    doc, claims = claims_of(CONSOLE)
    assert not claim_with(doc, claims, "cut the price of its Orbit").peripheral
    assert not claim_with(doc, claims, "2.3 million Orbit consoles").peripheral


def test_career_dates_in_a_profile_are_peripheral_but_the_honour_is_not() -> None:
    doc, claims = claims_of(HONOUR)
    assert claim_with(doc, claims, "dates back to 1979").peripheral
    assert not claim_with(doc, claims, "has been knighted").peripheral


def test_a_standing_description_of_a_side_bank_is_peripheral() -> None:
    text = """Fraud probe at Northgate Bank

Two managers at Northgate Bank have been arrested over a loan fraud worth $40m, police said.
The managers approved loans to companies that did not exist, investigators said.
Northgate Bank said it was helping the police with their inquiries.
Northgate Bank is one of three lenders preparing to list shares abroad next year.
Eastway Bank is the country's largest deposit holder.
Regulators have ordered an audit of all loans the two managers approved.
"""
    doc, claims = claims_of(text)
    assert claim_with(doc, claims, "largest deposit holder").peripheral
    assert not claim_with(doc, claims, "have been arrested").peripheral


def test_spec_figure_only_when_the_headline_and_lead_do_not_talk_specs() -> None:
    assert spec_figure("The phone has a 12 megapixel camera.", "Phone price cut")
    assert not spec_figure("The phone has a 12 megapixel camera.", "First 12 megapixel phone")
    assert not spec_figure("The phone will cost £300.", "Phone price cut")


def test_background_stat_counts_owners_not_findings() -> None:
    assert background_stat("Almost 90% of Britons own a mobile phone.")
    assert background_stat("Some 3 million people in Spain use the service.")
    assert not background_stat("Sales of the phone rose 90% in Britain.")
    # a service's own size is no background
    assert not background_stat("More than 1 million people use the service every day.")


def test_box_office_of_another_film_only_in_a_film_story() -> None:
    about = "Director's new film delayed\nThe release of Dark Harbour has been put back."
    text = "Sunlit Road took $20m at the box office in its opening weekend."
    assert box_office_aside(text, ["Sunlit Road"], about)
    assert not box_office_aside(text, ["Sunlit Road"], "Games sales record\nA game sold well.")
    # a film's budget is no takings
    budget = "Films with budgets of up to £9m, like box office hit Sunlit Road, will be hit."
    assert not box_office_aside(budget, ["Sunlit Road"], about)


def test_programme_aims_biography_and_procedure() -> None:
    about = "Council grant for arts centre\nThe arts centre will get £2m."
    assert programme_aims("The Bright Futures scheme aims to help young artists.", about)
    assert not programme_aims("The International Monetary Fund aims to calm markets.", about)
    assert not programme_aims("The fund aims to help young artists.", "New arts fund launched")
    assert biography("She joined the Treasury in 1985.")
    assert not biography("The first call was made in 1985 in London.")
    assert procedural_step("The bill was referred to the justice committee on Tuesday.")
    assert not procedural_step("The bill was referred to the justice committee.")


def test_match_bookkeeping_and_unanchored_times() -> None:
    assert match_detail("Dunmore added a late consolation try for the visitors.")
    assert match_detail("Parry scored in the 53rd-minute from a pass from Okafor.")
    assert match_detail("Okafor headed home from Parry's cross.")
    assert not match_detail("Parry scored twice as Rovers won the cup.")
    assert not match_detail("The club was set up by two brothers in 1902.")
    assert relative_time("Eight minutes later, Rovers scored again.")
    assert not relative_time("The club will play in the final next month.")
    assert not relative_time("Two days later, the minister resigned.")


def test_short_quote() -> None:
    assert short_quote("interesting")
    assert short_quote("very, very pleased")
    assert not short_quote("we will not cut jobs at the plant this year")


def test_the_size_of_an_audience_is_no_figure_to_ask() -> None:
    from quizapp.engine.mutations import changeable_figure

    text = """Mayor to speak at stadium rally

Mayor Lena Ortiz is set to address 3,500 people at a rally as part of her re-election campaign.
Ms Ortiz will promise to cut bus fares by 10% if she is re-elected, her office said.
The rally comes a week after Ms Ortiz launched her campaign in the city's old town hall.
"""
    doc = analyse(text)
    crowd = next(q for s in doc.sentences for q in s.quantities if q.text.startswith("3,500"))
    fare = next(q for s in doc.sentences for q in s.quantities if q.text.startswith("10"))
    assert not changeable_figure(doc, crowd)
    assert changeable_figure(doc, fare)


def test_more_side_detail_shapes() -> None:
    from quizapp.engine.salience import said_a_word

    about = "Council grant for arts centre\nThe arts centre will get £2m."
    assert programme_aims("The money comes from the Creative Futures Programme.", about)
    assert not programme_aims("The loan comes from the International Monetary Fund.", about)
    assert match_detail("Okafor scored the try after 23 minutes.")
    assert not match_detail("Talks collapsed after 90 minutes.")
    assert procedural_step("The council debated the plan on Wednesday.")
    assert said_a_word('Ms Hale said the plan was "interesting".') == "interesting"
    assert not said_a_word('Ms Hale said the plan was "a threat to every school in the city".')


def test_a_verdict_the_story_takes_up_again_is_not_a_throwaway() -> None:
    text = """Coach steps up row with rival

The row between Dale Price and Ivo Brandt deepened after Price's remarks on Sunday.
Brandt replied on Monday that the word disgrace had no place in football.
Price said the referees' handling of the derby was "a disgrace".
Price's assistant Rob Gill said the atmosphere at the club was "fine".
The league said it would review the remarks of both coaches this week.
"""
    doc, claims = claims_of(text)
    assert not claim_with(doc, claims, "handling of the derby").peripheral
    assert claim_with(doc, claims, '"fine"').peripheral
