"""Attribution questions: "Who does the article quote as saying ...?", "Who said that ...?"

Fact-checking starts with who said what. A sentence that quotes one named person (the named
subject of "said", "told", "added" outside the quote, and the only person it names there)
becomes a question whose key is that person; the wrong options are other people the article
names, each a different person, in the fullest form the article gives their names.

Reported speech ("Mr Brown said the plan would cost jobs") is asked the same way: "According to
the article, who said that the plan would cost jobs?" Blind judges refused quoted opinion shown
as what the article itself says; asked as who said it, it is what fact-checking is about.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import Any

from quizapp.engine.persons import full_personal_name, not_a_person, royal, stated_sex

from .claims import ClaimInfo, quoted_remark
from .context import vague
from .distractors import display_name, prominent, reliable_name, same_entity
from .document import Document
from .drafts import Draft, evidence_of
from .lexicon import COLLECTIVE_NOUNS, EMPTY_IT_PREDICATES
from .nlp import person_key
from .pronouns import main_actor
from .quality import copy_fault, keeps_capital
from .types import Evidence

_STOP = frozenset(
    "that this with have been were they their there what when which would could should about "
    "from will just into than them then very said says told added also more only over some "
    "because even much many well like make made does done being".split()
)

STEM = 'Who does the article quote as saying: "{quote}"?'
REPORTED_STEM = "According to the article, who said that {content}?"
ORG_STEM = 'Which organisation does the article quote as saying: "{quote}"?'
ORG_REPORTED_STEM = "According to the article, which organisation said that {content}?"
#: Verbs whose named subject is the source of the clause they introduce.
SAYING = frozenset(
    {"say", "tell", "add", "claim", "warn", "insist", "argue", "admit", "predict", "believe"}
    | {"note", "stress", "explain", "state", "acknowledge", "concede"}
)
#: Verbs and adverbs that mark a speaker as agreeing with another ("Y also said", "Y agreed"):
#: an ally, who might have said the quoted words too, is never a wrong option.
_AGREEING = frozenset({"agree", "echo", "concur", "back", "support", "endorse", "welcome"})
_PERSONAL = frozenset(
    {"he", "she", "his", "her", "him", "himself", "herself", "i", "we", "you", "my", "our", "me"}
)
MIN_WORDS, MAX_WORDS = 6, 30


_WORD = r"[A-Z][a-z][A-Za-z\u2019'-]*"
_NAME_RUN = re.compile(rf"{_WORD}(?: (?:{_WORD}|de|den|der|van|von|da))*")


def _clean(name: str) -> str:
    """The name itself: "DJ Norman Cook - aka" (a mention the model ran on) is Norman Cook."""
    runs = [r for r in _NAME_RUN.findall(name) if not r.endswith("-")]
    return max(runs, key=lambda r: len(r.split()), default="")


def _people(doc: Document) -> list[str]:
    """Distinct people the article names, most mentioned first, in their fullest form."""
    if doc.people is None:
        doc.people = _find_people(doc)
    return doc.people


def _same_person(a: str, b: str) -> bool:
    """Whether two names name one person: the same entity, or the same surname."""
    return same_entity(a, b, "PERSON") or a.split()[-1] == b.split()[-1]


def _named(people: Iterable[str], name: str) -> str | None:
    """The first of ``people`` who is the person ``name`` names, if any."""
    return next((p for p in people if _same_person(p, name)), None)


def _find_people(doc: Document) -> list[str]:
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in doc.mentions:
        if m.label != "PERSON" or not reliable_name(doc, m) or len(m.text) < 3:
            continue
        if not prominent(doc, m.text):
            continue  # a passer-by quoted once is no plausible speaker of the main quotes
        full = _untitled(doc, _clean(display_name(doc, m)) or _clean(m.text))
        if not full or not_a_person(full) or _org_named(full):
            continue
        same = _named(shown, full)
        if same is None:
            shown[full] = full
            same = full
        elif len(full.split()) > len(shown[same].split()):
            shown[same] = full
        counts[same] = counts.get(same, 0) + 1
    # a first and last name: a single capitalised word tagged as a person ("Valium",
    # "Maracana") is as often the model's mistake as a person
    return [
        shown[k] for k in sorted(shown, key=lambda k: (-counts[k], k)) if len(shown[k].split()) > 1
    ]


def generate_attribution(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """One attribution draft for a quoted remark, or none."""
    if claim.quote is None:
        return _reported(doc, claim)
    (start, end), speaker = claim.quote
    quote = doc.text[start:end].strip().rstrip(",")
    quote = _leading(claim, doc.text.index(quote, start), quote)
    if not MIN_WORDS <= len(quote.split()) <= MAX_WORDS or copy_fault(quote):
        return []
    if claim.quote_label == "ORG":
        return _org_draft(doc, claim, speaker, quote, ORG_STEM.format(quote=quote))
    people = _pool(doc)
    key = _named(people, speaker)
    if key is None:
        return []
    # a wrong speaker named in the quote ("I would like to congratulate Daniela") is absurd
    low = quote.lower()
    others = [p for p in people if p != key and not any(w.lower() in low for w in p.split())]
    others = [p for p in others if not _could_have_said(doc, claim, quote, p)]
    # the one killed in the story never said what the living say of it (2.19.0)
    dead = victims(doc)
    others = [p for p in others if person_key(p) not in dead and royal(p) == royal(key)]
    # the story's people first, as before; the other sources only where too few remain
    main = [p for p in others if p in _people(doc)]
    others = (main if len(main) >= 2 else others)[:3]
    if len(others) < 2:
        return []
    # '"...," he said.' after the named speaker's sentence: a second mention of the source
    by_pronoun = key.split()[-1] not in doc.text[claim.sentence.start : claim.sentence.end]
    if _ROLE_GIVEN.search(quote) or _mentions(doc, key) + by_pronoun < 2:
        return []
    wrong = tuple((p, "attribution") for p in others)
    ev = evidence_of(doc, claim)
    if by_pronoun:
        # the evidence runs from the sentence that names the speaker, so that it proves the key
        i = claim.sentence.index
        named = [
            x
            for x in doc.sentences[max(0, i - 2) : i]
            if re.search(rf"\b{re.escape(key.split()[-1])}\b", doc.text[x.start : x.end])
        ]
        if not named:
            return []
        start = named[-1].start
        ev = Evidence(start, claim.sentence.end, doc.text[start : claim.sentence.end])
    explanation = f'The article says: "{ev.text}" So the answer is {key}.'
    stem = STEM.format(quote=quote)
    return [Draft("attribution", claim.id, stem, key, wrong, ev, explanation)]


#: Where a long quote may be cut: after a full sentence ("... in May. We will ..."), or before
#: the quote's own ellipsis ("Given the growth... it is possible"), whose part is shown with it.
_CUT = re.compile(r"(?<=[a-z0-9%)][.!?]) (?=[A-Z])|(?<=\w) ?(?=(?:\.\.\.|\u2026) ?[A-Za-z])")


def _leading(claim: ClaimInfo, at: int, quote: str) -> str:
    """A quote too long to ask (over :data:`MAX_WORDS` words) cut to its longest leading part
    that reads on its own and is short enough: its first sentence or sentences, or a clause
    with its own subject and verb before the speaker's own "...", shown with it. A clause
    before ", but" or a dash is never taken (the point often follows it); the quote is
    returned whole where no cut fits (and is then refused as too long)."""
    if len(quote.split()) <= MAX_WORDS:
        return quote
    best = quote
    for m in _CUT.finditer(quote):
        part = quote[: m.start()].rstrip()
        if not MIN_WORDS <= len(part.split()) <= MAX_WORDS:
            continue
        if part.endswith((".", "!", "?")):
            best = part
        elif _clause(claim, at, at + len(part)):
            best = part + "..."
    return best


def _clause(claim: ClaimInfo, lo: int, hi: int) -> bool:
    """Whether the text from ``lo`` to ``hi`` is a clause: a verb in it whose subject is in
    it and whose head is not ("Given the growth..." is not; "it is possible..." is)."""
    off = claim.sentence.offset
    toks = [t for t in claim.sentence.span if lo <= t.idx + off < hi]
    inside = {t.i for t in toks}
    return any(
        t.pos_ in {"VERB", "AUX"}
        and (t.head.i not in inside or t.head == t)
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i in inside for c in t.children)
        for t in toks
    )


#: "my players", "our squad": the quote says the speaker's role (the manager), so one option
#: is left plausible, as blind editors said of 2.4.0's Ferguson item.
_ROLE_GIVEN = re.compile(
    r"\b(?:my|our) (?:players|team|side|club|squad|lads|boys|staff|company|firm|party|"
    r"government|members|employees|workers|band|film|album|song|book)\b",
    re.I,
)


def _mentions(doc: Document, person: str) -> int:
    """How often the article names the person (by surname): a source named once is a
    passer-by or a spokesman, whose colour quote editors called trivia (2.4.0's tipster)."""
    surname = person.split()[-1]
    return len(re.findall(r"\b" + re.escape(surname) + r"\b", doc.text))


def _speaker(doc: Document, claim: ClaimInfo) -> tuple[str, Any] | None:
    """The named person the claim reports as saying its complement clause, and that clause."""
    root = claim.root
    if root.lemma_.lower() not in SAYING or root not in claim.tokens:
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _NOT_SAID) for c in root.children):
        return None  # "did not say", "will say": no one said it (yet)
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    comp = [c for c in root.children if c.dep_ == "ccomp" and c.i > root.i]
    if len(subj) != 1 or len(comp) != 1:
        return None
    off = claim.sentence.offset
    lo, hi = subj[0].left_edge.idx + off, subj[0].right_edge.idx + len(subj[0].right_edge) + off
    people = [m for m in claim.sentence.mentions if m.label == "PERSON" and lo <= m.start < hi]
    if len(people) != 1:
        return None
    return people[0].text, comp[0]


