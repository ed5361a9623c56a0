"""Whether a name swapped into a claim leaves a believable false statement in a story of two
sides (swaps10).

A false statement made by swapping one name of the article for another (``mutate_entity``) must
stay plausible. In a match report or another story of two sides, blind editors refused swaps
that move a person or a team across sides: another team's player put into a team's event
("Newcastle had Mellor sent off" for a Liverpool player), a team put on both sides of one
event ("the French ... defeat to France"), or a name the claim already gives put in a second
time ("Netscape's Safari ... Netscape's grip"). A person's side is read as roles9 reads it
for recall options (:func:`quizapp.engine.distractors.sides_of`).
"""

from __future__ import annotations

import re

from .claims import ClaimInfo
from .distractors import named_in, sides_of
from .document import Document, mention_role
from .nlp import Mention, person_key

# a match score: "2-1", "won 3-0" (never a range with a unit or a percentage after it)
_SCORE = re.compile(r"(?<![\w.,/-])\d{1,2}-\d{1,2}(?![\w%.,/-]|\s*(?:per|%))")


def two_sided(doc: Document) -> bool:
    """Whether the story sets two sides against each other: a score, two teams or bodies
    among those its people are tied to (brackets, line-ups, "Arsenal's X", "Tory leader X"), or
    a title or lead that sets two names against each other ("France face Ireland")."""
    cached = doc.side_cache.get("two_sided")
    if cached is not None:
        return bool(cached)
    out = bool(_SCORE.search(doc.view)) or len(_teams(doc)) >= 2 or bool(fixture(doc))
    doc.side_cache["two_sided"] = out
    return out


def _teams(doc: Document) -> frozenset[str]:
    """Every team or body the article ties one of its people to (read once per article)."""
    cached = doc.side_cache.get("teams")
    if cached is None:
        people = {person_key(m.text): m.text for m in doc.mentions if m.label == "PERSON"}
        cached = frozenset(t for p in people.values() for t in sides_of(doc, p, squad=False)[0])
        doc.side_cache["teams"] = cached
    return frozenset(cached)


# "France face Ireland", "Rovers v Town", "Leeds beat Hull": two names set against each other
_AGAINST = re.compile(
    r"^\s*(?:face[sd]?|play(?:s|ed)?|v|vs\.?|beats?|lost to|lose to|host(?:s|ed)?|meets?)\s*$"
)


def fixture(doc: Document) -> set[str]:
    """The two names the title or the lead sets against each other ("France face Ireland"),
    else none."""
    for s in doc.sentences[:3]:
        names = [m for m in s.mentions if m.label in {"GPE", "ORG"}]
        for a, b in zip(names, names[1:], strict=False):
            if a.label == b.label and _AGAINST.match(doc.view[a.end : b.start]):
                return {a.text, b.text}
    return set()


def _teams_named(doc: Document, claim: ClaimInfo, text: str) -> bool:
    """Whether a claim names a team or body: a name of that type in it, or a side the article
    ties one of its people to."""
    if any(
        x.label in {"ORG", "NORP", "GPE"} and claim.start <= x.start < claim.end
        for x in claim.sentence.mentions
    ):
        return True
    return any(named_in(t, text) for t in _teams(doc))


def person_swap_fits(doc: Document, claim: ClaimInfo, text: str, old: str, new: str) -> bool:
    """Whether person ``new`` may stand in for ``old`` in a claim whose text is ``text``.

    Both sides known: they must share one. In a story of two sides where either is unknown,
    only in a claim that names no team at all (a player of unknown side in "a Newcastle
    attack" may be the other team's)."""
    orgs_a = sides_of(doc, old, squad=False)[0]
    orgs_b = sides_of(doc, new, squad=False)[0]
    if orgs_a and orgs_b:
        return bool(orgs_a & orgs_b)
    return not two_sided(doc) or not _teams_named(doc, claim, text)


def team_swap_fits(doc: Document, claim: ClaimInfo, text: str, m: Mention, new: str) -> bool:
    """Whether team, body or country ``new`` may stand in for ``m`` in a claim whose text is
    ``text``: not already in the claim (by its people too: "the French"), and in a story of
    two sides never in a claim that names a person the article ties to ``m``, nor, for a
    person of no stated side, his own team or a side of the fixture (he would move to the
    other side, or face his own)."""
    if named_in(new, text):
        return False
    if not two_sided(doc):
        return True
    people = [
        x.text
        for x in claim.sentence.mentions
        if x.label == "PERSON" and claim.start <= x.start < claim.end
    ]
    if claim.subst is not None and claim.subst_label == "PERSON":
        people.append(claim.subst[2])  # "He was sent off" read as "Smith was sent off"
    for person in people:
        orgs = sides_of(doc, person, squad=False)[0]
        if m.text in orgs:
            return False
        if orgs:
            continue
        # side unknown: never his own team changed ("Harriers had X sent off", "a Harriers
        # attack", "for Harriers"), nor one of the fixture's sides put in as his opponent
        # ("the side that was beaten by France" of the France coach)
        own = mention_role(doc, m) in {"subj", "poss", "mod"} or doc.view[
            max(0, m.start - 8) : m.start
        ].endswith(("for ", "for the "))
        if own or new in fixture(doc):
            return False
    return True
