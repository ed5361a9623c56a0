"""Who a claim's definite description means, resolved to a name only where one name can be
meant: a description of the story's main actor ("The Oscar-winning actress", "The carmaker"),
a class noun ("the film", "the airline", "the country"), a pair ("both companies"), a role
("the minister", "the chief executive") and the story's main organisation ("the company").

The split: this module reads phrases with a noun; :mod:`~quizapp.engine.pronouns` reads
leading pronouns and holds what both share (:func:`~quizapp.engine.pronouns.earlier_clause`,
:func:`~quizapp.engine.pronouns.main_actor`, :func:`~quizapp.engine.pronouns.story_country`,
:func:`~quizapp.engine.pronouns.person_form`). Every rule here names one candidate only, so
its claims are asked whoever it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .document import Document, Sentence
from .lexicon import PERSON_ROLES
from .nlp import Mention
from .persons import FEMALE_NAMES, MALE_NAMES
from .pronouns import earlier_clause, main_actor, name_key, person_form, story_country

if TYPE_CHECKING:
    from .claims import ClaimInfo

#: Head nouns of a description that stands for the story's main organisation ("The
#: carmaker", "The firm"); a main person's are :data:`~quizapp.engine.lexicon.PERSON_ROLES`.
_ORG_ROLES = frozenset(
    "company firm carmaker group bank airline giant retailer operator maker manufacturer "
    "broadcaster chain insurer lender club label publisher developer".split()
)
_FEMALE_ROLES = frozenset({"actress", "spokeswoman", "businesswoman", "chairwoman"})
_MALE_ROLES = frozenset({"actor", "spokesman", "businessman", "frontman", "chairman"})


def resolve_description(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "The Oscar-winning star took action ..." -> the story's main actor, when it is safe.

    The claim's subject is a bare description ("The", adjectives, a role noun: no name but a
    nationality, nothing after the noun but a comma or a relative clause) of a person or an
    organisation; the story has one main actor of that kind (:func:`main_actor`); every name of
    that kind in the previous sentence and before the claim in its own is that actor's (else
    the description may mean the one just named), the claim does not name it, and a role that
    states a sex ("actress") does not meet a first name of the other sex."""
    toks = c.tokens
    if len(toks) < 3 or toks[0].lower_ != "the" or c.sentence.index == 0 or earlier_clause(c):
        return None
    subj = [t for t in c.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1:
        return None
    head = subj[0]
    role = head.lower_
    label = "PERSON" if role in PERSON_ROLES else "ORG" if role in _ORG_ROLES else None
    if label is None or head.tag_ != "NN":
        return None
    before = [t for t in toks if t.i < head.i]
    if not before or before[0].i != head.left_edge.i or before[0].i != toks[0].i:
        return None
    # "Oscar-winning": a name inside a hyphenated modifier describes, it names no one
    hyphened = {t.i for t in before if t.i + 1 < len(t.doc) and t.nbor(1).tag_ == "HYPH"}
    if any(t.ent_type_ and t.ent_type_ != "NORP" and t.i not in hyphened for t in before):
        return None  # "The Chelsea boss": the description names someone else's side
    if any(r.dep_ not in {"punct", "relcl"} for r in head.rights):
        return None  # "The boss of ...", "The firm, Acme,": not a bare description
    name = main_actor(doc, label)
    if name is None:
        return None
    key = name_key(name, label)
    prev = doc.sentences[c.sentence.index - 1]
    near = [m for m in prev.mentions if m.label == label]
    near += [m for m in c.sentence.mentions if m.label == label and m.start < c.start]
    if any(name_key(m.text, m.label) != key for m in near):
        return None
    if any(key in m.text for m in c.sentence.mentions if c.start <= m.start < c.end):
        return None
    first = name.split()[0].lower()
    if (
        role in _FEMALE_ROLES
        and first in MALE_NAMES
        or role in _MALE_ROLES
        and first in (FEMALE_NAMES)
    ):
        return None
    off = c.sentence.offset
    return toks[0].idx + off, head.idx + len(head.text) + off, name, label


#: Class nouns a claim may name a thing by ("the film", "the airline") and the name the
#: article gives that thing where it introduces it ("the film Black Friday", "hit musical
#: Mamma Mia!", "Varig, Brazil's flagship airline").
CLASS_NOUNS = frozenset(
    "film movie musical album novel book device phone handset console airline "
    "carmaker bank retailer broadcaster".split()
)
_CLASS_OR_COUNTRY = CLASS_NOUNS | {"country"}
_NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "GPE"})


