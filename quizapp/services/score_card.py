"""The score card: a PNG of a shared result, for link previews (``og:image``).

It shows exactly what the share page shows (the name, the score and its percentage, the quiz
title) and nothing more, drawn with the font Pillow bundles (no file to ship or download).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

#: The size link previews expect of a large image (1.91:1).
WIDTH, HEIGHT = 1200, 630
_MARGIN = 72
#: Raised whenever the drawing changes, so cached cards are fetched again.
CARD_VERSION = "1"

_BACKGROUND = "#fbfaf7"
_TEXT = "#1d1d1f"
_MUTED = "#55575d"
_ACCENT = "#0b5cad"


@dataclass(frozen=True)
class Card:
    """What a card shows: all of it is on the share page too."""

    name: str
    score: int
    total: int
    percent: int
    title: str

    @property
    def etag(self) -> str:
        """A validator that changes exactly when the picture would."""
        data = "\x1f".join((CARD_VERSION, self.name, str(self.score), str(self.total), self.title))
        return hashlib.sha256(data.encode()).hexdigest()[:32]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, smallest: int) -> tuple:
    """The largest font from ``size`` down to ``smallest`` that fits ``text`` on one line;
    at the smallest, the text is cut with an ellipsis."""
    while size > smallest and draw.textlength(text, font=_font(size)) > width:
        size -= 4
    font = _font(size)
    if draw.textlength(text, font=font) > width:
        while text and draw.textlength(text + "…", font=font) > width:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text, font


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: object, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` pixels, the last cut with an ellipsis."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= width:  # type: ignore[arg-type]
            line = f"{line} {words.pop(0)}"
        while draw.textlength(line, font=font) > width and len(line) > 1:  # type: ignore[arg-type]
            line = line[:-1]  # one word longer than the line
        out.append(line)
    if words and out:
        last = out[-1]
        while last and draw.textlength(last + "…", font=font) > width:  # type: ignore[arg-type]
            last = last[:-1]
        out[-1] = last.rstrip() + "…"
    return out


@lru_cache(maxsize=128)
def render_png(card: Card) -> bytes:
    """The card as PNG bytes (the same card is drawn once per process)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * _MARGIN
    draw.rectangle((0, 0, 16, HEIGHT), fill=_ACCENT)
    draw.text((_MARGIN, 56), "quizapp · fact-check quiz", font=_font(34), fill=_MUTED)
    name, name_font = _fit(draw, card.name, 64, width, 32)
    draw.text((_MARGIN, 118), name, font=name_font, fill=_TEXT)
    draw.text((_MARGIN, 200), "scored", font=_font(40), fill=_MUTED)
    score = f"{card.score} / {card.total}"
    score_font = _font(150)
    draw.text((_MARGIN, 240), score, font=score_font, fill=_ACCENT)
    after = _MARGIN + draw.textlength(score, font=score_font) + 40
    draw.text((after, 322), f"{card.percent}%", font=_font(72), fill=_TEXT)
    title_font = _font(40)
    y = 430
    for line in _wrap(draw, f"on {card.title}", title_font, width, 3):
        draw.text((_MARGIN, y), line, font=title_font, fill=_TEXT)
        y += 52
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
