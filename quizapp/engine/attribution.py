"""Attribution questions: "Who does the article quote as saying ...?"

Fact-checking starts with who said what. A sentence that quotes one named person (the named
subject of "said", "told", "added" outside the quote, and the only person it names there)
becomes a question whose key is that person; the wrong options are other people the article
names, each a different person, in the fullest form the article gives their names.
"""

from __future__ import annotations

import random

from .claims import ClaimInfo
from .distractors import _display_name, _same_entity, reliable_name
from .document import Document
from .drafts import Draft
from .quality import copy_fault
from .recall import _evidence

STEM = 'Who does the article quote as saying: "{quote}"?'
MIN_WORDS, MAX_WORDS = 6, 30


def _people(doc: Document) -> list[str]:
    """Distinct people the article names, most mentioned first, in their fullest form."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in doc.mentions:
        if m.label != "PERSON" or not reliable_name(doc, m) or len(m.text) < 3:
            continue
        full = _display_name(doc, m)
        same = next((k for k in shown if _same_entity(k, full, "PERSON")), None)
        if same is None:
            shown[full] = full
            same = full
        elif len(full.split()) > len(shown[same].split()):
            shown[same] = full
        counts[same] = counts.get(same, 0) + 1
    return [shown[k] for k in sorted(shown, key=lambda k: (-counts[k], k))]


def generate_attribution(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """One attribution draft for a quoted remark, or none."""
    if claim.quote is None:
        return []
    (start, end), speaker = claim.quote
    quote = doc.text[start:end].strip().rstrip(",")
    if not MIN_WORDS <= len(quote.split()) <= MAX_WORDS or copy_fault(quote):
        return []
    people = _people(doc)
    key = next((p for p in people if _same_entity(p, speaker, "PERSON")), None)
    if key is None:
        return []
    others = [p for p in people if not _same_entity(p, key, "PERSON")]
    # the same form as the key: full names with full names, never "Cook" beside "Zoe Ball"
    others = [p for p in others if (len(p.split()) > 1) == (len(key.split()) > 1)][:3]
    if len(others) < 2:
        return []
    wrong = tuple((p, "attribution") for p in others)
    ev = _evidence(doc, claim)
    explanation = f'The article says: "{ev.text}" So the answer is {key}.'
    stem = STEM.format(quote=quote)
    return [Draft("attribution", claim.id, stem, key, wrong, ev, explanation)]
