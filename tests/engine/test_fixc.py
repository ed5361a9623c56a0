"""Review fixes on generator 2.9.0: the story's country counted under one name whatever the
article calls it, no other Democrat party read as the US Democrats, and no politician the
article gives no job offered for a film-maker's blank. Texts written for the tests."""

from __future__ import annotations

from quizapp.engine.distractors import party_cue
from quizapp.engine.document import analyse
from quizapp.engine.recall import story_country

FARMS = """Farmers fear new trade rules

The US will change its rules on farm imports next year, officials said on Monday.
American farmers say the new rules will cut their sales abroad by a third.
The US sold grain worth $40bn to other countries last year.
Many American growers have already cut the land they sow.
Officials in the US say the rules will protect jobs in the cities.
American food prices rose by 4% in the last year.
"""


def test_us_and_american_count_as_one_country() -> None:
    assert story_country(analyse(FARMS)) == "united states"


HELP = """Give us more time, say growers

Growers in the north say they need more time to meet the new rules on water.
The US will change its rules on farm water next year, officials said on Monday.
The US sold grain worth $40bn to other countries last year.
Officials in the US say the rules will protect the rivers.
The growers say the rules came too fast for small farms.
"""


def test_the_pronoun_us_in_a_title_names_no_country() -> None:
    assert story_country(analyse(HELP)) is None


def test_other_democrat_parties_are_not_the_us_democrats() -> None:
    assert party_cue("Social Democrat chancellor ", " said") is None
    assert party_cue("Christian Democrat leader ", " said") is None
    assert party_cue("Free Democrat leader ", " said") is None
    assert party_cue("Liberal Democrat leader ", " said") == "Liberal Democrat"
    assert party_cue("Democrat senator ", " said") == "Democratic"
    assert party_cue("the ", ", a Social Democrat MP, said") is None
    # Japan's Liberal Democratic Party is neither the Lib Dems nor the US Democrats
    assert party_cue("the ", ", a Liberal Democratic Party MP, said") is None
    assert party_cue("the ", ", a Liberal Democrat MP, said") == "Liberal Democrat"