class Definite(NamedTuple):
    """A "the <noun>" phrase of a claim (:func:`definite_phrases`)."""

    the: Any  #: the article
    lead: Any  #: the first word of a two-word noun ("chief" of "chief executive"), or None
    noun: Any  #: the head noun the article belongs to
    after: Any  #: the claim's token right after the phrase, or None


#: Modifiers that make a noun describe another thing ("the film industry"): never the phrase's.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def definite_phrases(
    toks: list[Any],
    nouns: frozenset[str],
    tags: frozenset[str] = frozenset({"NN"}),
    two_word: frozenset[tuple[str, str]] = frozenset(),
) -> Iterator[Definite]:
    """Each "the" right before one of ``nouns`` (or a two-word noun of ``two_word``, "the
    chief executive") in a claim's tokens, in order: the noun tagged one of ``tags``, the head
    of the "the", and not itself a modifier of another noun ("the film industry"). The
    description rules (:func:`resolve_class_noun`, :func:`resolve_role`,
    :func:`resolve_main_org`) add their own conditions to each phrase."""
    for i, t in enumerate(toks[:-1]):
        if t.lower_ != "the":
            continue
        lead, k, nxt = None, toks[i + 1], i + 2
        if nxt < len(toks) and (k.lower_, toks[nxt].lower_) in two_word:
            lead, k, nxt = k, toks[nxt], nxt + 1
        if k.lower_ not in nouns or k.tag_ not in tags or t.head.i != k.i:
            continue
        if k.dep_ in _NOUN_MODIFIERS:
            continue
        yield Definite(t, lead, k, toks[nxt] if nxt < len(toks) else None)


def _claim_names(c: ClaimInfo, name: str) -> bool:
    """Whether the claim names ``name`` (or a part of it, or a name it is part of) itself: a
    description there then means another thing ("Black Friday ... the film")."""
    return any(
        name in m.text or m.text in name for m in c.sentence.mentions if c.start <= m.start < c.end
    )


def _mention_over(s: Sentence, at: int, labels: frozenset[str]) -> str | None:
    """The first name of one of ``labels`` in the sentence that spans the offset ``at``."""
    for m in s.mentions:
        if m.start <= at < m.end and m.label in labels:
            return m.text
    return None


def _introduced(doc: Document, s: Sentence, k: Any) -> str | None:
    """The name a class noun introduces: "(the) film Black Friday" (the name right after the
    noun) or "Varig, Brazil's flagship airline" (the noun heads an apposition to the name)."""
    off = s.offset
    nxt = k.i + 1
    if nxt < len(k.doc) and k.doc[nxt].pos_ == "PROPN" and k.doc[nxt].text[:1].isupper():
        at = k.doc[nxt].idx + off
        for m in s.mentions:
            if m.start == at and m.label in _NAME_LABELS:
                if not _names_the_noun(k, m, off):
                    return None  # "the game Arsenal won": the name begins a relative clause
                end = m.end
                # "Mamma Mia!": a title's own exclamation mark, the sentence going on after it
                if doc.text[end : end + 1] == "!" and doc.text[end + 1 : end + 3].startswith(" "):
                    if doc.text[end + 2 : end + 3].islower():
                        return m.text + "!"
                return m.text
        return None
    if k.dep_ == "appos":
        return _mention_over(s, k.head.idx + off, _NAME_LABELS)
    return None


def _names_the_noun(k: Any, m: Mention, off: int) -> bool:
    """Whether the name right after a class noun is that thing's name ("the film Black
    Friday"), not the subject of a relative clause on the noun ("the game Arsenal won 2-0",
    "the film Kidman made")."""
    toks = [t for t in k.doc if m.start <= t.idx + off < m.end]
    return bool(toks) and not any(
        t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ in {"relcl", "acl"} for t in toks
    )


def _definite(k: Any) -> bool:
    """ "the film", "the country's biggest airline": a determiner that points back."""
    return any(
        (d.dep_ == "det" and d.lower_ == "the") or d.dep_ == "poss" for d in k.children
    ) and not any(d.dep_ == "det" and d.lower_ in {"another", "other"} for d in k.children)


