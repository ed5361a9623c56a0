"""FEVER-style mutations of a claim: each makes a statement the article does not support.

Every mutation is a single replacement inside the claim span, so what changed can be named in
the explanation. Generalisations are never produced (they would stay true); every candidate is
re-checked against the article by :func:`stated_by_article` before it is used.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .claims import ClaimInfo
from .distractors import entity_pool, quantity_pool, reliable_name
from .document import Document, mention_role, normalise, safe_role
from .lexicon import ANTONYMS, COMPARISONS, MONTHS, QUANTIFIERS, WEEKDAYS
from .numbers import date_pattern

_NEG_AUX = {"will", "would", "can", "could", "should", "may", "might", "must", "has", "have",
            "had", "is", "are", "was", "were", "does", "do", "did"}


@dataclass(frozen=True)
class Mutation:
    """Replace ``article[start:end]`` (``old``) with ``new`` inside the claim."""

    type: str
    start: int
    end: int
    old: str
    new: str


def statement(doc: Document, claim: ClaimInfo, mut: Mutation | None = None) -> str:
    """The claim as a stand-alone sentence, optionally with one mutation applied."""
    text = doc.text[claim.start : claim.end]
    if mut is not None:
        a, b = mut.start - claim.start, mut.end - claim.start
        text = text[:a] + mut.new + text[b:]
    if claim.subst is not None:  # a leading pronoun replaced by its name
        a, b = claim.subst[0] - claim.start, claim.subst[1] - claim.start
        text = text[:a] + claim.subst[2] + text[b:]
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    text = text.strip().rstrip(",;:- ")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", '."', ".\u201d")):
        text += "."
    return text


def stated_by_article(doc: Document, claim: ClaimInfo, new_value: str, text: str) -> bool:
    """Could the mutated statement be true according to the article?

    True if the statement appears verbatim, if the new value already sits in the claim's own
    sentence (a list member, the same amount in another currency), or if another sentence
    that shares most of the claim's content words mentions the new value.
    """
    norm = normalise(text.rstrip("."))
    if norm and norm in doc.norm_text:
        return True
    value = normalise(new_value)
    if not value:
        return False
    own = [claim.sentence, *claim.also_in]
    for s in own:
        if f" {value} " in s.norm:
            return True
    for s in doc.sentences:
        if s in own:
            continue
        if f" {value} " in s.norm:
            inter = len(claim.lemmas & s.lemmas)
            if claim.lemmas and inter / len(claim.lemmas) >= 0.5:
                return True
    return False


def _tok_span(claim: ClaimInfo, tok: Any) -> tuple[int, int]:
    s = tok.idx + claim.sentence.offset
    return s, s + len(tok.text)


def _in_quotes(doc: Document, claim: ClaimInfo, pos: int) -> bool:
    return doc.view[claim.start : pos].count('"') % 2 == 1


def mutate_number(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Change one figure to another of the same format (never a year: see ``date``)."""
    out = []
    for q in claim.sentence.quantities:
        if not (claim.start <= q.start and q.end <= claim.end) or q.kind == "year":
            continue
        # "$2.58 trillion (£1.38 trillion)": changing one half leaves the other as the tell
        if re.match(r"\s*\(", doc.text[q.end : q.end + 3]) or doc.text[
            max(0, q.start - 1) : q.start] == "(":
            continue
        for text, _src in quantity_pool(doc, claim, q, rng, 2):
            out.append(Mutation("number", q.start, q.end, q.text, text))
    return out


