"""Speed and memory of the engine: seed article, then 1k / 5k / 20k-word texts.

Usage: .venv/bin/python bench/generation.py [EVAL_DIR]

Long texts are built at run time by concatenating the seed article (and, if EVAL_DIR is given,
the eval articles) — nothing copyrighted is stored. For each size the table shows the whole
generate() time, the spaCy parse time of the same text measured in the same run, the engine's
own work (total minus parse), ms per 1,000 words, and peak traced memory.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

from quizapp.engine import generate
from quizapp.engine.nlp import get_nlp, parse_blocks
from quizapp.engine.text import parse_view, read_layout

ROOT = Path(__file__).resolve().parents[1]


def _source(eval_dir: Path | None) -> str:
    texts = [(ROOT / "quizapp" / "data" / "seed_article.txt").read_text(encoding="utf-8")]
    if eval_dir is not None:
        for p in sorted(eval_dir.glob("*.txt")):
            # drop the title line so the concatenation stays one article body
            texts.append(p.read_text(encoding="utf-8").split("\n", 2)[-1])
    return "\n\n".join(texts)


def _text_of(words: int, source: str) -> str:
    out: list[str] = []
    n = 0
    paras = [p for p in source.split("\n") if p.strip()]
    i = 0
    while n < words:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.split())
        i += 1
    return "\n".join(out)


def _parse_only(text: str) -> float:
    view = parse_view(text)
    layout = read_layout(text, view)
    t0 = time.perf_counter()
    for _ in parse_blocks(view, layout.blocks):
        pass
    return time.perf_counter() - t0


def _measure(text: str, repeat: int = 3) -> tuple[float, float, int]:
    best_total = best_parse = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        generate(text, seed=0)
        best_total = min(best_total, time.perf_counter() - t0)
        best_parse = min(best_parse, _parse_only(text))
    tracemalloc.start()
    generate(text, seed=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best_total, best_parse, peak


def main(argv: list[str]) -> int:
    """Print the table."""
    eval_dir = Path(argv[0]) if argv else None
    get_nlp()  # model load is not part of the timings
    source = _source(eval_dir)
    rows = []
    seed = (ROOT / "quizapp" / "data" / "seed_article.txt").read_text(encoding="utf-8")
    cases = [("seed article", seed)] + [
        (f"{w // 1000}k words", _text_of(w, source)) for w in (1000, 5000, 20000)
    ]
    per_k: dict[str, float] = {}
    for name, text in cases:
        words = len(text.split())
        total, parse, peak = _measure(text, 3 if words < 10000 else 1)
        engine = max(total - parse, 0.0)
        ms_k = 1000 * total / (words / 1000)
        per_k[name] = total
        rows.append(
            f"| {name} | {words} | {1000 * total:.0f} | {1000 * parse:.0f} | "
            f"{1000 * engine:.0f} | {engine / parse:.2f} | {ms_k:.0f} | {peak / 2**20:.0f} |"
        )
    print(
        "| text | words | total ms | spaCy parse ms | engine ms | engine/parse | "
        "ms per 1k words | peak MB (tracemalloc) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS (ru_maxrss, includes the model): {rss:.0f} MB")
    print(
        f"growth 20k/1k total time: {per_k['20k words'] / per_k['1k words']:.1f}x "
        "(linear would be about 20x; target <= 25x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
