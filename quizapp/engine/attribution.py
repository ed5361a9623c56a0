"""Attribution questions: "Who does the article quote as saying ...?"

Fact-checking starts with who said what. A sentence that quotes one named person (the named
subject of "said", "told", "added" outside the quote, and the only person it names there)
becomes a question whose key is that person; the wrong options are other people the article
names, each a different person, in the fullest form the article gives their names.
"""

from __future__ import annotations

import random
import re

from .claims import ClaimInfo
from .distractors import _display_name, _same_entity, prominent, reliable_name
from .document import Document
from .drafts import Draft
from .quality import copy_fault
from .recall import _evidence

STEM = 'Who does the article quote as saying: "{quote}"?'
MIN_WORDS, MAX_WORDS = 6, 30


_WORD = r"[A-Z][a-z][A-Za-z\u2019'-]*"
_NAME_RUN = re.compile(rf"{_WORD}(?: (?:{_WORD}|de|van|von|da))*")


def _clean(name: str) -> str:
    """The name itself: "DJ Norman Cook - aka" (a mention the model ran on) is Norman Cook."""
    runs = [r for r in _NAME_RUN.findall(name) if not r.endswith("-")]
    return max(runs, key=lambda r: len(r.split()), default="")


def _people(doc: Document) -> list[str]:
    """Distinct people the article names, most mentioned first, in their fullest form."""
    if doc.people is None:
        doc.people = _find_people(doc)
    return doc.people


def _find_people(doc: Document) -> list[str]:
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in doc.mentions:
        if m.label != "PERSON" or not reliable_name(doc, m) or len(m.text) < 3:
            continue
        if not prominent(doc, m.text):
            continue  # a passer-by quoted once is no plausible speaker of the main quotes
        full = _clean(_display_name(doc, m)) or _clean(m.text)
        if not full:
            continue
        same = next(
            (
                k
                for k in shown
                if _same_entity(k, full, "PERSON") or k.split()[-1] == full.split()[-1]
            ),
            None,
        )
        if same is None:
            shown[full] = full
            same = full
        elif len(full.split()) > len(shown[same].split()):
            shown[same] = full
        counts[same] = counts.get(same, 0) + 1
    # a first and last name: a single capitalised word tagged as a person ("Valium",
    # "Maracana") is as often the model's mistake as a person
    return [
        shown[k] for k in sorted(shown, key=lambda k: (-counts[k], k)) if len(shown[k].split()) > 1
    ]


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
    key = next(
        (
            p
            for p in people
            if _same_entity(p, speaker, "PERSON") or p.split()[-1] == speaker.split()[-1]
        ),
        None,
    )
    if key is None:
        return []
    others = [p for p in people if p != key][:3]
    if len(others) < 2:
        return []
    wrong = tuple((p, "attribution") for p in others)
    ev = _evidence(doc, claim)
    explanation = f'The article says: "{ev.text}" So the answer is {key}.'
    stem = STEM.format(quote=quote)
    return [Draft("attribution", claim.id, stem, key, wrong, ev, explanation)]
