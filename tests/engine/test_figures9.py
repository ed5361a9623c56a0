"""Made-up wrong figures are chosen as a set, so that no option is the odd one out: they
straddle the key, never run as a series (3,000 / 4,000 / 5,000), stay apart, keep the key's
format, respect the sentence's direction words and a mild change, and never fall inside a
range the article states. Sentences written for these tests."""

from __future__ import annotations

import itertools
import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import quantity_pool
from quizapp.engine.document import analyse
from quizapp.engine.figures import SAME_GAP, choose, stated_ranges
from quizapp.engine.mutations import keeps_direction, mutate_number
from quizapp.engine.numbers import parse_quantity

TITLE = "Council rally draws crowd in Dunmore"


def _setup(body: str, key: str) -> tuple:
    doc = analyse(TITLE + "\n\n" + body)
    claim = next(c for c in extract_claims(doc) if key in c.text)
    q = next(q for q in claim.sentence.quantities if q.text == key)
    return doc, claim, q


def _values(texts: list[str]) -> list[float]:
    out = []
    for text in texts:
        parsed = parse_quantity(text)
        assert parsed is not None, text
        out.append(parsed.value)
    return out


def _series(values: list[float]) -> bool:
    vals = sorted(values)
    gaps = [b - a for a, b in itertools.pairwise(vals)]
    return any(abs(g - h) <= SAME_GAP * max(g, h) for g, h in itertools.combinations(gaps, 2))


ROUND = (
    "Mayor Ann Toller will address 2,000 people at the town hall in Dunmore on Saturday. "
    "She will set out plans for a new bus station and a covered market. "
    "Her opponents say the plans cost too much and will raise local taxes."
)


def test_made_up_figures_straddle_a_round_key_and_never_run_as_a_series() -> None:
    doc, claim, q = _setup(ROUND, "2,000 people")
    for seed in range(8):
        for below in range(4):
            options = quantity_pool(doc, claim, q, random.Random(seed), 3, below=below)
            values = _values([t for t, _ in options])
            assert len(values) == 3
            assert min(values) < 2000 < max(values), (below, values)  # some below, some above
            everything = sorted([2000.0, *values])
            assert not _series(everything), everything
            gaps_ok = all(b - a >= 0.08 * b for a, b in itertools.pairwise(everything))
            assert gaps_ok, everything
            assert all(t.endswith(" people") for t, _ in options)


def test_the_key_rank_follows_the_seeded_draw() -> None:
    doc, claim, q = _setup(ROUND, "2,000 people")
    ranks = set()
    for below in range(4):
        options = quantity_pool(doc, claim, q, random.Random(3), 3, below=below)
        ranks.add(sum(v < 2000 for v in _values([t for t, _ in options])))
    assert ranks == {1, 2}


def test_a_decimal_key_keeps_its_decimals_and_no_series() -> None:
    body = (
        "The central bank of Norland cut its main rate by 0.3 percentage points on Tuesday. "
        "Economists had expected the bank to hold the rate until the spring. "
        "The currency weakened after the announcement."
    )
    doc, claim, q = _setup(body, "0.3")
    for seed in range(6):
        options = quantity_pool(doc, claim, q, random.Random(seed), 3, below=seed % 4)
        texts = [t for t, _ in options]
        assert all(len(t.split(".")[-1]) == 1 for t in texts), texts
        assert not _series([0.3, *_values(texts)]), texts


def test_a_fall_from_a_stated_value_never_gets_a_wrong_value_above_it() -> None:
    body = (
        "Pre-tax profit at Harlow Foods fell to £84m from £97m, the grocer said on Thursday. "
        "The chain blamed a warm autumn and higher wages. "
        "Its shares closed lower in London."
    )
    doc, claim, q = _setup(body, "£84m")
    for seed in range(6):
        options = quantity_pool(
            doc,
            claim,
            q,
            random.Random(seed),
            3,
            below=1,
            ok=lambda t: keeps_direction(claim, q, t),
        )
        values = _values([t for t, _ in options])
        assert len(values) == 3
        assert all(v < 97 for v in values), values


def test_a_mild_change_keeps_wrong_values_near_the_key() -> None:
    body = (
        "The Norland index of shoppers' mood eased to 88.4 in May, a mild decline. "
        "Retailers in the capital reported weaker sales of clothing. "
        "The office will publish its next reading at the end of June."
    )
    doc, claim, q = _setup(body, "88.4")
    for seed in range(6):
        options = quantity_pool(doc, claim, q, random.Random(seed), 3, below=seed % 4)
        values = _values([t for t, _ in options])
        assert values and all(0.75 * 88.4 <= v <= 1.3 * 88.4 for v in values), values


def test_no_wrong_value_inside_a_range_the_article_states() -> None:
    body = (
        "Police said 18,000 fans attended the final at Dunmore Park on Sunday, though "
        "organisers had expected between 20,000 and 30,000 fans. "
        "Local hotels were full for the whole weekend."
    )
    doc, claim, q = _setup(body, "18,000")
    assert stated_ranges(doc.text, claim.sentence.quantities, q) == [(20000.0, 30000.0)]
    for seed in range(8):
        options = quantity_pool(doc, claim, q, random.Random(seed), 3, below=seed % 4)
        # (the range's own ends are figures of the article, and may stand as wrong options)
        values = _values([t for t, src in options if src == "number_perturbation"])
        assert values and not any(20000 < v < 30000 for v in values), values


def test_false_statements_of_a_figure_never_run_as_a_series_with_the_key() -> None:
    body = (
        "The council will spend £30m on new cycle lanes over the next five years. "
        "Work on the first lane starts in March, the council said. "
        "Shopkeepers on the high street fear months of disruption."
    )
    doc, claim, q = _setup(body, "£30m")
    for seed in range(10):
        news = [m.new for m in mutate_number(doc, claim, random.Random(seed))]
        assert len(news) == 2
        assert not _series([30.0, *_values(news)]), news


def test_choose_breaks_a_series_the_candidates_offer() -> None:
    picked = choose(
        4000, [], [3000, 2000, 1000], [5000, 6000, 7000, 8000], (1, 2), random.Random(0)
    )
    assert picked is not None
    assert not _series([4000, *picked]), picked


def test_a_small_whole_number_beside_a_close_figure_keeps_its_steps_apart() -> None:
    body = (
        "Steel prices in Norland rose by 8% in January, the trade body said on Friday. "
        "Prices of copper rose by 7% over the same month. "
        "Builders warned that new homes would cost more this spring."
    )
    doc, claim, q = _setup(body, "8%")
    for seed in range(8):
        options = quantity_pool(doc, claim, q, random.Random(seed), 3, below=seed % 4)
        values = sorted([8.0, *_values([t for t, _ in options])])
        assert all(b - a >= 0.1 * b for a, b in itertools.pairwise(values)), values


def test_the_articles_own_wrong_figures_are_never_a_digit_apart() -> None:
    body = (
        "In the Norland poll, 82% of voters backed the new bridge over the river. "
        "Asked about the tunnel, 63% of farmers said they opposed the plan. "
        "A further 61% of shopkeepers said the tolls were too high. "
        "Only 35% of commuters said they would pay the toll every day."
    )
    doc, claim, q = _setup(body, "82%")
    for seed in range(8):
        for count in (2, 3):
            options = quantity_pool(doc, claim, q, random.Random(seed), count)
            texts = [t for t, _ in options]
            assert not {"63%", "61%"} <= set(texts), texts
