"""FEVER-style mutations of a claim: each makes a statement the article does not support.

Every mutation is a single replacement inside the claim span, so what changed can be named in
the explanation. Generalisations are never produced (they would stay true); every candidate is
re-checked against the article by :func:`stated_by_article` before it is used.

Four kinds are made: another figure of the same unit and scale, another name of the same
type from the article, another month or year, and a negated main verb (for false true/false
statements only, capped by selection). Blind editors refused the rest: an antonym
contradicted the rest of the sentence ("welcomed for failing"), a changed quantifier could
stay true, and a moved weekday tested trivia.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .claims import ClaimInfo, background_figure, coordinated_figure, minor_figure
from .distractors import (
    entity_pool,
    named_in,
    near_places,
    place_kind,
    quantity_pool,
    reliable_name,
)
from .document import Document, mention_role, normalise, safe_role, sentence_at
from .lexicon import (
    COMPANIES,
    COMPANY_SECTORS,
    CONCESSIONS,
    DIRECTION_WORDS,
    EVALUATIVE_VERBS,
    JOB_CLASSES,
    MONTHS,
    OBEYED,
    PERSON_ROLES,
    PERSONAL_TITLES,
    REPORTING_VERBS,
    SEQUENCE_VERBS,
)
from .nlp import Mention, get_nlp
from .numbers import Quantity, bare_decimal, date_pattern, format_like, parse_quantity, step
from .quality import (
    ROUGH_MARGIN,
    approximate_figure,
    clock_figure,
    gendered,
    rough_figure,
    score_or_range,
    trivia,
    trivial_figure,
)
from .salience import audience_figure
from .swaps import person_swap_fits, team_swap_fits
from .text import indefinite_article

_NEG_AUX = {
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "does",
    "do",
    "did",
}


@dataclass(frozen=True)
class Mutation:
    """Replace ``article[start:end]`` (``old``) with ``new`` inside the claim."""

    type: str
    start: int
    end: int
    old: str
    new: str


def statement(doc: Document, claim: ClaimInfo, mut: Mutation | None = None) -> str:
    """The claim as a stand-alone sentence, optionally with one mutation applied."""
    text = doc.text[claim.start : claim.end]
    # (start, end, new words, whether "a"/"an" before them is fitted): the change, and a
    # pronoun or description replaced by its name unless the change rewrites those words
    edits = [] if mut is None else [(mut.start, mut.end, mut.new, True)]
    subst = claim.subst
    if subst is not None and not (mut is not None and mut.start < subst[1] and subst[0] < mut.end):
        edits.append((subst[0], subst[1], subst[2], False))
    # the later edit first, so that the earlier one's offsets still hold ("The court did not
    # postpone the film's launch": a "not" before a description that is replaced by its name)
    for start, end, new, fit in sorted(edits, reverse=True):
        a, b = start - claim.start, end - claim.start
        text = (agree_article(text[:a], new) if fit else text[:a]) + new + text[b:]
    # a space before a stop is dropped, but not before a word it opens: the ".post" and
    # ".travel" domains (joined up, "The.post", the lead of a domain story was unreadable and
    # its main point went unasked)
    text = re.sub(r"\s+([.,;:])(?![^\W\d_])", r"\1", text)
    text = text.strip().rstrip(",;:- ")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", '."', ".\u201d")):
        text += "."
    return text


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))([Aa]n?) $")


def agree_article(before: str, new: str) -> str:
    """The text before a changed figure or name with "a" or "an" fitted to the new words ("an
    8% fall" changed to "a 6% fall", not "an 6% fall"); the text's own article when the right
    one is unclear."""
    m = _ARTICLE_BEFORE.search(before)
    if m is None or not new:
        return before
    word = indefinite_article(new.split()[0])
    if word is None:
        return before
    if m.group(1)[0] == "A":
        word = word.capitalize()
    return before[: m.start(1)] + word + " "


def stated_by_article(doc: Document, claim: ClaimInfo, new_value: str, text: str) -> bool:
    """Could the mutated statement be true according to the article?

    True if the statement appears verbatim, if the new value already sits in the claim's own
    sentence (a list member, the same amount in another currency), or if another sentence
    that shares most of the claim's content words mentions the new value.
    """
    norm = normalise(text.rstrip("."))
    if norm and norm in doc.norm_text:
        return True
    value = normalise(new_value)
    if not value:
        return False
    own = [claim.sentence, *claim.also_in]
    for s in own:
        if f" {value} " in s.norm:
            return True
    for s in doc.sentences:
        if s in own:
            continue
        if f" {value} " in s.norm:
            inter = len(claim.lemmas & s.lemmas)
            if claim.lemmas and inter / len(claim.lemmas) >= 0.5:
                return True
    return False


def _tok_span(claim: ClaimInfo, tok: Any) -> tuple[int, int]:
    s = tok.idx + claim.sentence.offset
    return s, s + len(tok.text)


def _in_quotes(doc: Document, claim: ClaimInfo, pos: int) -> bool:
    return doc.view[claim.start : pos].count('"') % 2 == 1


def mutate_number(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Change one figure to another of the same format (never a year: see ``date``)."""
    out = []
    for q in claim.sentence.quantities:
        if not (claim.start <= q.start and q.end <= claim.end) or q.kind == "year":
            continue
        if not changeable_figure(doc, q) or coordinated_figure(claim, q):
            continue  # "both the 800m and 1500m": a made-up "900m" is absurd (recall12)
        if minor_figure(doc, claim, q):
            continue  # "closed at $40.15 - a drop of 5.1% -": a gloss, asked as recall is not
        # "$2.58 trillion (£1.38 trillion)": changing one half leaves the other as the tell;
        # so does a unit word between ("830bn rupees ($19bn)", 2.5.0-verify). Money or euros
        # with a money twin change together, by the same factor (2.8.0: the lead "70m euros
        # ($91m)" had no false form); any other figure before a bracket ("830bn rupees", which
        # parses as a bare count) is left unchanged
        twin = _bracketed_twin(doc, claim, q)
        if twin is None and (
            re.match(r"\s*(?:[^\W\d_]+\s*)?\(", doc.text[q.end : q.end + 24])
            or doc.text[max(0, q.start - 1) : q.start] == "("
        ):
            continue

        def fits(text: str, q: Quantity = q) -> bool:
            return keeps_direction(claim, q, text) and beyond_rough_margin(doc, q, text)

        kept = [t for t, _src in quantity_pool(doc, claim, q, rng, 2, ok=fits, drawn=4)]
        for text in kept[:2]:
            if twin is None:
                out.append(Mutation("number", q.start, q.end, q.text, text))
                continue
            converted = _converted(q, text, twin)
            if converted is not None:
                new = text + doc.text[q.end : twin.start] + converted + ")"
                out.append(
                    Mutation("number", q.start, twin.end + 1, doc.text[q.start : twin.end + 1], new)
                )
    return out


def _bracketed_twin(doc: Document, claim: ClaimInfo, q: Quantity) -> Quantity | None:
    """The same amount in another currency, in brackets right after ``q`` ("70m euros
    ($91m)", "$1 (53p)"), when it is the bracket's only content."""
    if doc.text[max(0, q.start - 1) : q.start] == "(" or q.kind != "money" and "euro" not in q.unit:
        return None
    for other in claim.sentence.quantities:
        if other.start <= q.end or other.end >= claim.end:
            continue
        between = doc.text[q.end : other.start]
        if (
            re.fullmatch(r"\s*(?:[^\W\d_]+\s*)?\(", between)
            and doc.text[other.end : other.end + 1] == ")"
        ):
            return other if other.kind == "money" else None
        return None
    return None


def _converted(q: Quantity, new_text: str, twin: Quantity) -> str | None:
    """``twin`` moved by the factor that takes ``q`` to ``new_text``, written like ``twin``."""
    new = parse_quantity(new_text)
    if new is None or not _magnitude(q):
        return None
    value = _magnitude(twin) * _magnitude(new) / _magnitude(q)
    value /= _SCALE.get(twin.scale.strip(), 1.0)
    # "£133,000" is rounded to thousands: so is its new value (keeping two figures at least:
    # "$10bn" moves in ones, not tens)
    grain = min(step(twin), 10.0 ** max(len(str(int(twin.value))) - 2, 0))
    moved = round(value / grain) * grain
    if bare_decimal(twin, moved):
        return None  # "($4.0m)" beside a twin written "($4.1m)": a writer says "$4m"
    text = format_like(twin, moved)
    return None if text == twin.text or parse_quantity(text) is None else text


_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}