_NOT_SAID = frozenset({"will", "would", "may", "might", "could", "should", "shall", "must"})


def _org_speaker(doc: Document, claim: ClaimInfo) -> tuple[str, Any] | None:
    """ "Acme said (that) C": the one organisation that is the reporting verb's subject (no
    person in the subject), and the clause C."""
    root = claim.root
    if root.lemma_.lower() not in SAYING or root not in claim.tokens:
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _NOT_SAID) for c in root.children):
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    comp = [c for c in root.children if c.dep_ == "ccomp" and c.i > root.i]
    if len(subj) != 1 or len(comp) != 1:
        return None
    s = claim.sentence
    lo = subj[0].left_edge.idx + s.offset
    hi = subj[0].right_edge.idx + len(subj[0].right_edge) + s.offset
    inside = [m for m in s.mentions if lo <= m.start < hi and m.label != "NORP"]
    at = subj[0].idx + s.offset
    if len(inside) != 1 or inside[0].label != "ORG" or not inside[0].start <= at < inside[0].end:
        return None
    return inside[0].text, comp[0]


def _orgs(doc: Document) -> list[str]:
    """Organisations the story names reliably in two sentences or more, or reports as saying
    something; most named first, one form each."""
    per: dict[str, set[int]] = {}
    said: set[str] = set()
    for s in doc.sentences:
        for m in s.mentions:
            if m.label != "ORG" or not reliable_name(doc, m) or len(m.text) < 2:
                continue
            same = next((k for k in per if same_entity(k, m.text, "ORG")), None)
            if same is None:
                per[m.text] = set()
                same = m.text
            elif len(m.text) > len(same) and not m.text.isupper():
                per[m.text] = per.pop(same)
                said = {m.text if x == same else x for x in said}
                same = m.text
            per[same].add(s.index)
            head = next((t for t in s.span if t.idx + s.offset == m.start), None)
            while head is not None and head.dep_ == "compound":
                head = head.head
            if head is not None and head.dep_ == "nsubj" and head.head.lemma_ in SAYING:
                said.add(same)
    keep = [k for k in per if (len(per[k]) >= 2 or k in said) and not _person_like(doc, k)]
    return sorted(keep, key=lambda k: (-len(per[k]), k))


