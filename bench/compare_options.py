"""Compare a folder of regenerated quizzes with blind verdicts on an earlier generation.

Two commands:

    python bench/compare_options.py generate OUT_DIR ARTICLE.txt ... [--seed 7]
        writes OUT_DIR/<article stem>.json, one engine run per article in one process;
    python bench/compare_options.py compare JUDGED_DIR VERDICTS NEW_DIR [--show]
        JUDGED_DIR holds the judged quizzes (<stem>.json), VERDICTS lines like
        "Q001.2 REJECT 3 reason" (question 2 of 001.json). Prints, by verdict, how many judged
        questions are still emitted word for word (stem and options), by kind; per-kind counts,
        the true/false share and questions per article of NEW_DIR; with --show, every new or
        changed question with the judged one it replaces.

Nothing here knows where the articles live: pass only the files you may run the engine on.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Any


def _questions(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    qs: list[dict[str, Any]] = data["questions"] if isinstance(data, dict) else data
    return qs


def _sig(q: dict[str, Any]) -> str:
    opts = sorted(o["text"] for o in q["options"])
    return q["stem"] + " || " + " | ".join(opts)


def _show(q: dict[str, Any]) -> str:
    opts = "; ".join(("*" if o["correct"] else "") + o["text"] for o in q["options"])
    return f"[{q['kind']}] {q['stem']}\n      {opts}"


def generate(out: Path, articles: list[Path], seed: int) -> None:
    from quizapp import engine

    out.mkdir(parents=True, exist_ok=True)
    for path in articles:
        result = engine.generate(path.read_text(encoding="utf-8"), seed=seed)
        (out / f"{path.stem}.json").write_text(result.to_json(), encoding="utf-8")


def compare(judged: Path, verdicts: Path, new: Path, show: bool) -> None:
    verdict: dict[tuple[str, int], tuple[str, str]] = {}
    for line in verdicts.read_text(encoding="utf-8").splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) < 2 or not parts[0].startswith("Q"):
            continue
        art, n = parts[0][1:].split(".")
        verdict[(art, int(n))] = (parts[1], parts[2] if len(parts) > 2 else "")
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    counts: list[int] = []
    kinds: Counter[str] = Counter()
    new_qs = 0
    for path in sorted(new.glob("*.json")):
        art = path.stem
        now = _questions(path)
        counts.append(len(now))
        kinds.update(q["kind"] for q in now)
        before = _questions(judged / path.name) if (judged / path.name).exists() else []
        before_sigs = {_sig(q) for q in before}
        now_sigs = {_sig(q) for q in now}
        for i, q in enumerate(before, start=1):
            v, why = verdict.get((art, i), ("?", ""))
            total[v] += 1
            if _sig(q) in now_sigs:
                kept[v] += 1
            elif show:
                print(f"GONE Q{art}.{i} {v} {why}\n      {_show(q)}")
        for q in now:
            if _sig(q) not in before_sigs:
                new_qs += 1
                if show:
                    print(f"NEW  {art}: {_show(q)}")
    for v in sorted(total):
        print(f"{v}: {kept[v]}/{total[v]} still emitted word for word")
    n = sum(counts)
    print(f"questions {n} in {len(counts)} articles; new or changed {new_qs}")
    print("kinds " + ", ".join(f"{k} {c}" for k, c in sorted(kinds.items())))
    if n:
        print(f"true/false share {kinds['true_false'] / n:.0%}")
    if counts:
        print(
            f"per article min {min(counts)} mean {statistics.mean(counts):.1f}; "
            f"under 6: {sum(c < 6 for c in counts)}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out", type=Path)
    g.add_argument("articles", type=Path, nargs="+")
    g.add_argument("--seed", type=int, default=7)
    c = sub.add_parser("compare")
    c.add_argument("judged", type=Path)
    c.add_argument("verdicts", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--show", action="store_true")
    a = ap.parse_args()
    if a.cmd == "generate":
        generate(a.out, a.articles, a.seed)
    else:
        compare(a.judged, a.verdicts, a.new, a.show)


if __name__ == "__main__":
    main()