def changeable_figure(doc: Document, q: Quantity, ceiling: bool = False) -> bool:
    """A figure another value can stand in for: not a bound or an estimate ("more than 1,000"
    stays true at 900), not a score or one end of a range, not a clock time, not a figure in
    an aside (background, :func:`claims.background_figure`). With ``ceiling``, a ceiling of
    the lead (:func:`lead_ceiling`) counts as changeable too."""
    before = doc.view[max(0, q.start - 30) : q.start]
    after = doc.view[q.end : q.end + 12]
    if score_or_range(q.text, after, before):
        return False
    if approximate_figure(before) and not (ceiling and lead_ceiling(doc, q)):
        return False
    # "8.4bn reais ($2.3bn or £1.2bn)": a conversion in brackets is the same figure again
    opened = doc.view[max(0, q.start - 60) : q.start]
    if opened.count("(") > opened.count(")"):
        return False
    if trivial_figure(before, doc.view[q.end : q.end + 24]):
        return False  # a shot's yardage, a survey's sample size, "20 or so": trivia to judges
    if clock_figure(before, q.text, after):
        return False  # "gave Rovers the lead after 20 minutes": a goal's minute, trivia
    if TIME_WINDOW.search(before):
        return False  # "inside the opening 60 seconds" is still true of a goal inside 45
    if background_figure(doc, q.start):
        return False  # "Varig, which operates in 18 countries, ...": an aside's figure
    if audience_figure(doc.view[max(0, q.start - 40) : q.start], doc.view[q.end : q.end + 30]):
        return False  # "set to address 2,000 people": a crowd's size, trivia to judges
    return not trivia(doc.view[max(0, q.start - 3) : q.end + 6])


