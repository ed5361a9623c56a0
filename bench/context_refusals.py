"""Count the claims of the tuning articles refused for leaning on context, by reason.

Usage::

    PYTHONPATH=$PWD .venv/bin/python bench/context_refusals.py ../shared/eval/pool \
        [--skip-multiple 4] [--show REASON]

For every claim of every ``POOL/NNN.txt`` whose number is not a multiple of
``--skip-multiple`` (the check set is never read), that is not background (``peripheral``) nor
a quoted remark, and that :func:`quizapp.engine.verification.standalone` refuses, prints the
first reason found: a leading pronoun with no antecedent, a definite description of a class
("the film", "the airline"), "both"/"the two", a pronoun inside the claim, a demonstrative,
no anchor, and "other" (a refusal that is not about context: a typo, a clock time, length).
``--show REASON`` prints the claims refused for that reason (a prefix of it is enough), so the
next engineer sees what is left.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from quizapp.engine import context, quality
from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.context import inside_quote, unanchored, unresolved_reference, vague
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import statement
from quizapp.engine.quality import drop_discourse, needs_context
from quizapp.engine.verification import standalone

_PRONOUN = {"he", "she", "it", "they", "his", "her", "its", "their"}
_DEMONSTRATIVE = re.compile(r"\b(this|that|these|those)\b", re.I)
_BOTH = re.compile(r"\b(both|the two|the three|the pair|neither)\b", re.I)
# the patterns that refuse a definite description, most specific first
_DESCRIPTIONS = (
    quality._NEEDS_ANTECEDENT,
    quality._DESCRIBED_WORK,
    quality._UNNAMED_SUBJECT,
    context._ANAPHORIC,
    context._ANAPHORIC_ORG,
    context._DEICTIC,
)


def reason(doc: Document, c: ClaimInfo) -> str:
    """Why the claim is refused: the first context reason that applies, or "other"."""
    text = drop_discourse(statement(doc, c))
    first = c.tokens[0].lower_ if c.subst is None else ""
    if first in _PRONOUN:
        return f"leading pronoun: {first}"
    if inside_quote(doc, c):
        return "inside a quote"
    if _BOTH.search(text) and (vague(text) or needs_context(text)):
        return "both / the two"
    if _DEMONSTRATIVE.search(text) and (vague(text) or not standalone(doc, c, 10**6, True)):
        if any(t.lower_ in {"this", "these", "that", "those"} and t.tag_ == "DT" for t in c.tokens):
            return "demonstrative"
    if unresolved_reference(c):
        return "pronoun inside"
    if vague(text) or needs_context(text):
        for rx in _DESCRIPTIONS:
            m = rx.search(text)
            if m:
                return f"definite description: {m[0].split()[-1].lower()}"
        return "vague wording"
    if unanchored(c):
        return "no anchor"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pool", type=Path)
    ap.add_argument("--skip-multiple", type=int, default=4)
    ap.add_argument("--show", default=None, help="print the claims refused for this reason")
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    total = refused = 0
    for path in sorted(args.pool.glob("*.txt")):
        if not path.stem.isdigit() or int(path.stem) % args.skip_multiple == 0:
            continue
        doc = analyse(path.read_text(encoding="utf-8"))
        for c in extract_claims(doc):
            if c.peripheral or c.quote is not None:
                continue
            total += 1
            if standalone(doc, c, bare=True):
                continue
            refused += 1
            why = reason(doc, c)
            counts[why] += 1
            groups[why.split(":")[0]] += 1
            if args.show and why.startswith(args.show):
                print(f"{path.stem} [{why}] {statement(doc, c)}")
    context = refused - groups["other"]
    print(f"claims {total}, refused {refused}, for context {context}")
    for why, n in groups.most_common():
        print(f"  {n:4d} {why}")
    print("by word:")
    for why, n in counts.most_common(25):
        if ":" in why:
            print(f"  {n:4d} {why}")


if __name__ == "__main__":
    main()
