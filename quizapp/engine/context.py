"""Does a claim read on its own? Token-level checks of what blind judges refused (rule 4).

Judges of the tuning articles refused statements that lean on a word the quiz taker cannot
resolve ("Evans said it was not deterring shoppers", "the other is ...", "was another full of
praise"), that present a quoted opinion as what the article says, that copy a typo of the
article ("politicial") or that state a clock time (a listing detail). These checks run on the
claim's parse, so they see entity labels and grammatical roles that a text pattern cannot.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .claims import ClaimInfo
from .document import Document, sentence_at
from .lexicon import (
    JOB_CLASSES,
    PERSON_NOUNS,
    PERSON_ROLES,
    REPORTING_VERBS,
    SPAN_NOUNS,
    THIS_PERIODS,
)
from .persons import FEMALE_NAMES, FIRST_NAMES, MALE_NAMES
from .pronouns import opener_refers_to_subst
from .quality import name_before

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_THINGS = frozenset(
    {"ORG", "GPE", "PRODUCT", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW", "LOC", "LANGUAGE"}
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord"})
# a clock time ("at 1330 GMT", "2005 GMT", "7.30pm"): what a listing says, never the news
# (a price, "$40.15", is no clock time: the 2.4.0 pattern dropped a headline claim for it)
_CLOCK = re.compile(
    r"\b\d{3,4} ?(GMT|BST|CET|EST|PST|ET)\b|\b\d{1,2}:\d{2} ?(am|pm|GMT|BST)?\b(?!\s*%)|"
    r"(?<![$\u00a3\u20ac])\b\d{1,2}\.\d{2} ?(am|pm|GMT|BST)\b|"
    r"\b\d{1,2} ?(am|pm|a\.m\.|p\.m\.)(?!\w)",
    re.I,
)


def _named_before(
    tokens: list[Any],
    i: int,
    labels: frozenset[str],
    plural: bool = False,
    voted: dict[int, str] | None = None,
) -> bool:
    for t in tokens[:i]:
        if _compared_with(t):
            continue  # "Like Collins and Tillis, she ...": the ones she is compared with
        if t.ent_type_ in labels or (voted is not None and voted.get(t.i) in labels):
            return True  # ``voted``: the document's label for a name the model missed here
        # a name the tagger left unlabelled ("Desailly"): a person's, unless a thing's is asked
        if "PERSON" in labels and t.tag_ == "NNP" and (not t.ent_type_ or t.dep_ == "nsubj"):
            return True
        # "the government ... it": a singular thing named in the claim (never a person)
        if "ORG" in labels and not plural and t.tag_ in {"NN", "NNP"} and t.ent_type_ != "PERSON":
            if t.dep_ in {"nsubj", "nsubjpass"}:
                return True
        if plural and t.tag_ in {"NNS", "NNPS"}:
            return True
        if "PERSON" in labels and t.lower_.rstrip(".") in _TITLES:
            return True
    return False


_HE = frozenset({"he", "him", "his", "himself"})
_COMPARING = frozenset({"like", "unlike"})


def _compared_with(t: Any) -> bool:
    """Whether the token stands in a "like ..."/"unlike ..." phrase: "Like Collins and Tillis,
    she expressed concern" names the people "she" is compared with, never the one "she" is
    (a fresh article judged blind at 2.19.0: "'she' has no referent")."""
    return any(a.dep_ == "prep" and a.lower_ in _COMPARING for a in t.ancestors)


def _other_sex_only(tokens: list[Any], i: int, pronoun: str) -> bool:
    """Whether every person named before the pronoun has a first name of the other sex."""
    ents = [e for e in tokens[0].doc.ents if e.label_ == "PERSON" and e.end <= tokens[i].i]
    ents = [e for e in ents if e.start >= tokens[0].i and len(e) > 1]
    if not ents:
        return False
    names = [e[0].lower_ for e in ents]
    if pronoun in _HE:
        return all(n in FEMALE_NAMES for n in names)
    return all(n in MALE_NAMES for n in names)


_GROUP_COUNTS = frozenset({"two", "three", "four", "five", "pair", "trio"})


def _counted_group(tokens: list[Any], i: int) -> bool:
    """ "the two banks", "the three firms": which ones? Unless the claim names them first
    (two names joined by "and" before it). Blind editors: "never says which"."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower_ not in _GROUP_COUNTS:
        return False
    if tokens[i + 1].lower_ in {"pair", "trio"}:
        noun = tokens[i + 1]
    else:
        noun = tokens[i + 2]
        if noun.tag_ not in {"NNS", "NNPS"}:
            return False
        if noun.lemma_.lower() in SPAN_NOUNS:
            return False  # "the three months to December": a period, not a set to name
    before = tokens[:i]
    return (
        not any(
            t.lower_ == "and"
            and t.i > 0
            and (t.nbor(-1).ent_type_ or t.nbor(-1).pos_ == "PROPN")
            and (t.nbor(1).ent_type_ or t.nbor(1).pos_ == "PROPN")
            for t in before
            if t.i + 1 < len(t.doc)
        )
        and noun.tag_ != "NNP"
    )


