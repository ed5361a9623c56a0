"""A person's team, body and job as the article states them after or around his name, and the
people who act on him: what a person wrong option must agree with (roles9).

:func:`quizapp.engine.distractors.same_side` reads the words just before a name ("United
striker X", "Arsenal's X"). Blind editors still refused the other team's players for "Who was
substituted for Newcastle?", the film's director for its critic, players for a club's
chairman, and a shopper who visited a man's stall as his business partner. The article says
more than the words before a name:

- brackets after a surname: "Smith (Rovers)" (a squad list);
- a match report's line-ups: "Rovers: Smith, Jones, Brown ... Subs Not Used: Hill";
- an apposition: "Smith, the Rovers striker", "Doe, the film's director", "Moss, chairman of
  Harriers";
- a verb of play with "for": "Smith, who scored for Rovers", "Jones played for Town".

A stem's words right after a blank are read the same way ("_____, chairman of Harriers,
said"): :func:`after_blank_role`. :func:`counterparts` tells whether the article shows one
person acting on the other in one event ("Hill visited Evans' stall", "Ross fouled Hart").
"""

from __future__ import annotations

import re
from typing import Any

from .document import Document
from .lexicon import (
    COUNTERPART_VERBS,
    JOB_CLASSES,
    LINEUP_CONTINUED,
    LINEUP_NOT_TEAMS,
    REPORTING_VERBS,
    SIDE_VERBS,
)
from .nlp import person_key
from .pronouns import main_actor

# a team or body's name: one to three capitalised words ("Rovers", "Queen of the South" is
# left to the first word's reading elsewhere)
_TEAM = r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}"
# ", the Rovers striker", ", the film's director", ", chairman of Harriers", ", a Town
# defender": an apposition whose last word before "of" or the end is a job
_JOBS = "|".join(sorted(map(re.escape, JOB_CLASSES), key=len, reverse=True))
_APPOSITION = re.compile(
    rf",\s+(?!(?:and|or|but|who|which|then|now)\b)(?:the |an? |his |her |their )?"
    rf"(?:({_TEAM})(?:'s|’s)? |[a-z]+(?:'s|’s) )?"
    rf"(?:[a-z][\w-]* )??({_JOBS})(?: (?:of|at|for) (?:the )?({_TEAM}))?(?=[\s,.;:)]|$)"
)
_HEADING = re.compile(r"(?:^|(?<=[.;]) )([A-Z][\w'.&-]*(?: [A-Za-z][\w'.&-]*){0,3}):\s")
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "miss"})


def _surname(name: str) -> str:
    words = [w for w in name.replace(".", "").split() if w.lower() not in _TITLE_WORDS]
    return words[-1] if words else name


def after_blank_role(after: str) -> tuple[str | None, str | None]:
    """The job and the team or body an apposition right after a blank gives the key
    ("_____, chairman of Harriers, said" gives ("chairman", "Harriers"); "_____, the Rovers
    striker," gives ("striker", "Rovers")), else Nones."""
    m = _APPOSITION.match(after)
    if m is None or m.group(2) not in JOB_CLASSES:
        return None, None
    return m.group(2), m.group(1) or m.group(3)


def _lineups(doc: Document) -> dict[str, set[str]]:
    """Surnames (lower case) to the teams whose line-up lists them: a line's "Team:" heading
    followed by a list of short capitalised names; "Subs Not Used:" or "Booked:" on the same
    line go on with that team, "Referee:" or "Att:" end it."""
    cache = doc.side_cache.get("lineups")
    if cache is not None:
        return dict(cache)
    out: dict[str, set[str]] = {}
    for line in doc.view.split("\n"):
        heads = list(_HEADING.finditer(line))
        team: str | None = None
        for i, h in enumerate(heads):
            seg = line[h.end() : heads[i + 1].start() if i + 1 < len(heads) else len(line)]
            word = h.group(1).lower()
            items = [x.strip() for x in re.split(r"[,;]", seg) if x.strip()]
            listed = len(items) >= 3 and sum(
                1 for x in items if x[:1].isupper() and len(x.split()) <= 4
            ) >= 0.6 * len(items)
            if word in LINEUP_CONTINUED:
                pass
            elif word in LINEUP_NOT_TEAMS or not listed:
                team = None
            else:
                team = h.group(1)
            if team is None:
                continue
            for surname in re.findall(r"(?<![\w'-])([A-Z][\w'’-]+)(?![\w'-])", seg):
                out.setdefault(surname.lower(), set()).add(team)
    doc.side_cache["lineups"] = out
    return dict(out)


