"""Side details that blind editors rejected as trivia (rubric rule 5: "avoid over specific
content"), past the lead: what a claim states that is not what the article is about.

Editors of unseen articles named these classes: a technical spec figure in a story on a
product's price or launch, a background statistic (how many people own something), the box
office takings of another film, a funding programme's name and stated aims, a career's
dates in a profile of someone honoured or appointed, the procedural step a body took and
on which day, a match's bookkeeping (the minute of a try, who passed to the scorer, late
consolation scores), a time given only relative to another moment ("eight minutes later"),
and a one-word remark ("interesting") asked as who said it. Each detector reads the claim's
text (and the headline and lead, ``about``), so the signal is the sentence's role, not the
article's topic; :func:`claims.extract_claims` marks such a claim peripheral.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .lexicon import (
    OWNING_VERBS,
    POPULATION_NOUNS,
    PROCEDURAL_STEPS,
    SPEC_UNITS,
    STANDING_SUPERLATIVES,
    VERDICT_VERBS,
    WEEKDAYS,
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SPEC = re.compile(
    r"(?<![\w.])\d[\d.,]*\s?(?:" + _alternation(SPEC_UNITS) + r")(?![\w-])", re.IGNORECASE
)


def spec_figure(text: str, about: str) -> bool:
    """Whether the text gives a technical spec figure ("runs at 60 frames per second", "a
    3.2GHz processor") of a unit the headline and lead never use: the story is the product's
    price or launch, not its frame rate."""
    units = {_unit(m.group(0)) for m in _SPEC.finditer(text)}
    return bool(units) and not any(
        re.search(r"(?<!\w)" + re.escape(u) + r"(?!\w)", about, re.IGNORECASE) for u in units
    )


def _unit(figure: str) -> str:
    return re.sub(r"^[\d.,\s]+", "", figure).lower().lstrip("-")


_NUMBER = r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|half|a third|a quarter)"
_WHO = _alternation(POPULATION_NOUNS)
_OWNS = _alternation(OWNING_VERBS)
_COUNT = (
    r"\b" + _NUMBER + r"(?:\s?(?:%|per ?cent|million|m|bn|billion|in (?:\w+|\d+)))?"
    r"(?: of)?(?: (?:all|the))?(?: [a-z]+)? "
)
_THEN_OWNS = r"(?: (?:now|already|currently|regularly))? (?:" + _OWNS + r")\b"
# a national count: "12 million households own", "90% of Britons own", "3 million people in
# Spain use" (a service's own "1 million people use it" is its size, not background)
_BACKGROUND_STAT = re.compile(
    _COUNT + r"(?:(?:" + _WHO + r") (?:in|across) (?:the )?[A-Z]\w+(?: [A-Z]\w+)?"
    r"|households|homes|Britons|Americans|Europeans)" + _THEN_OWNS
)


def background_stat(text: str) -> bool:
    """Whether the text counts how many people own or use something ("About 12 million
    households in Britain own a games console"): a background statistic, not the news."""
    return bool(_BACKGROUND_STAT.search(text))


# "took $20m at the box office", "grossed £3m in its opening weekend"
_BOX_OFFICE = re.compile(
    r"\b(?:box[- ]office|takings|grossed|grossing|opening weekend|ticket sales)\b", re.IGNORECASE
)
_FILM_STORY = re.compile(r"\b(?:films?|movies?|box[- ]office|cinemas?|studios?)\b", re.I)
# the sum a film took: "took $20m", "grossed £3.1m", "takings of $12m" (a budget is no takings)
_TAKINGS = re.compile(
    r"\b(?:took|taken|takes|grossed|earned|made|takings of|pulled in|raked in)\b[^.;]{0,20}?"
    r"(?:[$£€]\s?\d|\d[\d.,]*\s?(?:million|billion|m|bn)\b)"
)


def box_office_aside(text: str, names: list[str], about: str) -> bool:
    """Whether, in a film story, the text gives box office takings for something the headline
    and lead never name (another film mentioned in passing). In a story on a game's sales a
    film's takings are the comparison the story makes, which editors accepted."""
    if not (_BOX_OFFICE.search(text) and _TAKINGS.search(text)):
        return False
    if not _FILM_STORY.search(about):
        return False
    return not any(n.split()[-1] in about for n in names if n.split())


# "the fund, which aims to ...", "the scheme is designed to ..."
_PROGRAMME_AIMS = re.compile(
    # (a "fund" only as a common noun: the International Monetary Fund is an actor)
    r"\b(?:[Pp]rogrammes?|[Pp]rogram|[Ss]chemes?|[Ii]nitiatives?|funds?)\b"
    r"[^.;]{0,60}?\b(?:aims?|aimed|designed|intended|seeks?|sought|sets? out) to\b"
)


# "the money comes from the Creative Futures Programme", "awarded under the Bright Start
# Scheme" (not "by the International Monetary Fund": a fund so named is often an actor)
_PROGRAMME_NAME = re.compile(
    r"\b(?:from|under|through|by) the (?:[A-Z][\w'-]* ){1,5}"
    r"(?:Programme|Program|Scheme|Initiative)\b"
)


def programme_aims(text: str, about: str) -> bool:
    """Whether the text names the funding programme or scheme the money comes through, or
    states what it aims to do, where the headline and lead never mention a programme or
    scheme: its name and aims are a side detail of the story about who got the money."""
    if not (_PROGRAMME_AIMS.search(text) or _PROGRAMME_NAME.search(text)):
        return False
    return not re.search(r"\b(?:programme|program|scheme|initiative|fund)\b", about, re.I)


# "career which dates back to 1974", "joined the Treasury in 1985", "was made permanent
# secretary in April 2001": a profile's timeline, which editors called biographical trivia
_BIOGRAPHY = re.compile(
    r"\bcareer\b[^.;]{0,40}?\b(?:19|20)\d\d\b"
    r"|\b(?:dates|dating|stretches|stretching) back to (?:19|20)\d\d\b"
    r"|\b(?:joined|(?:was|were) (?:made|appointed|named|promoted|elected)"
    r"(?! (?:in|by|on|at|from|for|to|with|after|before|during)\b)|became)\b[^.;]{0,50}?"
    r"\bin (?:[A-Z][a-z]+ )?(?:19|20)\d\d\b"
)


def biography(text: str) -> bool:
    """Whether the text dates a career's steps (when someone joined, was appointed)."""
    return bool(_BIOGRAPHY.search(text))


_PROCEDURE = re.compile(r"\b(?:" + _alternation(PROCEDURAL_STEPS) + r")\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")


def procedural_step(text: str) -> bool:
    """Whether the text tells of a procedural step a body took on a named weekday ("The bill
    was referred to the justice committee on Tuesday")."""
    return bool(_PROCEDURE.search(text) and _WEEKDAY.search(text))


# the bookkeeping of a match: who passed to the scorer, when a try or goal came, late
# consolation scores; the result, the decisive score and the main performer are the story
_MATCH_DETAIL = re.compile(
    r"\bconsolation\b|\blate (?:tries|try|goals?|penalty|penalties)\b"
    r"|\b(?:pass|cross|flick|lay-off|through ball|assist) (?:from|by) [A-Z]"
    r"|\bfrom [A-Z]\w+'s (?:pass|cross|flick|lay-off|through ball|assist|kick|offload)\b"
    r"|\b\d+(?:st|nd|rd|th)[- ]minute\b|\bminute \d+\b"
    r"|\b(?:scored|try|goal|penalty|conversion|header)\b[^.;]{0,40}?"
    r"\b(?:after \d+ minutes|set up by)\b"
    r"|\b(?:touched down|went over|crossed over|crossed the line|dotted down)\b[^.;]{0,40}?"
    r"\b(?:minutes?|minute|late|end|half)\b"
)


def match_detail(text: str) -> bool:
    """Whether the text gives a match's bookkeeping rather than its result."""
    return bool(_MATCH_DETAIL.search(text))


# "eight minutes later": a time the quiz taker cannot place (a match's or a race's clock;
# "two days later" often dates the news itself, and is left alone)
_RELATIVE_TIME = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several)"
    r" (?:seconds?|minutes?) (?:later|earlier|afterwards|before that)\b",
    re.IGNORECASE,
)