#: The words that make a figure the ceiling of what is reported ("by as much as 30%", "funds
#: worth up to $120m"): the figure the story gives, not a bound other values also satisfy.
_CEILING = re.compile(r"\b(?:up to|as much as|as many as)\s*$", re.I)


def lead_ceiling(doc: Document, q: Quantity) -> bool:
    """Whether ``q`` is a ceiling ("raising fuel prices by as much as 30%") in the lead, the
    sentence that states the story's main point. Blind judges found the main point of such
    stories (fuel prices up by as much as 30%, up to $120m missing) asked only as a true copy
    of the lead, which "tests recognition": the bound rule had refused the one figure the
    story is about. A floor ("more than 1,000") stays true at 900 and is still refused; a
    ceiling asked in a blank that keeps its "as much as", with wrong values more than
    ROUGH_MARGIN away (:func:`beyond_rough_margin`), has one right answer."""
    s = sentence_at(doc, q.start)
    return (
        s is not None
        and s.index == 0
        and bool(_CEILING.search(doc.view[max(0, q.start - 30) : q.start]))
    )


def beyond_rough_margin(doc: Document, q: Quantity, new_text: str) -> bool:
    """Whether ``new_text`` may stand in for ``q`` as a wrong value: always, unless the article
    gives the figure roughly ("around 5%", "about 250 million"), when it must lie more than
    ROUGH_MARGIN from it ("around 4%" is arguably right too: dev 2.9.0, a rejected
    verification item). The one rule every generator that changes a figure goes through."""
    if not (rough_figure(doc.view[max(0, q.start - 30) : q.start]) or lead_ceiling(doc, q)):
        return True
    new = parse_quantity(new_text)
    if new is None:
        return False
    key, other = _magnitude(q), _magnitude(new)
    return abs(other - key) > ROUGH_MARGIN * abs(key)


# a window a figure bounds: "inside the opening 60 seconds", "in the first 10 minutes"
TIME_WINDOW = re.compile(
    r"\b(inside|within)\s+(the\s+)?([a-z]+\s+)?$|"
    r"\bin\s+the\s+(first|opening|last|final|next|past)\s+$",
    re.I,
)


def _magnitude(q: Quantity) -> float:
    return q.value * _SCALE.get(q.scale.strip(), 1.0)


# the words between a part and its whole: "300 of its 1,000", "12 out of the 20", "18 out of
# Suga's 20" (an owner's name: "23" and "31" were offered, both judges of a fresh article, 2.19.6)
PART_OF = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|[A-Z][\w.-]*['\u2019]s\s+)?$"
)


_WHOLE_AFTER = re.compile(PART_OF.pattern.rstrip("$") + r"(\d[\d,]*)\b")


#: A share the sentence calls a majority or a minority ("A majority, 52%, said ..."): a wrong
#: value on the other side of a half contradicts it (blind judges on dev: "only 52% exceeds half").
_MAJORITY = re.compile(r"\b(?:a|the) (?:clear |narrow |large |small |slim )?majority\b", re.I)
_MINORITY = re.compile(r"\b(?:a|the) (?:small |large |sizeable )?minority\b", re.I)


def _fits_share(text: str, percent: float) -> bool:
    """Whether a percentage agrees with the majority or minority the text states, if any."""
    if _MAJORITY.search(text) and not _MINORITY.search(text):
        return percent > 50
    if _MINORITY.search(text) and not _MAJORITY.search(text):
        return percent < 50
    return True


def keeps_direction(claim: ClaimInfo, q: Quantity, new_text: str) -> bool:
    """Whether ``new_text`` in place of ``q`` keeps the order of the figures a direction word
    relates ("fell to 82,000 from 103,000": the new value must stay below 103,000), and a
    part below its whole ("300 of its 1,000 shops": never 1,200 of them). (A figure that
    arithmetic on its claim gives has no other value at all: :func:`numbers.arithmetic_gives_away`,
    applied where wrong values are drawn.)"""
    new = parse_quantity(new_text)
    if new is None:
        return True
    if q.percent and not _fits_share(claim.text, new.value):
        return False
    # the whole may be a number the figure reader leaves out ("18 out of Suga's 20")
    stated = _WHOLE_AFTER.match(claim.text[q.end - claim.start :])
    if stated and not q.percent and new.value >= float(stated[1].replace(",", "")):
        return False
    for other in _related_figures(claim):
        if other.start == q.start or (other.unit and q.unit and other.unit != q.unit):
            continue
        first, second = (q, other) if q.start < other.start else (other, q)
        between = claim.text[first.end - claim.start : second.start - claim.start]
        if PART_OF.match(between) and not q.percent and not other.percent:
            part = _magnitude(new) if first is q else _magnitude(first)
            whole = _magnitude(new) if second is q else _magnitude(second)
            if part >= whole:
                return False
    if not _has_direction(claim):
        return True
    for other in _related_figures(claim):
        if other.start == q.start or (other.kind, other.currency, other.percent, other.unit) != (
            q.kind,
            q.currency,
            q.percent,
            q.unit,
        ):
            continue
        before = _magnitude(q) - _magnitude(other)
        after = _magnitude(new) - _magnitude(other)
        if before * after <= 0:
            return False
    return True


