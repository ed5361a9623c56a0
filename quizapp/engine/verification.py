"""Claim-verification questions: "Which statement does the article support?"

The key restates a short claim; the wrong options change the claim's two facts (a figure or
a name each) in a crossed design: one changes the first fact, one the second, one both. Each
fact's true and false values then appear in two options apiece, so no option is the one the
others converge on, and no "not" is ever inserted (blind editors refused both cues). A claim
with one fact gets two other values of it: three options that differ in the same place.

Options are kept short for a phone (2.5.0-verify): shown without a mid-sentence "also" or
"again" (as true/false statements are), and without a leading prepositional phrase ("In
London, ...", "With Michalak overlooked, ...") or a trailing comma-tail ("..., with vintners
receiving compensation") that holds none of the changed facts: four copies of a long sentence
differing in one token were the editors' complaint, and the key without such a phrase is
still what the article says.
"""

from __future__ import annotations

import dataclasses
import random

from .claims import ClaimInfo
from .context import self_contained
from .document import Document
from .drafts import Draft
from .mutations import OPTION_MUTATIONS, Mutation, false_variants, stated_by_article, statement
from .quality import drop_discourse, readable
from .recall import _evidence, vague

STEM = "Which statement does the article support?"
#: Longer claims make four near-copies too long to read on a phone.
MAX_WORDS = 28
#: A true or false statement may be longer (one statement, not four).
MAX_STATEMENT_WORDS = 40

_LABELS = {
    "number": "changed the number",
    "entity": "swapped a name",
    "date": "changed the date",
}


def describe(m: Mutation) -> str:
    """Human-readable account of one mutation, for explanations."""
    if m.type == "negation":
        return "negated the claim" if m.new else "removed the negation"
    return f'{_LABELS[m.type]} ("{m.old}" became "{m.new}")'


#: "those of ...", "those on trial", "those who ...": the demonstrative points ahead, not out.
_POINTS_AHEAD = frozenset({"of", "who", "on", "in", "at", "with", "without", "from"})


def standalone(
    doc: Document, claim: ClaimInfo, max_words: int = MAX_STATEMENT_WORDS, bare: bool = False
) -> bool:
    """Whether the claim reads on its own: no pronoun, "this", discourse word or copied fault.

    ``bare``: judged as shown without a mid-sentence "also" or "again" (:func:`drop_discourse`),
    for a generator that shows it so."""
    text = statement(doc, claim)
    if bare:
        text = drop_discourse(text)
    # "that day", "more than double that": a demonstrative points outside the claim
    if any(
        t.lower_ in {"that", "this", "these", "those"}
        and t.tag_ == "DT"
        and not (t.i + 1 < len(t.doc) and t.nbor(1).lower_ in _POINTS_AHEAD)
        for t in claim.tokens
    ):
        return False
    return (
        not vague(text)
        and readable(text)
        and self_contained(doc, claim, text)
        and len(text.split()) <= max_words
        and text.count('"') % 2 == 0
        and text.count("(") == text.count(")")
    )


#: A leading phrase that sets a condition, not a scene: never cut ("Without the deal, ...").
_CONDITIONS = frozenset({"without", "unless", "if", "except", "barring"})


def _trimmed(claim: ClaimInfo, muts: list[Mutation]) -> ClaimInfo:
    """The claim without a leading prepositional phrase or a trailing comma-tail, where at
    least two of the changes lie outside it (those inside are then dropped; see the module
    docstring); the claim itself otherwise."""
    off = claim.sentence.offset
    toks = [t for t in claim.tokens if not t.is_space]
    if len(toks) < 8 or claim.subst is not None:
        return claim
    start, end = claim.start, claim.end
    root = claim.root

    def clear(a: int, b: int) -> bool:
        # enough changes outside the phrase for an item (two values of one fact at least)
        return sum(not (a < m.end and m.start < b) for m in muts) >= 2

    first = toks[0]
    if first.dep_ == "prep" and first.head.i == root.i and first.lower_ not in _CONDITIONS:
        sub = list(first.subtree)
        after = sub[-1].i + 1
        nxt = [t for t in toks if t.i >= after]
        if len(nxt) > 5 and nxt[0].text == "," and nxt[0].i == after:
            a, b = first.idx + off, nxt[1].idx + off
            if clear(a, b):
                start = b
    # "..., with vintners receiving compensation", "..., leading to a cut in output"
    for c in root.children:
        if c.i <= root.i or c.dep_ not in {"prep", "advcl"}:
            continue
        sub = list(c.subtree)
        if not (c.lower_ == "with" or c.tag_ == "VBG") or sub[0].i != c.i:
            continue
        prev = c.doc[c.i - 1] if c.i > 0 else None
        rest = [t for t in toks if t.i > sub[-1].i and not t.is_punct]
        if prev is None or prev.text != "," or rest:
            continue
        a = prev.idx + off
        if clear(a, end) and a > start:
            end = a
        break
    if (start, end) == (claim.start, claim.end):
        return claim
    return dataclasses.replace(claim, start=start, end=end)


def _shown(doc: Document, claim: ClaimInfo, mut: Mutation | None = None) -> str:
    """An option as shown: the statement without a mid-sentence "also" or "again"."""
    return drop_discourse(statement(doc, claim, mut))


def _both(doc: Document, claim: ClaimInfo, a: Mutation, b: Mutation) -> str:
    """The claim with two non-overlapping mutations applied."""
    first, second = sorted((a, b), key=lambda m: m.start)
    joint = Mutation(
        first.type,
        first.start,
        second.end,
        first.old,
        first.new + doc.text[first.end : second.start] + second.new,
    )
    return _shown(doc, claim, joint)


def generate_verification(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """One verification draft for the claim, or none without two facts to change."""
    muts = [m for m in false_variants(doc, claim, rng) if m.type in OPTION_MUTATIONS]
    if not muts:
        return []
    claim = _trimmed(claim, muts)
    muts = [m for m in muts if claim.start <= m.start and m.end <= claim.end]
    if not standalone(doc, claim, MAX_WORDS, bare=True):
        return []
    slots: dict[tuple[int, int], Mutation] = {}
    for m in muts:
        slots.setdefault((m.start, m.end), m)
    spans = sorted(slots)
    for i, one in enumerate(spans):
        for two in spans[i + 1 :]:
            if one[1] > two[0]:
                continue  # overlapping facts cannot both change
            a, b = slots[one], slots[two]
            both = _both(doc, claim, a, b)
            if stated_by_article(doc, claim, b.new, both):
                continue
            key = _shown(doc, claim)
            wrong: tuple[tuple[str, str], ...] = (
                (_shown(doc, claim, a), a.type),
                (_shown(doc, claim, b), b.type),
                (both, "two_facts"),
            )
            ev = _evidence(doc, claim)
            explanation = (
                f'The article says: "{ev.text}" The other statements change '
                f'"{a.old}" to "{a.new}" or "{b.old}" to "{b.new}".'
            )
            return [Draft("claim_verification", claim.id, STEM, key, wrong, ev, explanation)]
    # one fact only: two other values of it, so all three options differ in the same place
    for span in spans:
        same = [m for m in muts if (m.start, m.end) == span][:2]
        if len(same) == 2:
            key = _shown(doc, claim)
            wrong = tuple((_shown(doc, claim, m), m.type) for m in same)
            ev = _evidence(doc, claim)
            explanation = (
                f'The article says: "{ev.text}" The other statements give '
                f'"{same[0].new}" or "{same[1].new}" instead of "{same[0].old}".'
            )
            return [Draft("claim_verification", claim.id, STEM, key, wrong, ev, explanation)]
    return []
