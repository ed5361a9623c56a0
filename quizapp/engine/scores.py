"""The match result of a sports report as a fact-recall question (score10).

Blind editors said a quiz on a match report misses the story's point when it never asks the
result. A result is asked only where the headline ("Hearts 2-1 Livingston") or the lead
("Rovers beat City 3-1", "drew 2-2 with City", "lost 3-1 to City") states it with both sides
named; the key is the scoreline as written, the wrong ones are made up and keep the result
(a win stays the same side's win, a draw stays level), of the sport's magnitude (single
digits for football, tens for rugby), and never a scoreline the article states anywhere
(a half-time score or another match would be arguably right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from .claims import ClaimInfo
from .document import Document, Sentence
from .drafts import Draft, explain
from .lexicon import (
    IMPOSSIBLE_RUGBY_SCORES,
    RESULT_DRAW_VERBS,
    RESULT_LOSS_VERBS,
    RESULT_WIN_VERBS,
)
from .types import Evidence

SCORE_RE = re.compile(r"(?<![\w.,/-])(\d{1,3})-(\d{1,3})(?![\w/]|-\d|\.\d)")
# a side's name: capitalised words, with "the" in front at most ("the Barbarians")
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}"
_SCORE = r"(?P<a>\d{1,3})-(?P<b>\d{1,3})"


def _verbs(words: tuple[str, ...]) -> str:
    return "|".join(words)


# "beat City 3-1"; "drew 2-2 with City" / "drew with City 2-2"; "lost 3-1 to City"
_WIN = re.compile(rf"\b(?P<v>{_verbs(RESULT_WIN_VERBS)})\s+(?P<o>{_NAME})\s+{_SCORE}")
_DRAW = re.compile(
    rf"\b(?P<v>{_verbs(RESULT_DRAW_VERBS)})\s+(?:{_SCORE}\s+(?:with|against)\s+(?P<o>{_NAME})"
    rf"|(?:with|against)\s+(?P<o2>{_NAME})\s+(?P<a2>\d{{1,3}})-(?P<b2>\d{{1,3}}))"
)
_LOSS = re.compile(
    rf"\b(?P<v>{_verbs(RESULT_LOSS_VERBS)})\s+(?:{_SCORE}\s+(?:to|against)\s+(?P<o>{_NAME})"
    rf"|(?:to|against)\s+(?P<o2>{_NAME})\s+(?P<a2>\d{{1,3}})-(?P<b2>\d{{1,3}}))"
)
_HEADLINE = re.compile(rf"^\s*(?P<s>{_NAME})\s+{_SCORE}\s+(?P<o>{_NAME})\s*$")

#: Made-up rugby-sized scorelines: shifts of a try, a converted try or a penalty, in the
#: order they are tried (higher and lower both, so that the key is not always in the middle)
_BIG_SHIFTS = ((-7, 3), (5, 3), (-3, -7), (7, -5), (-10, 0), (3, 10), (10, 7), (-5, -3))
_BIG_LEVEL_SHIFTS = (-3, 3, 6, -6, 9)


@dataclass(frozen=True)
class Result:
    """A stated result: the stem, the key as written and where the score stands."""

    stem: str
    key: str
    first: int
    second: int
    evidence: tuple[int, int]


def _series(text: str, start: int, end: int) -> bool:
    """Whether the score stands in a run of scores ("6-3 6-2 1-6"): a set, not a result."""
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    return bool(re.search(r"\d-\d{1,3}[\s,]*$", before) or re.match(r"[\s,]*\d{1,3}-\d", after))


def _subject(s: Sentence, pos: int, lower: frozenset[str]) -> str | None:
    """The proper-noun subject of the verb at article offset ``pos``, or of the clause it
    hangs from ("Slovakia clinched the cup by beating Argentina"), else None."""
    tok = next((t for t in s.span if t.idx + s.offset == pos), None)
    for _ in range(4):
        if tok is None:
            return None
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj and subj[0].pos_ == "PRON" and tok.dep_ in {"advcl", "conj"}:
            # "New Zealand ended their tour as they beat ...": the pronoun is the main subject
            tok = tok.head
            continue
        if subj:
            words = list(subj[0].subtree)
            # a name: capitalised words ("Rovers" may be tagged a noun), none of them a word
            # the article also writes in lower case ("Defenders beat ...")
            if not all(w.lower_ == "the" or w.text[:1].isupper() for w in words):
                return None
            if any(w.lower_ in lower for w in words if w.lower_ != "the"):
                return None
            name = " ".join(w.text for w in words)
            return name[0].lower() + name[1:] if name.startswith("The ") else name
        if tok.dep_ not in {"pcomp", "pobj", "prep", "advcl", "xcomp", "conj"}:
            return None
        tok = tok.head
    return None


def _side(name: str) -> str | None:
    """A side's name fit for a stem, or None when it is not one name."""
    name = name.strip()
    if name.startswith("The "):
        name = "the " + name[4:]
    if re.search(r"\b(?:And|Of|In|At|On)\b|[,;]", name):
        return None
    return name


