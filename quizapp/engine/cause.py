"""Cause and effect: "According to the article, why did X ...?" (issue 15, direction 3).

A claim whose main verb ends in a reason ("... because demand fell", "... due to a strike by
pilots", "... after losing the final", "... amid fears of a slowdown") becomes a question about
that reason. The effect is the claim with the reason removed, asked with "why" and
subject-auxiliary inversion (the same inversion fact recall uses); the key is the reason,
shortened to a phrase that reads alone (a trailing ", which ..." is dropped).

Wrong options are the article's own phrases of the same grammatical form, never made up:
first the reasons it gives for other things, then other events it reports (a noun phrase about
a change or an action for a noun-phrase reason, a short main clause for a clause, a gerund
phrase for a gerund). None comes from the claim's own sentence or its neighbours (which often
elaborate the reason, so that a wrong option could be arguably right), and none is named in
the claim itself. "after" and "following" are read as a reason only after a verb of change or
outcome ("shares fell after ...", "he resigned following ..."): "joined the club after ..." is
only a time.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from .claims import ClaimInfo
from .context import self_contained
from .document import Document, Sentence
from .drafts import Draft
from .quality import copy_fault, readable
from .recall import _clause, _evidence, _explain, _invert, _named_in, _parses_as_question, vague

STEM_PREFIX = "According to the article, "
#: Markers that always give a reason, longest first (so "because of" wins over "because").
REASON_MARKERS: tuple[tuple[str, ...], ...] = (
    ("as", "a", "result", "of"),
    ("because", "of"),
    ("due", "to"),
    ("owing", "to"),
    ("thanks", "to"),
    ("because",),
)
#: Markers that give a reason only after a verb of change or outcome.
TIME_MARKERS: tuple[tuple[str, ...], ...] = (("after",), ("following",), ("amid",))
#: Verbs whose "after ..." is what caused them (a change, a decision, a result).
OUTCOME_VERBS = frozenset(
    {
        "rise",
        "fall",
        "drop",
        "jump",
        "climb",
        "slump",
        "plunge",
        "surge",
        "soar",
        "slip",
        "tumble",
        "dip",
        "rally",
        "recover",
        "increase",
        "decrease",
        "decline",
        "grow",
        "shrink",
        "close",
        "cut",
        "raise",
        "lower",
        "resign",
        "quit",
        "step",
        "retire",
        "sack",
        "fire",
        "suspend",
        "ban",
        "cancel",
        "scrap",
        "withdraw",
        "pull",
        "delay",
        "postpone",
        "halt",
        "stop",
        "warn",
        "apologise",
        "apologize",
        "criticise",
        "criticize",
        "condemn",
        "attack",
        "defend",
        "face",
        "win",
        "lose",
        "miss",
        "fail",
        "collapse",
        "hit",
        "suffer",
        "struggle",
        "revise",
        "downgrade",
        "upgrade",
        "abandon",
        "reject",
        "approve",
        "force",
        "boost",
        "lift",
        "hurt",
        "damage",
        "threaten",
        "fine",
        "charge",
        "arrest",
        "investigate",
        "recall",
        "leave",
        "progress",
        "qualify",
        "disappear",
        "restate",
    }
)
#: Nouns of change or action: a noun-phrase option must read as an event, not a thing.
EVENT_NOUNS = frozenset(
    {
        "rise",
        "fall",
        "drop",
        "increase",
        "decrease",
        "decline",
        "growth",
        "slowdown",
        "demand",
        "strike",
        "ban",
        "cut",
        "cuts",
        "loss",
        "losses",
        "profit",
        "profits",
        "sales",
        "price",
        "prices",
        "cost",
        "costs",
        "competition",
        "pressure",
        "concern",
        "concerns",
        "fears",
        "fear",
        "criticism",
        "protest",
        "protests",
        "row",
        "dispute",
        "crisis",
        "injury",
        "defeat",
        "win",
        "victory",
        "failure",
        "success",
        "delay",
        "delays",
        "shortage",
        "weather",
        "problems",
        "problem",
        "attack",
        "attacks",
        "investigation",
        "inquiry",
        "scandal",
        "takeover",
        "merger",
        "deal",
        "launch",
        "change",
        "changes",
        "reform",
        "reforms",
        "decision",
        "announcement",
        "warning",
        "interest",
        "rates",
        "debt",
        "debts",
        "spending",
        "investment",
        "uncertainty",
        "boom",
        "downturn",
        "recession",
        "surge",
        "slump",
        "collapse",
        "resignation",
        "departure",
        "arrival",
        "illness",
        "absence",
        "suspension",
        "allegations",
        "claims",
        "complaints",
        "popularity",
        "rules",
        "law",
        "legislation",
        "regulation",
        "regulations",
    }
)
_EVENT_SUFFIX = re.compile(r"(tion|sion)s?$")
#: Words in -tion / -sion that name a thing, a place or a body, not an event.
_NOT_EVENTS = frozenset(
    {
        "question",
        "position",
        "situation",
        "nation",
        "station",
        "section",
        "option",
        "edition",
        "version",
        "region",
        "division",
        "television",
        "mission",
        "commission",
        "organisation",
        "organization",
        "foundation",
        "institution",
        "population",
        "location",
        "tradition",
        "generation",
        "session",
        "vision",
        "collection",
        "administration",
        "association",
        "federation",
        "corporation",
        "competition",
        "nations",
        "questions",
        "stations",
    }
)
MIN_WORDS, MAX_WORDS = 2, 16
_GENERIC = frozenset({"that", "with", "from", "their", "have", "will", "were", "been", "this"})
#: "the two banks", "the pair": a count that points back to names the stem does not give
_COUNTED_REFERENT = re.compile(r"\bthe (two|three|four|pair|trio|latter|former)\b", re.I)
#: Words an option cannot carry: a pronoun or "this" leans on its sentence; first and second
#: person belong to a quote
_LEANING = frozenset(
    {"it", "its", "they", "them", "their", "he", "she", "his", "her", "this", "these"}
    | {"i", "me", "my", "we", "us", "our", "you", "your"}
)
_QUOTES = frozenset({'"', "\u201c", "\u201d"})


@dataclass(frozen=True)
class Reason:
    """A reason phrase the article gives: where it is, its form and its text."""

    sentence: int
    start: int  # article offsets of the phrase (marker excluded)
    end: int
    form: str  # "np", "clause" or "gerund"
    text: str  # as an option: first letter capitalised, trailing ", which ..." dropped


def _text(doc: Document, s: Sentence, toks: list[Any]) -> str:
    a = toks[0].idx + s.offset
    b = toks[-1].idx + len(toks[-1].text) + s.offset
    return doc.text[a:b]


def _option(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _phrase_ok(doc: Document, s: Sentence, toks: list[Any], text: str | None = None) -> bool:
    """A phrase that reads alone: a few words, no pronoun without its name, no quote."""
    words = [t for t in toks if not t.is_punct]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if any(t.text in _QUOTES for t in toks) or any(
        t.text in {";", ":", "(", ")", ","} for t in toks
    ):
        return False
    text = text if text is not None else _text(doc, s, toks)
    if vague(text) or copy_fault(text) or not readable(text):
        return False
    # a pronoun or a "this" in the option leans on the sentence it came from
    return not any(t.lower_ in _LEANING for t in toks)


#: "the firm", "the company": a reason's subject that the clause before it names.
_FIRM_WORDS = frozenset({"firm", "company", "group", "bank", "airline", "carmaker", "retailer"})


def _firm_name(doc: Document, s: Sentence, before: list[Any], phrase: list[Any]) -> str | None:
    """The one organisation named before the marker, when the reason opens with "the firm"
    (not "the firm's": a possessive name would need its own "'s")."""
    if len(phrase) < 3 or phrase[0].lower_ != "the" or phrase[1].lower_ not in _FIRM_WORDS:
        return None
    if phrase[2].tag_ == "POS" or phrase[1].dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if not before:
        return None
    lo = before[0].idx + s.offset
    hi = before[-1].idx + len(before[-1].text) + s.offset
    names = {m.text for m in s.mentions if m.label == "ORG" and lo <= m.start and m.end <= hi}
    return names.pop() if len(names) == 1 else None


def _cut(toks: list[Any]) -> list[Any]:
    """Drop a trailing ", which ..." / ", who ..." (a comment on the reason, not the reason)
    and a trailing time ("in late December", "in 2001"): the option reads alone and short."""
    for k, t in enumerate(toks):
        if t.text == "," and k + 1 < len(toks) and toks[k + 1].lower_ in {"which", "who"}:
            toks = toks[:k]
            break
    for k, t in enumerate(toks):
        if k > 1 and t.dep_ == "prep" and toks[-1].i == t.right_edge.i:
            rest = toks[k + 1 :]
            if rest and all(u.ent_type_ in {"DATE", "TIME"} or u.is_punct for u in rest[-1:]):
                if any(u.ent_type_ in {"DATE", "TIME"} for u in rest):
                    return toks[:k]
    return toks


def _form(toks: list[Any]) -> str | None:
    """The grammatical form of a reason phrase."""
    head = next((t for t in toks if t.head.i == t.i or t.head not in toks), None)
    if head is None:
        return None
    if toks[0].tag_ == "VBG":
        return "gerund"
    if head.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in head.children
    ):
        return "clause"
    if head.pos_ in {"NOUN", "PROPN"}:
        return "np"
    return None


def _marker_at(toks: list[Any], k: int) -> tuple[int, bool] | None:
    """The length of the reason marker starting at ``toks[k]`` and whether it needs a verb of
    change before it, or None."""
    low = [t.lower_ for t in toks[k : k + 4]]
    for marker in REASON_MARKERS:
        if tuple(low[: len(marker)]) == marker:
            return len(marker), False
    for marker in TIME_MARKERS:
        if tuple(low[: len(marker)]) == marker:
            return len(marker), True
    return None


def find_reasons(doc: Document, s: Sentence, verb: Any | None = None) -> list[tuple[int, Reason]]:
    """Trailing reason phrases of a sentence, each with the token index of its marker.

    With ``verb``, only a reason that follows that verb in its clause.
    """
    toks = [t for t in s.span if not t.is_space]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    out: list[tuple[int, Reason]] = []
    for k, t in enumerate(toks):
        if verb is not None and t.i <= verb.i:
            continue
        found = _marker_at(toks, k)
        if found is None:
            continue
        n, needs_outcome = found
        if k + n >= len(toks):
            continue
        # the reason depends on the verb it explains: walk up from the marker
        # "because demand fell": the marker hangs on the reason's own verb, whose head is
        # the verb it explains
        gov = t.head.head if t.dep_ == "mark" else t.head
        while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i:
            gov = gov.head
        if verb is not None and gov.i != verb.i:
            continue
        if needs_outcome and gov.lemma_.lower() not in OUTCOME_VERBS:
            continue
        phrase = _cut(toks[k + n :])
        # the reason runs to the end of the clause (nothing after it is left dangling)
        if phrase and phrase[-1].i != toks[-1].i and len(phrase) == len(toks) - k - n:
            continue
        if not phrase:
            continue
        text = _text(doc, s, phrase)
        firm = _firm_name(doc, s, toks[:k], phrase)
        if firm is not None:
            # "shares in Acme fell after the firm cut its forecast": the firm is Acme
            text = firm + text[len(phrase[0].text) + 1 + len(phrase[1].text) :]
        if not _phrase_ok(doc, s, phrase, text):
            continue
        if any(
            m.label == "DATE" and m.start <= phrase[0].idx + s.offset < m.end for m in s.mentions
        ):
            continue  # "after 2005": a time, not a reason
        form = _form(phrase)
        if form is None:
            continue
        if form == "np" and toks[k].lower_ == "because" and n == 1:
            continue
        a = phrase[0].idx + s.offset
        b = phrase[-1].idx + len(phrase[-1].text) + s.offset
        out.append((k, Reason(s.index, a, b, form, _option(text))))
    return out


def _article_reasons(doc: Document) -> list[Reason]:
    cached = getattr(doc, "reasons", None)
    if cached is not None:
        return cached
    found = [r for s in doc.sentences for _, r in find_reasons(doc, s)]
    doc.reasons = found
    return found


def _events(doc: Document, form: str, skip: set[int]) -> list[str]:
    """Other phrases of the article of the same form: noun phrases about a change or an
    action, short main clauses, or gerund phrases (found once per article and form)."""
    cache = doc.events.setdefault(form, [])
    if not cache:
        cache.extend(_find_events(doc, form))
        cache.append((-1, ""))  # found, even if nothing was
    return [text for index, text in cache if text and index not in skip]


def _find_events(doc: Document, form: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for s in doc.sentences:
        if s.block_kind == "title":
            continue
        out: list[str] = []
        if form == "np":
            for chunk in s.span.noun_chunks:
                toks = list(chunk)
                head = chunk.root
                if head.pos_ != "NOUN":
                    continue
                eventive = head.lower_ in EVENT_NOUNS or (
                    bool(_EVENT_SUFFIX.search(head.lower_)) and head.lower_ not in _NOT_EVENTS
                )
                if not eventive:
                    continue  # "the French government" is no reason for anything
                # a noun phrase with its complement ("a rise in prices") reads as an event
                tail = [t for t in head.subtree if t.i > head.i and t.dep_ == "prep"]
                if tail:
                    toks = [t for t in s.span if toks[0].i <= t.i <= tail[0].right_edge.i]
                if len(toks) < 3 or any(t.ent_type_ in {"PERSON", "DATE"} for t in toks):
                    continue
                if _phrase_ok(doc, s, toks):
                    out.append(_option(_text(doc, s, toks)))
        elif form == "gerund":
            for t in s.span:
                if (
                    t.tag_ == "VBG"
                    and t.dep_ in {"pcomp", "advcl", "xcomp"}
                    and t.head.pos_ == "ADP"
                ):
                    toks = _cut(list(t.subtree))
                    if toks[0].i == t.i and _phrase_ok(doc, s, toks):
                        out.append(_option(_text(doc, s, toks)))
        else:
            root = s.span.root
            toks = [t for t in s.span if not t.is_space]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if root.pos_ not in {"VERB", "AUX"} or not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in root.children
            ):
                continue
            if toks and toks[0].is_alpha and toks[0].pos_ in {"CCONJ", "ADV", "SCONJ"}:
                continue
            if _phrase_ok(doc, s, toks) and _form(toks) == "clause":
                out.append(_option(_text(doc, s, toks)))
        found.extend((s.index, text) for text in out)
    return found


def generate_cause(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """A "why" draft for a claim that gives a reason for its main verb, or none."""
    if claim.quote is not None or not self_contained(doc, claim, claim.text):
        return []
    root, toks, _attribution = _clause(claim)
    if root not in toks:
        return []
    s = claim.sentence
    mine = [
        (k, r)
        for k, r in find_reasons(doc, s, root)
        if claim.start <= r.start and r.end <= claim.end
    ]
    if len(mine) != 1:
        return []  # two reasons ("because A and after B") make two right answers
    k, reason = mine[0]
    stoks = [t for t in s.span if not t.is_space]
    marker = stoks[k]
    remove = [t for t in toks if t.i >= marker.i]
    # a comma before the marker goes with it
    prev = [t for t in toks if t.i == marker.i - 1]
    if prev and prev[0].text == ",":
        remove = prev + remove
    if not remove or remove[-1].i != toks[-1].i:
        return []  # the reason must close the clause
    stem = _invert(doc, claim, remove, "Why")
    if stem is None or not stem.startswith("Why "):
        return []
    stem = STEM_PREFIX + "why " + stem[4:]
    if vague(stem) or _COUNTED_REFERENT.search(stem) or len(stem.split()) > 30:
        return []
    if not _parses_as_question(stem):
        return []
    key = reason.text
    skip = {s.index - 1, s.index, s.index + 1}
    seen = {key.lower()}
    pool: list[tuple[str, str]] = []
    for r in _article_reasons(doc):
        if r.form == reason.form and r.sentence not in skip and r.text.lower() not in seen:
            pool.append((r.text, "article_reason"))
            seen.add(r.text.lower())
    # an event that shares a content word with the reason may be the same reason in other
    # words ("rising ore costs" for "higher iron ore costs"): arguably right, never offered
    key_words = {w for w in re.findall(r"[a-z]+", key.lower()) if len(w) > 3} - _GENERIC
    events = [
        e
        for e in _events(doc, reason.form, skip)
        if e.lower() not in seen and not key_words & set(re.findall(r"[a-z]+", e.lower()))
    ]
    kw = len(key.split())
    # other events of about the key's length: the key must not stand out as the longest, so
    # one option at least as long as the key goes in first when the article has one
    events = sorted(dict.fromkeys(events), key=lambda e: (abs(len(e.split()) - kw), e))
    longer = [e for e in events if len(e) >= len(key)]
    if not any(len(p) >= len(key) for p, _ in pool) and longer:
        events = [longer[0]] + [e for e in events if e != longer[0]]
    for e in events:
        if any(e.lower() in p.lower() or p.lower() in e.lower() for p, _ in pool):
            continue  # "any price rise" beside "a public reaction to any price rise"
        if key.lower() in e.lower() or e.lower() in key.lower():
            continue
        pool.append((e, "article_event"))
    pool = [p for p in pool if not _named_in(p[0], claim.text) and p[0].lower() not in stem.lower()]
    firsts = [p for p in pool if p[1] == "article_reason" or len(p[0]) >= len(key)][:2]
    others = [p for p in pool if p not in firsts][:6]
    rng.shuffle(others)
    wrong = (firsts + others)[:3]
    if len(wrong) < 2 or all(len(key) > len(w) for w, _ in wrong):
        return []
    ev = _evidence(doc, claim)
    return [Draft("cause", claim.id, stem, key, tuple(wrong), ev, _explain(ev, key))]
