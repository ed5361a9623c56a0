"""Write a Markdown review sheet of every question generated from every *.txt in a folder.

Usage: .venv/bin/python bench/quality.py DIR [-o FILE] [--seed N]

Each question is listed with its options (key marked, distractor sources / mutation types),
its evidence span and the automatic checks, so a reviewer can judge it against the article.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from quizapp.engine import generate
from quizapp.engine.select import gate_question


def review(path: Path, seed: int) -> tuple[list[str], int]:
    """Markdown lines for one article, and the number of questions."""
    text = path.read_text(encoding="utf-8")
    r = generate(text, seed=seed)
    kinds = Counter(q.kind for q in r.questions)
    sentences = len({q.evidence.start for q in r.questions})
    lines = [
        f"## {path.name}: {r.article.title or '(no title)'}",
        "",
        f"- claims: {len(r.claims)}; questions: {len(r.questions)}; kinds: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        + f"; evidence sentences: {sentences}",
        f"- rejected by the gate: {dict(sorted(r.rejected.items())) or 'none'}",
        "",
    ]
    for i, q in enumerate(r.questions, 1):
        checks = gate_question(q, text)
        lines.append(f"### {path.stem}-{i:02d} [{q.kind}] claim {q.claim_id}")
        lines.append("")
        lines.append(f"**{q.stem}**")
        lines.append("")
        for j, o in enumerate(q.options):
            mark = "**key**" if o.correct else f"_{o.mutation or '-'}_"
            lines.append(f"{chr(65 + j)}. {o.text} ({mark})")
        lines.append("")
        lines.append(f"> evidence [{q.evidence.start}:{q.evidence.end}]: {q.evidence.text}")
        lines.append("")
        lines.append(f"- explanation: {q.explanation}")
        lines.append(f"- automatic checks: {'pass' if not checks else '; '.join(checks)}")
        lines.append("- editor verdict: ")
        lines.append("")
    return lines, len(r.questions)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    files = sorted(args.dir.glob("*.txt"))
    out = [f"# Question review sheet: {args.dir}", "", f"seed {args.seed}", ""]
    total = 0
    summary = []
    for f in files:
        lines, n = review(f, args.seed)
        out += lines
        total += n
        summary.append(f"| {f.name} | {n} |")
    out += [
        "## Summary",
        "",
        "| article | questions |",
        "|---|---|",
        *summary,
        f"| total | {total} |",
        "",
    ]
    text = "\n".join(out)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
