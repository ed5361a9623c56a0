"""Fact-recall questions: wh-questions on a number, name, place or date in one claim.

Transformations follow Heilman & Smith and ad-freiburg/question-generation: a subject answer
becomes the wh-word; other answers need subject-auxiliary inversion or do-support, and only
licensed wh-words are used (who for people, when for in/on + date, how many for a counted
noun). When no safe wh-form exists the claim becomes a fill-in-the-blank statement.
"""

from __future__ import annotations

import random
import re
from typing import Any

from .claims import ClaimInfo
from .distractors import _display_name, date_pool, entity_pool, quantity_pool
from .document import Document
from .drafts import Draft
from .gate import sort_value
from .lexicon import CITIES, COMPANIES, COUNTRIES, REPORTING_VERBS
from .nlp import Mention
from .numbers import Quantity, date_pattern
from .types import Evidence

_PRONOUNS = re.compile(
    r"\b(he|she|it|they|him|her|them|his|its|their|this|these|those|there|here)\b", re.I
)
_DEICTIC = re.compile(
    r"\b(this|these|those|here)\b|^(the )?(remainder|figures|firm|company|group)\b", re.I
)
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+")


def vague(text: str) -> bool:
    """Whether the text leans on context a quiz taker does not have.

    Deictic words (this, these) always do; a pronoun does unless a name appears before it in
    the same text, where it most likely refers back to that name.
    """
    if _DEICTIC.search(text):
        return True
    for m in _PRONOUNS.finditer(text):
        if m.start() == 0 or not _NAME.search(text[: m.start()]):
            return True
    return False
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "the"}
_BLANK = "_____"
MAX_STEM_WORDS = 38


def _tok_text(doc: Document, claim: ClaimInfo, t: Any, ws: bool = True) -> str:
    s = t.idx + claim.sentence.offset
    return doc.text[s : s + len(t.text)] + (t.whitespace_ if ws else "")


def _join(doc: Document, claim: ClaimInfo, toks: list[Any]) -> str:
    if not toks:
        return ""
    out = "".join(_tok_text(doc, claim, t) for t in toks[:-1])
    return (out + _tok_text(doc, claim, toks[-1], ws=False)).strip()


def _evidence(doc: Document, claim: ClaimInfo) -> Evidence:
    s = claim.sentence
    return Evidence(s.start, s.end, doc.text[s.start : s.end])


def _explain(ev: Evidence, key: str) -> str:
    return f'The article says: "{ev.text}" So the answer is {key}.'


def _clause(claim: ClaimInfo) -> tuple[Any, list[Any], str]:
    """The clause to question and an attribution: "X said (that) C" becomes C + "according
    to X" when X is a name; otherwise the claim itself."""
    root = claim.root
    toks = [t for t in claim.tokens if not (t.is_punct and t.i == claim.tokens[-1].i)]
    if root.lemma_ in REPORTING_VERBS:
        comps = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        if comps and subj:
            c = comps[0]
            sub = [t for t in toks if c.left_edge.i <= t.i <= c.right_edge.i]
            # only a leading "that" goes; a mark inside ("before", "if") is part of the fact
            while sub and (sub[0].dep_ == "mark" and sub[0].lower_ == "that" or sub[0].is_punct):
                sub = sub[1:]
            while sub and sub[-1].is_punct:
                sub = sub[:-1]
            who = [t for t in toks if subj[0].left_edge.i <= t.i <= subj[0].right_edge.i]
            attribution = ""
            if who and any(t.pos_ == "PROPN" for t in who) and len(who) <= 6:
                attribution = " ".join(t.text for t in who)
            return c, sub, attribution
    return root, toks, ""


def _finish(pre: str, body: str, attribution: str, claim: ClaimInfo, doc: Document) -> str:
    body = body.strip().rstrip(",;:")
    if attribution:
        body += f", according to {attribution}"
    stem = (pre + " " + body).strip() if pre else body
    stem = stem[0].upper() + stem[1:]
    return stem + "?"


def _subject(root: Any, toks: list[Any]) -> list[Any] | None:
    subj = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1:
        return None
    s = subj[0]
    span = [t for t in toks if s.left_edge.i <= t.i <= s.right_edge.i]
    if not span or span[-1].i >= root.i:
        return None
    return span


def _entity_wh(doc: Document, m: Mention) -> str | None:
    low = m.text.lower()
    if m.label == "PERSON":
        return "Who"
    if m.label == "ORG":
        return "Which company" if low in COMPANIES else "Which organisation"
    if m.label == "GPE":
        if low in COUNTRIES:
            return "Which country"
        if low in CITIES:
            return "Which city"
    return None