def _person_like(doc: Document, name: str) -> bool:
    """Whether an organisation's name may be a person's the model mislabelled ("Livingstone's
    remark" tagged ORG): a first name the lists know, or a word the article tags as a
    person's name elsewhere."""
    if full_personal_name(name):
        return True
    words = set(name.split())
    return any(m.label == "PERSON" and words & set(m.text.split()) for m in doc.mentions)


def _org_draft(doc: Document, claim: ClaimInfo, speaker: str, said: str, stem: str) -> list[Draft]:
    """An attribution draft whose key is an organisation: the wrong options are other
    organisations of the story, none named in what was said or reported saying the same."""
    orgs = _orgs(doc)
    key = next((o for o in orgs if same_entity(o, speaker, "ORG")), None)
    if key is None or len(doc.sentences) < 4:
        return []
    actor = main_actor(doc, "ORG")
    lead = (
        (doc.layout.title or "") + " " + (doc.text[doc.sentences[0].start : doc.sentences[0].end])
    )
    if (actor is not None and same_entity(actor, key, "ORG")) or re.search(
        rf"\b{re.escape(key)}\b", lead
    ):
        return []  # "Acme said its sales rose" in a story about Acme: the headline answers it
    low = said.lower()
    others = [
        o
        for o in orgs
        if o != key
        and o.lower() not in low
        and not same_entity(o, key, "ORG")
        and not _could_have_said(doc, claim, said, o, "ORG")
    ][:3]
    if len(others) < 2 or key.lower() in low:
        return []
    wrong = tuple((o, "attribution") for o in others)
    ev = evidence_of(doc, claim)
    explanation = f'The article says: "{ev.text}" So the answer is {key}.'
    return [Draft("attribution", claim.id, stem, key, wrong, ev, explanation)]


