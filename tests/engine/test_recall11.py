"""Recall 11: a company of a known sector (a carmaker, an airline, a bank) that the article
names beside too few others of its kind is still asked, with close peers of its sector as
the wrong options; never where the stem tells the key's country, names its product or asks
about a rivalry. And a verification stem says "the X" only where the article mostly does.

Every sentence here is written for the test; no evaluation article is quoted.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import country_of, sector_options
from quizapp.engine.document import analyse
from quizapp.engine.recall import _set_in_city, generate_recall
from quizapp.engine.verification import _with_article

CARS = """Carmaker suspends night shifts

Renault suspended night shifts at two plants on Monday after sales of its small cars fell.
Renault said the shifts would return once stocks had been cleared.
Analysts said the decision showed how weak the market for small cars had become.
Unions said they would meet managers on Thursday to discuss pay for the lost shifts.
Sales of small cars across the region fell by a fifth last year.
"""

# (the airline is named after the lead: the lead's own recall item offers only the article's
# names since session 12, tests/engine/test_main12.py)
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


def test_lone_carmaker_gets_peer_carmakers() -> None:
    keyed = [d for d in _drafts(CARS) if d.key == "Renault"]
    assert keyed, "no recall item on the lone carmaker"
    wrong = {t for t, _ in keyed[0].distractors}
    assert len(wrong) >= 2
    assert wrong <= {"Ford", "Toyota", "Volkswagen", "Peugeot", "Honda", "Nissan", "Fiat", "BMW"}


def test_lone_airline_gets_peer_airlines() -> None:
    keyed = [d for d in _drafts(AIRLINE) if d.key == "Lufthansa"]
    assert keyed
    wrong = {t for t, _ in keyed[0].distractors}
    assert "Lufthansa" not in wrong and len(wrong) >= 2
    assert wrong <= {"British Airways", "Air France", "KLM", "Ryanair", "easyJet", "Delta"}


def test_no_peers_where_the_stem_tells_the_country_or_a_rivalry() -> None:
    doc = analyse(CARS)
    assert sector_options(doc, "Renault", "Which company will cut the French plant's shifts?") == []
    assert sector_options(doc, "Renault", "From which company does Fiat face competition?") == []
    assert sector_options(doc, "Renault", "Fill in the blank: _____'s Clio sold well.") == []
    assert sector_options(doc, "Renault", "Which company suspended night shifts?")


def test_no_peer_the_article_names_even_misspelt() -> None:
    doc = analyse(CARS + "Shares in Toyta and in Ford's parent fell.\n")
    peers = sector_options(doc, "Renault", "Which company suspended night shifts?")
    assert "Toyota" not in peers and "Ford" not in peers and peers


def test_no_peers_for_a_broad_sector() -> None:
    doc = analyse(CARS)
    assert sector_options(doc, "Intel", "Which company suspended night shifts?") == []


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


def test_city_a_clause_is_set_in_gets_the_regions_cities() -> None:
    keyed = [d for d in _drafts(CONCERT) if d.key == "Madrid"]
    assert keyed, "no recall item on the city of the fall"
    wrong = [t for t, _ in keyed[0].distractors]
    assert len(wrong) >= 2 and "Madrid" not in wrong
    assert all(country_of(w) == "spain" for w in wrong)


def test_city_beside_a_smaller_place_or_of_a_noun_is_not_set_in() -> None:
    doc = analyse(
        "The fans met at Retiro Park, Madrid, and then they sang in Madrid on Sunday.\n"
        "Shares traded in Madrid fell sharply on Monday.\n"
    )
    first, second, third = [m for m in doc.mentions if m.text == "Madrid"][:3]
    assert not _set_in_city(doc, first, "Madrid")
    assert _set_in_city(doc, second, "Madrid")
    assert not _set_in_city(doc, third, "Madrid")


def test_no_peer_owned_with_the_key_nor_two_of_one_group() -> None:
    # Renault and Nissan are allied, T-Mobile belongs to Deutsche Telekom: an owner offered for
    # its subsidiary is arguably right (review of 2.14.0)
    doc = analyse(CARS)
    peers = sector_options(doc, "Renault", "Which company suspended night shifts?")
    assert "Nissan" not in peers and peers
    phones = sector_options(doc, "T-Mobile", "Which company launched the handset?")
    assert "Deutsche Telekom" not in phones and phones
    studios = sector_options(doc, "MGM", "Which studio made the film?")
    assert not {"Warner Brothers", "Warner Bros"} <= set(studios)


def test_no_peers_where_a_wh_stem_names_the_keys_product() -> None:
    doc = analyse(CARS)
    assert sector_options(doc, "Renault", "Which company's Clio sold well?") == []
