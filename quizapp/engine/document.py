"""The analysed article: layout, parsed sentences, entity mentions and quantities.

Everything downstream (claims, questions, the gate) reads this one object. Offsets are always
article offsets: a spaCy character index plus the start of the block it was parsed from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import progress
from .nlp import Mention, doc_mentions, parse_blocks, recover_mentions, vote_labels
from .numbers import Quantity, find_quantities
from .text import Layout, parse_view, read_layout

# Only this much body text is parsed: about 35,000 words, far more than a 20-question quiz
# needs, so a pasted book costs the same as a long feature instead of minutes of parsing.
MAX_ANALYSED_CHARS = 200_000
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
_WORD_RE = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")


@dataclass
class Sentence:
    """One sentence of a body block."""

    index: int
    start: int
    end: int
    span: Any
    offset: int
    block_kind: str
    mentions: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    lemmas: frozenset[str] = frozenset()
    norm: str = ""  # normalise() of the sentence, padded with spaces for phrase tests


@dataclass
class Document:
    """The article as the generators see it."""

    text: str
    view: str
    layout: Layout
    sentences: list[Sentence]
    mentions: list[Mention]
    norm_text: str
    mention_counts: Counter[str] = field(default_factory=Counter)
    # words the article writes in lower case, and words it capitalises where no sentence
    # starts: whether a claim's first word is a name ("Sella") or a common word ("Guitarist")
    lower_words: frozenset[str] = frozenset()
    mid_capitals: frozenset[str] = frozenset()
    # cache of mention_role(): (start, end) -> syntactic role of that mention
    roles: dict[tuple[int, int], str] = field(default_factory=dict)
    # cache of mentions by surface form (filled on first use by the distractor pools)
    forms: dict[str, list[Mention]] = field(default_factory=dict)
    # cache of the sentences naming each person (filled on first use by distractors.prominent)
    person_sentences: dict[str, set[int]] = field(default_factory=dict)
    # the story's people in their fullest names (filled on first use by attribution)
    people: list[str] | None = None
    # the people the article quotes by name (filled on first use by attribution)
    sources: list[str] | None = None
    # the people a story of a death reports harmed (filled on first use by attribution)
    victims: frozenset[str] | None = None
    # the article's typos and names spelt two ways (filled on first use by context.respell)
    typo_cache: dict[str, Any] = field(default_factory=dict)
    # line-ups and each person's stated sides and jobs (filled on first use by sides)
    side_cache: dict[Any, Any] = field(default_factory=dict)

    def sentence_text(self, s: Sentence) -> str:
        """The sentence exactly as in the article."""
        return self.text[s.start : s.end]


_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "st", "prof"})
_SAFE_ROLES = frozenset({"subj", "obj"})


def sentence_at(doc: Document, pos: int) -> Sentence | None:
    """The sentence containing article offset ``pos`` (binary search)."""
    lo, hi = 0, len(doc.sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(doc.sentences) and doc.sentences[lo].start <= pos:
        return doc.sentences[lo]
    return None


def mention_role(doc: Document, m: Any) -> str:
    """The syntactic role of a name where it stands.

    "subj" or "obj" for a name standing on its own; "poss" ("Microsoft's Xbox"), "mod" (a
    name modifying a noun: "the Bush administration"), "chunk" (a name inside a longer noun
    phrase: "merchant bank X", "Japan's Nippon", "Mr X", "Gangster-themed X"), "conj" (a list
    member) or "paren" (inside brackets): names in these roles are never swapped.
    """
    key = (m.start, m.end)
    if key in doc.roles:
        return doc.roles[key]
    role = _role(doc, m)
    doc.roles[key] = role
    return role


def safe_role(role: str) -> bool:
    """Whether a name in this role may be replaced by another."""
    return role in _SAFE_ROLES


def _role(doc: Document, m: Any) -> str:
    s = sentence_at(doc, m.start)
    if s is None:
        return "other"
    before = doc.view[max(s.start, m.start - 30) : m.start]
    if before.rfind("(") > before.rfind(")"):
        return "paren"
    toks = [t for t in s.span if m.start <= t.idx + s.offset < m.end]
    if not toks:
        return "other"
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    head = heads[0] if heads else toks[-1]
    after = doc.view[m.end : m.end + 2]
    if head.dep_ == "poss" or after.startswith(("'s", "' ")):
        return "poss"
    if head.dep_ in {"compound", "amod", "nmod", "npadvmod"}:
        return "mod"
    if head.dep_ == "appos":  # "the Kenyan capital Nairobi", "its rival, Globex"
        return "chunk"
    outside = [c for t in toks for c in t.children if c.i not in ids]
    if any(c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"} for c in outside):
        return "chunk"
    prev = head.doc[toks[0].i - 1] if toks[0].i > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in _TITLE_WORDS:
        return "chunk"
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return "conj"
    if head.dep_ in {"nsubj", "nsubjpass"}:
        return "subj"
    return "obj"


def normalise(s: str) -> str:
    """Lower-case words only, single-spaced: the form used for "is this stated?" tests."""
    s = s.replace("\u2019", "'").replace("'s ", " ").lower()
    return " ".join(_WORD_RE.findall(s))


def content_lemmas(tokens: Any) -> frozenset[str]:
    """Lower-cased lemmas of content words, the basis of claim overlap tests."""
    return frozenset(t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop)


def analyse(text: str) -> Document:
    """Read, parse and annotate the article (the only place spaCy is run)."""
    view = parse_view(text)
    layout = read_layout(text, view)
    sentences: list[Sentence] = []
    raw_mentions: list[Mention] = []
    blocks = []
    budget = MAX_ANALYSED_CHARS
    for b in layout.blocks:
        if budget <= 0:
            break
        blocks.append(b)
        budget -= b.end - b.start
    to_parse = sum(b.end - b.start for b in blocks) or 1
    parsed = 0
    for block, doc in parse_blocks(view, blocks):
        offset = block.start
        parsed += block.end - block.start
        progress.report(parsed / to_parse, "Reading the article")
        raw_mentions.extend(doc_mentions(doc, offset, view))
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            start = toks[0].idx + offset
            end = toks[-1].idx + len(toks[-1].text) + offset
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    span=sent,
                    offset=offset,
                    block_kind=block.kind,
                    lemmas=content_lemmas(toks),
                )
            )
    lower_words: set[str] = set()
    mid_capitals: set[str] = set()
    for s in sentences:
        for t in list(s.span)[1:]:
            if t.is_alpha and t.text.islower():
                lower_words.add(t.text)
            elif t.is_alpha and t.text[:1].isupper() and not t.nbor(-1).is_punct:
                mid_capitals.add(t.text)
    mentions = recover_mentions(view, sentences, vote_labels(raw_mentions), frozenset(lower_words))
    # attach mentions and quantities to sentences with one linear sweep
    mi = 0
    for s in sentences:
        while mi < len(mentions) and mentions[mi].end <= s.start:
            mi += 1
        j = mi
        while j < len(mentions) and mentions[j].start < s.end:
            if mentions[j].end <= s.end:
                s.mentions.append(mentions[j])
            j += 1
        s.norm = f" {normalise(view[s.start : s.end])} "
        dates = [(m.start, m.end) for m in s.mentions if m.label == "DATE"]
        # the day in "11 September 2001" is part of a date, not a figure of its own
        s.quantities = [
            q
            for q in find_quantities(view[s.start : s.end], s.start)
            if q.kind == "year" or not any(a <= q.start < b for a, b in dates)
        ]
    return Document(
        text=text,
        view=view,
        layout=layout,
        sentences=sentences,
        mentions=mentions,
        norm_text=normalise(view),
        mention_counts=Counter(m.text for m in mentions),
        lower_words=frozenset(lower_words),
        mid_capitals=frozenset(mid_capitals),
    )
