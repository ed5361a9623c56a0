"""Choosing the quiz: most check-worthy claims first, one question per claim while claims
last, kinds rotated, every draft through the gate, key positions spread evenly."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from .claims import ClaimInfo
from .document import Document
from .drafts import Draft
from .gate import check_question
from .types import Question

Generator = Callable[[Document, ClaimInfo, random.Random, int], list[Draft]]
# questions on the same claim only while the quiz is still shorter than this
MIN_BEFORE_REPEAT = 8


class PositionBalancer:
    """Tracks key positions per option count and proposes the least used one."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counts: dict[int, Counter[int]] = {}

    def want(self, n_options: int) -> int:
        """Least used position for questions with ``n_options`` options (ties: random)."""
        c = self.counts.setdefault(n_options, Counter())
        low = min(c.get(i, 0) for i in range(n_options))
        return self.rng.choice([i for i in range(n_options) if c.get(i, 0) == low])

    def record(self, n_options: int, pos: int) -> None:
        """Count a placed key."""
        self.counts.setdefault(n_options, Counter())[pos] += 1


def gate_question(q: Question, text: str) -> list[str]:
    """The gate plus the engine's own consistency checks on offsets."""
    reasons = check_question(
        q.kind, q.stem, [(o.text, o.correct) for o in q.options],
        (q.evidence.start, q.evidence.end), text,
    )
    if text[q.evidence.start : q.evidence.end] != q.evidence.text:
        reasons.append("evidence is not a span of the article")
    return reasons


def select(
    doc: Document,
    claims: list[ClaimInfo],
    kinds: dict[str, Generator],
    rng: random.Random,
    max_questions: int,
    rejected: Counter[str],
) -> list[Question]:
    """Build the quiz from the ranked claims."""
    ranked = sorted(claims, key=lambda c: (-c.score, c.id))
    # bounded work on long articles: only the best claims are ever turned into questions
    ranked = ranked[: max(3 * max_questions + 10, 30)]
    balancer = PositionBalancer(rng)
    kind_count: Counter[str] = Counter()
    chosen: list[Question] = []
    used: dict[int, set[str]] = {}
    seen_stems: set[str] = set()
    used_sentences: set[int] = set()
    names = list(kinds)
    for round_no in range(2):
        for claim in ranked:
            if len(chosen) >= max_questions:
                break
            if round_no == 1 and len(chosen) >= MIN_BEFORE_REPEAT:
                break
            done = used.setdefault(claim.id, set())
            if round_no == 0 and done or round_no == 1 and len(done) > 1:
                continue
            # two questions on one sentence give each other away: only to reach the minimum
            if round_no == 0 and claim.sentence.index in used_sentences:
                continue
            order = sorted(names, key=lambda k: (kind_count[k], names.index(k)))
            for kind in order:
                if kind in done:
                    continue
                q = _try_kind(doc, claim, kind, kinds[kind], rng, balancer, rejected,
                              seen_stems)
                if q is not None:
                    chosen.append(q)
                    kind_count[kind] += 1
                    done.add(kind)
                    seen_stems.add(q.stem)
                    used_sentences.add(claim.sentence.index)
                    break
    return chosen


def _try_kind(
    doc: Document,
    claim: ClaimInfo,
    kind: str,
    gen: Generator,
    rng: random.Random,
    balancer: PositionBalancer,
    rejected: Counter[str],
    seen_stems: set[str],
) -> Question | None:
    n_opts = 2 if kind == "true_false" else 4
    want = balancer.want(n_opts)
    for draft in gen(doc, claim, rng, want):
        if draft.stem in seen_stems and kind != "claim_verification":
            rejected["duplicate stem"] += 1
            continue
        n = 2 if kind == "true_false" else len(draft.distractors) + 1
        pos = want if n == n_opts else balancer.want(n)
        q = draft.place(min(pos, n - 1))
        reasons = gate_question(q, doc.text)
        if reasons:
            for r in reasons:
                rejected[r] += 1
            continue
        balancer.record(len(q.options), q.key_index)
        return q
    return None