def _refers_to_subst(pronoun: str, label: str) -> bool:
    """Whether a pronoun after a resolved name can stand for it: "her" for a person the
    story is about, "its" for its main organisation or its one country."""
    if label == "PERSON":
        return pronoun in _PERSON_PRONOUNS
    return label in {"ORG", "GPE"} and pronoun in _THING_PRONOUNS  # GPE: the story's country


#: Nouns for a person: a "she" or "his" of the lead may stand for one, an "it" never.
_PERSON_WORDS = PERSON_NOUNS | PERSON_ROLES | frozenset(JOB_CLASSES)


def lead_antecedent(claim: ClaimInfo, i: int) -> bool:
    """Whether the pronoun ``claim.tokens[i]`` of the lead stands for a noun before it in the
    same claim ("A US airline attendant suspended over images on her blog says she has been
    fired", "a service which lets customers needing computing power rent it by the hour").

    The lead opens the story: a reader of the article has nothing before it either, so a
    pronoun after a common noun of its kind in the lead's own words is read as the article's
    reader reads it. Only a claim that starts where the lead starts and has no name put in for
    a pronoun; "she"/"his" only after a noun for a person (:data:`PERSON_NOUNS`, a job or a
    role), never after "a report" (which would leave a person of the headline); "it" after a
    singular noun and "they" after a plural one. An object ("approve it", "sacked him") never
    stands for a subject before it ("The registry was reluctant to approve it" points at the
    headline), so only a noun that is no subject counts for one. A pronoun that opens the claim
    points at the headline and is never read this way.
    """
    if claim.sentence.index != 0 or claim.subst is not None:
        return False
    if claim.start != claim.sentence.start or i == 0:
        return False
    tok = claim.tokens[i]
    low = tok.lower_
    obj = tok.dep_ in {"dobj", "pobj", "dative"}

    def fits(t: Any, tags: set[str]) -> bool:
        return t.tag_ in tags and not (obj and t.dep_ in {"nsubj", "nsubjpass", "compound"})

    before = claim.tokens[:i]
    if low in _PERSON_PRONOUNS:
        return any(fits(t, {"NN"}) and t.lemma_.lower() in _PERSON_WORDS for t in before)
    if low in _THING_PRONOUNS:
        # never a person ("The chairman said it would cut jobs") nor the subject of a
        # reporting verb ("A report says it will cut jobs"): "it" is then the headline's firm
        return any(
            fits(t, {"NN"})
            and t.lemma_.lower() not in _PERSON_WORDS
            and not (t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_VERBS)
            for t in before
        )
    if low in _GROUP_PRONOUNS:
        return any(fits(t, {"NNS"}) for t in before)
    return False