def _subject_question(
    doc: Document, claim: ClaimInfo, m: Mention, wh: str
) -> str | None:
    """Answer = the whole subject: replace it by the wh-phrase."""
    root, toks, attribution = _clause(claim)
    subj = _subject(root, toks)
    if subj is None:
        return None
    core = [t for t in subj if t.lower_ not in _TITLES and t.dep_ != "case" and not t.is_punct]
    off = claim.sentence.offset
    if not core or core[0].idx + off < m.start or core[-1].idx + len(core[-1].text) + off > m.end:
        return None
    pre = [t for t in toks if t.i < subj[0].i]
    rest = [t for t in toks if t.i > subj[-1].i]
    if not rest or pre and (len(pre) < 2 or pre[-1].pos_ in {"ADP", "DET", "CCONJ", "SCONJ"}):
        return None
    pre_txt = _join(doc, claim, pre).rstrip(",")
    if pre_txt:
        pre_txt += ","
        wh = wh[0].lower() + wh[1:]
    return _finish(pre_txt, f"{wh} {_join(doc, claim, rest)}", attribution, claim, doc)


def _invert(
    doc: Document, claim: ClaimInfo, remove: list[Any], wh: str
) -> str | None:
    """Front ``wh`` and invert subject and auxiliary, dropping the ``remove`` tokens."""
    root, toks, attribution = _clause(claim)
    if any(t not in toks for t in remove):
        return None
    subj = _subject(root, toks)
    if subj is None or any(t.pos_ == "PRON" for t in subj) or root not in toks:
        return None
    removed = {t.i for t in remove}
    # only a contiguous phrase after the verb may be questioned
    if removed & {t.i for t in subj} or min(removed) < root.i:
        return None
    if max(removed) - min(removed) + 1 != len(removed):
        return None
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and subj[-1].i < c.i < root.i]
    pre = [t for t in toks if t.i < subj[0].i and t.i not in removed]
    mid = [t for t in toks if subj[-1].i < t.i < root.i and t.i not in removed]
    post = [t for t in toks if t.i > root.i and t.i not in removed]
    subj_txt = _join(doc, claim, subj)
    if subj[0].pos_ not in {"PROPN"} and not subj[0].text.isupper() and subj[0].ent_type_ == "":
        subj_txt = subj_txt[0].lower() + subj_txt[1:]
    if auxes:
        aux = auxes[0]
        mid = [t for t in mid if t.i != aux.i]
        aux_txt, verb_txt = aux.text, root.text
    elif root.lemma_ == "be":
        aux_txt, verb_txt = root.text, ""
    else:
        aux_txt = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_, "")
        if not aux_txt:
            return None
        verb_txt = root.lemma_.lower()
        if root.lemma_ == "be" or any(t.lower_ in {"not", "n't"} for t in mid):
            return None
    if aux_txt.lower() in {"'s", "'re", "'ve", "'d", "'ll"}:
        return None
    # every word of the clause must be accounted for, or the parse was not what we assumed
    used = {t.i for t in pre + subj + mid + post} | {root.i} | removed
    if auxes:
        used.add(auxes[0].i)
    if used != {t.i for t in toks}:
        return None
    # a conjoined or complement verb after the gap makes the question ungrammatical
    if any(t.head == root and t.dep_ in {"conj", "ccomp"} for t in post):
        return None
    parts = [wh, aux_txt, subj_txt, _join(doc, claim, mid), verb_txt, _join(doc, claim, post)]
    body = " ".join(p for p in parts if p)
    if pre and (len(pre) < 2 or pre[-1].pos_ in {"ADP", "DET", "CCONJ", "SCONJ"}):
        return None
    pre_txt = _join(doc, claim, pre).rstrip(",")
    if pre_txt:
        pre_txt += ","
        body = body[0].lower() + body[1:]
    return _finish(pre_txt, body, attribution, claim, doc)


def _cloze(doc: Document, claim: ClaimInfo, start: int, end: int) -> str | None:
    """Fill-in-the-blank on the claim sentence (the safe fallback)."""
    text = doc.text[claim.start : claim.end]
    a, b = start - claim.start, end - claim.start
    after = text[b:]
    # drop an equivalent amount in brackets right after the key: "$1.13bn (£600m)"
    twin = re.match(r"\s*\([^()]{1,25}\)", after)
    if twin:
        after = after[twin.end() :]
    body = text[:a] + _BLANK + after
    body = body.strip().rstrip(",;:")
    if body[0].islower():
        body = body[0].upper() + body[1:]
    if not body.endswith("."):
        body += "."
    return f"Fill in the blank: {body}"


def _qty_target(claim: ClaimInfo, q: Quantity) -> list[Any]:
    off = claim.sentence.offset
    return [t for t in claim.tokens if q.start <= t.idx + off < q.end]


