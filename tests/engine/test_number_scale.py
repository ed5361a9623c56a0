"""Made-up wrong figures keep the key's scale: a figure the article sets beside a close one of
its kind (an index "from 101.5 to 99.5") gets wrong values a few percent away, never a third or
more. Sentences written for these tests."""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import quantity_pool
from quizapp.engine.document import analyse
from quizapp.engine.numbers import parse_quantity, perturb

TITLE = "Shoppers' mood index slips in Norland"


def _pool(body: str, key: str, seed: int = 0) -> list[float]:
    doc = analyse(TITLE + "\n\n" + body)
    claim = next(c for c in extract_claims(doc) if key in c.text)
    q = next(q for q in claim.sentence.quantities if q.text == key)
    options = quantity_pool(doc, claim, q, random.Random(seed), 3)
    values = []
    for text, _source in options:
        parsed = parse_quantity(text)
        assert parsed is not None, text
        values.append(parsed.value)
    return values


def test_a_key_beside_a_close_value_gets_wrong_values_of_its_scale() -> None:
    body = (
        "Norland's index of shoppers' mood fell from 101.5 to 99.5 in March, the statistics "
        "office said on Monday. Retailers in the capital reported weaker sales of clothing. "
        "The office will publish its next reading at the end of April."
    )
    for seed in range(6):
        values = _pool(body, "99.5", seed)
        assert len(values) == 3
        assert all(0.8 * 99.5 <= v <= 1.2 * 99.5 for v in values), values
        assert 101.5 not in values  # a value the article states is never a wrong option


def test_a_lone_figure_keeps_the_ordinary_steps() -> None:
    q = parse_quantity("400")
    assert q is not None
    assert max(perturb(q, False, 3)) >= 1.5 * 400
    fine = perturb(q, False, 3, fine=True)
    assert fine and all(400 < v <= 1.2 * 400 for v in fine)
    assert all(0.8 * 400 <= v < 400 for v in perturb(q, True, 3, fine=True))