def _lead_result(doc: Document, claim: ClaimInfo) -> Result | None:
    s = claim.sentence
    view = doc.view
    for pattern, kind in ((_WIN, "win"), (_DRAW, "draw"), (_LOSS, "loss")):
        for m in pattern.finditer(view, claim.start, claim.end):
            a_grp = "a" if m.group("a") is not None else "a2"
            b_grp = "b" if a_grp == "a" else "b2"
            o_grp = "o" if m.group("o") is not None else "o2"
            a, b = int(m.group(a_grp)), int(m.group(b_grp))
            start, end = m.start(a_grp), m.end(b_grp)
            if _series(view, start, end):
                continue
            if kind == "win" and a <= b or kind == "draw" and a != b or kind == "loss" and a == b:
                continue
            subject = _subject(s, m.start("v"), doc.lower_words)
            other = _side(m.group(o_grp))
            if subject is None or other is None or subject.lower() == other.lower():
                continue
            stem = {
                "win": f"By what score did {subject} beat {other}?",
                "draw": f"What was the score when {subject} drew with {other}?",
                "loss": f"By what score did {subject} lose to {other}?",
            }[kind]
            return Result(stem, doc.text[start:end], a, b, (s.start, s.end))
    return None


def _headline_result(doc: Document) -> Result | None:
    span = doc.layout.title_span
    if span is None:
        return None
    m = _HEADLINE.match(doc.view, span[0], span[1])
    if m is None or m.end() < span[1] - 1:
        return None
    home, away = _side(m.group("s")), _side(m.group("o"))
    if home is None or away is None or home.lower() == away.lower():
        return None
    home = home[0].upper() + home[1:]
    stem = f"What was the final score when {home} played {away}?"
    key = doc.text[m.start("a") : m.end("b")]
    title_end = span[0] + len(doc.text[span[0] : span[1]].rstrip())
    return Result(stem, key, int(m.group("a")), int(m.group("b")), (span[0], title_end))


def stated_result(doc: Document, claim: ClaimInfo) -> Result | None:
    """The result the claim states in the lead, or the headline's for the lead's first claim."""
    first = min((s.index for s in doc.sentences), default=-1)
    if claim.sentence.index != first:
        return None
    found = _lead_result(doc, claim)
    if found is not None:
        return found
    return _headline_result(doc) if claim.start == claim.sentence.start else None


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def wrong_scores(first: int, second: int, banned: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Three made-up scorelines keeping the result (same winner, or level), of the key's size."""
    rel = _sign(first - second)
    big = max(first, second) >= 10
    out: list[tuple[int, int]] = []

    def ok(x: int, y: int) -> bool:
        if x < 0 or y < 0 or _sign(x - y) != rel or (x, y) == (first, second):
            return False
        if big and (x in IMPOSSIBLE_RUGBY_SCORES or y in IMPOSSIBLE_RUGBY_SCORES):
            return False
        if not big and max(x, y) >= 10:
            return False
        return (x, y) not in banned and (x, y) not in out

    if big:
        shifts = [(d, d) for d in _BIG_LEVEL_SHIFTS] if rel == 0 else list(_BIG_SHIFTS)
        for dx, dy in shifts:
            if ok(first + dx, second + dy):
                out.append((first + dx, second + dy))
    else:
        top = max(first, second) + 3
        near = [(x, y) for x in range(top + 1) for y in range(top + 1) if ok(x, y)]
        near.sort(key=lambda p: (abs(p[0] - first) + abs(p[1] - second), p[0] + p[1], p))
        # the nearest higher and lower scorelines in turn: the key is not always the
        # highest or the lowest option
        above = [p for p in near if (sum(p), p) > (first + second, (first, second))]
        below = [p for p in near if p not in above]
        turns = [p for pair in zip_longest(above, below) for p in pair if p is not None]
        for x, y in turns:
            # no run of three with one side's goals the same ("2-0, 3-0, 4-0"): the key
            # would stand in its middle (a draw is level whatever the choice)
            firsts = [x] + [a for a, _ in out] + [first]
            seconds = [y] + [b for _, b in out] + [second]
            if rel == 0 or (firsts.count(x) < 3 and seconds.count(y) < 3):
                out.append((x, y))
    return out[:3]


def generate_score(doc: Document, claim: ClaimInfo) -> list[Draft]:
    """The result question for the claim, if it (or the headline, for the lead) states one."""
    found = stated_result(doc, claim)
    if found is None:
        return []
    # every scoreline the article states, either way round: none is a wrong option
    banned: set[tuple[int, int]] = set()
    for m in SCORE_RE.finditer(doc.view):
        x, y = int(m.group(1)), int(m.group(2))
        banned |= {(x, y), (y, x)}
    banned.discard((found.first, found.second))
    wrong = wrong_scores(found.first, found.second, banned)
    if len(wrong) < 3:
        return []
    dash = re.sub(r"\d", "", found.key)  # "-" (or the article's own dash)
    texts = [f"{x}{dash}{y}" for x, y in wrong]
    s, e = found.evidence
    ev = Evidence(s, e, doc.text[s:e])
    keys = [(float(found.first), float(found.second))] + [(float(x), float(y)) for x, y in wrong]
    return [
        Draft(
            "fact_recall",
            claim.id,
            found.stem,
            found.key,
            tuple((t, "number_perturbation") for t in texts),
            ev,
            explain(ev, found.key),
            ordered=True,
            sort_keys=tuple(keys),
        )
    ]