def stated_sides(doc: Document, name: str, squad: bool = True) -> tuple[set[str], set[str]]:
    """The teams or bodies and the jobs the article gives person ``name`` after his name: in
    brackets (with ``squad``), in a line-up, in an apposition, or by a verb of play with
    "for". A squad list's brackets ("T Bowe (Ulster)") name a player's club in a national
    squad: other clubs' players are then team-mates, not the other side."""
    key = ("sides", person_key(name), squad)
    cached = doc.side_cache.get(key)
    if cached is not None:
        return set(cached[0]), set(cached[1])
    s = re.escape(_surname(name))
    orgs: set[str] = set(_lineups(doc).get(_surname(name).lower(), set()))
    jobs: set[str] = set()
    view = doc.view
    for b in re.finditer(rf"(?<![\w'-]){s},? \(({_TEAM})\)", view):
        if squad and not any(c.isdigit() for c in b.group(1)):
            orgs.add(b.group(1))
    for a in re.finditer(rf"(?<![\w'-]){s}(?=,)", view):
        role, org = after_blank_role(view[a.end() : a.end() + 80])
        if role:
            jobs.add(role)
            if org:
                orgs.add(org)
    verbs = "|".join(sorted(SIDE_VERBS))
    play = (
        rf"(?<![\w'-]){s}(?:,? who)? (?:has |had |also |then )*(?:{verbs})"
        rf"(?: [\w-]+){{0,3}}? for (?:the )?({_TEAM})"
    )
    for p in re.finditer(play, view):
        orgs.add(p.group(1))
    doc.side_cache[key] = (frozenset(orgs), frozenset(jobs))
    return orgs, jobs


def _agent(verb: Any) -> Any:
    """The token that does what ``verb`` says: its subject, or that of the clause it hangs
    from ("X, who had made a point of visiting Y's shop": X), through a relative pronoun to
    the noun it stands for."""
    t = verb
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            if subj[0].tag_ in {"WP", "WDT"} and t.dep_ == "relcl":
                return t.head
            return subj[0]
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def counterparts(doc: Document, a: str, b: str) -> bool:
    """Whether the article shows person ``a`` acting on person ``b`` or ``b`` on ``a`` by a
    verb of one event (lexicon's COUNTERPART_VERBS: "Hill visited Evans' stall", "Ross fouled
    Hart", "Kerr apologised to Dunn") or by any verb against him ("took action against Doe"):
    the one is the other's counterpart in that event, never a believable stand-in for him (a
    shopper for the stall's co-renter, the photographers a star took action against for the
    star: 2.17.5 tuning, both judges of two panels). The one acting may be the story's main
    actor called by a description ("The Oscar-winning star took action against ...")."""
    ka, kb = person_key(a), person_key(b)
    for s in doc.sentences:
        own = {person_key(m.text): m for m in s.mentions if m.label == "PERSON"}
        if ka not in own and kb not in own:
            continue
        toks = {k: _tokens(s, own[k]) for k in (ka, kb) if k in own}
        for v in s.span:
            if v.pos_ != "VERB":
                continue
            # "took action against X", "won an order against X": on the verb or its object
            heads = [v, *(c for c in v.children if c.dep_ == "dobj")]
            against = [
                c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
            ]
            if v.lemma_.lower() not in COUNTERPART_VERBS and not against:
                continue
            agent = _agent(v)
            if agent is None:
                continue
            if v.lemma_.lower() not in COUNTERPART_VERBS:
                acted = {t.i for p in against for t in p.subtree}
            else:
                # "of visiting Evans' shop" is often parsed as a participle before "shop":
                # the noun it stands before is then what is acted on
                acted = {t.i for t in (v.head if v.dep_ == "amod" else v).subtree}
                if agent.i in acted:  # "Hill visited ...": all but the subject's words
                    acted -= {t.i for t in agent.subtree}
                else:  # "Hill, who visited ...": all but the agent's own name
                    for k in toks:
                        if agent.i in toks[k]:
                            acted -= toks[k]
            for x, y in ((ka, kb), (kb, ka)):
                acts = agent.i in toks.get(x, set()) or (
                    x not in toks and _description(agent) and x == _main_key(doc)
                )
                if acts and y in toks and toks[y] & acted:
                    return True
    return False


def _main_key(doc: Document) -> str | None:
    """The story's main person as :func:`person_key` gives it, or None (looked up only where a
    description acts: counterparts runs for every candidate wrong option)."""
    main = main_actor(doc, "PERSON")
    return person_key(main) if main else None


def _description(t: Any) -> bool:
    """A definite singular common noun ("The Oscar-winning star"): how a story calls its main
    actor between names."""
    return (
        t.tag_ == "NN"
        and not t.ent_type_
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    )


def _tokens(s: Any, m: Any) -> set[int]:
    return {t.i for t in s.span if m.start <= t.idx + s.offset < m.end}


def vox_pop(doc: Document, name: str) -> bool:
    """Whether a person is a passer-by the article only quotes: named in one sentence, not in
    its first two, as the speaker of a reporting verb ("Paul Burgess said: ..."), with no
    job, team or body stated. A shopper quoted once is no stand-in for the story's own
    people (blind editors: "shoppers as stall co-renters is absurd")."""
    key = person_key(name)
    seen = [
        s
        for s in doc.sentences
        if any(m.label == "PERSON" and person_key(m.text) == key for m in s.mentions)
    ]
    first = min((s.index for s in doc.sentences), default=0)
    if len(seen) != 1 or seen[0].index < first + 2 or any(stated_sides(doc, name)):
        return False
    s = seen[0]
    m = next(m for m in s.mentions if m.label == "PERSON" and person_key(m.text) == key)
    before = doc.view[max(s.start, m.start - 40) : m.start].split()[-1:] + m.text.split()[:1]
    if before and (before[0].islower() or before[0].lower() in JOB_CLASSES):
        return False  # "shopper Paul Burgess", "Director X": a job before the name
    heads = [t for t in s.span if m.start <= t.idx + s.offset < m.end and t.dep_ == "nsubj"]
    return any(t.head.lemma_.lower() in REPORTING_VERBS for t in heads)
