"""Why fact recall declines claims that read on their own: a diagnostic for tuning work.

Usage::

    .venv/bin/python bench/recall_declines.py DIR [DIR ...] [--skip-multiple 4] [--show]

For every claim of every ``DIR/NNN.txt`` (never a number that is a multiple of
``--skip-multiple``: the check set is never run) that selection may ask (no rule-resolved
pronoun, not peripheral, not a quote), that passes ``verification.standalone`` and holds a
person, organisation, place or figure, runs an instrumented copy of
:func:`quizapp.engine.recall.generate_recall` and counts, per claim, the guards each of its
names and figures stopped at (a ``continue`` of the generator, named by its comment or its
condition), or "gate: ..." when every draft the generator made failed the gate. ``--show``
prints each declined claim's article number and its reasons (not the article's text).
"""

from __future__ import annotations

import argparse
import random
import re
import types
from collections import Counter
from pathlib import Path

import quizapp.engine.recall as recall
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.select import gate_question
from quizapp.engine.verification import standalone


def _instrumented() -> tuple[types.ModuleType, dict[int, str]]:
    """A copy of the recall module whose every ``continue`` records why (and for which label)."""
    lines = Path(recall.__file__).read_text(encoding="utf-8").split("\n")
    labels: dict[int, str] = {}
    out = []
    in_names = False
    for i, line in enumerate(lines, 1):
        if line.startswith("def "):
            in_names = False  # a later function (word_counts) has no ``m``
        if "for m in claim.sentence.mentions" in line:
            in_names = True
        m = re.match(r"^(\s*)(continue|return \[\])(.*)$", line)
        if m:
            note = m.group(3).strip().lstrip("#").strip()
            labels[i] = (note or lines[i - 2].strip())[:70]
            what = ", m.label" if in_names else ", 'figure'"
            line = f"{m.group(1)}_WHY.append(({i}{what})); {m.group(2)}{m.group(3)}"
        out.append(line)
    mod = types.ModuleType("quizapp.engine._recall_declines")
    mod.__package__ = "quizapp.engine"
    mod._WHY = []  # type: ignore[attr-defined]
    exec(compile("\n".join(out), recall.__file__, "exec"), mod.__dict__)  # noqa: S102
    return mod, labels


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--skip-multiple", type=int, default=4)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    mod, labels = _instrumented()
    reasons: Counter[str] = Counter()
    declined = 0
    for folder in args.dirs:
        for path in sorted(folder.glob("*.txt")):
            if not path.stem.isdigit() or int(path.stem) % args.skip_multiple == 0:
                continue
            doc = analyse(path.read_text(encoding="utf-8"))
            for c in extract_claims(doc):
                if (c.subst is not None and not c.subst_main) or c.peripheral or c.quote:
                    continue
                inside = [m for m in c.sentence.mentions if c.start <= m.start < c.end]
                named = any(m.label in {"PERSON", "ORG", "GPE"} for m in inside)
                figures = any(c.start <= q.start < c.end for q in c.sentence.quantities)
                if not (named or figures) or not standalone(doc, c):
                    continue
                mod._WHY.clear()
                drafts = mod.generate_recall(doc, c, random.Random(1), 0)
                gate = [gate_question(d.place(0), doc.text) for d in drafts]
                if drafts and any(not g for g in gate):
                    continue
                declined += 1
                why = {f"{label}: {labels[line]}" for line, label in mod._WHY}
                why |= {f"gate: {r}" for g in gate for r in g}
                reasons.update(why)
                if args.show:
                    print(f"{folder.name}/{path.stem} claim {c.id}: {sorted(why)}")
    print(f"standalone claims with a name or figure and no recall item: {declined}")
    for why, n in reasons.most_common():
        print(f"{n:4d}  {why}")


if __name__ == "__main__":
    main()