def relative_time(text: str) -> bool:
    """Whether the text places its event only relative to another one ("minutes later")."""
    return bool(_RELATIVE_TIME.search(text))


#: A quoted remark of this many words or fewer ("interesting", "very pleased") is a throwaway:
#: asking who said it tests memory of a word, not the story.
SHORT_QUOTE = 3


def short_quote(quoted: str) -> bool:
    """Whether a quoted remark is a throwaway word or two."""
    return len(re.findall(r"[A-Za-z0-9']+", quoted)) <= SHORT_QUOTE


def standing(root: Any, tokens: list[Any]) -> bool:
    """Whether the claim only describes where a named actor stands ("Bank of Ruritania is the
    country's largest deposit holder"): a copula, a superlative of size and no figure. Past
    the opening sentences this is background about an actor, which blind editors called a
    side detail; "X became the largest ..." or "X is now the largest ..." (a change) and a
    ranking with a figure are news and not matched."""
    if root.lemma_ != "be" or any(t.like_num for t in tokens):
        return False
    if any(c.lower_ in {"now", "still", "no", "not", "longer"} for c in root.children):
        return False
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ != "PROPN":
        return False
    return any(
        c.dep_ == "attr" and any(t.lower_ in STANDING_SUPERLATIVES for t in c.subtree)
        for c in root.children
    )


