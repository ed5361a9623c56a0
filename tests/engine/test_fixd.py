"""Fixes on generator 2.9.0 (dev judging): no wrong value within the rough margin of a figure
the article gives roughly, no negation of a word that is negative already, no closing
attribution to a pronoun with no name, no unnamed "the <modifier> machine" as a claim's
subject. Texts written for the tests."""

from __future__ import annotations

import random

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import mutate_negation, mutate_number
from quizapp.engine.numbers import parse_quantity
from quizapp.engine.quality import needs_context
from quizapp.engine.recall import generate_recall
from quizapp.engine.truefalse import generate_true_false
from quizapp.engine.verification import standalone

FORECAST = """Brightway expects slower growth

Brightway, the cable and film group, said its profits rose by 12% last year.
For next year, Brightway is projecting operating profit growth of around 5%, it said.
The group also plans to cut 300 jobs at its plants in Ohio and Texas.
Brightway shares rose 3% after the results were published on Tuesday.
"""


def _claim(doc: Document, words: str) -> ClaimInfo:
    for c in extract_claims(doc):
        if words in c.text:
            return c
    raise AssertionError(f"no claim with {words!r}")


def test_a_rough_figure_changes_only_beyond_the_rough_margin() -> None:
    doc = analyse(FORECAST)
    claim = _claim(doc, "around 5%")
    seen = []
    for seed in range(40):
        for m in mutate_number(doc, claim, random.Random(seed)):
            if m.old != "5%":
                continue
            q = parse_quantity(m.new)
            assert q is not None
            seen.append(m.new)
            # "around 4%" or "around 6%" is arguably right too
            assert abs(q.value - 5) > 1, m.new
    assert seen  # far values ("around 2%") still make wrong options


AID = """Minister calls for more aid

The minister of health called for more aid to the poorest regions on Monday.
The problems of the region were inseparable from poverty, the minister said.
The clinics in the north were unable to buy enough medicine last year.
The clinics in the south failed to hire enough nurses last year.
The new hospital in the capital was able to treat patients from the north.
The government disagreed with the report on the clinics in the west.
"""


def test_no_negation_of_a_word_that_is_negative_already() -> None:
    doc = analyse(AID)
    for words in ("inseparable", "unable", "failed", "disagreed"):
        claim = _claim(doc, words)
        assert mutate_negation(doc, claim, random.Random(0)) == [], words
    # a plain predicate still has its negation
    linked = _claim(doc, "was able")
    assert [m.new for m in mutate_negation(doc, linked, random.Random(0))] == [" not"]


ENVOY = """Envoy calls for more aid to the north

The UN envoy for Africa called for more aid to the north of the country on Monday.
{speakers} told a meeting of donors in Nairobi that the aid had come too late.
The spread of HIV/Aids was tied to the long war in the north, he added.
The donors met Ann Cole and John Moss, who run the clinics in the north.
"""


def _true_false_stems(text: str) -> list[str]:
    doc = analyse(text)
    return [
        d.stem
        for c in extract_claims(doc)
        for want in (0, 1)
        for d in generate_true_false(doc, c, random.Random(0), want)
    ]


def test_a_closing_pronoun_attribution_is_asked_as_the_named_speakers() -> None:
    stems = [s for s in _true_false_stems(ENVOY.format(speakers="Peter Banda")) if "war" in s]
    assert stems
    assert all(s.startswith("True or false: Peter Banda added that the spread") for s in stems)
    assert not any("he added" in s for s in stems)


def test_a_closing_pronoun_attribution_with_no_single_name_is_refused() -> None:
    text = ENVOY.format(speakers="Two of the donors")
    assert not [s for s in _true_false_stems(text) if "war" in s]


CHIPS = """Chip maker builds faster computer

Northwind has built the fastest computer in the world, the firm said on Monday.
The water-cooled machine was reported to have reached 90 trillion sums a second in May.
Northwind will sell the computer to universities in Europe and Asia next year.
The firm's shares rose 4% after the news on Monday.
"""


def test_a_subject_described_but_never_named_needs_context() -> None:
    doc = analyse(CHIPS)
    claim = _claim(doc, "water-cooled machine")
    assert not standalone(doc, claim, bare=True)
    assert needs_context("The proposed deal values the firm at $1bn.")
    assert needs_context("The new system will cut the cost of calls by a third.")
    # named right after, specified, owned or an institution: not described only
    assert not needs_context("The new machine, Blue Gene, is the fastest in the world.")
    assert not needs_context("The spending plan for the year was approved on Monday.")
    assert not needs_context("The court system should be used only as a last resort.")
    assert not needs_context("The BBC show drew five million viewers.")


def test_participles_and_falls_are_not_negative_words() -> None:
    text = """Shares fall at Acme

Acme declined an offer of $5bn from a rival.
The new drug was unveiled by Acme at a meeting of doctors in Paris.
The results of the trial were improved by a change in the dose last year.
"""
    doc = analyse(text)
    for words in ("declined an offer", "was unveiled", "were improved"):
        assert mutate_negation(doc, _claim(doc, words), random.Random(0)), words


def test_a_rough_figures_blank_offers_no_value_within_the_margin() -> None:
    # a guard: recall applies the same margin (mutations.beyond_rough_margin, its one home)
    doc = analyse(FORECAST)
    claim = _claim(doc, "around 5%")
    wrong = [
        w
        for seed in range(20)
        for d in generate_recall(doc, claim, random.Random(seed), -1)
        if d.key == "5%"
        for w, _ in d.distractors
    ]
    assert wrong
    for w in wrong:
        q = parse_quantity(w)
        assert q is not None and abs(q.value - 5) > 1, w


GRANT = """Growers win more help

The ministry will give growers 40m euros in grants this year, officials said.
A further 12m euros will be made available to small farms in cheap loans.
Another 300 inspectors will check the harvest in the autumn.
The new inspectors will visit every farm in the region.
"""


def test_no_negation_of_a_subject_that_adds_to_an_amount() -> None:
    # "a further 12m euros will not be made available" reads as a contradiction of itself
    doc = analyse(GRANT)
    for words in ("A further 12m", "Another 300"):
        claim = _claim(doc, words)
        assert mutate_negation(doc, claim, random.Random(0)) == [], words
    plain = _claim(doc, "The new inspectors")
    assert [m.new for m in mutate_negation(doc, plain, random.Random(0))] == [" not"]
