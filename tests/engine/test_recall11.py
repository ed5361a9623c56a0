"""Recall 11, as judged: a recall blank never takes a name the article does not mention as a
wrong option. Built-in peers of a lone company's sector and built-in cities for a city the
clause is set in were tried in 2.14.0; blind editors rejected all four such items of the
tuning articles as "merely unmentioned" or given away, so the engine asks such a name only
where the article itself names others of its kind. And a verification stem says "the X"
only where the article mostly does.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall
from quizapp.engine.verification import _with_article

CARS = """Carmaker suspends night shifts

Renault suspended night shifts at two plants on Monday after sales of its small cars fell.
Renault said the shifts would return once stocks had been cleared.
Analysts said the decision showed how weak the market for small cars had become.
Unions said they would meet managers on Thursday to discuss pay for the lost shifts.
Sales of small cars across the region fell by a fifth last year.
"""

AIRLINE = """Airline pilot dismissed

A pilot who complained about rest breaks has lost her job after eleven years of flying.
Captain Joan Reeve was dismissed by Lufthansa in March after a row over rest breaks.
Captain Reeve said she had not been told why she had been dismissed.
Her union said it would take the case to a tribunal next month.
Pilots have complained about rest breaks for several years.
"""


def _drafts(text: str) -> list:
    doc = analyse(text)
    return [d for c in extract_claims(doc) for d in generate_recall(doc, c, random.Random(0), 0)]


def test_lone_carmaker_gets_no_built_in_peers() -> None:
    # the story names no other carmaker: Ford or Toyota would be merely unmentioned
    assert not [d for d in _drafts(CARS) if d.key == "Renault"]


def test_lone_airline_gets_no_built_in_peers() -> None:
    for d in _drafts(AIRLINE):
        assert not {t for t, _ in d.distractors} & {"British Airways", "Air France", "KLM"}
    assert not [d for d in _drafts(AIRLINE) if d.key == "Lufthansa"]


def test_the_only_where_the_article_mostly_says_it() -> None:
    text = (
        "Orion cut prices.\nOrion said sales rose.\nThe Orion product range grew.\n"
        "Orion hired staff.\nThe UK said the UK economy grew.\n"
    )
    doc = analyse(text)
    assert _with_article(doc, "Orion", "ORG") == "Orion"
    assert _with_article(doc, "UK", "GPE") == "the UK"


CONCERT = """Singer cancels tour

The singer Mara Voss was injured in Madrid on Friday and cancelled the rest of her tour.
Mara Voss said she would need several weeks to recover from the injury.
Her promoter said tickets for the cancelled dates would be refunded in full.
The tour had been due to visit twelve countries over the summer.
"""


def test_city_a_clause_is_set_in_gets_no_built_in_cities() -> None:
    # "injured in _____ on Friday": Barcelona or Seville would be merely unmentioned
    assert not [d for d in _drafts(CONCERT) if d.key == "Madrid"]


def test_built_in_swap_never_owned_with_the_key() -> None:
    from quizapp.engine.distractors import _typed_list

    doc = analyse("T-Mobile launched a handset on Monday.\nT-Mobile said sales would rise.\n")
    m = next(x for x in doc.mentions if x.text == "T-Mobile")
    assert "Deutsche Telekom" not in _typed_list(doc, m, "T-Mobile")
