"""Stems: a claim turned into a wh-question or a blank, the key removed.

Transformations follow Heilman & Smith and ad-freiburg/question-generation: a subject answer
becomes the wh-word; other answers need subject-auxiliary inversion or do-support, and only
licensed wh-words are used (who for people, when for in/on + date, how many for a counted
noun). A person or known company that is the verb's object is fronted too ("Who did X
thank?", "With whom did X hold talks?"). The place of an event the clause tells ("signed in
Geneva") is asked as "In which city/country ...?". When no safe wh-form exists the claim
becomes a fill-in-the-blank statement (:func:`cloze`). :func:`ok_stem` and :func:`wh_ok` are
the checks every stem passes. Which claim and which answer to ask, and the wrong options, are
:mod:`quizapp.engine.recall`'s.
"""

from __future__ import annotations

import re
from typing import Any

from .claims import ClaimInfo
from .context import plural_subject, vague
from .distractors import (
    place_level,
    same_place,
)
from .document import Document
from .lexicon import (
    CITIES,
    COMPANIES,
    COUNTRIES,
    HEDGE_MODALS,
    HEDGES,
    PLACE_EVENT_NOUNS,
    PLACE_EVENT_VERBS,
    REPORTING_VERBS,
)
from .nlp import Mention
from .numbers import Quantity
from .quality import (
    drop_discourse,
    keeps_capital,
    readable,
)

_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "the"}
BLANK = "_____"
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


def _stop(tok: Any) -> bool:
    """Punctuation that closes a clause; never the "%" of a figure, which spaCy also counts as
    punctuation ("rose by 40%" must not become "rose by 40?")."""
    return bool(tok.is_punct) and tok.text != "%"


def _clause(claim: ClaimInfo) -> tuple[Any, list[Any], str]:
    """The clause to question and an attribution: "X said (that) C" becomes C + "according
    to X" when X is a name; otherwise the claim itself."""
    root = claim.root
    toks = [t for t in claim.tokens if not (_stop(t) and t.i == claim.tokens[-1].i)]
    if root.lemma_ in REPORTING_VERBS:
        comps = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        if comps and subj:
            c = comps[0]
            sub = [t for t in toks if c.left_edge.i <= t.i <= c.right_edge.i]
            # only a leading "that" goes; a mark inside ("before", "if") is part of the fact
            while sub and (sub[0].dep_ == "mark" and sub[0].lower_ == "that" or sub[0].is_punct):
                sub = sub[1:]
            while sub and _stop(sub[-1]):
                sub = sub[:-1]
            who = [t for t in toks if subj[0].left_edge.i <= t.i <= subj[0].right_edge.i]
            attribution = ""
            if who and any(t.pos_ == "PROPN" for t in who) and len(who) <= 6:
                attribution = " ".join(t.text for t in who)
            return c, sub, attribution
    return root, toks, ""


def _finish(pre: str, body: str, attribution: str, claim: ClaimInfo, doc: Document) -> str:
    # "Who will also highlight ...?": shown without the "also" the cloze drops too
    body = drop_discourse(body).strip().rstrip(",;:")
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


def entity_wh(doc: Document, m: Mention) -> str | None:
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


def subject_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
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


def possessor_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
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


def object_question(doc: Document, claim: ClaimInfo, m: Mention, wh: str) -> str | None:
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


def place_question(doc: Document, claim: ClaimInfo, m: Mention) -> str | None:
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
        and not keeps_capital(subj, doc.mid_capitals)  # "Economy and Labour Minister X"
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


def cloze(doc: Document, claim: ClaimInfo, start: int, end: int) -> str | None:
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
    body = before + BLANK + after
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


def _qty_target(claim: ClaimInfo, q: Quantity) -> list[Any]:
    off = claim.sentence.offset
    return [t for t in claim.tokens if q.start <= t.idx + off < q.end]


def quantity_stem(doc: Document, claim: ClaimInfo, q: Quantity) -> str | None:
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


def names_type(stem: str, wh: str) -> bool:
    """Whether the stem, apart from its own wh-phrase, already says the type word
    ("Which company ... the company said?": the type is given away or the stem is odd)."""
    low = stem.lower()
    rest = low.replace(wh.lower(), " ", 1)
    word = wh.split()[-1].lower().removesuffix("'s")
    return re.search(rf"\b{re.escape(word)}", rest) is not None


def ok_stem(stem: str | None, key: str | None = None, claim: ClaimInfo | None = None) -> bool:
    """Whether a stem reads on its own. A blank is read with its ``key`` in place: the name
    a pronoun after it refers to ("_____ has made enemies with his views"), or the name an
    apposition follows ("_____, mother of actor X, has ..."), is the blank itself. Given the
    ``claim``, a "they" after its plural subject stands for it (:func:`context.plural_subject`)."""
    if not stem:
        return False
    body = stem.split(":", 1)[1].strip() if stem.startswith("Fill in the blank:") else stem
    if key is not None:
        body = body.replace(BLANK, key, 1)
    if vague(body, claim is not None and plural_subject(claim)) or not readable(body):
        return False
    # "The Lord of the Rings:, how much did ...": a title cut at its colon was fronted
    if re.search(r":\s*,", stem):
        return False
    # "since _____'s own 2019 album": "own" points back at the subject, who is the answer (a
    # fresh article judged blind at 2.19.0: "gives away the answer")
    if re.search(rf"{re.escape(BLANK)}['\u2019]s own\b", stem):
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


def wh_ok(doc: Document, claim: ClaimInfo, stem: str | None, key_signature: str | None) -> bool:
    """A wh-stem is kept only if it re-parses and names no other figure of the key's type."""
    if not ok_stem(stem, claim=claim) or not _parses_as_question(stem):
        return False
    if key_signature is not None and stem is not None:
        from .numbers import find_quantities

        if any(q.signature == key_signature for q in find_quantities(stem, 0)):
            return False
    return True
