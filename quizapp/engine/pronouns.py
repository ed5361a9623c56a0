"""Who a claim's leading pronoun means ("He said ...", "Its profit rose", "It also said ..."),
resolved to a name only where one name can be meant; and the facts of the story that rule and
:mod:`~quizapp.engine.descriptions` share: whether a claim is a later clause of its sentence
(:func:`earlier_clause`, never resolved), the story's main actor (:func:`main_actor`) and one
country (:func:`story_country`), and the form a person's name is put in as
(:func:`person_form`).

The split: this module reads pronouns (he/she/it and their possessives, a chain of them, a
participial opener's subject); :mod:`~quizapp.engine.descriptions` reads phrases with a noun
("the company", "the film", "the minister", "both companies"). Claims keep the resolution as
``subst`` (:mod:`quizapp.engine.claims`); selection asks a claim resolved by the loose pronoun
rule (:func:`resolve_pronoun`) only when the name is the story's main actor
(:func:`is_main_actor`); the stricter rules (a description, a class noun, a pair, a role, a
person pronoun with no rival of the same sex, a chain) name one candidate only, so their
claims are asked whoever they name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .document import Document, Sentence
from .lexicon import COUNTRY_LIST, PERSON_ROLES
from .nlp import Mention

COUNTRY_NAMES = (*COUNTRY_LIST, "US", "UK", "USA", "United States", "United Kingdom")

if TYPE_CHECKING:
    from .claims import ClaimInfo

#: The kind of name a leading pronoun stands for.
PRONOUN_LABEL = {
    "he": "PERSON",
    "she": "PERSON",
    "his": "PERSON",
    "her": "PERSON",
    "it": "ORG",
    "its": "ORG",
}


def resolve_pronoun(doc: Document, c: ClaimInfo) -> tuple[int, int, str] | None:
    """Replace a claim's leading subject pronoun by the name it refers to, when safe.

    Safe means: the previous sentence's grammatical subject is a single name of the right
    kind (a person for he/she/his/her, an organisation for it/its), and that sentence names
    no other entity of that kind, so there is exactly one candidate antecedent.
    """
    if earlier_clause(c):
        return None  # an antecedent in its own sentence: never the previous sentence's
    opened = participial_subject(c)
    first = opened if opened is not None and opened.pos_ == "PRON" else c.tokens[0]
    if (
        first.lower_ == "the"
        and len(c.tokens) > 1
        and c.tokens[1].lower_ in _ORG_NOUNS
        and c.tokens[1].dep_ in {"nsubj", "nsubjpass"}
        and first.head == c.tokens[1]
    ):
        return _resolve_window(doc, c, "ORG", c.tokens[1])
    label = PRONOUN_LABEL.get(first.lower_)
    if label is None or first.pos_ != "PRON" or c.sentence.index == 0:
        return None
    simple = _resolve_previous_subject(doc, c, first, label)
    if simple is not None:
        return simple
    if first.lower_ in {"he", "she", "it"} and first.dep_ in {"nsubj", "nsubjpass"}:
        return _resolve_window(doc, c, label, first)
    if first.lower_ in {"his", "her", "its"} and first.dep_ == "poss":
        return _resolve_window(doc, c, label, first, "'s")
    return None


_ORG_NOUNS = {"company", "firm"}
# an "it" whose previous sentence's subject is a specific thing ("The Top 500 list",
# "the government") rather than a name: that subject is the antecedent
_INSTITUTIONS = {"government", "council", "commission", "parliament", "regulator", "court"}


def _subject_names(s: Sentence, label: str) -> tuple[list[str], Any]:
    """Names of ``label`` that are the sentence's subject or the subject's possessor."""
    subj = [t for t in s.span.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1:
        return [], None
    if any(t.dep_ == "conj" for t in subj[0].children):
        return [], subj[0]  # "Peter Banda and John Cole told ...": no one antecedent
    heads = [subj[0], *(t for t in subj[0].children if t.dep_ == "poss")]
    at = [t.idx + s.offset for t in heads]
    names = [
        m.text for m in s.mentions if m.label == label and any(m.start <= h < m.end for h in at)
    ]
    return names, subj[0]


def _resolve_window(
    doc: Document, c: ClaimInfo, label: str, head: Any, suffix: str = ""
) -> tuple[int, int, str] | None:
    """A pronoun or "the company/firm" resolved over the previous two sentences.

    The antecedent is a name of the right kind that is the subject (or the subject's
    possessor) of one of the two previous sentences of the same paragraph, when exactly one
    such name exists there and the claim itself does not mention it ("the company said AOL's
    profit rose": the company is not AOL). For "it", a specific singular subject of the
    previous sentence ("The Top 500 list", "the government") is the antecedent instead, and
    any other singular subject there blocks an older name.
    """
    i = c.sentence.index
    if i == 0 or _INDEFINITE_IT(c, head):
        return None
    own = {m.text for m in c.sentence.mentions if c.start <= m.start and m.end <= c.end}
    prev: list[Sentence] = []
    nxt = c.sentence
    for s in reversed(doc.sentences[max(0, i - 2) : i]):
        if prev and "\n" in doc.text[s.end : nxt.start] or s.index != nxt.index - 1:
            break
        prev.append(s)
        nxt = s
    if not prev:
        return None
    # a pronoun after a participial opener is replaced alone, the opener kept
    lead = head if head.pos_ == "PRON" else c.tokens[0]
    start = lead.idx + c.sentence.offset
    end = head.idx + len(head.text) + c.sentence.offset
    found: list[str] = []
    for k, s in enumerate(prev):
        names, subj = _subject_names(s, label)
        found.extend(n for n in names if n not in own)
        if k == 0 and not names and subj is not None and label == "ORG" and subj.pos_ != "PRON":
            if subj.tag_ not in {"NN", "NNP"}:
                continue
            toks = list(subj.subtree)
            ents = {t.ent_type_ for t in toks if t.ent_type_}
            specific = (
                any(t.pos_ in {"PROPN", "NUM"} or t.text[:1].isupper() for t in toks[1:])
                or subj.lower_ in _INSTITUTIONS
            )
            if (
                head.lower_ == "it"
                and specific
                and toks[0].lower_ == "the"
                and len(toks) <= 5
                and not ents & {"PERSON", "GPE", "NORP", "DATE"}
                and not any(t.is_punct or t.pos_ in {"VERB", "ADP"} for t in toks)
            ):
                return start, end, "the" + "".join(t.text_with_ws for t in toks)[3:].rstrip()
            return None  # a singular thing in between: "it" most likely means that
    if len(set(found)) == 1:
        return start, end, found[0] + suffix
    return None


#: The main actor is named in at least this many sentences, at least twice as many as any
#: other name of its kind.
MAIN_ACTOR_SENTENCES = 3


def name_key(name: str, label: str) -> str:
    """People are counted by surname ("Nicole Kidman" and "Kidman"), other names as written."""
    return name.split()[-1] if label == "PERSON" else name


def main_actor(doc: Document, label: str) -> str | None:
    """The one person (or organisation) the story is about: named in the headline or the
    first sentence, and in at least MAIN_ACTOR_SENTENCES sentences, twice as many as any
    other name of that kind. Its longest form ("Nicole Kidman"), or None."""
    per: dict[str, set[int]] = {}
    forms: dict[str, str] = {}
    for s in doc.sentences:
        for m in s.mentions:
            if m.label != label:
                continue
            key = name_key(m.text, m.label)
            per.setdefault(key, set()).add(s.index)
            if len(m.text) > len(forms.get(key, "")):
                forms[key] = m.text
    ranked = sorted(per, key=lambda k: -len(per[k]))
    if not ranked or len(per[ranked[0]]) < MAIN_ACTOR_SENTENCES:
        return None
    top = ranked[0]
    if len(ranked) > 1 and 2 * len(per[ranked[1]]) > len(per[top]):
        return None
    title = doc.layout.title or ""
    if 0 not in per[top] and not re.search(rf"\b{re.escape(top)}\b", title):
        return None
    return forms[top]


def is_main_actor(doc: Document, c: ClaimInfo, label: str) -> bool:
    """Whether a pronoun resolved to the previous sentence's subject names the story's main
    actor too, and the claim names that actor nowhere else ("It is the latest network to be
    hit by Acme": "it" is not Acme): two rules agree, so the name is safe to ask about."""
    if c.subst is None:
        return False
    name = main_actor(doc, label)
    if name is None:
        return False
    key = name_key(name, label)
    said = c.subst[2].removesuffix("'s")
    if key not in said.split() and key != said:
        return False
    rest = doc.text[c.subst[1] : c.end]
    return key not in rest and not any(
        m.label == label and c.subst[1] <= m.start < c.end for m in c.sentence.mentions
    )


_EXPLETIVE_ADJ = {
    "early",
    "late",
    "likely",
    "unlikely",
    "possible",
    "impossible",
    "clear",
    "unclear",
    "important",
    "hard",
    "difficult",
    "easy",
    "necessary",
    "vital",
    "right",
    "wrong",
    "true",
    "surprising",
    "time",
}


def _INDEFINITE_IT(c: ClaimInfo, first: Any = None) -> bool:  # noqa: N802 - a predicate
    """ "It was too early to ...", "it is thought that ...": an expletive "it", which
    refers to nothing ("It is due to announce" still refers back)."""
    first = c.tokens[0] if first is None else first
    if first.lower_ != "it":
        return False
    head = first.head
    if head.lemma_ == "be" and any(
        t.dep_ in {"acomp", "attr"} and t.lower_ in _EXPLETIVE_ADJ for t in head.children
    ):
        return True
    return any(
        t.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in t.children)
        for t in head.children
    )


def _resolve_previous_subject(
    doc: Document, c: ClaimInfo, first: Any, label: str
) -> tuple[int, int, str] | None:
    """The original rule: a single-name subject of the previous sentence."""
    if first.lower_ in {"his", "her", "its"} and first.dep_ != "poss":
        return None
    if first.lower_ in {"he", "she", "it"} and first.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    prev = doc.sentences[c.sentence.index - 1]
    subj = [t for t in prev.span.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1:
        return None
    off = prev.offset
    right = subj[0].right_edge
    lo, hi = subj[0].left_edge.idx + off, right.idx + len(right.text) + off
    names = [m for m in prev.mentions if m.label == label]
    inside = [m for m in names if lo <= m.start and m.end <= hi]
    if len(names) != 1 or len(inside) != 1:
        return None
    m = inside[0]
    head = subj[0].idx + off
    if not (m.start <= head < m.end):
        return None  # "the boss of Acme": the subject is not the name itself
    start = first.idx + c.sentence.offset
    name = m.text + ("'s" if first.lower_ in {"his", "her", "its"} else "")
    return start, start + len(first.text), name


def resolve_tail_pronoun(doc: Document, c: ClaimInfo, pronoun: Any) -> str | None:
    """The name a closing attribution's pronoun stands for ("..., he added." -> "Annan"),
    by the rules a leading pronoun follows (:func:`resolve_pronoun`): the single name of the
    right kind that is the previous sentence's subject, or the one such subject over the
    previous two sentences of the paragraph. None for a pronoun with no such name ("they",
    "we") or no single candidate."""
    label = PRONOUN_LABEL.get(pronoun.lower_)
    if label is None or pronoun.dep_ not in {"nsubj", "nsubjpass"} or c.sentence.index == 0:
        return None
    simple = _resolve_previous_subject(doc, c, pronoun, label)
    if simple is None:
        simple = _resolve_window(doc, c, label, pronoun)
    return None if simple is None else simple[2]


def participial_subject(c: ClaimInfo) -> Any:
    """The main clause's subject right after a participial opener ("Reporting its results,
    it said ...", "Reflecting demand, the airline announced ..."): the opener's understood
    subject is the main clause's, so that subject is the claim's leading reference. None for
    any other opening."""
    toks = c.tokens
    first = toks[0]
    if first.tag_ not in {"VBG", "VBN"} or first.dep_ != "advcl" or first.head.i != c.root.i:
        return None
    after = [t for t in toks if t.i > first.right_edge.i]
    if len(after) < 3 or after[0].text != ",":
        return None
    subj = [t for t in c.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1 or subj[0].left_edge.i != after[1].i:
        return None  # the subject must follow the opener's comma
    return subj[0]


def opener_refers_to_subst(c: ClaimInfo, pronoun: Any) -> bool:
    """Whether a possessive in a participial opener ("Reporting its results, the airline
    ...") means the claim's resolved subject: the opener's understood subject is the main
    clause's, so "its" (a thing's) or "his"/"her" (a person's) is that subject's."""
    subj = participial_subject(c)
    if c.subst is None or subj is None or pronoun.i >= subj.left_edge.i:
        return False
    if subj.left_edge.idx + c.sentence.offset != c.subst[0] or pronoun.dep_ != "poss":
        return False
    if c.subst_label == "PERSON":
        return pronoun.lower_ in {"his", "her"}
    return c.subst_label in {"ORG", "THING"} and pronoun.lower_ == "its"


def earlier_clause(c: ClaimInfo) -> bool:
    """Whether the claim is a later clause of its sentence ("Sales rose and it said ..."):
    words of the sentence before it (beyond a discourse word, a conjunction or punctuation)
    may hold the antecedent of its opening pronoun or description, so the previous sentence's
    subject must never stand for it. Such a claim is never resolved (when in doubt, refuse)."""
    from .lexicon import DISCOURSE

    first = c.tokens[0].i
    return any(
        not (t.is_punct or t.is_space or t.dep_ == "cc" or t.lower_ in DISCOURSE)
        for t in c.sentence.span
        if t.i < first
    )


def story_country(doc: Document, c: ClaimInfo) -> str | None:
    """The one country the article names up to the claim's sentence (and in its headline),
    when it names no other place but a known city there, and no other nation's people:
    "the country" is then that country. A place the tagger missed is still found by name
    (a known country written anywhere before); an unknown place ("Cornwall", a state) may be
    the country meant, so it refuses."""
    from .lexicon import CITIES, COUNTRIES

    found: dict[str, str] = {}
    peoples: set[str] = set()
    for s in doc.sentences[: c.sentence.index + 1]:
        for m in s.mentions:
            low = m.text.lower().removeprefix("the ")
            if m.label in {"GPE", "LOC"} and low not in CITIES:
                found.setdefault(low, m.text)
            elif m.label == "NORP":
                peoples.add(m.text.lower())
    # "Indonesia Aceh": a region the tagger ran into its country's name is that country's
    found = {
        k: v
        for k, v in found.items()
        if not any(o != k and re.search(rf"\b{re.escape(o)}\b", k) for o in found)
    }
    if len(found) != 1:
        return None
    key = next(iter(found))
    if key not in COUNTRIES or key in {"us", "uk", "usa", "britain"}:
        return None  # unknown places may not be countries; "the US" needs its article
    before = f"{doc.layout.title or ''}\n{doc.text[: c.sentence.end]}"
    for country in COUNTRY_NAMES:
        if country.lower().removeprefix("the ") != key and re.search(
            rf"\b{re.escape(country.removeprefix('the '))}\b", before
        ):
            return None  # a country the tagger did not see
    # "Brazilian" in a story on Brazil; any other people ("Italian", "Swedish") may be meant
    if any(p[:4] != key[:4] for p in peoples):
        return None
    return found[key]


def resolve_country_it(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "It spent 59.2 trillion rupiah on subsidies" -> "Indonesia spent ...": a leading
    subject "it" (or "its") whose previous sentence of the paragraph has the story's one
    country as its subject (:func:`story_country`), and names no organisation there (a
    rival antecedent for "it"). ``(start, end, replacement, "GPE")``."""
    if earlier_clause(c) or c.sentence.index == 0:
        return None
    first = c.tokens[0]
    if first.lower_ == "it" and first.dep_ in {"nsubj", "nsubjpass"}:
        suffix = ""
    elif first.lower_ == "its" and first.dep_ == "poss":
        suffix = "'s"
    else:
        return None
    if _INDEFINITE_IT(c, first) or first.head.i != c.root.i and first.head.head.i != c.root.i:
        return None
    prev = doc.sentences[c.sentence.index - 1]
    if "\n" in doc.text[prev.end : c.sentence.start]:
        return None  # a new paragraph
    country = story_country(doc, c)
    subj = [t for t in prev.span.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if country is None or len(subj) != 1 or subj[0].pos_ != "PROPN":
        return None
    head = subj[0].idx + prev.offset
    if not any(m.text == country and m.start <= head < m.end for m in prev.mentions):
        return None
    if any(m.label in {"ORG", "PERSON"} for m in prev.mentions):
        return None  # "it" may mean the firm or body named there
    start = first.idx + c.sentence.offset
    return start, start + len(first.text), country + suffix, "GPE"


_SEX_OF = {"he": "m", "his": "m", "she": "f", "her": "f"}
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
#: Titles a person's name may follow in the text ("Mr Kennedy"): not part of a cut name.
_NAME_TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Lord Lady Dame Prof President Minister Chancellor Secretary".split()
)


def _quote_sentence(doc: Document, s: Sentence) -> bool:
    """A sentence that is all quoted words (a speaker's remark going on): it opens on a
    quotation mark and has nothing outside its quotes but closing punctuation."""
    text = doc.text[s.start : s.end].strip()
    if not text.startswith(_QUOTE_MARKS):
        return False
    closed = max(text.rfind(q) for q in _QUOTE_MARKS)
    return closed > 0 and not any(ch.isalnum() for ch in text[closed + 1 :])


def _cut_name(doc: Document, m: Mention) -> bool:
    """Whether the model cut a name short: the word before the mention is a proper noun of
    the same name ("Ard" before "Jan Vetham"), not a title ("Mr", "Minister")."""
    from .document import sentence_at

    s = sentence_at(doc, m.start)
    if s is None:
        return True
    toks = [t for t in s.span if m.start <= t.idx + s.offset < m.end]
    if not toks or toks[0].i == 0:
        return False
    before = toks[0].nbor(-1)
    if before.tag_ != "NNP" or before.text in _NAME_TITLES or before.i < s.span.start:
        return False
    return before.head.i in {t.i for t in toks} or before.dep_ == "compound"


def untitled(name: str) -> str:
    """A name without the title the model took into it ("Ms Simonetti" -> "Simonetti")."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".") in _NAME_TITLES:
        words = words[1:]
    return " ".join(words)


def person_form(doc: Document, m: Mention) -> str | None:
    """The name to put in for a person: the longest form the article gives the surname
    ("Charles Kennedy" for "Mr Kennedy"), when every form of that surname is one person's
    (each the end of the longest) and the model did not cut the name ("Ard Jan Vetham"
    tagged "Jan Vetham": a capitalised word right before the mention that is no title)."""
    surname = m.text.split()[-1]
    forms = {
        untitled(x.text)
        for x in doc.mentions
        if x.label == "PERSON" and x.text.split()[-1] == surname
    }
    forms.add(untitled(m.text))
    longest = max(forms, key=len)
    if any(not longest.endswith(f) for f in forms):
        return None  # "Venus Williams" and "Serena Williams": two people
    for x in doc.mentions:
        if x.label == "PERSON" and x.text.split()[-1] == surname and _cut_name(doc, x):
            return None
    return longest


def _quoted_at(doc: Document, s: Sentence) -> set[int]:
    """Token indices of a sentence inside quotation marks."""
    inside, out = False, set()
    for t in s.span:
        if t.text in _QUOTE_MARKS:
            inside = not inside
        elif inside:
            out.add(t.i)
    return out


def _speaker_subject(doc: Document, s: Sentence) -> Any:
    """The subject of a sentence's main verb, or, where the parser rooted the sentence in a
    quote it introduces ("Mr Kennedy is to tell the audience: \"Many people ... were\""),
    the one subject outside the quote. None when there is no single plain subject."""
    quoted = _quoted_at(doc, s)
    root = s.span.root
    if root.i in quoted:
        subj = [
            t
            for t in s.span
            if t.dep_ in {"nsubj", "nsubjpass"} and t.i not in quoted and t.head.i not in quoted
        ]
    else:
        subj = [t for t in root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subj) != 1 or any(t.dep_ in {"conj", "appos"} for t in subj[0].children):
        return None
    return subj[0]


def _lead_suffix(c: ClaimInfo, first: Any, subjects: set[str]) -> str | None:
    """How a leading pronoun is replaced by a name: ``""`` for a subject pronoun of the main
    verb ("He said ..."), ``"'s"`` for the possessive opening the subject ("His firm said
    ..."), None when it is neither."""
    if first.lower_ in subjects:
        if first.dep_ not in {"nsubj", "nsubjpass"} or first.head.i != c.root.i:
            return None
        return ""
    subj = first.head
    if first.dep_ != "poss" or subj.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if subj.head.i != c.root.i or subj.left_edge.i != first.i:
        return None
    return "'s"


def resolve_person_pronoun(doc: Document, c: ClaimInfo) -> tuple[int, int, str, str] | None:
    """ "He will also say ..." -> "Charles Kennedy will also say ...": a leading "he"/"she"
    (the subject) or "his"/"her" (the subject's possessor) of a claim that is its whole
    sentence, resolved to the person who is the subject of the previous sentence, when no
    other person could be meant. The previous sentence is the nearest one before the claim
    that is not all quoted words (at most two such remarks between, the speaker's going on).

    Safe means: that sentence's subject is a name tagged as a person (not a description, "The
    Argentine", nor a name the model missed); every other person named in it, in the sentence
    before it and in the remarks between (inside quotes too) is stated to be of the other sex
    (:func:`stated_sex`); the article does not state the other sex for the person; no other
    subject of those sentences describes a person ("the third seed"); the claim does not name
    the person; and the name is not cut or shared by two people (:func:`person_form`).
    ``(start, end, replacement, "PERSON")``."""
    from .persons import stated_sex

    if earlier_clause(c) or c.sentence.index == 0 or c.quote is not None:
        return None
    first = c.tokens[0]
    sex = _SEX_OF.get(first.lower_)
    if sex is None or first.pos_ != "PRON":
        return None
    suffix = _lead_suffix(c, first, {"he", "she"})
    if suffix is None:
        return None
    # the nearest sentence that is not a quoted remark, and the one before it
    i = c.sentence.index - 1
    between: list[Sentence] = []
    while i >= 0 and _quote_sentence(doc, doc.sentences[i]) and len(between) < 2:
        between.append(doc.sentences[i])
        i -= 1
    if i < 0 or _quote_sentence(doc, doc.sentences[i]):
        return None
    prev = doc.sentences[i]
    window = [prev, *between]
    if i > 0:
        window.append(doc.sentences[i - 1])
    subj = _speaker_subject(doc, prev)
    if subj is None:
        return None
    head = subj.idx + prev.offset
    found = [m for m in prev.mentions if m.label == "PERSON" and m.start <= head < m.end]
    if not found and subj.pos_ == "PROPN" and not subj.ent_type_:
        # "Mr Tanner is to tell ...": a surname the model missed here, the article's person
        found = [
            x
            for x in doc.mentions
            if x.label == "PERSON" and x.start < prev.start and x.text.split()[-1] == subj.text
        ][:1]
    if len(found) != 1:
        return None
    m = found[0]
    surname = m.text.split()[-1]
    if stated_sex(doc, m.text) not in {None, sex}:
        return None
    for s in window:
        for x in s.mentions:
            if x.label == "PERSON" and x.text.split()[-1] != surname:
                if stated_sex(doc, x.text) not in {"m", "f"} - {sex}:
                    return None  # another person of the same (or an unstated) sex
        if s is prev:
            continue
        # "The Argentine had ...", "Desailly is ...": a person the model did not tag
        for t in s.span:
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.pos_ == "PRON":
                continue
            at = t.idx + s.offset
            if any(x.start <= at < x.end for x in s.mentions if x.label != "PERSON"):
                continue
            tagged = any(x.start <= at < x.end for x in s.mentions)
            if t.pos_ == "PROPN" and not tagged or t.lower_ in PERSON_ROLES:
                return None
            if t.ent_type_ == "NORP":
                return None
    # a person described in the previous sentence besides its subject ("the Australian")
    for t in prev.span:
        if t.ent_type_ == "NORP" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            return None
    if re.search(rf"\b{re.escape(surname)}\b", c.text):
        return None  # "He beat Smith": the claim names the person
    name = person_form(doc, m)
    if name is None:
        return None
    start = first.idx + c.sentence.offset
    return start, start + len(first.text), name + suffix, "PERSON"


#: The pronouns a claim may open on that go on a chain of its previous sentence's subject
#: pronoun ("It said ... It also announced ..."), by that pronoun.
_CHAIN = {"he": {"he", "his"}, "she": {"she", "her"}, "it": {"it", "its"}}


def chain_subject(c: ClaimInfo) -> str | None:
    """The subject pronoun ("he", "she", "it") a claim that is its whole sentence opens on,
    when a name was put in for it: the next sentence's same pronoun may go on the chain."""
    if c.subst is None or not c.subst_main or earlier_clause(c):
        return None
    first = c.tokens[0]
    if first.idx + c.sentence.offset != c.subst[0] or first.lower_ not in _CHAIN:
        return None
    if first.dep_ not in {"nsubj", "nsubjpass"} or first.head.i != c.root.i:
        return None
    return first.lower_


def resolve_chain(
    doc: Document, c: ClaimInfo, before: tuple[str, str, str] | None
) -> tuple[int, int, str, str] | None:
    """ "T-Mobile said ... It said ... It also announced ...": a leading pronoun of the same
    kind as the previous sentence's subject pronoun, which was resolved to a name
    (``before``: that pronoun, the name, its label), stands for the same name, when the
    previous sentence names nothing else of that kind (another firm, another person) and the
    claim does not name it. A later clause of its sentence is never resolved."""
    if before is None or earlier_clause(c) or c.sentence.index == 0 or c.quote is not None:
        return None
    pronoun, name, label = before
    first = c.tokens[0]
    if first.pos_ != "PRON" or first.lower_ not in _CHAIN[pronoun]:
        return None
    suffix = _lead_suffix(c, first, {"he", "she", "it"})
    if suffix is None or (suffix == "" and _INDEFINITE_IT(c, first)):
        return None
    prev = doc.sentences[c.sentence.index - 1]
    kinds = {"PERSON"} if label == "PERSON" else {"ORG", "GPE", "PRODUCT", "PERSON", "NORP"}
    key = name_key(name, label)
    for m in prev.mentions:
        if m.label in kinds and key not in m.text.split() and m.text != name:
            return None  # another firm or person named in between
    if re.search(rf"\b{re.escape(key)}\b", c.text):
        return None
    start = first.idx + c.sentence.offset
    return start, start + len(first.text), name + suffix, label
