"""Fact-recall questions: wh-questions on a number, name, place or date in one claim.

Transformations follow Heilman & Smith and ad-freiburg/question-generation: a subject answer
becomes the wh-word; other answers need subject-auxiliary inversion or do-support, and only
licensed wh-words are used (who for people, when for in/on + date, how many for a counted
noun). A person or known company that is the verb's object is fronted too ("Who did X
thank?", "With whom did X hold talks?"). When no safe wh-form exists the claim becomes a
fill-in-the-blank statement, read for context with its key in place. The place of an event
the clause tells ("signed in Geneva") is asked as "In which city/country ...?", with wrong
places of the key's level and region (:func:`place_options`).
"""

from __future__ import annotations

import random
import re
from typing import Any

from quizapp.engine.persons import (
    family_gives_away,
    full_personal_name,
    names_a_work,
    stated_sex,
)

from .claims import ClaimInfo
from .context import self_contained
from .distractors import (
    _display_name,
    _related_sentences,
    co_listed,
    country_of,
    entity_pool,
    fits_job,
    near_places,
    party_cue,
    place_level,
    place_region,
    placed_in,
    prominent,
    quantity_pool,
    recipient_party,
    region_places,
    reliable_name,
    same_place,
    stem_countries,
    stem_group,
    stem_job,
)
from .document import Document, mention_role
from .drafts import Draft
from .gate import sort_value
from .lexicon import (
    CITIES,
    COMPANIES,
    COUNTRIES,
    DEMONYMS,
    HEDGE_MODALS,
    HEDGES,
    MONTHS,
    PLACE_EVENT_NOUNS,
    PLACE_EVENT_VERBS,
    REPORTING_VERBS,
)
from .mutations import (
    _org_kind,
    beyond_rough_margin,
    changeable_figure,
    keeps_direction,
    same_org_kind,
)
from .nlp import Mention
from .numbers import Quantity
from .quality import (
    drop_discourse,
    gendered,
    name_before,
    names_the_country,
    readable,
)
from .text import indefinite_article
from .types import Evidence

_PRONOUNS = re.compile(
    r"\b(he|she|it|they|him|her|them|his|its|their|this|these|those|there|here)\b", re.I
)
_DEICTIC = re.compile(
    # "those of local rivals" points back inside the sentence, so it is not deictic
    # nor is "those affected / who ... / on trial / in work"
    r"\b(this|these|here)\b|\bthose\b(?! (?:of|who|affected|involved|living|taking|on|in|"
    r"at|with|without|from)\b)"
    r"|^(the )?(remainder|figures?|firm|company|group|"
    r"drop|rise|fall|move|deal|decision|report)\b",
    re.I,
)
# definite noun phrases whose head only makes sense with its antecedent ("the issue", "the
# move"), unless a complement names it ("the plan to cut jobs", "the deal with Sony")
_ANAPHORIC = re.compile(
    r"\b(?:the|both) (?:(?:new|latest|proposed|planned|original|two|three) )?"
    r"(issues?|announcement|moves?|deals?|plans?|decision|proposals?|scheme|measures?|row|"
    r"dispute|incident|agreement|takeover|bid|merger|offer|project|policy|changes?|case|"
    r"remainder|figures?|reserve|newcomers|pair|latter|former|trend|problem|claims?|"
    r"idea|initiative|effort|system|programme|rules?|ruling|talks|situation|"
    r"victory|defeat|win|experiment|study|survey)\b"
    r"(?! (?:of|to|for|between|with|that|on|by|from|over|against)\b)",
    re.I,
)
# "five million times faster" (than what?), "spending on that project": the other half of the
# comparison, or the thing pointed at, is in another sentence
_MISSING_REFERENT = re.compile(
    r"\btimes (?:faster|slower|more|less|bigger|larger|higher|greater|smaller)\b(?!.*\bthan\b)"
    r"|\bthat (?:project|day|year|week|month|time|plan|figure|deal|level|period|case|move)\b",
    re.I,
)
# "the company said": fine after the company's name, vague without one before it
_ANAPHORIC_ORG = re.compile(
    r"\b(?:the|both) (company|firm|group|companies|firms|firm's|"
    r"company's)\b",
    re.I,
)


def vague(text: str) -> bool:
    """Whether the text leans on context a quiz taker does not have.

    Deictic words (this, these) always do; so does a definite abstract noun that points back
    ("the move", "the issue", "both newcomers") unless a complement says what it is; a
    pronoun or "the company" does unless a name appears before it in the same text, where it
    most likely refers back to that name.
    """
    if _DEICTIC.search(text) or _ANAPHORIC.search(text) or _MISSING_REFERENT.search(text):
        return True
    for m in _ANAPHORIC_ORG.finditer(text):
        if not name_before(text[: m.start()]):
            return True
    for m in _PRONOUNS.finditer(text):
        if m.start() == 0 or not name_before(text[: m.start()]):
            return True
        if m.group(1).lower() in _PERSONAL and not _person_before(text[: m.start()]):
            return True  # "the Liberal Democrats said ... he": no person for "he"
    return False