def mutate_date(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Move a year or a month (a weekday moved is trivia to blind editors)."""
    out = []
    for q in claim.sentence.quantities:
        if claim.start <= q.start and q.end <= claim.end and q.kind == "year":
            for text, _src in quantity_pool(doc, claim, q, rng, 2):
                out.append(Mutation("date", q.start, q.end, q.text, text))
    for m in claim.sentence.mentions:
        if m.label != "DATE" or not (claim.start <= m.start and m.end <= claim.end):
            continue
        pat = date_pattern(m.text)
        if pat in {"m", "dm", "my", "dmy"}:
            month = next(w for w in m.text.split() if w in MONTHS)
            i = MONTHS.index(month)
            for d in (rng.choice((2, 3, 4)), rng.choice((-2, -3, 5))):
                new = m.text.replace(month, MONTHS[(i + d) % 12])
                out.append(Mutation("date", m.start, m.end, m.text, new))
    return out


def mutate_entity(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Swap a name for another of the same type, from the article first."""
    out = []
    for m in claim.sentence.mentions:
        if m.label not in {"PERSON", "ORG", "GPE"}:
            continue
        if not (claim.start <= m.start and m.end <= claim.end) or not reliable_name(doc, m):
            continue
        if m.label == "PERSON" and gendered(doc.text[claim.start : claim.end]):
            continue  # "Tony Blair ... she despaired": the swap would not fit the sentence
        # "the UK" -> "the Britain"; "the Bush administration": names used as modifiers
        if doc.view[max(0, m.start - 4) : m.start].lower() == "the ":
            continue
        off = claim.sentence.offset
        heads = [
            t
            for t in claim.tokens
            if m.start <= t.idx + off < m.end and not (m.start <= t.head.idx + off < m.end)
        ]
        if not _swappable(doc, claim, m):
            continue
        role = mention_role(doc, m)
        # "Nvidia's profits", "the Nvidia plant": a company that owns something may be swapped
        # for another company of the article, never the maker of a named product
        # ("Netscape's Internet Explorer" is absurd: :func:`owns_named_product`)
        maker = m.label == "ORG" and role in {"poss", "mod"} and not owns_named_product(doc, m)
        if any(t.dep_ in {"compound", "amod", "nmod"} for t in heads) and not maker:
            continue
        # a person for a person in the same role, never inside a possessive, a longer name,
        # a list or brackets; and only where the model itself gave this mention the label
        if not (safe_role(role) or maker) or m.raw_label not in {"", m.label}:
            continue
        pool = (
            entity_pool(doc, claim, m, rng, 3, bare=True)
            if maker
            else entity_pool(doc, claim, m, rng, 3, role=role, strict=True)
        )
        # the claim as read without this name: a name swapped in is never already in it, nor
        # moved to the other side of a match or a contest (swaps10)
        shown = statement(doc, claim)
        rest = shown.replace(m.text, " ")
        for text, src in pool:
            if src == "typed_list":
                continue  # a name the story never mentions (Nvidia for Sony) is blatant
            if m.label == "PERSON" and (
                named_in(text.split()[-1], rest)
                or not person_swap_fits(doc, claim, shown, m.text, text)
            ):
                continue
            if m.label != "PERSON" and not team_swap_fits(doc, claim, rest, m, text):
                continue
            if m.label == "ORG" and not same_org_kind(m.text, text):
                continue  # "less users for SEC" for "for AOL": same label, wrong meaning
            if m.label == "GPE" and not near_places(m.text, text):
                continue  # "signed in Tokyo" for "in Geneva": a far-away place is absurd
            out.append(Mutation("entity", m.start, m.end, m.text, text))
    return out


# a product named by a code ("PS2", "H200") belongs to its maker: "Microsoft had done well
# with the PS2" gives itself away
_PRODUCT_CODE = re.compile(r"\b[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Za-z]?\b")


#: Words after a body's name that name a person or a job, not a product ("Nvidia CEO",
#: "Labour MPs", "Acme's Dr Smith").
_JOB_WORDS = (
    frozenset(JOB_CLASSES)
    | PERSON_ROLES
    | {"ceo", "cfo", "coo", "cto", "mp", "mps", "mep", "meps", "chief", "executive"}
    | PERSONAL_TITLES
)
#: What a name after a body may be without naming a product: a place, a people, a date.
_NOT_PRODUCTS = frozenset({"GPE", "NORP", "LOC", "DATE", "TIME", "FAC", "EVENT"})
#: The possessive after a name, and spaces on one line.
_OWNER_GAP = re.compile(r"(?:['\u2019]s?)?[ \t]+")


def owns_named_product(doc: Document, m: Mention) -> bool:
    """Whether the company ``m`` stands before a named thing it owns or makes ("Microsoft's
    Internet Explorer", "Nvidia H200", "Apple's new iPod"). Who makes a named product is
    general knowledge, not the article's news: "Netscape's Internet Explorer" is absurd to a
    skimmer, "_____'s Safari" is answered without the article, and "Huawei's H20" copied an
    error of the article that judges blamed on the question (blind judges of the dev set and
    the seed, 2.16.5). Such a name is never swapped nor asked.

    The named thing is a proper noun, a code or a name the model takes for a body ("Time
    Warner's AOL", "Microsoft's new Xbox"), after at most one adjective; never a place,
    a people, a date, a year, another body, a job or a title ("Toyota's UK plant", "Apple's
    2004 profits", "Nvidia CEO Jensen Huang", "Labour's Mr Livingstone"), nor a full name
    (the small model takes a one-word product for a person: "Apple's Safari")."""
    if m.label != "ORG":
        return False
    gap = _OWNER_GAP.match(doc.view[m.end : m.end + 4])
    s = sentence_at(doc, m.start)
    if gap is None or s is None:
        return False
    at = m.end + gap.end()
    after = [t for t in s.span if t.idx + s.offset >= at][:2]
    if len(after) == 2 and after[0].pos_ == "ADJ" and after[0].is_lower:
        after = after[1:]  # "Microsoft's new Xbox"
    if not after or after[0].idx + s.offset > at + 12:
        return False
    tok = after[0]
    code = any(c.isdigit() for c in tok.text) and any(c.isalpha() for c in tok.text)
    if code and not tok.like_num:
        return True  # "Nvidia H200", "Sony's PS2": a model's code, whatever the model says
    if tok.lower_ in _JOB_WORDS or tok.ent_type_ in _NOT_PRODUCTS or tok.like_num:
        return False
    person = [x for x in s.mentions if x.label == "PERSON" and x.start == tok.idx + s.offset]
    if any(len(x.text.split()) > 1 for x in person):
        return False
    camel = tok.text[:1].islower() and any(c.isupper() for c in tok.text[1:])  # "iPod"
    return tok.pos_ == "PROPN" or tok.ent_type_ in {"PRODUCT", "ORG"} or camel


def _swappable(doc: Document, claim: ClaimInfo, m: Mention) -> bool:
    """Whether another name may stand in for ``m`` and leave a plainly false statement.

    Not a person who judges, praises or reports (another of the story's people may have said
    or thought the same: arguably true); not a place set before the sentence ("In London, the
    FTSE closed") or a place of no known level (a club called by its city); not a company beside
    a product it makes (but see the maker case in :func:`mutate_entity`)."""
    others = [x for x in claim.sentence.mentions if x is not m]
    if m.label == "PERSON":
        return claim.main_verb.lemma_.lower() not in REPORTING_VERBS | EVALUATIVE_VERBS
    if m.label == "GPE":
        # "In London, the FTSE 100 closed ...": a market's or a body's home is no slip to make
        setting = doc.view[max(claim.start, m.start - 3) : m.start] == "In " and (
            doc.view[m.end : m.end + 1] == ","
        )
        # "against Ireland in Dublin": a city (any place not known as a country) beside a
        # country tells which country is right (2.5.0-verify)
        beside_city = place_kind(m.text) == "country" and any(
            x.label == "GPE"
            and claim.start <= x.start < claim.end
            and place_kind(x.text) != "country"
            for x in others
        )
        return (
            place_kind(m.text) != "other"
            and not setting
            and not beside_city
            and not _place_of_a_detail(claim, m)
        )
    if m.label == "ORG" and mention_role(doc, m) not in {"poss", "mod"}:
        text = doc.view[claim.start : claim.end]
        if any(x.label == "PRODUCT" for x in others) or _PRODUCT_CODE.search(text):
            return False
    return True


def _place_of_a_detail(claim: ClaimInfo, m: Mention) -> bool:
    """A place in a participle that describes a noun ("US light crude traded in New York
    lost $2", "a firm based in Leeds"), not where the claim's own event happened ("the bomb
    went off in Madrid", "its plant in Poland"): changed, it tests only the city, which blind
    editors called trivia ("not the price fall")."""
    off = claim.sentence.offset
    inside = [t for t in claim.tokens if m.start <= t.idx + off < m.end]
    heads = [t for t in inside if not (m.start <= t.head.idx + off < m.end)]
    if len(heads) != 1 or heads[0].dep_ != "pobj":
        return False
    prep = heads[0].head
    verb = prep.head
    return (
        prep.lower_ in {"in", "at"}
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb not in {claim.root, claim.main_verb}
    )


_CORPORATE = re.compile(
    r"\b(Corp|Corporation|Inc|Ltd|plc|PLC|Group|Holdings|Bros|Airways|Airlines|Motors|Bank|"
    r"Telecom|Communications|Entertainment|Studios|Games|Software|Systems|Networks)\.?$"
)


def org_kind(name: str) -> tuple[str, str]:
    """("company", sector) for a name the lexicon or a corporate suffix marks as a company;
    ("acronym", "") for an unknown all-caps name; ("other", "") when unsure."""
    low = name.lower()
    for sector, names in COMPANY_SECTORS.items():
        if low in {n.lower() for n in names}:
            return "company", sector
    if low in COMPANIES or _CORPORATE.search(name):
        return "company", ""
    if name.replace("&", "").replace("-", "").isupper():
        return "acronym", ""
    return "other", ""


def same_org_kind(a: str, b: str) -> bool:
    """Whether organisation ``b`` may stand in for ``a`` in a false statement: both companies
    (of one sector when the lexicon knows both sectors). Acronyms of unknown bodies and names
    of unknown kind are never swapped: "the SEC" for "AOL" is nonsense, not a plausible slip."""
    ka, kb = org_kind(a), org_kind(b)
    if ka[0] != "company" or kb[0] != "company":
        return False
    return not (ka[1] and kb[1] and ka[1] != kb[1])


_QUANTIFIED_SUBJECT = frozenset(
    {"some", "many", "several", "few", "most", "certain", "various", "numerous", "other", "others"}
)
#: A subject that adds to an amount ("a further 15m", "another 200 jobs"): "a further 15m will
#: not be made available" reads as a contradiction of itself, which blind judges refused (2.12.0).
_ADDED_SUBJECT = frozenset({"further", "additional", "another", "extra"})


# Words after which a negated statement stops being coherent or plainly false (blind judges):
# a reason ("not crucial because ..."), a contrast ("did not understand ... but"), a choice
# ("not either ... or"), a hedge ("may not have" is arguably true).
_NO_NEGATION_WORDS = frozenset(
    {
        "because",
        "but",
        "although",
        "though",
        "while",
        "whereas",
        "either",
        "or",
        "may",
        "might",
        "could",
        "should",
        "would",
        "unless",
        "if",
        "especially",
        "particularly",
        "so",
        "despite",
        "some",
        "always",
        "than",
    }
)
# Verbs of purpose: "is not designed to make producers more competitive" is guessable without
# the article (blind judges); a purpose denied reads as plainly false.
_PURPOSE_VERBS = frozenset({"design", "intend", "aim", "mean"})
# Verbs that frame an event as meaning something: "does not mark a new phase in the country's
# policy" denies a reading, not a fact, and the article's whole story says the contrary (both
# blind judges of the seed refused it at 2.17.3: "awkward", "vague filler")
_FRAMING_VERBS = frozenset(
    {"mark", "signal", "reflect", "represent", "herald", "symbolise", "symbolize", "constitute"}
)
# Verbs of saying, knowing and wanting: "did not understand", "did not want", "did not
# acknowledge" negate a state of mind, not the fact the clause reports.
_MENTAL_VERBS = frozenset(
    {
        "understand",
        "acknowledge",
        "know",
        "want",
        "ask",
        "think",
        "believe",
        "admit",
        "insist",
        "expect",
        "hope",
        "feel",
        "mind",
        "say",
        "tell",
        "add",
        "claim",
        "suggest",
        "warn",
        "speak",
        "come",
        "look",
        "seem",
        "appear",
    }
)


# Verbs of comparison or of a race: "had not been winning the race", "did not outsell": the
# negation is arguably true (level, or only lately ahead), as blind judges said (2.8.0)
_COMPARING_VERBS = frozenset("beat lead trail top dominate rival".split())
# by the start of the word: the tagger often misses the lemma ("outsold" as a present tense)
_COMPARING_STEMS = (
    "outsell outsold outstrip outperform outpac outnumber outscor outshin outshone overtak "
    "overtook surpass exceed eclips".split()
)
_RACE_NOUNS = frozenset({"race", "battle", "contest", "lead", "war"})


def _compares(root: Any) -> bool:
    """Whether the verb ranks its subject against another: a verb of comparison, or winning
    or leading a race ("had been winning the race")."""
    lemma = root.lemma_.lower()
    if lemma in _COMPARING_VERBS or root.lower_.startswith(tuple(_COMPARING_STEMS)):
        return True
    return (
        lemma in {"win", "lose"}
        and root.tag_ == "VBG"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _RACE_NOUNS for c in root.children)
    )