def _quantity_stem(doc: Document, claim: ClaimInfo, q: Quantity) -> str | None:
    toks = _qty_target(claim, q)
    if not toks:
        return None
    root, ctoks, _ = _clause(claim)
    head = toks[-1]
    # "by 8%" attached to the verb -> "By how much ...?"
    if q.kind == "percent":
        prep = head.head if head.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "by" and prep.head == root:
            return _invert(doc, claim, list(prep.subtree), "By how much")
        if head.dep_ in {"npadvmod", "dobj"} and head.head == root and root.lemma_ in {
            "rise", "fall", "grow", "drop", "jump", "climb", "increase", "decrease", "slide",
            "slump", "shed", "lose", "gain", "decline",
        }:
            return _invert(doc, claim, list(head.subtree), "By how much")
        return None
    if q.kind == "year":
        prep = head.head if head.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "in" and prep.head == root:
            if [t.i for t in prep.subtree] == [prep.i, *[t.i for t in toks]]:
                return _invert(doc, claim, list(prep.subtree), "In which year")
        return None
    if q.kind == "money":
        if head.dep_ == "dobj" and head.head == root and root.lemma_ not in {"be", "have"}:
            return _invert(doc, claim, list(head.subtree), "How much")
        return None
    # counts: "N <nouns>" as the verb's object -> "How many <nouns>"
    if head.dep_ == "nummod" and head.head.dep_ == "dobj" and head.head.head == root:
        noun = head.head
        noun_toks = [t for t in noun.subtree if t.i > head.i]
        if not noun_toks or noun_toks[-1].i != noun.i or noun.tag_ != "NNS":
            return None
        before = [t for t in noun.subtree if t.i < toks[0].i]
        if any(t.dep_ != "det" and t.lower_ not in {"about", "nearly", "some", "almost"}
               for t in before):
            return None
        words = _join(doc, claim, noun_toks)
        return _invert(doc, claim, list(noun.subtree), f"How many {words}")
    return None


def _date_stem(doc: Document, claim: ClaimInfo, m: Mention) -> str | None:
    off = claim.sentence.offset
    toks = [t for t in claim.tokens if m.start <= t.idx + off < m.end]
    if not toks:
        return None
    root, _, _ = _clause(claim)
    head = max(toks, key=lambda t: -len(list(t.ancestors)))
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in {"in", "on"} and prep.head == root:
        if {t.i for t in prep.subtree} == {prep.i, *(t.i for t in toks)}:
            return _invert(doc, claim, list(prep.subtree), "When")
    if head.dep_ == "npadvmod" and head.head == root and {t.i for t in head.subtree} == {
        t.i for t in toks
    }:
        return _invert(doc, claim, list(head.subtree), "When")
    return None


def _ok_stem(stem: str | None) -> bool:
    if not stem:
        return False
    body = stem.split(":", 1)[1].strip() if stem.startswith("Fill in the blank:") else stem
    if vague(body):
        return False
    return len(stem.split()) <= MAX_STEM_WORDS


def generate_recall(doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
                    ) -> list[Draft]:
    """Fact-recall drafts for one claim: one per askable number, name or date."""
    ev = _evidence(doc, claim)
    drafts: list[Draft] = []
    n_wrong = 3
    text = doc.text
    for q in claim.sentence.quantities:
        if not (claim.start <= q.start and q.end <= claim.end):
            continue
        if text[q.start - 1 : q.start] == "(":
            continue  # the bracketed twin of an amount is not a fact of its own
        stem = _quantity_stem(doc, claim, q)
        if not _ok_stem(stem):
            stem = _cloze(doc, claim, q.start, q.end)
        if not _ok_stem(stem):
            continue
        below = min(want_pos, n_wrong) if want_pos >= 0 else None
        wrong = quantity_pool(doc, claim, q, rng, n_wrong, below=below)
        if len(wrong) < 2:
            continue
        opts = [q.text] + [t for t, _ in wrong]
        keys = [sort_value(o) for o in opts]
        if any(k is None for k in keys):
            continue
        if stem is None:
            continue
        drafts.append(Draft("fact_recall", claim.id, stem, q.text, tuple(wrong), ev,
                            _explain(ev, q.text), ordered=True,
                            sort_keys=tuple(k for k in keys if k is not None)))
    for m in claim.sentence.mentions:
        if not (claim.start <= m.start and m.end <= claim.end):
            continue
        if m.label == "DATE":
            if date_pattern(m.text) is None:
                continue
            # "the Independent on Sunday": a weekday inside a name
            if re.search(r"[A-Z][a-z]+ on $", doc.view[max(0, m.start - 30) : m.start]):
                continue
            stem = _date_stem(doc, claim, m)
            if not _ok_stem(stem):
                stem = _cloze(doc, claim, m.start, m.end)
            wrong = date_pool(doc, claim, m, rng, n_wrong)
            if not _ok_stem(stem) or len(wrong) < 2:
                continue
            opts = [m.text] + [t for t, _ in wrong]
            keys = [sort_value(o) for o in opts]
            if any(k is None for k in keys) or len(set(keys)) != len(keys):
                continue
            if stem is None:
                continue
            drafts.append(Draft("fact_recall", claim.id, stem, m.text, tuple(wrong), ev,
                                _explain(ev, m.text), ordered=True,
                                sort_keys=tuple(k for k in keys if k is not None)))
            continue
        wh = _entity_wh(doc, m)
        if wh is None:
            continue
        stem = _subject_question(doc, claim, m, wh)
        key = _display_name(doc, m)
        if not _ok_stem(stem):
            continue
        wrong = entity_pool(doc, claim, m, rng, n_wrong)
        if len(wrong) < 2:
            continue
        if stem is None:
            continue
        drafts.append(Draft("fact_recall", claim.id, stem, key, tuple(wrong), ev,
                            _explain(ev, key)))
    return drafts