def _class_name(doc: Document, c: ClaimInfo, k: Any) -> str | None:
    """The one name the article gives the thing a class noun means, or None.

    Every earlier use of the noun (before the claim, in the article) is read: the name it
    introduces, a definite mention ("the film"), an indefinite one ("a film about ...") or a
    plural ("other devices"). Safe only when exactly one name is introduced; a mention with
    no name only before a definite introduction ("a film ..." then "the film Black Friday",
    "the country's biggest airline" then "Varig, Brazil's flagship airline": the same thing),
    never before a bare one ("A film that ..." then "US film Lost in Translation": another
    film), nor an indefinite one after it; never a plural (more things of the class)."""
    lemma = k.lemma_.lower()
    names: list[str] = []
    unnamed_before = False
    for s in doc.sentences[: c.sentence.index + 1]:
        for t in s.span:
            if s.index == c.sentence.index and t.i >= k.i:
                break
            if t.lemma_.lower() != lemma or t.pos_ not in {"NOUN", "ADJ"}:
                continue
            if t.tag_ in {"NNS", "NNPS"}:
                return None  # "other devices": more than one thing of the class
            name = _introduced(doc, s, t)
            if name is not None:
                if unnamed_before and not _definite(t):
                    return None  # "A film that ... ", then "US film Lost in Translation"
                names.append(name)
            elif t.dep_ in {"compound", "amod", "nmod"} or t.pos_ != "NOUN":
                continue  # "film studios": the noun describes another thing
            elif names:
                if not _definite(t):
                    return None  # "a film" after the named one: another film
            else:
                unnamed_before = True  # "a film about ...", "the country's biggest airline"
    if len(set(names)) != 1:
        return None
    # the claim names no other thing the article introduces by the same noun
    return names[0]