def unresolved_reference(claim: ClaimInfo) -> bool:
    """A pronoun with no name of its kind before it in the claim, or "the other"/"another"
    standing alone (no noun after it)."""
    toks = claim.tokens
    skip = range(claim.subst[0], claim.subst[1]) if claim.subst is not None else range(0)
    off = claim.sentence.offset
    # a name put in for a leading pronoun or description counts as named before what follows
    named = claim.subst_label if claim.subst is not None and claim.subst_main else None
    # the label the whole article gives a name ("Sella" tagged a common noun in one sentence)
    voted = {
        t.i: m.label
        for m in claim.sentence.mentions
        for t in toks
        if m.start <= t.idx + off < m.end and t.text[:1].isupper()
    }
    # a surname the model left unlabelled here but tags a person elsewhere in the paragraph
    # ("Sella admitted he had been impressed ..." after "..., Sella said."): a person (count12)
    people = {e[-1].text for e in toks[0].doc.ents if e.label_ == "PERSON"} if toks else set()
    for t in toks:
        if t.i not in voted and not t.ent_type_ and t.text in people and t.text[:1].isupper():
            voted[t.i] = "PERSON"
    for i, t in enumerate(toks):
        if t.idx + off in skip:
            continue
        low = t.lower_
        if named is not None and t.idx + off >= skip.stop and _refers_to_subst(low, named):
            continue
        if claim.subst_main and opener_refers_to_subst(claim, t):
            continue
        if low in _PERSON_PRONOUNS and not _named_before(
            toks, i, frozenset({"PERSON"}), voted=voted
        ):
            if not lead_antecedent(claim, i):
                return True
            continue
        if low in _PERSON_PRONOUNS and _other_sex_only(toks, i, low):
            return True  # "Anne Robinson said as home secretary he ...": "he" is someone else
        if low == "the" and _counted_group(toks, i):
            return True
        if low in _THING_PRONOUNS | _GROUP_PRONOUNS and lead_antecedent(claim, i):
            continue  # the lead's own noun before it: what the article's reader reads too
        if low == "it" and t.dep_ in {"dobj", "pobj"}:
            return True  # "reluctant to approve it", "ran on to it": rarely the name before
        if low in _THING_PRONOUNS and t.dep_ != "expl":
            if not _named_before(toks, i, _THINGS):
                return True
        if low in _GROUP_PRONOUNS and not _named_before(toks, i, _THINGS, plural=True):
            return True
        if low in {"another", "other", "others"} and (
            t.dep_ not in {"amod", "det"} or t.head.pos_ not in {"NOUN", "PROPN", "NUM"}
        ):
            return True  # "the other is ...", "was another full of praise"
    return False


def inside_quote(doc: Document, claim: ClaimInfo) -> bool:
    """Whether the claim starts inside quotation marks: someone's words, not the article's."""
    # from the previous sentence's start (within the paragraph): the parser may start a
    # sentence inside a quote; further back, an article's unclosed quote would mislead
    para = doc.text.rfind("\n", 0, claim.start) + 1
    idx = claim.sentence.index
    prev = doc.sentences[idx - 1].start if idx > 0 else claim.sentence.start
    before = doc.text[max(para, prev) : claim.start]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


@lru_cache(maxsize=1)
def _known_words() -> tuple[frozenset[str], dict[tuple[str, int], list[str]]]:
    """Every word form of the model's lemmatizer tables, and the same bucketed for lookups."""
    from .nlp import get_nlp

    lookups = get_nlp().get_pipe("lemmatizer").lookups
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        table = lookups.get_table(name)
        for _pos, entries in table.items():
            if isinstance(entries, dict):
                words.update(str(w) for w in entries)
                for forms in entries.values():
                    words.update(str(f) for f in forms)
            else:
                words.update(str(w) for w in entries)
    words = {w.lower() for w in words if w.isalpha()}
    buckets: dict[tuple[str, int], list[str]] = {}
    for w in sorted(words):
        buckets.setdefault((w[0], len(w)), []).append(w)
    return frozenset(words), buckets


def known_words() -> frozenset[str]:
    """Every lower-case word form the model's lemmatizer tables list."""
    return _known_words()[0]


