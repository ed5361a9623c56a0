"""True/false questions on one claim or on one mutated claim.

Whether the statement shown is true is decided by selection (``want_pos`` 0 = True is the
answer, 1 = False), so answers stay balanced across a quiz. False statements prefer changed
numbers, names and dates over negation: if only false items carried a "not", the word alone
would give the answer away (Schuster et al. 2019); selection caps the negated ones.
"""

from __future__ import annotations

import random

from .claims import ClaimInfo
from .document import Document
from .drafts import Draft
from .mutations import false_variants, statement
from .recall import _evidence
from .verification import describe, standalone

# preferred mutation types for a false statement, best first
FALSE_PREFERENCE = ("number", "entity", "date", "negation")


def _lower_first(text: str, claim: ClaimInfo) -> str:
    if claim.subst is not None:
        lead = claim.subst[0] == claim.start and claim.subst[2][:4] in {"the ", "The "}
        return text[0].lower() + text[1:] if lead else text
    first = claim.tokens[0]
    names = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC"}
    if first.lower_ in {"a", "an", "the"} and text.startswith(first.text + " "):
        return text[0].lower() + text[1:]
    if first.pos_ == "PROPN" or first.ent_type_ in names or first.text.isupper():
        return text
    return text[0].lower() + text[1:]


def generate_true_false(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """A true/false draft; false statements carry their mutation on the "True" option."""
    if not standalone(doc, claim):
        return []
    ev = _evidence(doc, claim)
    want_false = want_pos == 1 if want_pos in (0, 1) else rng.random() < 0.5
    if want_false:
        muts = false_variants(doc, claim, rng)
        muts.sort(key=lambda m: FALSE_PREFERENCE.index(m.type))
        drafts = []
        for mut in muts[:3]:
            text = statement(doc, claim, mut)
            stem = f"True or false: the article says that {_lower_first(text, claim)}"
            expl = f'False. The article says: "{ev.text}" The statement {describe(mut)}.'
            drafts.append(
                Draft("true_false", claim.id, stem, "False", (("True", mut.type),), ev, expl)
            )
        return drafts
    text = statement(doc, claim)
    stem = f"True or false: the article says that {_lower_first(text, claim)}"
    expl = f'True. The article says: "{ev.text}"'
    return [Draft("true_false", claim.id, stem, "True", (("False", ""),), ev, expl)]