_PERSONAL = frozenset({"he", "she", "him", "his", "her"})


def _person_before(text: str) -> bool:
    """Whether a capitalised name that could be a person's stands in ``text``: one not
    introduced by "the" ("the Liberal Democrats", "the Home Office" are bodies)."""
    words = re.findall(r"[A-Za-z][A-Za-z'.&-]*", text)
    after_the = False
    for i, w in enumerate(words):
        if w[0].isupper() and (i > 0 or w.lower() not in {"the", "a", "an"}):
            if not after_the and name_before(" ".join(words[: i + 1])):
                return True
        else:
            after_the = w.lower() == "the"
            continue
        # a capitalised run keeps the "the" that opened it
    return False


# "X is one of five uncapped players", "Y was among the winners": the key is one member of a
# set, and any other member the article names would be a right answer too
_MEMBERSHIP = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:is|was|are|were|be|been|becomes|became)\s+(?:also\s+)?"
    r"(?:one|among)\b",
    re.I,
)
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "the"}
_BLANK = "_____"
MAX_STEM_WORDS = 38


def _tok_text(doc: Document, claim: ClaimInfo, t: Any, ws: bool = True) -> str:
    s = t.idx + claim.sentence.offset
    if claim.subst is not None and s == claim.subst[0]:
        last = claim.subst[1] == s + len(t.text)
        return claim.subst[2] + (t.whitespace_ if ws and last else "")
    if claim.subst is not None and claim.subst[0] < s < claim.subst[1]:
        # the rest of a replaced "the company": the name already stands for it
        return t.whitespace_ if ws and s + len(t.text) == claim.subst[1] else ""
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


def _subject_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
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


def _possessor_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
    """Answer = the name that owns the subject: "Nvidia's H200 chip plays a role" or "The
    Nvidia H200 chip plays a role" -> "Which company's H200 chip plays a role?"."""
    root, toks, attribution = _clause(claim)
    subj = _subject(root, toks)
    if subj is None:
        return None
    off = claim.sentence.offset
    body = list(subj)
    if body and body[0].lower_ == "the" and body[0].dep_ == "det":
        body = body[1:]
    name = [t for t in body if m.start <= t.idx + off < m.end]
    if not name or body[: len(name)] != name:
        return None
    tail = body[len(name) :]
    if tail and tail[0].dep_ == "case":
        tail = tail[1:]
    elif body is not subj and subj[0].lower_ == "the" and len(subj) - len(tail) != len(name) + 1:
        return None
    # the owned thing must be a plain noun phrase with no other name in it
    if not tail or any(t.ent_type_ in {"PERSON", "ORG", "GPE"} or t.is_punct for t in tail):
        return None
    if tail[-1].pos_ not in {"NOUN", "PROPN"}:
        return None
    pre = [t for t in toks if t.i < subj[0].i]
    rest = [t for t in toks if t.i > subj[-1].i]
    if pre or not rest:
        return None
    return _finish(
        "", f"{wh} {_join(doc, claim, tail)} {_join(doc, claim, rest)}", attribution, claim, doc
    )


#: Prepositions after which a name may be questioned as "<prep> whom" / "<prep> which ...":
#: the phrase keeps its meaning when fronted ("With whom did X hold talks?").
_OBJECT_PREPS = frozenset({"with", "by", "from", "against", "to", "for", "over"})


def _object_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
    """Answer = a name that is the object of the clause's verb, or of a preposition on it:
    "Tony Blair urged Ken Livingstone to apologise" -> "Who did Tony Blair urge to
    apologise?"; "Mr Kennedy held talks with Tony Blair" -> "With whom did Mr Kennedy hold
    talks?" (a preposition on the verb, or on the verb's object). Only for people and known
    companies: "Against which organisation ...?" for a football club reads as a riddle. The
    questioned phrase must be the name alone (with "the" or a title at most), so that nothing
    the article says about it is dropped from the stem."""
    if wh not in {"Who", "Which company"}:
        return None
    root, toks, _attribution = _clause(claim)
    off = claim.sentence.offset
    name = [t for t in toks if m.start <= t.idx + off < m.end]
    if not name:
        return None
    ids = {t.i for t in name}
    heads = [t for t in name if t.head.i not in ids]
    if len(heads) != 1:
        return None
    head = heads[0]
    if head.dep_ == "dobj" and head.head == root:
        phrase = list(head.subtree)
        front = wh
    elif (
        head.dep_ == "pobj"
        and head.head.dep_ in {"prep", "agent"}
        and (
            head.head.head == root
            or head.head.head.dep_ == "dobj"
            and head.head.head.head == root
            and head.head.head.pos_ == "NOUN"
        )
        and head.head.lower_ in _OBJECT_PREPS
    ):
        prep = head.head
        phrase = list(prep.subtree)
        noun = "whom" if wh == "Who" else wh[0].lower() + wh[1:]
        front = f"{prep.lower_.capitalize()} {noun}"
    else:
        return None
    extra = [t for t in phrase if t.i not in ids and t.dep_ != "prep"]
    if any(t.lower_ not in _TITLES for t in extra):
        return None
    return _invert(doc, claim, phrase, front)


