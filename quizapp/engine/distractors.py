"""Wrong answers of the key's type and format: from the article first, then made up.

Sources, recorded as the option's mutation name: ``article_number`` / ``article_entity``
(another figure or name the article uses elsewhere), ``number_perturbation`` (the key's value
moved, same precision and unit) and ``typed_list`` (a small built-in list of companies,
countries or cities). A candidate is never one the article states in the claim's own sentence
or in a sentence that repeats the claim.
"""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

from .document import Document, normalise
from .lexicon import CITY_LIST, COMPANY_SECTORS, COUNTRY_LIST, MONTHS, WEEKDAYS
from .nlp import Mention, person_key
from .numbers import Quantity, date_pattern, format_like, perturb

if TYPE_CHECKING:
    from .claims import ClaimInfo


def _related_sentences(doc: Document, claim: ClaimInfo) -> list[tuple[int, int]]:
    """Spans whose facts a distractor may not come from: the claim's sentence, its repeats,
    and any sentence sharing most of its content words."""
    spans = [(claim.sentence.start, claim.sentence.end)]
    spans += [(s.start, s.end) for s in claim.also_in]
    if claim.lemmas:
        for s in doc.sentences:
            if s is not claim.sentence and len(claim.lemmas & s.lemmas) / len(claim.lemmas) >= 0.5:
                spans.append((s.start, s.end))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def quantity_pool(
    doc: Document,
    claim: ClaimInfo,
    q: Quantity,
    rng: random.Random,
    count: int,
    below: int | None = None,
) -> list[tuple[str, str]]:
    """Up to ``count`` wrong values like ``q``; with ``below`` set, exactly that many of them
    are smaller than the key (so the key lands at rank ``below`` once options are sorted)."""
    banned = _related_sentences(doc, claim)
    article: dict[float, str] = {}
    for s in doc.sentences:
        for other in s.quantities:
            if other.signature != q.signature or math.isclose(other.value, q.value):
                continue
            if _inside(other.start, banned) or other.value in article:
                continue
            if q.value and not (q.value / 8 <= other.value <= q.value * 8):
                continue
            article[other.value] = other.text
    stated_values = {
        o.value for s in doc.sentences for o in s.quantities if o.signature == q.signature
    }
    lows = sorted((v for v in article if v < q.value), reverse=True)
    highs = sorted(v for v in article if v > q.value)

    def fill(side: list[float], lower: bool, need: int) -> list[tuple[str, str]]:
        picked = [(article[v], "article_number") for v in side[:need]]
        if len(picked) < need:
            for v in perturb(q, lower, need + 4, rng.randrange(3)):
                if v in stated_values or format_like(q, v) in {p for p, _ in picked}:
                    continue
                picked.append((format_like(q, v), "number_perturbation"))
                if len(picked) == need:
                    break
        return picked

    if below is None:
        n_low = rng.randint(0, count)
        out = fill(lows, True, n_low) + fill(highs, False, count - n_low)
        if len(out) < count:
            out += fill(lows, True, count - len(out) + n_low)[n_low:]
    else:
        out = fill(lows, True, below) + fill(highs, False, count - below)
    seen: set[str] = {normalise(q.text)}
    uniq = []
    for text, src in out:
        if normalise(text) not in seen:
            seen.add(normalise(text))
            uniq.append((text, src))
    return uniq[:count]


def _same_entity(a: str, b: str, label: str) -> bool:
    if label == "PERSON":
        return person_key(a) == person_key(b)
    na, nb = normalise(a).replace(" ", ""), normalise(b).replace(" ", "")
    return na == nb or na in nb or nb in na


def _display_name(doc: Document, m: Mention) -> str:
    """Fullest form of a person's name the article uses (Mr Blunkett -> David Blunkett)."""
    if m.label != "PERSON":
        return m.text
    best = m.text
    for other in doc.mentions:
        if other.label == "PERSON" and person_key(other.text) == person_key(m.text):
            if len(other.text.split()) > len(best.split()) and not other.text.startswith(
                ("Mr ", "Mrs ", "Ms ", "Dr ")
            ):
                best = other.text
    return best


def entity_pool(
    doc: Document, claim: ClaimInfo, m: Mention, rng: random.Random, count: int
) -> list[tuple[str, str]]:
    """Up to ``count`` other names of ``m``'s type: the article's own, then a typed list."""
    banned = _related_sentences(doc, claim)
    key = _display_name(doc, m)
    multi = len(key.split()) > 1
    picked: list[tuple[str, str]] = []
    names: list[str] = []
    for other in doc.mentions:
        if other.label != m.label or _inside(other.start, banned):
            continue
        name = _display_name(doc, other)
        if m.label == "PERSON" and (len(name.split()) > 1) != multi:
            continue
        if _same_entity(name, key, m.label) or any(
            _same_entity(name, n, m.label) for n in names
        ):
            continue
        # names mentioned anywhere in the claim's sentence are part of the fact
        if any(_same_entity(name, x.text, m.label) for x in claim.sentence.mentions):
            continue
        names.append(name)
    rng.shuffle(names)
    picked = [(n, "article_entity") for n in names[:count]]
    if len(picked) < count and m.label in {"ORG", "GPE"}:
        for n in _typed_list(doc, m, key):
            if len(picked) >= count:
                break
            if any(_same_entity(n, p, m.label) for p, _ in picked):
                continue
            picked.append((n, "typed_list"))
    return picked


def _typed_list(doc: Document, m: Mention, key: str) -> list[str]:
    """Built-in names of the key's kind that the article never mentions."""
    low_text = doc.view.lower()
    pool: tuple[str, ...] = ()
    if m.label == "ORG":
        for names in COMPANY_SECTORS.values():
            if any(_same_entity(n, key, "ORG") for n in names):
                pool = names
                break
    elif m.label == "GPE":
        if key.lower() in {c.lower() for c in COUNTRY_LIST}:
            pool = tuple(c for c in COUNTRY_LIST if not c.startswith("the "))
        elif key.lower() in {c.lower() for c in CITY_LIST}:
            pool = CITY_LIST
    return [n for n in pool if n.lower() not in low_text and not _same_entity(n, key, m.label)]


def date_pool(
    doc: Document, claim: ClaimInfo, m: Mention, rng: random.Random, count: int
) -> list[tuple[str, str]]:
    """Other dates in the key's pattern (day-month-year, month, weekday...)."""
    pat = date_pattern(m.text)
    if pat is None:
        return []
    banned = _related_sentences(doc, claim)
    picked: list[tuple[str, str]] = []
    seen = {m.text}
    for other in doc.mentions:
        if other.label == "DATE" and date_pattern(other.text) == pat and other.text not in seen:
            if not _inside(other.start, banned):
                picked.append((other.text, "article_entity"))
                seen.add(other.text)
    picked = picked[:count]
    words = m.text.split()
    shifts = [1, -1, 2, -2, 3, -3, 4]
    rng.shuffle(shifts)
    for d in shifts:
        if len(picked) >= count:
            break
        if pat == "wd":
            i = WEEKDAYS.index(words[0])
            new = WEEKDAYS[(i + d) % 7]
        else:
            month = next(w for w in words if w in MONTHS)
            new = m.text.replace(month, MONTHS[(MONTHS.index(month) + d) % 12])
        if new not in seen and new.lower() not in doc.view.lower():
            seen.add(new)
            picked.append((new, "number_perturbation"))
    return picked