def _reported(doc: Document, claim: ClaimInfo) -> list[Draft]:
    """An attribution draft for reported speech ("According to the article, who said ...")."""
    found = _speaker(doc, claim)
    org = None
    if found is None:
        found = org = _org_speaker(doc, claim)
    if found is None:
        return []
    speaker, comp = found
    toks = [t for t in claim.tokens if comp.left_edge.i <= t.i <= comp.right_edge.i]
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not MIN_WORDS <= len(toks) <= MAX_WORDS or toks[-1].i != claim.tokens[-1].i - (
        1 if claim.tokens[-1].is_punct else 0
    ):
        return []  # the clause must run to the claim's end ("said X, adding Y" is two facts)
    sex = None
    for k, t in enumerate(toks):
        # "he said he ..." gives the speaker's sex away; after a name it is that person
        if t.lower_ in _PERSONAL and not any(u.ent_type_ == "PERSON" for u in toks[:k]):
            if t.lower_ not in _SEXED or sex not in (None, _SEXED[t.lower_]):
                return []
            sex = _SEXED[t.lower_]  # asked only among people of that sex (below)
    if not _short_quotes(toks):
        return []  # a quote is asked as such; a phrase in quotes ("a superb job") may stay
    if any(_dangling(t, toks[:k]) for k, t in enumerate(toks)):
        return []  # the clause's pronoun would have nothing to refer to
    off = claim.sentence.offset
    content = doc.text[toks[0].idx + off : toks[-1].idx + len(toks[-1].text) + off]
    if (
        toks[0].ent_type_ == ""
        and toks[0].pos_ != "PROPN"
        and not toks[0].text.isupper()
        and not keeps_capital(toks, doc.mid_capitals)  # "Economy and Labour Minister X"
    ):
        content = content[0].lower() + content[1:]
    # read as the stem puts it: "who said that he had ..." (the "he" is the one asked about,
    # and every option is of that sex, above); the bare clause would open on a pronoun
    if copy_fault(content) or vague(f"{speaker} said that {content}"):
        return []
    if org is not None:
        if sex is not None or _said_by_another(doc, claim, toks, speaker, "ORG"):
            return []
        return _org_draft(doc, claim, speaker, content, ORG_REPORTED_STEM.format(content=content))
    people = _pool(doc)
    key = _named(people, speaker)
    if key is None:
        return []
    named = content.lower()
    others = [p for p in people if p != key and not any(w.lower() in named for w in p.split())]
    if key.split()[-1].lower() in named:
        return []
    if sex is not None:
        # "who said that he expects ...": every option a man, by the article's own word
        if stated_sex(doc, key) != sex:
            return []
        others = [p for p in others if stated_sex(doc, p) == sex]
    if len(others) < 2 or _said_by_another(doc, claim, toks, key):
        return []
    wrong = tuple((p, "attribution") for p in others[:3])
    ev = evidence_of(doc, claim)
    explanation = f'The article says: "{ev.text}" So the answer is {key}.'
    stem = REPORTED_STEM.format(content=content)
    return [Draft("attribution", claim.id, stem, key, wrong, ev, explanation)]