def _place_question(doc: Document, claim: ClaimInfo, m: Mention) -> str | None:
    """Answer = the place of the event the clause tells: "The deal was signed in Geneva" ->
    "In which city was the deal signed?". Only a known city or country, only as "in <place>"
    on the clause's verb (or a verb it governs: "plans to list in New York") or on a noun of
    an event ("Saturday's final in Perth"), and only an event whose place is its point
    (:data:`PLACE_EVENT_VERBS`, :data:`PLACE_EVENT_NOUNS`): "prices rose in France" sets a
    scene, it is not the fact. Never a possibility ("could be met in Madrid")."""
    level = place_level(m.text)
    if m.label != "GPE" or level not in {"city", "country"}:
        return None
    root, toks, _attribution = _clause(claim)
    off = claim.sentence.offset
    name = [t for t in toks if m.start <= t.idx + off < m.end]
    if not name or name[0].idx + off != m.start:
        return None
    ids = {t.i for t in name}
    heads = [t for t in name if t.head.i not in ids]
    if len(heads) != 1 or heads[0].dep_ != "pobj":
        return None
    prep = heads[0].head
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep not in toks:
        return None
    head = prep.head
    # "build a new mill in Hungary": the place of the event verb's object is the event's
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() not in PLACE_EVENT_NOUNS:
            head = head.head
    if head.pos_ in {"VERB", "AUX"}:
        if head != root and not (head.dep_ == "xcomp" and head.head == root):
            return None
        # "the meeting will take place in Zurich"
        takes_place = head.lemma_ == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "place" for c in head.children
        )
        if head.lemma_.lower() not in PLACE_EVENT_VERBS and not takes_place:
            return None
    # "the final in Perth", "the International Supercomputer Conference in Pittsburgh"
    elif (
        head.pos_ not in {"NOUN", "PROPN"}
        or head.lower_ not in PLACE_EVENT_NOUNS
        and head.lemma_.lower() not in PLACE_EVENT_NOUNS
        or head not in toks
    ):
        return None
    verbs = {root, head}
    if any(c.lower_ in HEDGE_MODALS or c.dep_ == "neg" for v in verbs for c in v.children):
        return None
    if root.lemma_.lower() in HEDGES:  # "is expected to be held in Geneva": a forecast
        return None
    # the phrase is "in" and the name alone ("in Geneva", "in the US"), or a city with its
    # country ("in Cannes, France", both dropped); nothing else said of the place is lost
    phrase = sorted(prep.subtree, key=lambda t: t.i)
    rest = [t for t in phrase if t.i != prep.i and t.i not in ids]
    appos = [t for t in rest if t.dep_ == "appos" and t.head.i in ids]
    if appos and level == "city":
        country = [t for t in phrase if appos[0].left_edge.i <= t.i <= appos[0].right_edge.i]
        text = " ".join(t.text for t in country)
        if place_level(text) != "country" or not same_place(m.text, text):
            return None
        rest = [t for t in rest if t not in country and not t.is_punct]
    if any(not (t.lower_ == "the" and t.dep_ == "det") for t in rest):
        return None
    return _invert(doc, claim, phrase, f"In which {level}")