def _unclear_negation(root: Any) -> bool:
    """ "is not to fight poverty and keep allies onside": a "not" before a verb phrase that
    coordinates two verbs (not both, or neither?), which blind judges called clumsy, "unclear
    what 'not' covers" (2.8.0). Verbs coordinated in the subject ("authorities, which set and
    pay the allowances, are ...") are outside its scope."""
    return any(
        t.i > root.i
        and t.dep_ == "conj"
        and t.pos_ == "VERB"
        and t.head is not root
        and t.head.pos_ == "VERB"
        for t in root.subtree
    )


#: Verbs that already deny: "failed to", "lacks", "refused", "disagrees" ("did not fail to"
#: is a double negative).
_NEGATIVE_VERBS = frozenset(
    "fail lack refuse disagree dislike disapprove disallow disobey distrust disbelieve".split()
)
#: The prefixes that negate an adjective ("inseparable", "unlikely", "irrelevant").
_NEGATIVE_PREFIXES = ("non", "dis", "un", "in", "im", "ir", "il")


@functools.lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """The adjectives the lemmatizer knows (its word list), to tell "in-" + "separable" from
    "important"."""
    lemmatizer: Any = get_nlp().get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["adj"])


def negative_word(tok: Any) -> bool:
    """Whether a predicate's head word is negative already: a verb of failing or refusing, or
    an adjective whose negating prefix leaves a known adjective ("inseparable", "unable",
    "impossible", "illegal"; not "important" or "united")."""
    lemma = tok.lemma_.lower()
    if lemma == "decline":  # "declined to comment"; not "shares declined 3%"
        return any(c.dep_ == "xcomp" for c in tok.children)
    if lemma in _NEGATIVE_VERBS:
        return True
    # an adjective only: a participle is a verb's ("uncovered", "unveiled", "improved",
    # "dismissed" are no negations of "covered", "veiled", "proved", "missed")
    if tok.pos_ != "ADJ" or tok.tag_ != "JJ":
        return False
    word = tok.lower_
    return any(
        word.startswith(p) and len(word) - len(p) >= 4 and word[len(p) :] in _adjectives()
        for p in _NEGATIVE_PREFIXES
    )


