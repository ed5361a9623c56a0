"""Claim-verification questions: "Which statement does the article support?"

The key restates the claim; each wrong option is the same claim with one FEVER-style mutation
(number, entity, date, negation, antonym, comparison, quantifier) that the article does not
support. Different mutation types are preferred so no single cue gives the key away.
"""

from __future__ import annotations

import random

from .claims import ClaimInfo
from .document import Document
from .drafts import Draft
from .mutations import Mutation, false_variants, statement
from .recall import _evidence, vague

STEM = "Which statement does the article support?"
MAX_WORDS = 40

_LABELS = {
    "number": "changed the number",
    "entity": "swapped a name",
    "date": "changed the date",
    "negation": "negated the claim",
    "antonym": "used the opposite word",
    "comparison": "reversed the comparison",
    "quantifier": "changed the quantifier",
}


def describe(m: Mutation) -> str:
    """Human-readable account of one mutation, for explanations."""
    if m.type == "negation":
        return "negated the claim" if m.new else "removed the negation"
    return f'{_LABELS[m.type]} ("{m.old}" became "{m.new}")'


def standalone(doc: Document, claim: ClaimInfo) -> bool:
    """Whether the claim reads on its own (no pronoun or "this" needing the context)."""
    text = statement(doc, claim)
    # "that day", "more than double that": a demonstrative points outside the claim
    if any(t.lower_ in {"that", "this", "these", "those"} and t.tag_ == "DT"
           and not (t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "of") for t in claim.tokens):
        return False
    return (
        not vague(text)
        and len(text.split()) <= MAX_WORDS
        and text.count('"') % 2 == 0
        and text.count("(") == text.count(")")
    )


def pick_mutations(muts: list[Mutation], n: int, rng: random.Random) -> list[Mutation]:
    """Up to ``n`` mutations, one per type first (types in a shuffled order).

    At most one negation, and only next to another kind of wrong statement: a lone
    negated option would be the one the key's wording converges away from.
    """
    negations = [m for m in muts if m.type == "negation"]
    muts = [m for m in muts if m.type != "negation"]
    if muts and negations:
        muts.append(negations[0])
    by_type: dict[str, list[Mutation]] = {}
    for m in muts:
        by_type.setdefault(m.type, []).append(m)
    types = sorted(by_type)
    rng.shuffle(types)
    chosen: list[Mutation] = []
    for t in types:
        if len(chosen) < n:
            chosen.append(by_type[t][0])
    for t in types:
        for m in by_type[t][1:]:
            if len(chosen) < n:
                chosen.append(m)
    return chosen


def generate_verification(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """One verification draft for the claim, or none if too few safe mutations exist."""
    if not standalone(doc, claim):
        return []
    muts = false_variants(doc, claim, rng)
    chosen = pick_mutations(muts, 3, rng)
    if len(chosen) < 2:
        return []
    key = statement(doc, claim)
    wrong = tuple((statement(doc, claim, m), m.type) for m in chosen)
    ev = _evidence(doc, claim)
    changes = "; ".join(
        f'"{text}" {describe(m)}' for (text, _), m in zip(wrong, chosen, strict=True)
    )
    explanation = f'The article says: "{ev.text}" The wrong statements: {changes}.'
    return [Draft("claim_verification", claim.id, STEM, key, wrong, ev, explanation)]
