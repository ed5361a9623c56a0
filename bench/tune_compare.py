"""Regenerate tuning articles and compare the quizzes with blind verdicts on an earlier run.

Usage::

    .venv/bin/python bench/tune_compare.py POOL OUT [--judged QUIZZES --verdicts FILE]
        [--seed 7] [--skip-multiple 4] [--new]

Generates ``generate(text, seed)`` for every ``POOL/NNN.txt`` whose number is not a multiple
of ``--skip-multiple`` (the check set is never run), writes ``OUT/NNN.json`` as
``quizapp generate --json`` does, and prints: per-kind counts, the true/false share, questions
per article (min, mean), articles under 6 questions; with ``--judged`` and ``--verdicts``, how
many judged-accepted questions are still emitted word for word, how many judged-rejected ones
are gone, and (``--new``) every question that was not judged, for a strict reading.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from quizapp.engine import generate


def _signature(q: dict) -> str:
    return q["stem"] + " || " + " | ".join(o["text"] for o in q["options"])


def _verdicts(path: Path) -> dict[str, tuple[bool, str]]:
    out: dict[str, tuple[bool, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"Q(\d+)\.(\d+) (ACCEPT|REJECT)\s*(.*)", line)
        if m:
            out[f"{m[1]}.{m[2]}"] = (m[3] == "ACCEPT", m[4])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pool", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--judged", type=Path)
    ap.add_argument("--verdicts", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-multiple", type=int, default=4)
    ap.add_argument("--new", action="store_true", help="print every question not judged")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    kinds: Counter[str] = Counter()
    lengths: dict[str, int] = {}
    judged: dict[str, tuple[bool, str]] = {}
    verdicts = _verdicts(args.verdicts) if args.verdicts else {}
    for path in sorted(args.pool.glob("*.txt")):
        if not path.stem.isdigit() or int(path.stem) % args.skip_multiple == 0:
            continue
        result = generate(path.read_text(encoding="utf-8"), seed=args.seed)
        text = result.to_json()
        (args.out / f"{path.stem}.json").write_text(text + "\n", encoding="utf-8")
        new = json.loads(text)["questions"]
        lengths[path.stem] = len(new)
        kinds.update(q["kind"] for q in new)
        old: dict[str, str] = {}
        if args.judged and (args.judged / f"{path.stem}.json").exists():
            prior = json.loads((args.judged / f"{path.stem}.json").read_text(encoding="utf-8"))
            for i, q in enumerate(prior["questions"], 1):
                old[_signature(q)] = f"{int(path.stem):03d}.{i}"
        mine = {_signature(q) for q in new}
        for sig, ref in old.items():
            if ref in verdicts:
                judged[ref] = (sig in mine, verdicts[ref][0])
        if args.new:
            for q in new:
                if _signature(q) not in old:
                    key = next(o["text"] for o in q["options"] if o["correct"])
                    opts = " / ".join(o["text"] for o in q["options"])
                    print(f"NEW {path.stem} [{q['kind']}] {q['stem']}\n    {opts}\n    KEY {key}")
    total = sum(kinds.values())
    n = len(lengths)
    print(
        f"articles {n}, questions {total}, per article min {min(lengths.values())} "
        f"mean {total / n:.2f}, under 6: {sum(v < 6 for v in lengths.values())}"
    )
    print(
        "kinds:",
        dict(sorted(kinds.items())),
        f"true/false share {kinds['true_false'] / max(total, 1):.0%}",
    )
    if judged:
        acc = [kept for kept, ok in judged.values() if ok]
        rej = [kept for kept, ok in judged.values() if not ok]
        print(
            f"judged accepted still emitted: {sum(acc)}/{len(acc)}; "
            f"judged rejected gone: {len(rej) - sum(rej)}/{len(rej)}"
        )
        for ref, (kept, ok) in sorted(judged.items()):
            if kept and not ok:
                print(f"  still emitted, rejected: Q{ref} {verdicts[ref][1]}")
            if ok and not kept:
                print(f"  gone, accepted: Q{ref}")


if __name__ == "__main__":
    main()