def resolve_class_noun(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "Mumbai High Court postponed the film's launch" -> "... Black Friday's launch": a
    definite class noun ("the film", "the musical", "the airline", with no word between) whose
    thing the article names exactly once before (:func:`_class_name`), or "the country" in an
    article that names one country (:func:`story_country`). The first such phrase of the
    claim; ``(start, end, replacement, label)``."""
    if earlier_clause(c):
        return None
    off = c.sentence.offset
    for t, _, k, nxt in definite_phrases(c.tokens, _CLASS_OR_COUNTRY, frozenset({"NN", "JJ"})):
        if k.pos_ not in {"NOUN", "ADJ"}:
            continue
        # "the film Black Friday", "the film's director, X,": named right there
        if nxt is not None and nxt.pos_ == "PROPN":
            continue
        if k.lower_ == "country":
            name, label = story_country(doc, c), "GPE"
        else:
            name, label = _class_name(doc, c, k), "THING"
        if name is None:
            return None
        if name.endswith("!") and doc.text[k.idx + len(k.text) + off :].startswith("'s"):
            return None  # "Mamma Mia!'s": the title cannot take the possessive
        if _claim_names(c, name):
            return None  # "Black Friday ... the film": the claim names it already
        return t.idx + off, k.idx + len(k.text) + off, name, label
    return None


#: Plural class nouns that "both" or "the two" put before two companies ("Both companies",
#: "the two firms").
PAIR_NOUNS = frozenset({"companies", "firms", "carmakers", "banks", "airlines"})
#: Names of things a pair of companies may be confused with: any such name before the claim
#: may be one of the two (the model tags some companies as people, "Varig").
_PAIR_RIVALS = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"})


def resolve_pair(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "Both companies want to cut costs" -> "Both Fiat and GM want ...": "both" or "the
    two" before a plural of companies, when the article names exactly two organisations
    before it (an acronym in brackets after a name, "General Motors (GM)", is the same one)
    and no name the model may have mistaken for a company (a person's, a product's, a place
    that is no country or city). ``(start, end, replacement, "PAIR")``."""
    from .lexicon import CITIES, COUNTRIES

    if earlier_clause(c):
        return None
    toks = c.tokens
    for i, t in enumerate(toks[:-1]):
        if t.lower_ == "both":
            noun, lead = toks[i + 1], "both "
        elif t.lower_ == "the" and toks[i + 1].lower_ == "two" and i + 2 < len(toks):
            noun, lead = toks[i + 2], ""
        else:
            continue
        if noun.lower_ not in PAIR_NOUNS or noun.tag_ != "NNS":
            continue
        groups: dict[str, set[str]] = {}
        alias: dict[str, str] = {}
        for s in doc.sentences[: c.sentence.index + 1]:
            for m in s.mentions:
                if s.index == c.sentence.index and m.start >= t.idx + c.sentence.offset:
                    break
                low = m.text.lower()
                if m.label in _PAIR_RIVALS or (
                    m.label == "GPE" and low not in COUNTRIES and low not in CITIES
                ):
                    return None
                if m.label != "ORG":
                    continue
                after = doc.text[m.end : m.end + len(m.text) + 4]
                for other in s.mentions:
                    # "General Motors (GM)": the acronym names the same company
                    if other.start == m.end + 2 and after.startswith(f" ({other.text})"):
                        alias[other.text] = alias.get(m.text, m.text)
                key = alias.get(m.text, m.text)
                groups.setdefault(key, set()).add(m.text)
        if len(groups) != 2:
            return None
        names = [
            max(forms, key=lambda f: (doc.mention_counts[f], -len(f))) for forms in groups.values()
        ]
        if any(n in c.text for n in names):
            return None  # "GM and Fiat ... both companies": named there already
        word = lead.capitalize() if t.text[0].isupper() and lead else lead
        off = c.sentence.offset
        return (
            t.idx + off,
            noun.idx + len(noun.text) + off,
            f"{word}{names[0]} and {names[1]}",
            "PAIR",
        )
    return None


#: Roles a person is introduced with ("Armed Forces Minister Adam Ingram", "Jo Bell, the
#: firm's chief executive") that "the minister" or "the chief executive" then stands for.
ROLE_NOUNS = frozenset(
    "minister president chairman chairwoman executive chancellor governor mayor secretary "
    "spokesman spokeswoman spokesperson coach manager director founder premier senator "
    "judge ambassador commissioner".split()
)
_PERSON = frozenset({"PERSON"})
#: Role nouns of two words, read as one ("the chief executive").
_TWO_WORD_ROLES = frozenset({("chief", "executive")})


def _role_intro(doc: Document, s: Sentence, t: Any) -> str | None:
    """The person a role word introduces: the name right after it ("Minister Adam Ingram",
    "chief executive Jo Bell"), or the name the role stands in apposition to ("Jo Bell, the
    firm's chief executive"). None when it introduces no person."""
    off = s.offset
    # the role word inside a name's compound: "Minister Adam Ingram"
    nxt = t.i + 1
    if nxt < len(t.doc) and t.doc[nxt].pos_ == "PROPN":
        at = t.doc[nxt].idx + off
        for m in s.mentions:
            if m.start == at and m.label == "PERSON":
                return m.text
        return None
    if t.dep_ == "appos":
        name = _mention_over(s, t.head.idx + off, _PERSON)
        if name is not None:
            return name
    # "Dunlow's chief executive, Margaret Oakes,": the name in apposition to the role
    for a in t.children:
        if a.dep_ == "appos":
            name = _mention_over(s, a.idx + off, _PERSON)
            if name is not None:
                return name
    return None


#: Words that make a role another one ("vice president", "prime minister", "former chairman").
_ROLE_RANKS = frozenset(
    "vice deputy prime former ex assistant junior shadow acting interim associate co".split()
)


def _lesser_role(t: Any) -> bool:
    """Whether a role word is ranked by a word before it ("Vice president", "vice-president",
    "Prime Minister", "former chairman"): "the president" is then someone else."""
    k = t.i - 1
    while k >= 0 and t.doc[k].text in {"-", "\u2013"}:
        k -= 1
    return k >= 0 and t.doc[k].lower_ in _ROLE_RANKS


def _role_person(doc: Document, c: ClaimInfo, k: Any) -> str | None:
    """The one person the article introduces with the role ``k`` before it, or None.

    Every earlier use of the role word is read (both cases, "Minister" and "minister"): a
    use that introduces a person, a definite use after it ("the minister said"), anything
    else (a bare use before any introduction, "a minister", "ministers", a role of an
    organisation "the minister for ...") refuses: another person may be meant."""
    lemma = k.lemma_.lower()
    names: list[str] = []
    for s in doc.sentences[: c.sentence.index + 1]:
        for t in s.span:
            if s.index == c.sentence.index and t.i >= k.i:
                break
            if t.lemma_.lower() != lemma:
                continue
            if t.tag_ in {"NNS", "NNPS"}:
                return None  # "ministers": more than one
            if t.i > 0 and _lesser_role(t):
                return None  # "Vice president Jose Alencar": "the president" is another
            name = _role_intro(doc, s, t)
            if name is not None:
                names.append(name.split()[-1])
                continue
            if not names or not _definite(t):
                return None  # a minister before any is named, "a minister": another one
            if any(r.dep_ == "prep" for r in t.rights):
                return None  # "the minister for sport": maybe another minister
    if len(set(names)) != 1:
        return None
    surname = names[0]
    forms = [
        m
        for m in doc.mentions
        if m.label == "PERSON" and m.text.split()[-1] == surname and m.start < c.start
    ]
    if not forms:
        return None
    return person_form(doc, forms[0])


def resolve_role(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "The minister said ..." -> "Adam Ingram said ...": "the" right before a role word
    ("the minister", "the chief executive", "the president"; nothing else in the phrase, no
    "of"/"for" after it), when the article introduces exactly one person with that role
    before it (:func:`_role_person`) and the claim does not name that person. A later clause
    of its sentence is never resolved. ``(start, end, replacement, "PERSON")``."""
    if earlier_clause(c) or c.sentence.index == 0:
        return None
    off = c.sentence.offset
    for t, lead, k, nxt in definite_phrases(c.tokens, ROLE_NOUNS, two_word=_TWO_WORD_ROLES):
        if lead is None and k.lower_ == "executive":
            continue  # "the executive" alone: a body, or any executive
        if any(r.dep_ == "prep" for r in k.rights):
            continue  # "the minister for sport", "the president of France": another one
        if nxt is not None and nxt.pos_ == "PROPN":
            continue  # "the minister, Adam Ingram": named right there
        name = _role_person(doc, c, k)
        if name is None:
            return None
        surname = name.split()[-1]
        if re.search(rf"\b{re.escape(surname)}\b", c.text):
            return None
        return t.idx + off, k.idx + len(k.text) + off, name, "PERSON"
    return None


#: Nouns for an organisation that "the" makes the story's main actor anywhere in a claim.
_MAIN_ORG_NOUNS = frozenset({"company", "firm", "group"})


def resolve_main_org(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "... took control of the company and its finances", "the firm's new phone" -> the
    story's main organisation (:func:`main_actor`): "the company", "the firm" or "the group"
    (no word between, nothing after it but a possessive), when the main actor is named in
    the claim's sentence before it or in one of the two sentences before, and every
    organisation (or name the model may have mistaken for one: a person's, a product's) named
    from that mention to the phrase is the main actor: a firm named in passing between may
    be the one meant. The claim must not name the main actor. A later clause of its sentence
    is never resolved. ``(start, end, replacement, "ORG")``."""
    if earlier_clause(c) or c.sentence.index == 0:
        return None
    off = c.sentence.offset
    for t, _, k, _ in definite_phrases(c.tokens, _MAIN_ORG_NOUNS):
        if any(r.dep_ not in {"case", "punct"} for r in k.rights):
            return None  # "the group of ...", "the company, Acme,": not a bare description
        name = main_actor(doc, "ORG")
        if name is None:
            return None
        at = t.idx + off
        if _claim_names(c, name):
            return None  # the claim names it: "the company" is another
        seen = False
        for s in doc.sentences[max(0, c.sentence.index - 2) : c.sentence.index + 1]:
            for m in s.mentions:
                if m.start >= at:
                    break
                if m.label == "ORG" and (name in m.text or m.text in name):
                    seen = True
                elif m.label in {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "FAC"} and seen:
                    return None  # another name in between: it may be the one meant
                elif m.label in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC"}:
                    return None  # another firm in the window: refuse
        if not seen:
            return None
        end = k.idx + len(k.text) + off
        if name.endswith("s") and doc.text[end : end + 2] == "'s":
            return at, end + 2, name + "'", "ORG"  # "Brenmoor Motors'", never "Motors's"
        return at, end, name, "ORG"
    return None
