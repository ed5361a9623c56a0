"""Why selection refuses drafts, draft by draft: a diagnostic for tuning work.

Usage::

    .venv/bin/python bench/select_refusals.py FILE [FILE ...] [--seed 7] [--all]

Runs :func:`quizapp.engine.select.select` on each article (never run it on a check-set
article) with ``_try_kind`` and ``QuizState.conflict`` wrapped: prints every claim and kind
tried, in selection's order, with what the gate and the other rules refused (the rejected
counter's reasons), and for each independence refusal the phrase that conflicts and the chosen
item (#n, in the order chosen) that shows or asks it. ``--all`` also prints the tries for which
the generator made no draft at all (most claims of a story told without figures or names other
than its topic). A try's refusals are printed just above its line. Then the quiz.
"""

from __future__ import annotations

import argparse
import importlib
import random
from collections import Counter
from pathlib import Path
from typing import Any

from quizapp.engine import KINDS
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.kinds import REGISTRY
from quizapp.engine.types import Question

sel = importlib.import_module("quizapp.engine.select")


def _why(state: Any, q: Question, repeat: bool, chosen: list[Question]) -> list[str]:
    """The phrases behind an independence refusal, with the chosen item concerned."""
    out = []
    topic = frozenset() if repeat else state.topic
    mine = [a for a in sel.answer_phrases(q) if a and a not in topic]
    for a in mine:
        out += [
            f"its answer '{a}' shown in chosen #{i + 1}"
            for i, t in enumerate(state.shown)
            if f" {a} " in t
        ]
    text = sel.shown_text(q)
    for i, c in enumerate(chosen):
        out += [
            f"shows chosen #{i + 1}'s answer '{a}'"
            for a in sel.answer_phrases(c)
            if a and a not in topic and f" {a} " in text
        ]
    return out


def trace(path: Path, seed: int, show_all: bool) -> None:
    """Print the refusals and the quiz of one article."""
    doc = analyse(path.read_text(encoding="utf-8"))
    claims = extract_claims(doc)
    chosen: list[Question] = []
    original_try, original_conflict = sel._try_kind, sel.QuizState.conflict

    def conflict(self: Any, q: Question, repeat: bool = False) -> str | None:
        why = original_conflict(self, q, repeat)
        if why is not None:
            detail = "; ".join(_why(self, q, repeat, chosen)) or "-"
            key = next((o.text for o in q.options if o.correct), "")
            print(f"      refused ({why}): {q.stem[:110]} | key {key[:50]} | {detail}")
        return why

    def try_kind(*args: Any, **kwargs: Any) -> Question | None:
        claim, kind, rejected = args[1], args[2], args[6]
        before = Counter(rejected)
        q = original_try(*args, **kwargs)
        after = Counter(rejected)
        after.subtract(before)
        reasons = {k: v for k, v in after.items() if v}
        if q is not None or reasons or show_all:
            outcome = f"chosen #{len(chosen) + 1}" if q is not None else "none"
            repeat = " (repeat)" if kwargs.get("repeat") else ""
            print(f"   c{claim.id} {kind}{repeat}: {outcome} {reasons or ''}")
        if q is not None:
            chosen.append(q)
        return q

    sel._try_kind, sel.QuizState.conflict = try_kind, conflict
    try:
        rejected: Counter[str] = Counter()
        print(f"== {path} ({len(claims)} claims, topic {sorted(sel._topic_names(doc))})")
        quiz = sel.select(doc, claims, KINDS, random.Random(seed), 15, rejected)  # noqa: S311
    finally:
        sel._try_kind, sel.QuizState.conflict = original_try, original_conflict
    for i, q in enumerate(quiz, 1):
        print(f"Q{i} [{q.kind}] c{q.claim_id} {q.stem}")
        if not REGISTRY[q.kind].fixed_options or q.kind == "true_false":
            for o in q.options:
                print(f"     {'*' if o.correct else ' '} {o.text}")
    print(f"rejected: {dict(rejected)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--all", action="store_true", help="also print tries with no draft")
    args = ap.parse_args()
    for path in args.files:
        trace(path, args.seed, args.all)


if __name__ == "__main__":
    main()
