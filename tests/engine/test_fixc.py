"""Review fixes on generator 2.9.0: the story's country counted under one name whatever the
article calls it, no other Democrat party read as the US Democrats, and no politician the
article gives no job offered for a film-maker's blank. Texts written for the tests."""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import party_cue
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall, story_country

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


PORTRAIT = """Grant film shows softer side

Tory leader Peter Grant has said Michael Stone cannot be trusted with the economy.
Documentary maker Edward Wood was given access to Mr Grant for his film portrait.
Former Tory chancellor Robert Lamb said the film was fair to Mr Grant.
Labour's Kevin Doyle said the film was too kind to the Tory leader.
Tory MP David Price said Mr Grant had won the argument on tax.
Mr Stone said on Friday that the Tory sums did not add up.
Producer Tom Hart said he had worked with Mr Wood for ten years.
Mr Wood said he spent six months with Mr Grant and his family.
Mr Hart said the film would be shown on Sunday.
Director Adam Reid said Mr Wood had made his best film yet.
"""


def test_a_man_of_no_stated_job_in_a_story_of_politicians_is_no_film_maker() -> None:
    # Michael Stone is given no job or party, but the story is one of politicians: he is
    # no believable documentary maker; the producer and the director are
    doc = analyse(PORTRAIT)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Documentary maker"))
    (draft,) = [
        d for d in generate_recall(doc, claim, random.Random(0), 0) if d.key == "Edward Wood"
    ]
    assert draft.stem.startswith("Fill in the blank: Documentary maker _____")
    assert {w for w, _ in draft.distractors} == {"Tom Hart", "Adam Reid"}