def mutate_date(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Move a year, month or weekday."""
    out = []
    for q in claim.sentence.quantities:
        if claim.start <= q.start and q.end <= claim.end and q.kind == "year":
            for text, _src in quantity_pool(doc, claim, q, rng, 2):
                out.append(Mutation("date", q.start, q.end, q.text, text))
    for m in claim.sentence.mentions:
        if m.label != "DATE" or not (claim.start <= m.start and m.end <= claim.end):
            continue
        pat = date_pattern(m.text)
        if pat in {"m", "dm", "my", "dmy"}:
            month = next(w for w in m.text.split() if w in MONTHS)
            i = MONTHS.index(month)
            for d in (rng.choice((2, 3, 4)), rng.choice((-2, -3, 5))):
                new = m.text.replace(month, MONTHS[(i + d) % 12])
                out.append(Mutation("date", m.start, m.end, m.text, new))
        elif pat == "wd":
            i = WEEKDAYS.index(m.text)
            new = WEEKDAYS[(i + rng.choice((1, 2, 3))) % 5 if i < 5 else (i + 1) % 5]
            out.append(Mutation("date", m.start, m.end, m.text, new))
    return out


def mutate_entity(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Swap a name for another of the same type, from the article first."""
    out = []
    for m in claim.sentence.mentions:
        if m.label not in {"PERSON", "ORG", "GPE"}:
            continue
        if not (claim.start <= m.start and m.end <= claim.end) or not reliable_name(doc, m):
            continue
        # "the UK" -> "the Britain"; "the Bush administration": names used as modifiers
        if doc.view[max(0, m.start - 4) : m.start].lower() == "the ":
            continue
        off = claim.sentence.offset
        heads = [t for t in claim.tokens if m.start <= t.idx + off < m.end and not (
            m.start <= t.head.idx + off < m.end)]
        if any(t.dep_ in {"compound", "amod", "nmod"} for t in heads):
            continue
        # a person for a person in the same role, never inside a possessive, a longer name,
        # a list or brackets; and only where the model itself gave this mention the label
        role = mention_role(doc, m)
        if not safe_role(role) or m.raw_label not in {"", m.label}:
            continue
        for text, src in entity_pool(doc, claim, m, rng, 2, role=role, strict=True):
            if src == "typed_list" and m.label == "GPE":
                continue  # a country the story never mentions is a blatant wrong place
            out.append(Mutation("entity", m.start, m.end, m.text, text))
    return out


def mutate_negation(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Negate the main verb (insert "not", with do-support) or drop an existing "not"."""
    root = claim.main_verb
    toks = claim.tokens
    # a verb inside a name ("Nick Van den Brul") is a parse error, not a verb to negate
    if root not in toks or root.ent_type_ or not root.tag_.startswith("VB"):
        return []
    if any(t.lower_ in {"no", "never", "nothing", "none", "neither", "nor"} for t in toks):
        return []
    for child in root.children:
        if child.dep_ == "neg" and child in toks:
            s, e = _tok_span(claim, child)
            # remove " not" together with the space before it
            if doc.text[s - 1 : s] == " " and child.text.lower() == "not":
                return [Mutation("negation", s - 1, e, doc.text[s - 1 : e], "")]
            return []
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.i < root.i]
    subj = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj or subj[0].i > root.i:
        return []
    # only adverbs and auxiliaries between subject and verb, else the parse is doubtful
    # ("Social Security, the pensions programme on which..." with "programme" as a verb)
    if any(t.pos_ not in {"ADV", "AUX", "PART", "PUNCT"}
           for t in root.doc[subj[0].right_edge.i + 1 : root.i]):
        return []
    if auxes:
        a = auxes[0]
        if a.lower_ not in _NEG_AUX:
            return []
        s, e = _tok_span(claim, a)
        after = a.nbor(1) if a.i + 1 < len(a.doc) else None
        if after is not None and after.pos_ == "ADV":
            return []  # "will not instead continue" reads badly
        return [Mutation("negation", e, e, "", " not")]
    s, e = _tok_span(claim, root)
    if root.i > 0 and root.doc[root.i - 1].pos_ == "ADV" and root.lemma_ != "be":
        return []  # "China tightly controls" -> not "tightly does not control"
    if root.lemma_ == "be":
        after = root.nbor(1) if root.i + 1 < len(root.doc) else None
        if after is not None and after.pos_ == "ADV":
            return []  # "is not probably", "were not still" read badly
        return [Mutation("negation", e, e, "", " not")]
    if _in_quotes(doc, claim, s):
        return []
    aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if aux is None:
        return []
    return [Mutation("negation", s, e, root.text, f"{aux} not {root.lemma_.lower()}")]


def _word_swaps(
    doc: Document, claim: ClaimInfo, table: dict[str, str], kind: str, pos_ok: Callable[[Any], bool]
) -> list[Mutation]:
    out = []
    for t in claim.tokens:
        low = t.lower_
        if low not in table or not pos_ok(t):
            continue
        s, e = _tok_span(claim, t)
        if _in_quotes(doc, claim, s):
            continue
        new = table[low]
        if t.text[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(Mutation(kind, s, e, t.text, new))
    return out


def mutate_antonym(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Replace a verb, adjective or adverb with its opposite (rose -> fell)."""
    return _word_swaps(
        doc, claim, {k: v for k, v in ANTONYMS.items() if k not in COMPARISONS}, "antonym",
        lambda t: t.pos_ in {"VERB", "ADJ", "ADV"} and t.dep_ != "amod" or t.dep_ == "ROOT",
    )


def mutate_comparison(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Reverse a comparison (more -> less, higher -> lower, before -> after)."""
    return _word_swaps(
        doc, claim, COMPARISONS, "comparison",
        lambda t: (t.tag_ in {"JJR", "JJS", "RBR", "RBS"}
                   # "most Republicans" is a quantifier; "more robots than" is a comparison
                   and not (t.lower_ in {"most", "least"}
                            and t.dep_ in {"det", "amod", "nsubj", "dobj", "pobj"}))
        or t.lower_ in {"above", "below"}
        or t.lemma_ in {"surpass", "outstrip", "outsell"},
    )


def mutate_quantifier(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Change a quantifier so the statement becomes false (most -> few, nearly N -> over N)."""
    out = []
    toks = claim.tokens
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        two = f"{t.lower_} {nxt.lower_}" if nxt is not None else ""
        numeric_next = nxt is not None and (nxt.like_num or nxt.text in "$£€")
        s, e = _tok_span(claim, t)
        if _in_quotes(doc, claim, s):
            continue
        if nxt is not None and two in QUANTIFIERS and i + 2 < len(toks) and (toks[i + 2].like_num
                                                           or toks[i + 2].text in "$£€"):
            e2 = _tok_span(claim, nxt)[1]
            out.append(Mutation("quantifier", s, e2, doc.text[s:e2], QUANTIFIERS[two]))
        elif t.lower_ in {"nearly", "almost", "over", "under"} and numeric_next:
            out.append(Mutation("quantifier", s, e, t.text, QUANTIFIERS[t.lower_]))
        elif t.lower_ in {"all", "every", "most", "many", "some"} and (
            t.dep_ in {"det", "amod", "predet"} and t.head.tag_ == "NNS"
        ):
            new = QUANTIFIERS[t.lower_]
            if t.text[0].isupper():
                new = new.capitalize()
            out.append(Mutation("quantifier", s, e, t.text, new))
        elif t.lower_ in {"always", "never", "majority"}:
            new = QUANTIFIERS[t.lower_]
            out.append(Mutation("quantifier", s, e, t.text, new))
    return out


MUTATIONS: dict[str, Callable[[Document, ClaimInfo, random.Random], list[Mutation]]] = {
    "number": mutate_number,
    "entity": mutate_entity,
    "date": mutate_date,
    "negation": mutate_negation,
    "antonym": mutate_antonym,
    "comparison": mutate_comparison,
    "quantifier": mutate_quantifier,
}


def false_variants(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Every mutation of the claim that the article does not support, in a stable order."""
    out: list[Mutation] = []
    seen: set[str] = set()
    key = normalise(statement(doc, claim))
    for name in MUTATIONS:
        for mut in MUTATIONS[name](doc, claim, rng):
            if mut.old == mut.new:
                continue
            text = statement(doc, claim, mut)
            norm = normalise(text)
            if norm == key or norm in seen:
                continue
            if stated_by_article(doc, claim, mut.new, text):
                continue
            seen.add(norm)
            out.append(mut)
    return out