#: Real words the model's tables leave out, that are one letter from words they list.
_REAL_WORDS = frozenset({"whilst", "amongst", "amidst"})


def _known_form(low: str) -> bool:
    """Whether a lower-case word is one the tables list, or one of its regular forms."""
    known = known_words()
    if low in known:
        return True
    for suffix in ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est"):
        if low.endswith(suffix) and low[: -len(suffix)] in known:
            return True
        # "having", "closer": a final "e" dropped before the suffix
        if suffix in {"ing", "ed", "er", "est"} and low.endswith(suffix):
            if low[: -len(suffix)] + "e" in known:
                return True
    return False


def looks_like_typo(word: str, lemma: str = "") -> bool:
    """A lower-case word the model's tables do not know, one letter or two away from a word
    they do ("politicial", "conterfeit"): the article's typo, not a word to copy."""
    low = word.lower()
    if len(low) < 6 or not low.isalpha() or not word.islower() or low in STOP_WORDS:
        return False
    known, buckets = _known_words()
    if _known_form(low) or (lemma and lemma.lower() in known):
        return False
    near = [w for n in (len(low) - 1, len(low), len(low) + 1) for w in buckets.get((low[0], n), [])]
    return bool(difflib.get_close_matches(low, near, n=1, cutoff=0.88))


def copied_typo(claim: ClaimInfo) -> bool:
    """Whether any word of the claim looks like a typo of the article."""
    return any(
        t.is_alpha and not t.ent_type_ and t.pos_ != "PROPN" and looks_like_typo(t.text, t.lemma_)
        for t in claim.tokens
    )


_THE_NAME_S = re.compile(r"\bthe ((?:[A-Z][\w&.-]*)(?: [A-Z][\w&.-]*){0,2})['\u2019]s\b")


def stray_article(doc: Document, claim: ClaimInfo) -> bool:
    """Whether the claim writes "the" before a possessive name that the article names on its
    own at least twice elsewhere, never after "the" ("selling the Fiat's car-making unit" in a
    story of "Fiat claims", "Fiat will meet"): a slip of the article's, which blind judges
    refused as ungrammatical when copied (2.18.1). "the BBC's" stays where the article writes
    "the BBC", and so does "the Kremlin's" where it writes only "Kremlin spokesman": a name
    that modifies another word, or one in the headline, tells nothing."""
    for m in _THE_NAME_S.finditer(doc.text[claim.start : claim.end]):
        name = m.group(1)
        uses = [
            u.start()
            for u in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text)
            if u.start() != claim.start + m.start(1) and _stands_alone(doc, u.start(), u.end())
        ]
        after_the = any(re.search(r"\bthe\s+$", doc.text[max(0, u - 5) : u], re.I) for u in uses)
        if len(uses) >= 2 and not after_the:
            return True
    return False


