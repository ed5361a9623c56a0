"""What the blind judges of the tuning articles refused at 2.16.1, each class mended (2.16.2-3).

- A statement opening on a title's own "The" was lower-cased ("the article says that the
  Chorus, a film about ...": "the title mangled").
- A made-up figure beside a key with decimals showed a bare ".0" ("2.0m euros" beside "3.5m
  euros", "13.0%" beside "8.1%"): "looks machine-made".
- "operators of similar networks": similar to what? ("unclear alone").
- "The Argentine had stoked up the temperature": a nation's word standing for a person
  ("unresolved").

Sentences written for the tests; each first test of a class fails on 2.16.1.
"""

from __future__ import annotations

import random

from quizapp.engine.figures import candidates
from quizapp.engine.mutations import _converted
from quizapp.engine.numbers import Quantity, parse_quantity, perturb
from quizapp.engine.quality import needs_context
from quizapp.engine.truefalse import generate_true_false
from tests.engine.helpers import claim_with, claims_of

FILMS = (
    "Harbour film wins top prize\n\n"
    "The low-budget Northam drama Low Tide has won the country's top film award.\n\n"
    "It beat the big-budget epic Grey Skies and the box-office hit, The Lantern.\n\n"
    "The Lantern, a film about a lighthouse keeper, won two awards for music and sound.\n"
)


def _true_stem(text: str, words: str) -> str:
    doc, claims = claims_of(text)
    claim = claim_with(doc, claims, words)
    drafts = generate_true_false(doc, claim, random.Random(1), 0)
    assert drafts
    return drafts[-1].stem


def test_a_title_keeps_its_capital_the() -> None:
    assert "says that The Lantern, a film about" in _true_stem(FILMS, "lighthouse keeper")


def test_an_ordinary_the_is_still_lower_cased() -> None:
    stem = _true_stem(FILMS, "low-budget Northam drama")
    assert "says that the low-budget Northam drama" in stem


def test_a_place_before_a_common_noun_is_no_title() -> None:
    # "The Northam regulator" opens no title, though "The Northam Times" is one
    text = (
        "Harbour firm fined\n\n"
        "A report in The Northam Times said the harbour firm had broken the rules.\n\n"
        "The Northam regulator fined the harbour firm £2m on Monday.\n"
    )
    assert "says that the Northam regulator fined" in _true_stem(text, "fined the harbour firm")


def test_no_bare_decimal_beside_a_key_with_decimals() -> None:
    for written in ("3.5m", "8.1%", "0.7%", "59.2", "4.1m", "1.4", "2.3", "2.01m"):
        q = _figure(written)
        for lower in (True, False):
            for fine in (False, True):
                made = perturb(q, lower, 5, fine=fine) + candidates(q, lower, fine)
                assert made
                shown = [round(v, q.decimals) for v in made]
                assert all(v != int(v) for v in shown), (written, made)


def test_a_key_written_whole_with_decimals_may_have_whole_values() -> None:
    q = _figure("3.0m")  # "3.0m" beside "2.0m" is the article's own way of writing
    assert any(round(v, 1) == int(v) for v in perturb(q, False, 5) + candidates(q, False, False))


def test_similar_things_need_what_they_are_like() -> None:
    assert needs_context("Acme sued operators of similar networks in Spain.")
    assert needs_context("Acme filed claims against similar sites in Spain.")


def test_similar_things_the_sentence_names_need_nothing() -> None:
    assert not needs_context("Acme fights domestic violence and similar incidents in Spain.")
    assert not needs_context("Acme fights fraud and other similar crimes in Spain.")
    assert not needs_context("Acme sells to owners of similar phones, such as the Z9.")
    assert not needs_context("Acme has similar structures to its rivals.")
    assert not needs_context("Acme and Bolt have similar aims.")
    assert not needs_context("Comparable sales rose 3% at Acme.")


def test_a_nation_standing_for_a_person_needs_the_name() -> None:
    # "The Argentine had stoked up the temperature ...": which Argentine? (2.16.3)
    assert needs_context("The Argentine had stoked up the temperature before the final.")
    assert needs_context("Later the Dutchman was sent off for a second booking.")
    assert needs_context("The Australian, who won in 2002, lost in four sets.")


def test_a_nation_word_before_a_noun_is_no_person() -> None:
    assert not needs_context("The Brazilian government cut fuel taxes in March.")
    assert not needs_context("Acme beat the Swiss side in the final.")


def test_a_word_that_names_a_whole_people_is_no_person() -> None:
    assert not needs_context("The Japanese had surrendered by then.")
    assert not needs_context("The Chinese have invested heavily in Africa.")


def test_a_bracketed_twin_shows_no_bare_decimal_either() -> None:
    # "£2.44m ($4.0m)" for "£2.5m ($4.1m)": no such change is made (2.16.5)
    assert _converted(_figure("£2.5m"), "£2.44m", _figure("$4.1m")) is None
    assert _converted(_figure("£2.5m"), "£3.0m", _figure("$4.1m")) == "$4.9m"


def _figure(written: str) -> Quantity:
    q = parse_quantity(written)
    assert q is not None
    return q
