"""The quality gate: every question the engine emits, and every hand edit, passes these checks.

:func:`check_question` is pure and cheap so the editor UI can run it on each save. The
quiz-level check (key positions spread evenly) lives in :mod:`quizapp.engine.select`.
"""

from __future__ import annotations

import re

from .kinds import GENERATED, REGISTRY
from .lexicon import MONTHS, WEEKDAYS
from .numbers import date_pattern, parse_quantity
from .quality import figure_fault

#: The kinds the engine generates (the gate also checks editors' verdict questions).
KIND_NAMES = tuple(kind.name for kind in GENERATED)
_ABOVE_RE = re.compile(
    r"\b(all|none|both|neither) of the (above|options|answers)\b|^(?:[a-d] and [a-d])$", re.I
)
_NORM_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)

# reason texts (also the keys counted in GenerationResult.rejected)
R_ONE_KEY = "needs exactly one correct option"
R_COUNT = "needs 3 or 4 options (2 for true/false)"
R_TF = "true/false options must be True then False"
R_DUP = "duplicate options"
R_EMPTY = "empty stem or option"
R_FORMAT = "options differ in type or format"
R_LONGEST = "key is the only longest option"
R_ORDER = "numeric options not in ascending order"
R_ABOVE = "all/none of the above"
R_STEM_KEY = "stem contains the answer"
R_EVIDENCE = "evidence is not a span of the article"
R_STATED = "a distractor is stated by the article"
R_KIND = "unknown question kind"
R_LENGTH = "stem or option too long"
R_ARTEFACT = "template artefact in the text"
R_TYPO = "copies or reads a figure the article typed wrong"
R_QUOTES = "a quotation left open"
_ARTEFACT_RE = re.compile(r"\b[Aa]\(n\)|\(s\)(?!\w)")
#: A blank glued to a word ("musical _____! which", "the _____.5G phone"): the answer was cut
#: out of a longer name or code, so the options cannot fit the gap.
_CUT_BLANK_RE = re.compile(r"[^\W_]_{3,}|_{3,}(?:[^\W_]|!|\.[^\W_])")


def normalise_option(s: str) -> str:
    """Case, spacing and punctuation folded away; digits keep their decimal points."""
    return " ".join(_NORM_RE.findall(s.replace("\u2019", "'").lower()))


def option_signature(s: str) -> str:
    """Type-and-format fingerprint of an option's text."""
    q = parse_quantity(s)
    if q is not None and q.text == s.strip():
        return q.signature
    pat = date_pattern(s.strip())
    if pat is not None:
        return "date|" + pat
    s = s.strip()
    return "text|" + ("upper" if s[:1].isupper() or s[:1].isdigit() else "lower")


def sort_value(s: str) -> tuple[float, ...] | None:
    """A number to order options by, or None when the option is not a number or date."""
    q = parse_quantity(s)
    if q is not None and q.text == s.strip():
        return (q.value,)
    s = s.strip()
    pat = date_pattern(s)
    if pat is None:
        return None
    parts = s.split()
    if pat == "wd":
        return (float(WEEKDAYS.index(parts[0])),)
    year = float(parts[-1]) if pat in {"dmy", "my"} else 0.0
    month_word = next(p for p in parts if p in MONTHS)
    day = float(parts[0]) if pat in {"dmy", "dm"} else 0.0
    return (year, float(MONTHS.index(month_word)), day)