def _stands_alone(doc: Document, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` of a body sentence is a noun phrase of its own, not a
    modifier of the word after it ("Kremlin spokesman", "EU ministers", "Pope Francis")."""
    s = sentence_at(doc, start)
    if s is None:
        return False
    last = next((t for t in s.span if t.idx <= end - 1 - s.offset < t.idx + len(t.text)), None)
    return last is not None and last.dep_ not in {"compound", "amod", "nmod"}


def _swaps(low: str) -> list[str]:
    return [low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)]


def misspelt_first_name(word: str) -> bool:
    """A first name two neighbouring letters of which are swapped ("Jermoe" for Jerome,
    "Micheal" for Michael): not itself a first name or a word the model knows, one swap from
    a first name. Real rare names ("Niamh", "Siobhan", "Oluwaseun") are one swap from none."""
    low = word.lower()
    if len(low) < 5 or not word.istitle() or not low.isalpha() or low in FIRST_NAMES:
        return False
    return not _known_form(low) and any(w in FIRST_NAMES for w in _swaps(low))


def misspelt_opener(word: str) -> bool:
    """A capitalised common word with a letter doubled or missing ("Thhe", "Goverment",
    "Comittee") or a short one with two letters swapped ("Teh"): not a word or a first name
    the model knows, and one doubled letter too many or one letter short of a word it does.
    (The caller rules out names the article capitalises elsewhere.)"""
    low = word.lower()
    if len(low) < 3 or not word.istitle() or not low.isalpha() or low in FIRST_NAMES:
        return False
    known, buckets = _known_words()
    if _known_form(low) or low in STOP_WORDS or low in _REAL_WORDS:
        return False
    for i in range(len(low) - 1):
        fewer = low[:i] + low[i + 1 :]
        if low[i] == low[i + 1] and (fewer in known or fewer in STOP_WORDS):
            return True  # "Thhe", "Comittee"
    if any(w in STOP_WORDS and len(w) > 2 for w in _swaps(low)):
        return True  # "Teh", "Whihc"
    if len(low) < 6:
        return False
    return any(_one_short(low, w) for w in buckets.get((low[0], len(low) + 1), []))


def _one_short(low: str, word: str) -> bool:
    """Whether ``low`` is ``word`` with one letter left out ("goverment", "government")."""
    i = 0
    while i < len(low) and low[i] == word[i]:
        i += 1
    return low[i:] == word[i + 1 :]


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w-])")


def name_spellings(text: str) -> dict[str, str]:
    """A name the article spells two ways ("Jerome Smith" twice, "Jermoe Smith" once): each
    rarer spelling mapped to the one the article uses most, or to "" when both are used as
    often (no telling which is right). Two capitalised words are one name spelt two ways when
    they are one swap of neighbouring letters apart, or one letter apart and written next to
    the same other name ("Phillip Smith", "Philip Smith"); two listed first names ("Louis",
    "Louise") are two people."""
    counts: dict[str, int] = {}
    beside: dict[str, set[str]] = {}
    words = list(_CAPITALISED.finditer(text))
    for i, m in enumerate(words):
        w = m.group(0)
        counts[w] = counts.get(w, 0) + 1
        for j in (i - 1, i + 1):
            if 0 <= j < len(words):
                left, right = sorted((m, words[j]), key=lambda x: x.start())
                if text[left.end() : right.start()] == " ":
                    beside.setdefault(w, set()).add(words[j].group(0))
    out: dict[str, str] = {}
    forms = sorted(w for w in counts if len(w) >= 5)
    for a in forms:
        for b in forms:
            if a >= b or not (b in _swaps(a) or _one_apart(a, b)):
                continue
            short, long = sorted((a, b), key=len)
            if long in {short + "s", short + "'s"}:
                continue  # "Democrat", "Democrats"
            shared = bool(beside.get(a, set()) & beside.get(b, set()))
            names = {a.lower(), b.lower()}
            if names <= FIRST_NAMES:
                # "Philip Jones", "Phillip Jones": one man; "Louis", "Louise": two people
                if not shared or (names & MALE_NAMES and names & FEMALE_NAMES):
                    continue
            elif b not in _swaps(a) and not shared or names <= known_words():
                continue  # ("Austria", "Australia" are two places the model knows)
            if counts[a] == counts[b]:
                out.setdefault(a, "")
                out.setdefault(b, "")
            else:
                rare, common = (a, b) if counts[a] < counts[b] else (b, a)
                out[rare] = common
    return out


def _one_apart(a: str, b: str) -> bool:
    """One letter changed, added or left out."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and _one_short(short.lower(), long.lower())


def article_typos(doc: Document) -> frozenset[str]:
    """The article's typos, lower-cased, that no question may copy: lower-case words one
    letter from a known word ("politicial"), misspelt first names ("Jermoe Smith") and
    capitalised words at a sentence's start with a letter doubled or missing ("Goverment"),
    unless the article capitalises the same word where no sentence starts (a name)."""
    found: set[str] = set()
    for s in doc.sentences:
        toks = list(s.span)
        first = next((t for t in toks if t.is_alpha), None)
        for t in toks:
            if not t.is_alpha:
                continue
            if t.text.islower():
                if not t.ent_type_ and t.pos_ != "PROPN" and t.lower_ not in _REAL_WORDS:
                    if looks_like_typo(t.text, t.lemma_):
                        found.add(t.lower_)
                continue
            if t.ent_type_ == "PERSON" and t.ent_iob_ == "B":
                ent = next((e for e in s.span.ents if e.start == t.i), None)
                if ent is not None and len(ent) > 1 and misspelt_first_name(t.text):
                    found.add(t.lower_)
            opener = (
                first is not None
                and t.i == first.i
                and t.ent_type_ != "PERSON"
                and t.text not in doc.mid_capitals
            )
            if opener and misspelt_opener(t.text):
                found.add(t.lower_)
    return frozenset(found)


_WORD = re.compile(r"[A-Za-z]+")


def respell(doc: Document, texts: list[str], shown: int | None = None) -> list[str] | None:
    """``texts`` (a question's stem, options, explanation) with a name the article spells two
    ways in the spelling it uses most; None when one of the first ``shown`` texts (all by
    default: what the quiz taker reads before answering) copies a typo of the article or a
    name spelt two ways as often (rubric rule 12: never carry the article's typo)."""
    cache = doc.typo_cache
    if not cache:
        cache["typos"] = article_typos(doc)
        cache["spellings"] = name_spellings(doc.text)
    typos: frozenset[str] = cache["typos"]
    spellings: dict[str, str] = cache["spellings"]
    out = []
    for i, text in enumerate(texts):
        asked = shown is None or i < shown
        for w in set(_WORD.findall(text)):
            if w in spellings:
                if not spellings[w] and asked:
                    return None
                if spellings[w]:
                    text = re.sub(rf"(?<![\w'’-]){w}(?![\w-])", spellings[w], text)
        if asked and any(w.lower() in typos for w in _WORD.findall(text)):
            return None
        out.append(text)
    return out


def clock_time(text: str) -> bool:
    """Whether the text states a clock time (a listing detail judges call trivia)."""
    return bool(_CLOCK.search(text))


_DECIMAL = re.compile(r"\d+\.\d+")
_CURRENCY = frozenset("$ \u00a3 \u20ac".split())


def unitless_figure(claim: ClaimInfo) -> bool:
    """A measurement whose unit the sentence leaves to another one: a decimal figure that ends
    its phrase with no unit, sign or name before it ("the previous top machine clocked up
    35.86": 35.86 what? Blind judges of the dev set, 2.16.5). A version ("Firefox 1.0") follows
    its name, and "0.5%", "$1.13bn", "a 3.5-litre engine" carry their unit."""
    toks = claim.tokens
    for i, t in enumerate(toks):
        if not _DECIMAL.fullmatch(t.text):
            continue
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and (prev.text in _CURRENCY or prev.pos_ == "PROPN"):
            continue
        # "35.86.", "35.86 in tests": no unit; "0.5%", "3.5-litre", "2.5 per cent" carry one
        if (
            nxt is None
            or (nxt.is_punct and nxt.text not in {"%", "-"})
            or (nxt.pos_ in {"ADP", "CCONJ"} and nxt.lower_ != "per")
        ):
            return True
    return False


_NAMES = (_THINGS - {"NORP"}) | {"PERSON", "MONEY", "PERCENT", "QUANTITY"}


def unanchored(claim: ClaimInfo) -> bool:
    """A claim that names nothing and leans on the sentence before for what it is about:
    it ends on an agentless passive ("four British-based players are included": included in
    what?) or a passive's subject is a bare plural ("prices have been heavily subsidised": the
    prices of what?; an active "carers have said ..." reads fine). Blind editors said such
    words have no referent."""
    toks = [t for t in claim.tokens if not t.is_punct]
    if not toks or any(t.ent_type_ in _NAMES for t in toks):
        return False
    root = claim.root
    if root.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in root.children) and toks[-1] == root:
        return True
    subjects = [c for c in root.children if c.dep_ == "nsubjpass"]
    return any(
        s.tag_ == "NNS" and not any(True for _ in s.children) and s.i == toks[0].i for s in subjects
    )


def bare_second_clause(doc: Document, claim: ClaimInfo) -> bool:
    """The clause after "and" or "but" (with or without a comma) whose subject is a bare
    singular common noun ("..., the BBC's correspondent reports, and planned spending would
    almost double to $3bn": planned spending on what? Blind judges of the dev set, 2.16.5):
    the first clause says what it is about ("... in 2004 and unemployment fell to 3%" too).
    A subject with a determiner, an owner, a name or a complement ("the firm's profits",
    "spending on schools") reads alone, and so does a bare plural of an active verb ("...,
    and carers have said they need more": :func:`unanchored`)."""
    before = doc.view[max(claim.sentence.start, claim.start - 6) : claim.start].lower()
    if not before.rstrip().endswith((" and", " but", ",and", ",but")):
        return False
    subjects = [c for c in claim.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        s.tag_ == "NN"
        and not any(
            c.dep_ in {"det", "poss", "nummod", "prep", "relcl", "acl"}
            or c.pos_ == "PROPN"
            or c.ent_type_
            for c in s.children
        )
        for s in subjects
    )


_REPORTING = frozenset(
    "announce say reveal write tell claim report confirm disclose post blog tweet".split()
)


def ambiguous_date(claim: ClaimInfo) -> bool:
    """A date closing a reported clause with no "that" ("announced on her blog she had been
    fired on 1 November"): was she fired then, or did she say so then? Blind editors could
    not tell which the statement asserts."""
    root = claim.root
    if root.lemma_.lower() not in _REPORTING:
        return False
    comps = [c for c in root.children if c.dep_ == "ccomp"]
    words = [t for t in claim.tokens if not t.is_punct]
    if not comps or not words or words[-1].ent_type_ != "DATE":
        return False
    comp = comps[0]
    if comp.tag_ not in {"VBD", "VBN"} or any(
        t.lower_ == "that" and t.dep_ == "mark" for t in comp.children
    ):
        return False
    # "on 1 November", "on Monday": a day either event could fall on ("from June" belongs
    # to what is expected, "during the last year" to what happened)
    prep = words[-1].head if words[-1].dep_ == "pobj" else words[-1].head.head
    return (
        prep.lower_ == "on"
        and prep.head == comp
        and comp.left_edge.i <= words[-1].i <= comp.right_edge.i
    )


def self_contained(doc: Document, claim: ClaimInfo, text: str) -> bool:
    """Everything above: the claim can be shown to a quiz taker who has not read the article."""
    return not (
        unresolved_reference(claim)
        or unanchored(claim)
        or ambiguous_date(claim)
        or inside_quote(doc, claim)
        or copied_typo(claim)
        or stray_article(doc, claim)
        or clock_time(text)
        or unitless_figure(claim)
        or bare_second_clause(doc, claim)
    )


_PRONOUNS = re.compile(
    r"\b(he|she|it|they|him|her|them|his|its|their|this|these|those|there|here)\b", re.I
)
_THIS_PERIOD = rf"this (?:{'|'.join(sorted(THIS_PERIODS))})\b"
_DEICTIC = re.compile(
    # "those of local rivals" points back inside the sentence, so it is not deictic
    # nor is "those affected / who ... / on trial / in work"; nor "this week" (THIS_PERIODS)
    rf"\b(?!{_THIS_PERIOD})(this|these|here)\b"
    r"|\bthose\b(?! (?:of|who|affected|involved|living|taking|on|in|at|with|without|from)\b)"
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


def plural_subject(claim: ClaimInfo) -> bool:
    """Whether the claim's subject is a plural common noun ("The world's richest countries
    have said they want ..."): a "they" or "their" after it stands for it."""
    ids = {t.i for t in claim.tokens}
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "NNS" and c.i in ids and c.i < claim.root.i
        for c in claim.root.children
    )


# "Shares in the brewer were last up 6.2 percent": a firm named by its trade, which a quiz
# taker cannot place without the name before it (a fresh article judged blind at 2.19.0; lower
# case only: "the Bank of England" is a name)
_ANAPHORIC_TRADE = re.compile(
    r"\b(?:[Tt]he|[Bb]oth) (?:brewer|carmaker|automaker|chipmaker|drugmaker|retailer|lender|"
    r"insurer|airline|carrier|supplier|manufacturer|broadcaster|publisher|miner|bank)"
    r"(?:s|'s|\u2019s|s'|s\u2019)?\b(?! (?:of|that|which|in|at)\b)"
    # a word for a trade before another noun names no firm ("the bank listings", "the airline
    # industry")
    r"(?! (?:listings?|industry|sector|market|shares?|stocks?|business|holiday|strike|"
    r"loans?|lending|accounts?|notes?|rates?|charges?|deal|bid)\b)"
)
#: Words for someone known only by how they relate to another ("teammate Stephen Harmison
#: took four wickets": whose teammate?), unless an owner or a name comes right before
#: ("his teammate", "Smith's teammate", "England teammate") or "of" after.
_RELATIONAL = frozenset(
    "teammate teammates team-mate team-mates compatriot compatriots countryman countrymen "
    "countrywoman colleague colleagues counterpart counterparts namesake".split()
)
_POSSESSIVES = frozenset("his her their its my our your".split())


def _named_earlier(text: str) -> bool:
    """Whether a name stands in ``text``: a capitalised word other than an English word that
    opens the sentence ("Shares in the brewer ..." names none; "Hopfen said ..." does)."""
    words = re.findall(r"[A-Za-z][A-Za-z'.&-]*", text)
    return any(
        w[0].isupper() and (i > 0 or not _known_form(w.lower())) and name_before(w)
        for i, w in enumerate(words)
    )


def relation_without_anchor(text: str) -> bool:
    """Whether the text calls someone by a relation to a person it does not name before
    (:data:`_RELATIONAL`): "Teammate _____ took four wickets" (a fresh article judged blind
    at 2.19.0: "without saying whose teammate")."""
    words = re.findall(r"[\w'\u2019-]+", text)
    for i, w in enumerate(words):
        if w.lower() not in _RELATIONAL:
            continue
        prev = words[i - 1] if i else ""
        anchored = (
            prev.lower() in _POSSESSIVES
            or prev.endswith(("'s", "\u2019s", "s'"))
            or (prev[:1].isupper() and prev.lower() not in {"the", "a", "an"})
            or (i + 1 < len(words) and words[i + 1].lower() == "of")
        )
        if not anchored:
            return True
    return False


# "The word will now appear in ...": which word? (unless the word itself follows: "the word
# 'blog'", "the word of the year") (count12)
_THE_WORD = re.compile(r"\b(?:the|both) words?\b(?! *[\"'\u2018\u201c]| (?:of|for|that)\b)", re.I)


def vague(text: str, group_named: bool = False) -> bool:
    """Whether the text leans on context a quiz taker does not have.

    Deictic words (this, these) always do; so does a definite abstract noun that points back
    ("the move", "the issue", "both newcomers") unless a complement says what it is; a
    pronoun or "the company" does unless a name appears before it in the same text, where it
    most likely refers back to that name. ``group_named``: the text's subject is a plural
    noun (:func:`plural_subject`), which a later "they", "them" or "their" stands for
    ("The richest countries said they ..." was refused for want of a capitalised name).
    """
    if _DEICTIC.search(text) or _ANAPHORIC.search(text) or _MISSING_REFERENT.search(text):
        return True
    if _THE_WORD.search(text) or relation_without_anchor(text):
        return True
    for m in _ANAPHORIC_TRADE.finditer(text):
        if not _named_earlier(text[: m.start()]):
            return True
    for m in _ANAPHORIC_ORG.finditer(text):
        if not name_before(text[: m.start()]):
            return True
    for m in _PRONOUNS.finditer(text):
        if re.match(_THIS_PERIOD, text[m.start() :], re.I):
            continue  # "this week": a date, not a pointer
        if group_named and m.start() > 0 and m.group(1).lower() in _GROUP_PRONOUNS:
            continue
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