def negative_predicate(root: Any) -> bool:
    """Whether the claim's predicate already carries a negative meaning ("were inseparable",
    "was unable to", "failed to", "lacks"): negating it makes a double negative ("were not
    inseparable"), which blind judges rejected (dev 2.9.0)."""
    if negative_word(root):
        return True
    return any(
        c.dep_ in {"acomp", "attr", "oprd", "xcomp"} and c.i > root.i and negative_word(c)
        for c in root.children
    )


def negatable(doc: Document, claim: ClaimInfo) -> bool:
    """Whether inserting or dropping "not" on the main verb leaves one coherent, false statement.

    Never on a claim with a reason, contrast, concession, comparison ("not more powerful
    than" may hold if equal), choice or hedge word, on half of a
    coordination ("was found guilty and sentenced", "..., and regulators ordered"), on a verb
    of saying, thinking, purpose, sequence, comparison or of what an event means ("marks a new
    phase"), on a clause the sentence grants ("While ...", "Although ..."), before a verb
    phrase of two verbs, on a verb a participle clause explains, on examples
    ("words such as ..."), or on a claim with a bounded figure ("more than 14,000": the
    negation is arguably true too).
    """
    root = claim.main_verb
    if any(t.lower_ in _NO_NEGATION_WORDS for t in claim.tokens):
        return False
    if negative_predicate(root):
        return False
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return False
    if root.lemma_.lower() in _MENTAL_VERBS | _PURPOSE_VERBS | _FRAMING_VERBS:
        return False
    if root.lemma_.lower() in SEQUENCE_VERBS and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in OBEYED for c in root.children
    ):
        return False
    if _compares(root) or _unclear_negation(root):
        return False
    # "..., and regulators did not order": a clause joined to another is half of the claim
    if root.dep_ == "conj" or ", and " in doc.view[claim.start : claim.end]:
        return False
    # "has not resisted calls ..., saying such papers are kept confidential": a participle
    # clause that explains the verb contradicts its negation
    if any(c.dep_ == "advcl" and c.tag_ == "VBG" for c in root.children):
        return False
    # "With a weaker online offering ..., Debenhams has not struggled": a fronted premise the
    # negation contradicts (both blind judges of a fresh article, 2.19.4); and "The victims did
    # not include five children ...": a list's membership, not a fact to deny
    subj_i = min((c.i for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), default=root.i)
    if any(c.dep_ == "prep" and c.lower_ == "with" and c.i < subj_i for c in root.children):
        return False
    if root.lemma_.lower() in {"include", "comprise", "feature"}:
        return False
    # "had not approved the draft law late on Monday night", "did not head to the polls on
    # Monday": not at all, or not on that day? (three fresh articles, 2.19.4)
    if _dated(root):
        return False
    # "did not reach the quarterfinal by beating Sousa": did he reach it another way? A means
    # ("by" and a verb) leaves the negation's scope unclear (a fresh article, 2.19.2: "reads
    # ambiguously" to both blind judges)
    if any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children)
        for c in root.children
    ):
        return False
    # "words such as X and Y did not reflect ...": examples, not a fact to deny
    if "such as" in " ".join(t.lower_ for t in claim.tokens if t.i < root.i):
        return False
    if any(c.dep_ == "ccomp" for c in root.children):
        return False
    # "While the approval boosts the companies, it comes with strings attached": a clause the
    # sentence grants is its premise, and denied it contradicts the article (blind judges of
    # the seed, 2.16.5: "absurd, answerable by common sense")
    # (a "while" after its main clause sets two facts side by side: "Acme sold 4,200 robots,
    # while Globex sold 3,100" may be negated)
    marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
    if root.dep_ == "advcl" and (
        marks & CONCESSIONS or marks & {"while", "whilst"} and root.i < root.head.i
    ):
        return False
    for q in claim.sentence.quantities:
        if claim.start <= q.start and q.end <= claim.end:
            if approximate_figure(doc.text[max(0, q.start - 30) : q.start]):
                return False
    # a negation must leave something after the verb to deny ("Holmes did not ask in ...")
    return any(c.dep_ in {"dobj", "attr", "acomp", "xcomp", "oprd", "agent"} for c in root.children)