def _contains_phrase(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    return f" {needle} " in f" {haystack} "


#: How much longer than every wrong option a key must be for its length to give it away.
LENGTH_CUE_RATIO = 1.25


def length_gives_away(key: str, wrong: list[str]) -> bool:
    """Whether the key is the longest option by so much that a test-wise reader picks it: a
    word more than every wrong option ("Mozilla Foundation" beside "Microsoft" and
    "Netscape"), or a quarter more characters. A letter or two is no cue a reader sees
    ("Lleyton Hewitt" beside "Roger Federer", "Arsene Wenger" beside "David Dein", one name
    changed in four copies of a sentence), and refusing it cost good items (2.19.0: 14 drafts
    on the tuning, dev and seed articles, the lead of a tennis report among them)."""
    if not wrong:
        return False
    words = len(key.split())
    return all(words > len(t.split()) for t in wrong) or all(
        len(key) > LENGTH_CUE_RATIO * len(t) for t in wrong
    )


def open_quote(text: str) -> bool:
    """Whether a double quotation mark is left open ("... a \u201cthoughtful approach to the
    future.", cut before the closing mark): both blind judges of two fresh articles, 2.19.4,
    "fix before publishing". Single marks are not counted: "\u2019" is an apostrophe too."""
    return text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d")


def check_question(
    kind: str,
    stem: str,
    options: list[tuple[str, bool]],
    evidence: tuple[int, int] | None,
    article_text: str,
) -> list[str]:
    """Reasons this question fails the gate; ``[]`` when it passes.

    ``options`` are ``(text, correct)`` pairs in display order; ``evidence`` is the
    ``(start, end)`` span in ``article_text`` that proves the key.
    """
    reasons: list[str] = []
    spec = REGISTRY.get(kind)
    if spec is None:
        reasons.append(R_KIND)
    texts = [t for t, _ in options]
    keys = [t for t, c in options if c]
    if len(keys) != 1:
        reasons.append(R_ONE_KEY)
    if not stem.strip() or any(not t.strip() for t in texts):
        reasons.append(R_EMPTY)
    if spec is not None and not spec.full_gate:
        # Fixed labels (verdicts), not article text: only the structural checks apply.
        if len({normalise_option(t) for t in texts}) != len(texts):
            reasons.append(R_DUP)
        return reasons
    if len(stem) > 400 or any(len(t) > 300 for t in texts):
        reasons.append(R_LENGTH)
    if spec is not None and spec.fixed_options:
        if tuple(texts) != spec.fixed_options:
            reasons.append(R_TF)
    else:
        if not 3 <= len(options) <= 4:
            reasons.append(R_COUNT)
        norm = [normalise_option(t) for t in texts]
        if len(set(norm)) != len(norm) or any(not n for n in norm):
            reasons.append(R_DUP)
        if len({option_signature(t) for t in texts}) > 1:
            reasons.append(R_FORMAT)
        if len(keys) == 1 and len(texts) > 1:
            if length_gives_away(keys[0], [t for t, c in options if not c]):
                reasons.append(R_LONGEST)
        values = [v for v in (sort_value(t) for t in texts) if v is not None]
        if len(values) == len(texts) and any(
            a >= b for a, b in zip(values, values[1:], strict=False)
        ):
            reasons.append(R_ORDER)
        if len(keys) == 1 and _contains_phrase(normalise_option(stem), normalise_option(keys[0])):
            reasons.append(R_STEM_KEY)
    if any(_ABOVE_RE.search(t) for t in texts):
        reasons.append(R_ABOVE)
    if (
        _ARTEFACT_RE.search(stem)
        or any(_ARTEFACT_RE.search(t) for t in texts)
        or _CUT_BLANK_RE.search(stem)
    ):
        reasons.append(R_ARTEFACT)
    if figure_fault(stem) or any(figure_fault(t) for t in texts):
        reasons.append(R_TYPO)
    if any(open_quote(t) for t in (stem, *texts)):
        reasons.append(R_QUOTES)
    if evidence is None:
        reasons.append(R_EVIDENCE)
    else:
        s, e = evidence
        if not (0 <= s < e <= len(article_text)) or not article_text[s:e].strip():
            reasons.append(R_EVIDENCE)
        elif figure_fault(article_text[s:e]) and R_TYPO not in reasons:
            # "gain £17.m": the figure read from it ("£17") is not what was meant
            reasons.append(R_TYPO)
    if spec is not None and spec.statements and len(keys) == 1:
        art = normalise_option(article_text)
        if any(not c and _contains_phrase(art, normalise_option(t)) for t, c in options):
            reasons.append(R_STATED)
    return reasons