def place_options(doc: Document, claim: ClaimInfo, m: Mention, key: str) -> list[tuple[str, str]]:
    """Wrong places for a place question, of the key's level (a city for a city) and of its
    region or a neighbouring one: the article's own places first, then built-in ones of the
    region (:func:`region_places`). Never a place of the claim's sentence or of a sentence
    that tells the same event (the same verb: it may have happened there as well), nor one
    that holds the key or lies in it; never a built-in place the article names, nor a country
    that holds a city the article names (arguably right)."""
    level = place_level(key)
    # the event's words: the verb, and an event noun of the claim ("final", "summit")
    event = {claim.root.lemma_.lower()} | (set(claim.lemmas) & PLACE_EVENT_NOUNS)
    banned = _related_sentences(doc, claim)
    involved = [
        o.text
        for s in doc.sentences
        if s.index in banned or event & s.lemmas
        for o in s.mentions
        if o.label == "GPE"
    ]
    listed = co_listed(doc, m)
    out: list[tuple[str, str]] = []

    def arguable(name: str, other: str) -> bool:
        # a city in a country the story names is still a wrong city ("Lyon, France": Nice)
        return same_place(name, other) and not (
            place_level(name) == "city" and place_level(other) == "country"
        )

    def fits(name: str) -> bool:
        return (
            place_level(name) == level
            and near_places(key, name)
            and not same_place(name, key)
            and not any(arguable(name, x) for x in involved + sorted(listed))
            and not any(same_place(name, p) for p, _ in out)
            and not _named_in(name, claim.text)
        )

    for o in doc.mentions:
        # a place the lists know, as the model tagged it, is trusted as a name (named once)
        known = o.raw_label in {"", "GPE"} and place_level(o.text) == level
        if o.label == "GPE" and (known or reliable_name(doc, o)) and fits(o.text):
            out.append((o.text, "article_entity"))
    low = doc.view.lower()
    named = [x.text for x in doc.mentions if x.label == "GPE"]
    for n in region_places(key):
        if re.search(rf"\b{re.escape(n.lower().removeprefix('the '))}\b", low):
            continue
        if any(arguable(n, x) for x in named) or not fits(n):
            continue
        out.append((n, "typed_list"))
    # the article's own places of the key's region, then the lists' of its country and
    # region, and a neighbouring region's last (Nice among Italian cities is the odd one)
    own, region = country_of(key), place_region(key)

    def distance(option: tuple[str, str]) -> tuple[bool, bool, bool]:
        name, src = option
        near = place_region(name) == region
        return not near, src == "typed_list", not (own and country_of(name) == own)

    return sorted(out, key=distance)