_DAY_WORDS = frozenset({"today", "yesterday", "tonight"})


def _dated(root: Any) -> bool:
    """Whether a day or a time hangs on the verb ("on Monday", "late on Monday night", "at
    noon", "yesterday"): the scope of a "not" inserted before it is unclear. A year or a span
    ("in 2019", "last year") frames the fact and is no such scope."""
    for c in root.children:
        if c.dep_ == "npadvmod" and c.ent_type_ == "TIME" or c.lower_ in _DAY_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ in {"on", "at", "during", "until"}:
            if any(g.ent_type_ in {"DATE", "TIME"} for g in c.children if g.dep_ == "pobj"):
                return True
        if c.dep_ == "advmod" and any(
            g.dep_ == "prep" and any(p.ent_type_ in {"DATE", "TIME"} for p in g.children)
            for g in c.children
        ):
            return True  # "late on Monday night"
    return False


def mutate_negation(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Negate the main verb (insert "not", with do-support) or drop an existing "not"."""
    root = claim.main_verb
    toks = claim.tokens
    # a verb inside a name ("Nick Van den Brul") is a parse error, not a verb to negate
    if root not in toks or root.ent_type_ or not root.tag_.startswith("VB"):
        return []
    if any(t.lower_ in {"no", "never", "nothing", "none", "neither", "nor"} for t in toks):
        return []
    if not negatable(doc, claim):
        return []
    for child in root.children:
        if child.dep_ == "neg" and child in toks:
            s, e = _tok_span(claim, child)
            # remove " not" together with the space before it
            if doc.text[s - 1 : s] == " " and child.text.lower() == "not":
                return [Mutation("negation", s - 1, e, doc.text[s - 1 : e], "")]
            return []
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.i < root.i]
    subj = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj or subj[0].i > root.i:
        return []
    # "some restrictions do not remain" does not contradict "some restrictions remain" (others
    # may not): a clause whose subject is quantified has no false negation
    if any(t.lower_ in _QUANTIFIED_SUBJECT | _ADDED_SUBJECT for t in subj[0].subtree):
        return []
    # only adverbs and auxiliaries between subject and verb, else the parse is doubtful
    # ("Social Security, the pensions programme on which..." with "programme" as a verb)
    if any(
        t.pos_ not in {"ADV", "AUX", "PART", "PUNCT"}
        for t in root.doc[subj[0].right_edge.i + 1 : root.i]
    ):
        return []
    if auxes:
        a = auxes[0]
        if a.lower_ not in _NEG_AUX:
            return []
        s, e = _tok_span(claim, a)
        after = a.nbor(1) if a.i + 1 < len(a.doc) else None
        if after is not None and after.pos_ == "ADV":
            return []  # "will not instead continue" reads badly
        return [Mutation("negation", e, e, "", " not")]
    s, e = _tok_span(claim, root)
    if root.i > 0 and root.doc[root.i - 1].pos_ == "ADV" and root.lemma_ != "be":
        return []  # "China tightly controls" -> not "tightly does not control"
    if root.lemma_ == "be":
        after = root.nbor(1) if root.i + 1 < len(root.doc) else None
        if after is not None and after.pos_ == "ADV":
            return []  # "is not probably", "were not still" read badly
        return [Mutation("negation", e, e, "", " not")]
    if _in_quotes(doc, claim, s):
        return []
    aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if aux is None:
        return []
    return [Mutation("negation", s, e, root.text, f"{aux} not {root.lemma_.lower()}")]


def _related_figures(claim: ClaimInfo) -> list[Quantity]:
    """Figures of the claim other than years."""
    return [
        q
        for q in claim.sentence.quantities
        if claim.start <= q.start and q.end <= claim.end and q.kind != "year"
    ]


def _has_direction(claim: ClaimInfo) -> bool:
    return any(
        t.lemma_.lower() in DIRECTION_WORDS or t.lower_ in DIRECTION_WORDS for t in claim.tokens
    )


#: The false statements made. A moved year or month is not among them: blind judges refused
#: 11 of 14 (a side event's date, "11 September" moved, a start "in 2003" before the story).
MUTATIONS: dict[str, Callable[[Document, ClaimInfo, random.Random], list[Mutation]]] = {
    "number": mutate_number,
    "entity": mutate_entity,
    "negation": mutate_negation,
}

#: What a wrong option of a verification item may change: a figure or a name. An inserted
#: "not" beside copies of the key marks the key, and a moved date was trivia.
OPTION_MUTATIONS = ("number", "entity")


def false_variants(doc: Document, claim: ClaimInfo, rng: random.Random) -> list[Mutation]:
    """Every mutation of the claim that the article does not support, in a stable order."""
    out: list[Mutation] = []
    seen: set[str] = set()
    key = normalise(statement(doc, claim))
    for name in MUTATIONS:
        for mut in MUTATIONS[name](doc, claim, rng):
            if mut.old == mut.new:
                continue
            text = statement(doc, claim, mut)
            norm = normalise(text)
            if norm == key or norm in seen:
                continue
            if stated_by_article(doc, claim, mut.new, text):
                continue
            seen.add(norm)
            out.append(mut)
    return out