_IT = frozenset({"it", "its"})
_THEY = frozenset({"they", "them", "their"})


def _dangling(t: Any, before: list[Any]) -> bool:
    """Whether a pronoun of the reported clause points outside it.

    "this" and "these" always do. "it" and "they" read on their own where the clause itself
    holds what they stand for before them ("... said the bank had lost its licence", "... said
    his side did not score in their win": the article's reader resolves them the same way), or
    where "it" is the empty subject of "it was time to", "it is likely that". Without such a
    noun ("X said it had received a boost") the stem would leave the reader guessing.
    """
    word = t.lower_
    if word in {"this", "these"}:
        return True
    if word not in _IT | _THEY:
        return False
    if word == "it" and _empty_it(t):
        return False
    nouns = [u for u in before if u.pos_ in {"NOUN", "PROPN"} and u.dep_ != "compound"]
    if word in _IT:
        return not any(u.tag_ in {"NN", "NNP"} for u in nouns)
    return not any(u.tag_ in {"NNS", "NNPS"} or u.lower_ in COLLECTIVE_NOUNS for u in nouns)


def _empty_it(t: Any) -> bool:
    """ "it was time for X to ...", "it is likely that ...": "it" as an empty subject of "be"
    with a noun or adjective of :data:`EMPTY_IT_PREDICATES` that a to-clause or a that-clause
    follows. "it was a blow to the club", "it was ready to sell", "it was confident that ..."
    say something of a thing the clause does not name: that "it" points outside."""
    head = t.head
    if t.dep_ != "nsubj" or head.lemma_ != "be":
        return False
    pred = [c for c in head.children if c.dep_ in {"attr", "acomp"} and c.i > head.i]
    if not pred or pred[0].lower_ not in EMPTY_IT_PREDICATES:
        return False
    clause = [*pred[0].subtree, *(c for c in head.children if c.i > pred[0].i)]
    return any(
        u.dep_ in {"xcomp", "ccomp", "acl", "relcl"}
        and any(w.dep_ in {"aux", "mark"} and w.lower_ in {"to", "that"} for w in u.children)
        for u in clause
    )


_SEXED = {"he": "m", "him": "m", "his": "m", "himself": "m"}
_SEXED |= {"she": "f", "her": "f", "herself": "f"}
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _short_quotes(toks: list[Any]) -> bool:
    """Whether the clause's quotation marks only set off short phrases (five words at most),
    each opened and closed inside it."""
    marks = [k for k, t in enumerate(toks) if t.text in _QUOTE_MARKS]
    if len(marks) % 2:
        return False
    return all(marks[j + 1] - marks[j] - 1 <= 5 for j in range(0, len(marks), 2))


