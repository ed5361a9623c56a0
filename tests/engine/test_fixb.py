"""Review of generator 2.9.0: the "needs context" and trivia patterns must leave ordinary news
sentences alone, and only a bookmaker's own spokesman is a bookmaker's speaker.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import pytest

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.quality import decor, market_aside, needs_context, scoreline


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


# --- 1. "needs context" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The test match at Kestrel Park was drawn after rain on the final day.",
        "Doctors said the blood test could detect the disease two years earlier.",
        "Officials said the exercise involved 4,000 sailors and 30 ships.",
        "Ana Ruiz signed a contract for the next four seasons.",
        "Kestrel Foods expects profits to rise over the next two quarters.",
        "The dockers' union voted to strike over pay.",
        "The players' union voted to strike over pay and pensions.",
        "The comedy club on Harbour Street will close in March.",
    ],
)
def test_ordinary_sentences_stand_alone(text: str) -> None:
    assert not needs_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gentle romantic comedy directed by Ben Holt has won three awards.",
        "The experiment cost $40,000 and took a year.",
        "She won both of the next two sets without dropping serve.",
        "The actors were paid less than the crew.",
    ],
)
def test_the_true_positives_still_need_context(text: str) -> None:
    assert needs_context(text)


# --- 2. trivia patterns -----------------------------------------------------------------------

ABOUT = "Kestrel Bay port to expand\n\nKestrel Bay will build a second harbour wall."


@pytest.mark.parametrize(
    "text",
    [
        "S&P cut Portugal's credit rating by one notch on Friday.",
        "The Nikkei business daily reported that the carmaker would close a plant.",
        "Dow Chemical said it would build a new plant near the harbour.",
    ],
)
def test_a_rating_agency_a_newspaper_or_a_company_is_no_share_index(text: str) -> None:
    assert not market_aside(text, ABOUT)


def test_a_share_index_move_is_still_market_bookkeeping() -> None:
    assert market_aside("In Frankfurt, the DAX index closed 20 points higher.", ABOUT)
    assert market_aside("The Dow Jones rose 120 points on Tuesday.", ABOUT)


def test_colours_before_people_or_in_a_compound_are_no_decoration() -> None:
    assert not decor("The report found black and white pupils now achieve similar grades.")
    assert not decor("Funds moved from blue-chip shares into green bonds and red-brick homes.")
    assert decor("The hall was hung with a blue and silver velvet banner.")


def test_age_bands_are_no_scoreline_and_the_winning_hole_no_counted_play() -> None:
    assert not scoreline("Voters aged 18-24, 25-34 and 35-44 backed the plan.")
    assert not scoreline("Ruiz birdied the 18th hole to win the Open by a shot.")
    assert scoreline("Reyes won 6-4 3-6 7-5 to reach the final.")
    assert scoreline("Reyes broke serve in the 11th game.")


# --- 3. a bookmaker's speaker -----------------------------------------------------------------

SENATE = """Kestrel state Senate race tightens

The race for the Kestrel state Senate seat tightened on Monday as two rivals pulled level.
Polls show Mary Hill and Tom Reed each with 41% support among likely voters.
Analysts still see Mary Hill as the favourite to win the seat next month.
Mary Hill said: "My plan will create 20,000 jobs in the first two years."
Tom Reed said he would cut the state's property tax by a fifth.
"""

BETS = """Kestrel state Senate race tightens

The race for the Kestrel state Senate seat tightened on Monday as two rivals pulled level.
Polls show Mary Hill and Tom Reed each with 41% support among likely voters.
Ladbrokes spokesman Joe Lusk said Mary Hill was now the favourite to win the seat.
Joe Lusk said: "We have taken more money on Hill than on any race this year."
Tom Reed said he would cut the state's property tax by a fifth.
"""


def test_a_candidate_called_the_favourite_is_no_bookmaker() -> None:
    _doc, quote = _claim(SENATE, "Mary Hill said")
    assert quote.quote is not None
    assert not quote.peripheral


def test_a_bookmakers_spokesman_is_still_trivia() -> None:
    _doc, quote = _claim(BETS, "Joe Lusk said")
    assert quote.quote is not None
    assert quote.peripheral
