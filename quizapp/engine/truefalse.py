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

#: Titles written with a capital before a name: never lower-cased.
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir lord lady dame president prime minister king queen prince princess "
    "pope judge justice magistrate senator governor mayor chancellor professor prof rev "
    "general captain chairman chief secretary sheikh emir".split()
)

# preferred mutation types for a false statement, best first
FALSE_PREFERENCE = ("number", "entity", "date", "negation")


def _lower_first(text: str, claim: ClaimInfo, doc: Document) -> str:
    if claim.subst is not None:
        lead = claim.subst[0] == claim.start and claim.subst[2][:4] in {"the ", "The "}
        return text[0].lower() + text[1:] if lead else text
    first = claim.tokens[0]
    names = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "WORK_OF_ART", "EVENT"}
    if first.lower_ in {"a", "an", "the"} or first.text[:1].islower():
        return text[0].lower() + text[1:]  # "the approval ...": lower case in the article too
    if first.ent_type_ in names or first.text.isupper():
        return text
    if title_word(doc, claim):
        return text[0].lower() + text[1:]  # "guitarist Brian May", "actress Nicole Kidman"
    if first.text in doc.mid_capitals:
        return text  # "Sella", "Queen": the article writes it with a capital mid-sentence
    if first.lower_ in doc.lower_words or first.is_stop:
        return text[0].lower() + text[1:]
    if first.pos_ == "PROPN":
        return text
    return text[0].lower() + text[1:]


def title_word(doc: Document, claim: ClaimInfo) -> bool:
    """A capitalised common noun opening the claim before a name ("Guitarist Brian May",
    "Matchwinner Keane"): a title to write in lower case, as an editor would."""
    toks = claim.tokens
    if len(toks) < 2 or claim.subst is not None:
        return False
    first, nxt = toks[0], toks[1]
    if first.lower_.rstrip(".") in HONORIFICS:
        return False  # "Mr Marchionne", "President Bush", "Magistrate Lee Gilmore"
    return (
        first.text[:1].isupper()
        and not first.ent_type_
        and nxt.ent_type_ == "PERSON"
        and first.text not in doc.mid_capitals
        and first.lower_ not in doc.lower_words
        and not first.is_stop
    )


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
            stem = f"True or false: the article says that {_lower_first(text, claim, doc)}"
            expl = f'False. The article says: "{ev.text}" The statement {describe(mut)}.'
            drafts.append(
                Draft("true_false", claim.id, stem, "False", (("True", mut.type),), ev, expl)
            )
        return drafts
    text = statement(doc, claim)
    stem = f"True or false: the article says that {_lower_first(text, claim, doc)}"
    expl = f'True. The article says: "{ev.text}"'
    return [Draft("true_false", claim.id, stem, "True", (("False", ""),), ev, expl)]