def _said_by_another(
    doc: Document, claim: ClaimInfo, toks: list[Any], key: str, label: str = "PERSON"
) -> bool:
    """Whether another sentence that shares most of the clause's words names another person
    (who might have said it too: a wrong option would then be arguably right)."""
    mine = {t.lemma_.lower() for t in toks if t.is_alpha and not t.is_stop}
    if not mine:
        return True
    for s in doc.sentences:
        if s.index == claim.sentence.index:
            continue
        if len(mine & s.lemmas) >= max(2, len(mine) // 2):
            if label == "PERSON" and any(
                m.label == "PERSON" and not _same_person(m.text, key) for m in s.mentions
            ):
                return True
            if label == "ORG" and any(
                m.label == "ORG" and not same_entity(m.text, key, "ORG") for m in s.mentions
            ):
                return True
    return False


def _speakers(doc: Document) -> list[str]:
    """People the article reports as saying something (full names): the other sources a
    reader could mix up, whether or not the story names them twice. The speaker is the
    subject itself ("Robin Cook said", "Tory leader Michael Howard, asked ..., said") or its
    apposition ("his lawyer, Majeed Memon, said"), never a name inside it ("a book by X
    says"). A peer named by title alone is "Lord Goldsmith"."""
    out: list[str] = []
    for s in doc.sentences:
        for t in s.span:
            if t.lemma_.lower() not in SAYING:
                continue
            for c in t.children:
                if c.dep_ != "nsubj":
                    continue
                m = subject_person(s, c)
                if m is None or not (reliable_name(doc, m) or _titled(doc, m)):
                    continue
                name = _untitled(doc, _clean(display_name(doc, m)) or _clean(m.text))
                if len(name.split()) == 1:
                    name = _full_form(doc, name)
                if len(name.split()) == 1:
                    title = _PEER.search(doc.text[max(0, m.start - 12) : m.start])
                    name = f"{title.group(1)} {name}" if title else name
                if len(name.split()) > 1 and not not_a_person(name) and not _org_named(name):
                    if _named(out, name) is None:
                        out.append(name)
    return out


_ORG_WORDS = frozenset(
    "brewery bank group company airline airlines airways council association agency "
    "university foundation trust ltd inc corp plc motors press party union institute "
    "society commission committee partners capital holdings".split()
)


def _org_named(name: str) -> bool:
    """Whether a name tagged as a person's ends in an organisation's word ("Ironbridge
    Brewery"): never a person option."""
    return name.split()[-1].lower() in _ORG_WORDS


_COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})


def _untitled(doc: Document, name: str) -> str:
    """ "Ms Hutt" is "Jane Hutt" where the article gives her one full name (an option list
    of full names with one "Ms" among them gives her sex and her away)."""
    words = name.split()
    if len(words) == 2 and words[0] in _COURTESY:
        full = _full_form(doc, words[1])
        return full if full != words[1] else name
    return name


def _full_form(doc: Document, surname: str) -> str:
    """The one full name the article gives a surname ("DJ Norman Cook - aka Fatboy Slim" for
    "Cook"), or the surname."""
    forms = {
        f
        for m in doc.mentions
        if m.label == "PERSON"
        for f in [_clean(m.text)]
        if len(f.split()) > 1 and f.split()[-1] == surname and f.split()[0] not in _COURTESY
    }
    return forms.pop() if len(forms) == 1 else surname


#: Titles before a person's name: "Sir Alan Budd said" names a person, not a longer name
#: (what a capitalised word before a mention usually means, :func:`reliable_name`).
_TITLE_BEFORE = re.compile(r"\b(?:Sir|Dame|Lord|Lady|Baroness|Mr|Mrs|Ms|Dr|Professor)\.? $")


def _titled(doc: Document, m: Any) -> bool:
    """Whether a person mention is preceded by a title and followed by no capitalised word
    (the reporting verb's own subject: "Sir Alan Budd, who ..., said")."""
    after = doc.text[m.end : m.end + 2]
    return bool(_TITLE_BEFORE.search(doc.text[max(0, m.start - 12) : m.start])) and not (
        after[:1] == " " and after[1:2].isupper()
    )


_PEER = re.compile(r"\b(Lord|Lady|Baroness) $")


def subject_person(s: Any, subj: Any) -> Any:
    """The one person mention that is a reporting verb's subject or its apposition."""
    heads = [subj, *(c for c in subj.children if c.dep_ == "appos")]
    at = [h.idx + s.offset for h in heads]
    found = [m for m in s.mentions if m.label == "PERSON" and any(m.start <= h < m.end for h in at)]
    return found[0] if len(found) == 1 else None


