"""The article page's layout: its headings, paragraphs and bullet lists, read from plain text.

Articles are stored as plain text, a paragraph per line. The lines the question engine reads
as headings (short, without a final full stop) and as bullets ("- ", "• ", "1. ") are shown
as such: the same rule as the engine's (:func:`quizapp.engine.text.read_layout`), so the page
shows the article as the questions were made from it. Only text comes out: the template
escapes it, and nothing of the input is ever markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.engine.text import HEADING_MARK, read_layout

_NUMBERED = re.compile(r"[ \t]*\d")


@dataclass
class Block:
    """One part of the article: a "heading" or a "paragraph" (``text``), or a "list"
    (``items``, ``ordered`` for a numbered one)."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    ordered: bool = False


def article_blocks(text: str, title: str = "") -> list[Block]:
    """The article's headings, paragraphs and lists in order (a first line that repeats the
    title, already the page's heading, is left out)."""
    layout = read_layout(text)
    parts: list[tuple[int, str, int]] = [(s, "heading", e) for s, e in layout.headings]
    parts += [(b.start, b.kind, b.end) for b in layout.blocks]
    if layout.title_span is not None and layout.title.strip() != title.strip():  # type: ignore[union-attr]
        parts.append((layout.title_span[0], "heading", layout.title_span[1]))
    blocks: list[Block] = []
    seen: set[int] = set()
    for start, kind, _end in sorted(parts):
        # Whole lines of the original text: the engine's ranges skip what it blanks (markup),
        # and a very long line is several of its ranges.
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        if line_start in seen:
            continue
        seen.add(line_start)
        if kind != "bullet":
            line = text[line_start:line_end].strip()
            if kind == "heading":
                line = HEADING_MARK.sub("", line)  # "## The vote": the page shows the level
            blocks.append(Block(kind, text=line))
            continue
        piece = text[start:line_end].strip()
        ordered = bool(_NUMBERED.match(text, line_start))
        last = blocks[-1] if blocks else None
        if last is not None and last.kind == "list" and last.ordered == ordered:
            last.items.append(piece)
        else:
            blocks.append(Block("list", items=[piece], ordered=ordered))
    return blocks