_SHORT_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{1,40})[\"\u201d]")


# "Ms Bloggs said the plan was "interesting".": a report that ends on a word or two of verdict
_SAID_WORD = re.compile(
    r"\b(?:said|says|added|adds)\b[^\"\u201c]{0,60}\b(?:was|is|were|are|had been|looked|"
    r"sounded|seemed|felt|it as|them as)\s+[\"\u201c]([^\"\u201c\u201d]{1,30})[\"\u201d]"
    r"\s*[.!]?\s*$"
)


def said_a_word(text: str) -> str | None:
    """The verdict of a word or two a claim ends on ("X said the plan was "interesting""), if
    that is all it reports: who said a throwaway word is no fact of the story, whoever said
    it, unless the story takes the word up again (:func:`claims.extract_claims` checks)."""
    m = _SAID_WORD.search(text)
    return m.group(1) if m is not None and short_quote(m.group(1)) else None


def passing_verdict(root: Any, text: str, once: bool) -> bool:
    """Whether the claim only reports a verdict of a word or two ("Analyst Jo Bloggs called the
    plans "interesting"") by someone the article names only here (``once``): one bystander's
    reaction, which blind editors called trivia; a verdict the story's actors give recurs."""
    if not once or root.lemma_.lower() not in VERDICT_VERBS:
        return False
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return False  # "described the sentence as "harsh" and called for his release"
    quoted = _SHORT_QUOTED.findall(text)
    return len(quoted) == 1 and short_quote(quoted[0])


# "address 2,000 people", "in front of a crowd of 40,000", "watched by 8,000 fans",
# "5,000 supporters turned out": the size of an audience
_AUDIENCE_BEFORE = re.compile(
    r"\b(?:address|addresses|addressed|addressing|in front of|crowd of|audience of|attended by|"
    r"watched by|drew|draws|drawing|attracted|attracting|gathering of)\s+"
    r"(?:(?:a|an) (?:crowd|audience) of |some |about |around |nearly |almost |an estimated )?$",
    re.IGNORECASE,
)
_AUDIENCE_AFTER = re.compile(
    r"^\s?(?:people|fans|spectators|supporters|guests|delegates|worshippers|onlookers)?\s?"
    r"(?:attended|watched|gathered|turned out|turned up|packed|looked on)\b",
    re.IGNORECASE,
)


def audience_figure(before: str, after: str) -> bool:
    """Whether a figure, between the text ``before`` and ``after`` it, counts an audience:
    how many people heard a speech or watched a match is a side detail of the event, which
    blind editors called trivia ("crowd size is trivia"); the event is the story."""
    return bool(_AUDIENCE_BEFORE.search(before) or _AUDIENCE_AFTER.match(after))


# "reflects the design of similar models released this year, such as Rivalco's Z9", "rival
# services like Acme Stream": the thing the story's subject is compared with, named by example
_EXAMPLE_OF_KIND = re.compile(
    r"\b(?:similar|rival|competing|comparable)\b[^.;]{0,60}?\b(?:such as|like|including)\s+"
    r"((?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z0-9][\w'\u2019-]*){0,3})"
)


def outside_comparison(text: str, named_elsewhere: Callable[[str], bool]) -> bool:
    """Whether the text compares the story's subject with something of its kind it names only
    here, by example ("reflects the design of similar phones, such as Rivalco's Z9"): the
    comparison brings in a thing outside the story, which blind judges called "peripheral
    trivia". ``named_elsewhere`` tells whether a word of the name recurs in the headline, the
    lead or another sentence (then the rival is part of the story: a format battle's other
    side)."""
    m = _EXAMPLE_OF_KIND.search(text)
    if m is None:
        return False
    words = [re.sub(r"['\u2019]s?$", "", w) for w in m.group(1).split()]
    return not any(named_elsewhere(w) for w in words if w)


# "was jailed for life in a separate case": the sentence says itself that it is about another
# matter than the story's (never "in a separate statement", "in another move": the story's own
# news is often told so)
_SEPARATE_MATTER = re.compile(
    r"\bin (?:a separate|an unrelated|another) (?:case|incident|ruling|trial|hearing|inquiry|"
    r"investigation|matter)(?![\w-])",
    re.IGNORECASE,
)


def separate_matter(text: str) -> bool:
    """Whether the text tells of another matter than the story's ("a branch manager was
    jailed for life in a separate case"): blind judges called it "a minor side case" that
    "means nothing out of context" (2.17.5 tuning)."""
    return bool(_SEPARATE_MATTER.search(text))
