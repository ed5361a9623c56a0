"""A quiz whose true/false answers lean to True asks one of its true items false where it can
(2.18.3).

Every one of sixteen blind judges of the tuning set at 2.17.5 said nearly every true/false
answer was "True" (167 of 185 on tuning and dev), so a reader who always answers True scores.
False statements are made only where a figure or a name can change or a "not" reads fairly;
where the chosen quiz leans (:func:`select.answers_lean`), selection asks such a true item as
its false statement instead, last chosen first, never the lead. Text written for the tests.
"""

from __future__ import annotations

import importlib
import random
from collections import Counter

from quizapp.engine import KINDS
from tests.engine.helpers import claims_of

sel = importlib.import_module("quizapp.engine.select")

FACTORY = (
    "Acme opens robot factory in Lyon\n\n"
    "Acme has opened a robot factory in Lyon to build delivery robots.\n\n"
    "Acme will sell delivery robots to hospitals and hotels across France.\n\n"
    "Workers at Acme have backed a four-day week proposed by managers.\n\n"
    "Lyon council has approved a tram line to the Acme factory.\n\n"
    "Acme robots already carry meals in hospitals in Paris and Marseille.\n"
)


def _all_true() -> tuple[object, dict[int, object], list[object], random.Random]:
    doc, claims = claims_of(FACTORY)
    rng = random.Random(3)
    balancer = sel.PositionBalancer(rng)
    state = sel.QuizState(topic=sel._topic_names(doc))
    chosen = []
    for claim in claims:
        q = sel._try_kind(
            doc,
            claim,
            "true_false",
            KINDS["true_false"],
            rng,
            balancer,
            Counter(),
            set(),
            state,
            want=0,
        )
        if q is not None:
            chosen.append(q)
            state.add(q)
    return doc, {c.id: c for c in claims}, chosen, rng


def test_a_leaning_quiz_asks_a_true_item_false() -> None:
    doc, by_id, chosen, rng = _all_true()
    assert len(chosen) >= 4 and all(q.options[0].correct for q in chosen)
    out = sel._rebalanced(
        doc, by_id, chosen, KINDS["true_false"], rng, sel.PositionBalancer(rng), Counter()
    )
    flipped = [(a, b) for a, b in zip(chosen, out, strict=True) if a is not b]
    assert flipped, "one true item is asked false"
    for before, after in flipped:
        assert after.options[1].correct and after.claim_id == before.claim_id
        assert by_id[after.claim_id].sentence.index != 0, "never the lead"
    assert [q.claim_id for q in out] == [q.claim_id for q in chosen], "same claims, same order"


def test_a_quiz_that_does_not_lean_is_left_alone() -> None:
    doc, by_id, chosen, rng = _all_true()
    two = chosen[:2]
    out = sel._rebalanced(
        doc, by_id, two, KINDS["true_false"], rng, sel.PositionBalancer(rng), Counter()
    )
    assert out == two


def test_answers_lean_from_three_items_at_three_quarters() -> None:
    assert sel.answers_lean(3, 3) and sel.answers_lean(3, 4) and sel.answers_lean(4, 5)
    assert not sel.answers_lean(2, 2)  # too few to tell
    assert not sel.answers_lean(2, 3) and not sel.answers_lean(4, 6)