#: Verbs whose object may be the story's dead: in a story of a killing, someone "shot",
#: "stabbed" or "killed" is no one a quote can be put in the mouth of.
_HARM_VERBS = frozenset("kill murder shoot stab strangle slay".split())
_DEATH_WORDS = re.compile(
    r"\b(?:murder(?:ed|ing)?|killed|killing|manslaughter|homicide|dead|"
    r"died|death|body)\b",
    re.I,
)


def victims(doc: Document) -> frozenset[str]:
    """The people (by :func:`~quizapp.engine.nlp.person_key`) a story of a death reports
    harmed by one of :data:`_HARM_VERBS` ("said that he shot Jane Doe in the back", "Doe was
    stabbed"): a fresh court report judged blind at 2.19.0 offered the murdered woman as the
    speaker of her father's words, "absurd" to both judges. Empty in a story without death.
    Read once per article (it runs for every quoted remark)."""
    if doc.victims is None:
        doc.victims = _harmed(doc) if _DEATH_WORDS.search(doc.text) else frozenset()
    return doc.victims


def _harmed(doc: Document) -> frozenset[str]:
    out: set[str] = set()
    for s in doc.sentences:
        for t in s.span:
            if t.lemma_.lower() not in _HARM_VERBS or t.pos_ != "VERB":
                continue
            passive = any(c.dep_ == "auxpass" for c in t.children)
            for c in t.children:
                if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                    at = c.idx + s.offset
                    for m in s.mentions:
                        if m.label == "PERSON" and m.start <= at < m.end:
                            out.add(person_key(m.text))
    return frozenset(out)


def _pool(doc: Document) -> list[str]:
    """The story's people, everyone it reports as saying something and everyone it quotes,
    one form each (the fullest name, or a peer's title and name)."""
    people = list(_people(doc))
    for p in [*_speakers(doc), *_quoted(doc)]:
        same = _named(people, p)
        if same is None:
            people.append(p)
    return people


def _quoted(doc: Document) -> list[str]:
    """The people the article quotes by name, in full ('"...," he said.' after "Dr Ann Lee
    welcomed the plan" is Ann Lee): sources a reader could mix up, as the story's speakers
    are, though the verb that names them is not one of saying."""
    if doc.sources is None:
        out: list[str] = []
        for s in doc.sentences:
            c = quoted_remark(doc, s)
            if c is None or c.quote is None or c.quote_label != "PERSON":
                continue
            name = _untitled(doc, _clean(c.quote[1]))
            if len(name.split()) == 1:
                name = _full_form(doc, name)
            if len(name.split()) > 1 and not not_a_person(name) and not _org_named(name):
                if _named(out, name) is None:
                    out.append(name)
        doc.sources = out
    return doc.sources


def _could_have_said(
    doc: Document, claim: ClaimInfo, quote: str, person: str, label: str = "PERSON"
) -> bool:
    """Whether the article reports ``person`` saying something close to the quote (an ally
    quoted agreeing, or making the same point): such a wrong option is not clearly wrong."""
    words = _content(quote)
    if not words:
        return True
    for s in doc.sentences:
        if s.index == claim.sentence.index:
            continue
        for t in s.span:
            lemma = t.lemma_.lower()
            if lemma not in SAYING and lemma not in _AGREEING:
                continue
            agreeing = lemma in _AGREEING or any(
                a.dep_ == "advmod" and a.lower_ in {"also", "too"} for a in t.children
            )
            for c in t.children:
                if c.dep_ != "nsubj":
                    continue
                if label == "ORG":
                    at = c.idx + s.offset
                    if not any(
                        m.label == "ORG"
                        and m.start <= at < m.end
                        and same_entity(m.text, person, "ORG")
                        for m in s.mentions
                    ):
                        continue
                else:
                    m = subject_person(s, c)
                    if m is None or not _same_person(_clean(m.text) or m.text, person):
                        continue
                said = _content(doc.text[s.start : s.end])
                # "Y also said", "Y agreed": on the same side, whatever the words
                if agreeing or len(words & said) >= max(2, len(words) // 4):
                    return True
    return False


def _content(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)} - _STOP