def _invert(doc: Document, claim: ClaimInfo, remove: list[Any], wh: str) -> str | None:
    """Front ``wh`` and invert subject and auxiliary, dropping the ``remove`` tokens."""
    root, toks, attribution = _clause(claim)
    if any(t not in toks for t in remove):
        return None
    subj = _subject(root, toks)
    off = claim.sentence.offset
    resolved = (
        claim.subst is not None
        and bool(subj)
        and subj is not None
        and (
            subj[0].idx + off == claim.subst[0]
            and subj[-1].idx + len(subj[-1].text) + off == claim.subst[1]
        )
    )
    if subj is None or any(t.pos_ == "PRON" for t in subj) and not resolved or root not in toks:
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
    numeric = subj[0].ent_type_ in {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
    if (
        subj[0].pos_ not in {"PROPN"}
        and not (subj[0].text.isupper() and len(subj[0].text) > 1)  # "A side letter": no acronym
        # a word the article capitalises mid-sentence, and never writes in lower case, is a
        # name ("Hearts", "Quayline"; not "The", capitalised inside a title)
        and (subj[0].text not in doc.mid_capitals or subj[0].lower_ in doc.lower_words)
        and (subj[0].ent_type_ == "" or numeric and subj[0].is_alpha)
        and not resolved
        and subj[0].idx + claim.sentence.offset != (claim.subst or (-1,))[0]
    ):
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
    # drop an equivalent amount in brackets right after the key: "$1.13bn (£600m)", also
    # after its unit ("_____ rupiah ($6.58bn; £3.5bn)": the conversion gives the key away)
    twin = re.match(r"(\s+[a-z]+)?\s*(\([^()]{1,40}\))", after)
    if twin and (twin[1] is None or re.search(r"[$\u00a3\u20ac\u00a5]\s?\d", twin[2])):
        after = (twin[1] or "") + after[twin.end() :]
    before = text[:a]
    # "forecast an _____ fall": the article would tell "8%" from "10%"
    before = re.sub(r"\b([Aa])n? $", lambda m: m.group(1) + "(n) ", before)
    body = before + _BLANK + after
    if claim.subst is not None and claim.subst[1] - claim.start <= a:
        sa, sb = claim.subst[0] - claim.start, claim.subst[1] - claim.start
        body = body[:sa] + claim.subst[2] + body[sb:]
    # "Munster flanker _____ also returns": the "also" points at another sentence and
    # carries no fact (as verification shows it, :func:`drop_discourse`)
    body = drop_discourse(body).strip().rstrip(",;:")
    if body[0].islower():
        body = body[0].upper() + body[1:]
    if not body.endswith("."):
        body += "."
    return f"Fill in the blank: {body}"


def _named_in(option: str, text: str) -> bool:
    """Whether a wrong option already stands in the claim ("France beat France", "both the
    1500m and 1500m"): swapped into its own clause it is absurd."""
    return re.search(rf"(?<![\w.]){re.escape(option)}(?![\w])", text) is not None


def not_shorter_than_key(
    candidates: list[tuple[str, str]], key: str, count: int
) -> list[tuple[str, str]]:
    """The first ``count`` candidates, with one at least as long as the key swapped in for the
    last when none of them is (the gate refuses a key that is the only longest option, and a
    good item was lost to the draw of its wrong options)."""
    picked = candidates[:count]
    if picked and all(len(t) < len(key) for t, _ in picked):
        longer = next((c for c in candidates[count:] if len(c[0]) >= len(key)), None)
        if longer is not None:
            picked = [*picked[:-1], longer]
    return picked


def surname_options(wrong: list[tuple[str, str]], key: str, text: str) -> list[tuple[str, str]]:
    """Wrong options as surnames for a "Mr _____" blank, without the key's and without any
    the sentence itself names ("Mr _____, who brought Mr Hale back": "Hale" is absurd)."""
    out = []
    for name, src in wrong:
        surname = name.split()[-1]
        if surname != key and not _named_in(surname, text):
            out.append((surname, src))
    return out


def _too_close(values: list[tuple[float, ...]]) -> bool:
    """Whether two options are within 3% of each other (a one-digit change of a large sum)."""
    flat = sorted(v[0] for v in values if len(v) == 1)
    return any(b - a < 0.03 * max(abs(a), abs(b)) for a, b in zip(flat, flat[1:], strict=False))


def _article_for(stem: str, options: list[str]) -> str | None:
    """Replace the "a(n)" before a blank by the article every option takes, or give up
    (a stem that says "a(n)" is a template artefact; one that fits only the key is a cue)."""
    takes = {indefinite_article(o) for o in options}
    if len(takes) != 1 or None in takes:
        return None
    an = takes.pop() == "an"
    stem = stem.replace("a(n) ", "an " if an else "a ").replace("A(n) ", "An " if an else "A ")
    return stem


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
        if (
            head.dep_ in {"npadvmod", "dobj"}
            and head.head == root
            and root.lemma_
            in {
                "rise",
                "fall",
                "grow",
                "drop",
                "jump",
                "climb",
                "increase",
                "decrease",
                "slide",
                "slump",
                "shed",
                "lose",
                "gain",
                "decline",
            }
        ):
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
    # counts: "N <nouns>" -> "How many <nouns>" (object: inverted; subject: replaced)
    nums = [t for t in toks if t.like_num and t.dep_ == "nummod"]
    if len(nums) != 1:
        return None
    num = nums[0]
    noun = num.head
    if noun.tag_ != "NNS" or noun.i < num.i:
        return None
    noun_toks = [t for t in noun.subtree if t.i > num.i]
    if not noun_toks or noun_toks[-1].i != noun.i:
        return None
    before = [t for t in noun.subtree if t.i < num.i]
    if any(
        t.dep_ != "det" and t.lower_ not in {"about", "nearly", "some", "almost", "around"}
        for t in before
    ):
        return None
    words = _join(doc, claim, noun_toks)
    if noun.dep_ == "dobj" and noun.head == root:
        return _invert(doc, claim, list(noun.subtree), f"How many {words}")
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head == root:
        return _counted_subject(doc, claim, noun, f"How many {words}")
    return None


def _counted_subject(doc: Document, claim: ClaimInfo, noun: Any, wh: str) -> str | None:
    """ "About 20 journalists were arrested" -> "How many journalists were arrested?"."""
    root, toks, attribution = _clause(claim)
    subj = _subject(root, toks)
    if subj is None or noun not in subj or subj[-1].i != noun.i:
        return None
    pre = [t for t in toks if t.i < subj[0].i]
    rest = [t for t in toks if t.i > subj[-1].i]
    if pre or not rest:
        return None
    return _finish("", f"{wh} {_join(doc, claim, rest)}", attribution, claim, doc)


def _names_type(stem: str, wh: str) -> bool:
    """Whether the stem, apart from its own wh-phrase, already says the type word
    ("Which company ... the company said?": the type is given away or the stem is odd)."""
    low = stem.lower()
    rest = low.replace(wh.lower(), " ", 1)
    word = wh.split()[-1].lower().removesuffix("'s")
    return re.search(rf"\b{re.escape(word)}", rest) is not None


def _ok_stem(stem: str | None, key: str | None = None) -> bool:
    """Whether a stem reads on its own. A blank is read with its ``key`` in place: the name
    a pronoun after it refers to ("_____ has made enemies with his views"), or the name an
    apposition follows ("_____, mother of actor X, has ..."), is the blank itself."""
    if not stem:
        return False
    body = stem.split(":", 1)[1].strip() if stem.startswith("Fill in the blank:") else stem
    if key is not None:
        body = body.replace(_BLANK, key, 1)
    if vague(body) or not readable(body):
        return False
    # "The Lord of the Rings:, how much did ...": a title cut at its colon was fronted
    if re.search(r":\s*,", stem):
        return False
    return len(stem.split()) <= MAX_STEM_WORDS


def _parses_as_question(stem: str | None) -> bool:
    """Re-parse a wh-stem: one sentence ending in "?", with a verb, no dangling conjunction."""
    if not stem or not stem.endswith("?"):
        return False
    from .nlp import get_nlp

    parsed = get_nlp()(stem)
    if len(list(parsed.sents)) != 1:
        return False
    if not any(t.pos_ in {"VERB", "AUX"} for t in parsed):
        return False
    words = [t for t in parsed if not t.is_punct]
    # "... in January alone and by 24% in China?": half of a coordination was questioned
    return not any(
        t.dep_ == "cc"
        and t.head.dep_ in {"ROOT"}
        and any(c.dep_ == "conj" and c.pos_ == "ADP" for c in t.head.children)
        for t in words
    )


def _wh_ok(doc: Document, claim: ClaimInfo, stem: str | None, key_signature: str | None) -> bool:
    """A wh-stem is kept only if it re-parses and names no other figure of the key's type."""
    if not _ok_stem(stem) or not _parses_as_question(stem):
        return False
    if key_signature is not None and stem is not None:
        from .numbers import find_quantities

        if any(q.signature == key_signature for q in find_quantities(stem, 0)):
            return False
    return True


def _in_full_date(doc: Document, start: int, end: int) -> bool:
    """A day or a year that is part of "9 November" / "1 January 1985" is not a figure."""
    before = doc.view[max(0, start - 12) : start].split()
    after = doc.view[end : end + 12].split()
    return bool(before and before[-1].strip(",") in MONTHS) or bool(
        after and after[0].strip(",.") in MONTHS
    )


#: The story's own country is named in at least this many sentences (by name or by its
#: people: "France", "the French"), twice as many as any other, and in the headline or lead.
STORY_COUNTRY_SENTENCES = 3


def _one_country(name: str) -> str:
    """One name for a country the article may call several ways: "US", "the United States"
    and "America" (and "American") count as one."""
    from .distractors import _alias_group

    low = name.lower().removeprefix("the ")
    group = _alias_group(low)
    return ("united kingdom", "united states")[group] if group is not None else low


def story_country(doc: Document) -> str | None:
    """The country the whole article is about, lower case, else None. Asked about, it is
    the answer a reader guesses without the article ("France" in a story on French rugby:
    blind editors called it obvious)."""
    from .distractors import _ALIASES, _alias_group

    people = {hints[0]: _one_country(country) for country, hints in DEMONYMS.items()}
    per: dict[str, set[int]] = {}
    for s in doc.sentences:
        text = doc.text[s.start : s.end]
        for m in s.mentions:
            if m.label == "GPE" and m.text.lower() in COUNTRIES:
                per.setdefault(_one_country(m.text), set()).add(s.index)
        for word in set(re.findall(r"\b[A-Z][a-z]+\b", text)):
            if word.lower() in people:
                per.setdefault(people[word.lower()], set()).add(s.index)
    ranked = sorted(per, key=lambda c: (-len(per[c]), c))
    if not ranked or len(per[ranked[0]]) < STORY_COUNTRY_SENTENCES:
        return None
    top = ranked[0]
    if len(ranked) > 1 and len(per[top]) < 2 * len(per[ranked[1]]):
        return None
    title = doc.layout.title or ""
    first = min((s.index for s in doc.sentences), default=0)
    # the title read case-sensitively: "US" or "American", never the pronoun in "Help us"
    group = _alias_group(top)
    forms = {n.removeprefix("the ") for n in _ALIASES[group]} if group is not None else {top}
    forms |= {h for n in forms for h in DEMONYMS.get(n, ())[:1]}
    cased = {f.upper() if len(f) <= 3 else f.title() for f in forms}
    named = any(re.search(rf"\b{re.escape(f)}\b", title) for f in cased)
    return top if first in per[top] or named else None


def _firms_country(doc: Document, m: Mention) -> bool:
    """Whether the place stands as the owner of the company named right after it ("Japan's
    Nippon Steel", "China's Baoshan Iron and Steel Co."): asking it asks a company's
    nationality, which blind editors on dev called trivia the name or the story gives away."""
    tail = doc.text[m.end : m.end + 3]
    if not (tail.startswith("'s ") or tail.startswith("’s ")):
        return False
    return any(o.label == "ORG" and o.start == m.end + 3 for o in doc.mentions)


def generate_recall(
    doc: Document, claim: ClaimInfo, rng: random.Random, want_pos: int
) -> list[Draft]:
    """Fact-recall drafts for one claim: one per askable number, name or date."""
    if not self_contained(doc, claim, claim.text):
        return []
    ev = _evidence(doc, claim)
    drafts: list[Draft] = []
    n_wrong = 3
    text = doc.text
    for q in claim.sentence.quantities:
        if not (claim.start <= q.start and q.end <= claim.end):
            continue
        if text[q.start - 1 : q.start] == "(":
            continue  # the bracketed twin of an amount is not a fact of its own
        if re.match(r"\s*\(", text[q.end : q.end + 3]):
            continue  # "80 megaflops (80 million operations a second)" restates the key
        if _in_full_date(doc, q.start, q.end) or q.kind == "year":
            continue  # a year, or a part of a date, was trivia to blind editors
        if not changeable_figure(doc, q):
            continue  # "more than 1,000", "1-1", "1330 GMT": other values could be right
        stem = _quantity_stem(doc, claim, q)
        if not _wh_ok(doc, claim, stem, q.signature):
            stem = _cloze(doc, claim, q.start, q.end)
        if not _ok_stem(stem, q.text):
            continue
        below = min(want_pos, n_wrong) if want_pos >= 0 else None
        wrong = [
            w
            for w in quantity_pool(doc, claim, q, rng, n_wrong, below=below)
            if keeps_direction(claim, q, w[0])
        ]
        if len(wrong) < n_wrong:  # the figures' order rules out one side: take the other
            wrong = [
                w
                for w in quantity_pool(doc, claim, q, rng, 2 * n_wrong + 2)
                if keeps_direction(claim, q, w[0])
            ][:n_wrong]
        # "both the _____ and 1500m": another figure of the sentence makes the option absurd
        wrong = [w for w in wrong if not _named_in(w[0], claim.text)]
        # "growth of around 5%": 6% is arguably right too
        wrong = [w for w in wrong if beyond_rough_margin(doc, q, w[0])]
        # (none for a figure arithmetic on the claim gives: "nearly double from _____ to 20,000")
        if len(wrong) < 2:
            continue
        opts = [q.text] + [t for t, _ in wrong]
        keys = [sort_value(o) for o in opts]
        if any(k is None for k in keys):
            continue
        if _too_close([k for k in keys if k is not None]):
            continue  # "784m" beside "785m" and "786m": a digit-level difference is trivia
        if stem is None:
            continue
        if "a(n) " in stem or "A(n) " in stem:
            stem = _article_for(stem, opts)
            if stem is None:
                continue
        drafts.append(
            Draft(
                "fact_recall",
                claim.id,
                stem,
                q.text,
                tuple(wrong),
                ev,
                _explain(ev, q.text),
                ordered=True,
                sort_keys=tuple(k for k in keys if k is not None),
            )
        )
    for m in claim.sentence.mentions:
        if not (claim.start <= m.start and m.end <= claim.end):
            continue
        if m.label == "DATE":
            continue  # a weekday, month or year was trivia to blind editors
        if m.label not in {"PERSON", "ORG", "GPE"} or any(c.isdigit() for c in m.text):
            continue  # "Varig 2bn": a name the model ran into a figure
        if m.label == "PERSON" and not (
            prominent(doc, m.text) or full_personal_name(_display_name(doc, m))
        ):
            continue  # "Young People" named once: the model's person, not the article's
        if _MEMBERSHIP.search(doc.text[m.end : claim.end]):
            continue  # "_____ is one of five new players": the other four are right as well
        wh = _entity_wh(doc, m)
        stem = _subject_question(doc, claim, m, wh) if wh else None
        if wh and stem is None and mention_role(doc, m) in {"poss", "mod"}:
            owner = "Whose" if wh == "Who" else f"{wh}'s"
            stem = _possessor_question(doc, claim, m, owner)
            wh = owner
        if wh and stem is None and mention_role(doc, m) == "obj" and m.label != "GPE":
            stem = _object_question(doc, claim, m, wh)
        # "In which city was the deal signed?": the place of the event the clause tells
        place = False
        if m.label == "GPE" and stem is None:
            stem = _place_question(doc, claim, m)
            if stem is not None:
                place, wh = True, f"In which {place_level(m.text)}"
        key = _display_name(doc, m)
        if stem is not None and not _wh_ok(doc, claim, stem, None):
            stem = None
        # "Which company" only if the stem does not already say "company"
        if stem is not None and wh and wh.startswith("Which") and _names_type(stem, wh):
            stem = None
        surname = False
        if stem is None:
            if not reliable_name(doc, m):
                continue
            if key != m.text:
                # "Mr Blair" in the sentence: the blank takes a surname, and so do the options
                if m.label != "PERSON" or len(m.text.split()) != 1:
                    continue
                key, surname = m.text, True
            stem = _cloze(doc, claim, m.start, m.end)
            if not _ok_stem(stem, m.text):
                continue
        # "Who ... his views?" beside women's names: the pronoun answers it; with every
        # option's sex stated by the article and all the key's, it answers nothing (2.4.0)
        sex = None
        if m.label == "PERSON" and gendered(stem or ""):
            sex = stated_sex(doc, key)
            if sex is None:
                continue
        if m.label == "GPE" and _firms_country(doc, m):
            continue  # "_____'s Nippon Steel": the company's country, trivia (dev 2.9.0)
        if m.label == "GPE" and names_the_country(stem or "", key):
            continue  # "against _____ in Dublin": the city names the country
        # the article's own names only, of the key's kind: a name it never mentions, or a
        # body where the key is a company, is a blatant wrong answer
        kind = _org_kind(key)[0]
        # companies and people stand alone as answers; other bodies and places must be seen in
        # the key's role ("Chelsea take on", not "the Champions League")
        bare = m.label in {"PERSON", "GPE"} or kind == "company"
        role = None if bare else mention_role(doc, m)
        # the stem shows the name put in for a leading pronoun or description too
        shown = claim.text if claim.subst is None else f"{claim.subst[2]} {claim.text}"
        # the role the stem gives the key just before the blank: a group it belongs to
        # ("Ulster colleagues _____") or a job ("film critic _____") (2.8.0)
        before, _, after = stem.partition(_BLANK) if stem and _BLANK in stem else ("", "", "")
        group = stem_group(before) if m.label == "PERSON" else None
        job = stem_job(before) if m.label == "PERSON" else None
        # ... and the party it ties the key to ("Tory leader _____", "_____, now working on
        # Labour's campaign"): a wrong name must be the article's man of that party
        party = party_cue(before, after) if m.label == "PERSON" and before else None
        # ... or the party the stem's money goes to ("a bequest to the Tories from _____"):
        # the donor is of its side, never the rival party's prime minister
        if party is None and m.label == "PERSON" and stem:
            party = recipient_party(stem)
        wrong = [
            w
            for w in entity_pool(
                doc,
                claim,
                m,
                rng,
                n_wrong + (6 if sex else 3),
                role=role,
                strict=not bare,
                bare=bare,
            )
            if w[1] == "article_entity"
            and (m.label != "ORG" or _org_kind(w[0])[0] == kind)
            and (kind != "company" or same_org_kind(key, w[0]))  # a studio for a studio
            and not _named_in(w[0], shown)
            # "Hewitt ... a meeting with _____": "Lleyton Hewitt" is absurd there too
            and not (m.label == "PERSON" and _named_in(w[0].split()[-1], shown))
            and not (m.label == "PERSON" and names_a_work(doc, w[0]))
            and (sex is None or stated_sex(doc, w[0]) == sex)
            and not (group and placed_in(doc, w[0], group))
            and (job is None and party is None or fits_job(doc, job, w[0], party))
        ]
        if surname:
            wrong = surname_options(wrong, key, shown)
        if place:
            # the article's places, then the region's: a city for a city, near the key
            wrong = place_options(doc, claim, m, key)
            if stem is None or _named_in(key, stem):
                continue
            # a country key that the stem calls by its people, language or a city ("French
            # ministers met in _____", "_____ near Lyon") is given away
            if place_level(key) == "country" and country_of(key) in stem_countries(stem):
                continue
            # a city the stem places in a country ("in which city in France"): a city of
            # another country is then plainly wrong
            # ... or tells whose it is ("the French guild's congress in _____"): cities of
            # that country first, so that no other country's city is the odd one out
            named = stem_countries(stem)
            if country_of(key) in named:
                wrong.sort(key=lambda w: country_of(w[0]) not in named)
            told = stem_countries(stem, located=True)
            if told:
                wrong = [w for w in wrong if country_of(w[0]) in told]
                if country_of(key) not in told:
                    continue
        wrong = not_shorter_than_key(wrong, key, n_wrong)
        if len(wrong) < 2 or stem is None:
            continue
        # (tested after the draw of wrong names, so that the other items' draws stay as they were)
        if m.label == "GPE" and _one_country(key) == story_country(doc):
            continue  # "France" in a story on French rugby: the answer without the article
        if m.label == "PERSON" and family_gives_away(stem, key):
            continue  # "_____, mother of actor Sylvester": the family name is the answer
        drafts.append(
            Draft("fact_recall", claim.id, stem, key, tuple(wrong), ev, _explain(ev, key))
        )
    return drafts
