"""Reading raw article text: title, headings, bullets and paragraphs, all with exact offsets.

Nothing here changes the text the caller passed: every block is a ``(start, end)`` range into
it. :func:`parse_view` builds a same-length copy that is kinder to the parser (curly quotes
straightened, markup and control characters blanked) so offsets found in it hold in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What opens a list item ("- ", "• ", "2. "): the line's text is what follows it.
BULLET_MARK = re.compile(r"^[ \t]*(?:[-*\u2022\u00b7\u2023\u25aa\u2013\u2014>]|\d{1,2}[.)])[ \t]+")
#: What opens a Markdown heading ("## "): shown by layout, never as text.
HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_TAG_RE = re.compile(r"<[^<>\n]{0,200}>")
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6});")
_LABELS = {"tldr", "tl;dr", "key points", "summary", "in brief", "highlights", "in short"}
_END_PUNCT = ".!?:;\"'\u201d\u2019)\u2026"
# Longest piece handed to spaCy in one go: keeps memory flat and stays far below max_length.
MAX_CHUNK = 20_000

_TRANSLATE = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u2032": "'",
}


@dataclass(frozen=True)
class Block:
    """A run of text the engine may read claims from (``kind`` is "paragraph" or "bullet")."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Layout:
    """The article split into its parts."""

    title: str | None
    title_span: tuple[int, int] | None
    blocks: list[Block]
    headings: list[tuple[int, int]]


def parse_view(text: str) -> str:
    """Return a copy of ``text`` of identical length that the parser reads better.

    Why: en_core_web_sm tokenises straight quotes far better than curly ones, and markup or
    control characters would otherwise become tokens; blanking them keeps every offset valid.
    """
    chars = [(_TRANSLATE.get(c, c)) for c in text]
    for i, c in enumerate(chars):
        o = ord(c)
        if (o < 32 and c not in "\n\t") or 0x7F <= o < 0xA0 or 0xD800 <= o < 0xE000:
            chars[i] = " "
    out = "".join(chars)
    out = _TAG_RE.sub(lambda m: " " * len(m.group(0)), out)
    out = _ENTITY_RE.sub(lambda m: " " * len(m.group(0)), out)
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Line ranges without their newline characters."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.endswith("\r"):
            spans.append((pos, end - 1))
        else:
            spans.append((pos, end))
        pos = end + 1
    return spans


def _is_heading(line: str) -> bool:
    """A short line without final punctuation is a heading or a label, never a claim."""
    s = line.strip()
    if not s:
        return False
    if s.lower().rstrip(":") in _LABELS:
        return True
    words = s.split()
    if s[-1] in _END_PUNCT:
        return s.endswith(":") and len(words) <= 8
    return len(words) <= 16


def read_layout(text: str, view: str | None = None) -> Layout:
    """Split the article into title, headings and claim-bearing blocks.

    The title is the first line when it is followed by a blank line and more text, and looks
    like a headline (short, no final full stop); otherwise there is no title.
    """
    view = parse_view(text) if view is None else view
    lines = _lines(view)
    title: str | None = None
    title_span: tuple[int, int] | None = None
    first = 0
    if len(lines) >= 3:
        s0, e0 = lines[0]
        head = view[s0:e0].strip()
        rest_nonblank = any(view[s:e].strip() for s, e in lines[2:])
        if (
            head
            and not view[lines[1][0] : lines[1][1]].strip()
            and rest_nonblank
            and not BULLET_MARK.match(view[s0:e0])
            and head.lower().rstrip(":") not in _LABELS
            and len(head.split()) <= 20
            and head[-1] not in ".!?:"
        ):
            lead = len(view[s0:e0]) - len(view[s0:e0].lstrip())
            title_span = (s0 + lead, s0 + lead + len(head))
            title = text[title_span[0] : title_span[1]]
            first = 1
    blocks: list[Block] = []
    headings: list[tuple[int, int]] = []
    for s, e in lines[first:]:
        line = view[s:e]
        if not line.strip():
            continue
        m = BULLET_MARK.match(line)
        if m:
            body_start = s + m.end()
            if view[body_start:e].strip():
                blocks.extend(_chunks(view, body_start, e, "bullet"))
            continue
        if _is_heading(line):
            headings.append((s, e))
            continue
        blocks.extend(_chunks(view, s, e, "paragraph"))
    return Layout(title=title, title_span=title_span, blocks=blocks, headings=headings)


def _chunks(view: str, start: int, end: int, kind: str) -> list[Block]:
    """Cut an over-long block at sentence ends (or spaces) so each piece stays small."""
    # trim surrounding whitespace so spans are tight
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    out = []
    while end - start > MAX_CHUNK:
        cut = -1
        window = view[start : start + MAX_CHUNK]
        for sep in (". ", "\n", " "):
            cut = window.rfind(sep, MAX_CHUNK // 2)
            if cut != -1:
                cut += len(sep)
                break
        if cut <= 0:
            cut = MAX_CHUNK
        out.append(Block(start, start + cut, kind))
        start += cut
        while start < end and view[start].isspace():
            start += 1
    if end > start:
        out.append(Block(start, end, kind))
    return out


#: Words whose first letter is a vowel but whose first sound is not ("a one-off", "a European",
#: "a university", "a user") and words whose "h" is silent ("an hour", "an honest").
_A_BEFORE_VOWEL = re.compile(r"eu|ewe|one\b|one-|once\b|uni(?![ndm])|us[eu]|ukr|uti|ura|uri", re.I)
_AN_BEFORE_H = re.compile(r"hour|honest|honou?r|heir", re.I)
#: A number's first spoken word from its leading digit group: "8,500" and "800" are read
#: "eight ...", "11,000" "eleven thousand", "18" "eighteen", "80" "eighty".
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)")


def indefinite_article(word: str) -> str | None:
    """ "a" or "an" for the indefinite article before ``word``, or None when unsure.

    A figure is read aloud ("an 8% fall", "an 11,000-strong crowd", "an 18m deal", "a 10m
    deal"); an initialism of two or three capitals letter by letter ("an MP", "an FA", "a
    BBC"). Longer all-capital words may be read as words ("a NATO summit") or letters ("an
    HSBC branch"), and "1850" may be "eighteen fifty" or "one thousand...": None, so that the
    caller keeps the article the text had.
    """
    w = word.strip().lstrip("$\u00a3\u20ac\u00a5(\"'")
    if not w:
        return None
    m = _NUMBER.match(w)
    if m:
        digits = m.group(1)
        if "," in digits:
            group = digits.split(",")[0]
        elif len(digits) == 4 and digits[:2] in ("11", "18"):
            return None  # "eleven hundred" or "one thousand one hundred"
        else:
            group = digits[: len(digits) % 3 or 3]
        return "an" if group[0] == "8" or group in ("11", "18") else "a"
    if not w[0].isalpha():
        return None
    letters = re.match(r"[A-Za-z]+", w)
    head = letters.group(0) if letters else w
    if head.isupper() and len(head) > 1:
        if len(head) > 3:
            return None
        return "an" if head[0] in "AEFHILMNORSX" else "a"
    if _A_BEFORE_VOWEL.match(w):
        return "a"
    if _AN_BEFORE_H.match(w):
        return "an"
    return "an" if w[0].lower() in "aeiou" else "a"
