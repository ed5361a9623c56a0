"""Charts drawn on the server as SVG geometry: no JavaScript, readable on a phone.

Each function returns plain data that a template turns into an ``<svg>``; the
same data feeds the table shown next to the chart for screen readers and for
anyone who prefers numbers. Both axes carry a title, and the scatter chart's point labels
are placed where they overlap neither another label nor a point.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 340
HEIGHT = 200
PAD_LEFT = 44  # tick values and the vertical axis title
PAD_BOTTOM = 40  # tick values and the horizontal axis title
PAD_TOP = 10
PAD_RIGHT = 12
#: Size of the tick and label text in the SVG's own units, and the width of one character
#: (an estimate for the system font at that size: enough to keep labels apart).
FONT = 11
CHAR_W = 6.6
DOT_R = 5


@dataclass
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Histogram:
    bars: list[Bar]
    max_count: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - PAD_BOTTOM
    left: float = PAD_LEFT
    right: float = WIDTH - PAD_RIGHT
    top: float = PAD_TOP
    ticks: list[tuple[float, int]] = field(default_factory=list)
    x_title: str = "Score (questions right)"
    y_title: str = "Attempts"


def histogram(counts: dict[int, int], k: int) -> Histogram:
    """Bars for scores 0..k (a bar for every possible score, even an empty one)."""
    top = max([*counts.values(), 1])
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / (k + 1)
    bars = []
    for score in range(k + 1):
        count = counts.get(score, 0)
        h = plot_h * count / top
        bars.append(
            Bar(
                label=str(score),
                count=count,
                x=round(PAD_LEFT + score * slot + slot * 0.1, 2),
                y=round(HEIGHT - PAD_BOTTOM - h, 2),
                width=round(slot * 0.8, 2),
                height=round(h, 2),
            )
        )
    ticks = [(round(HEIGHT - PAD_BOTTOM - plot_h * v / top, 2), v) for v in sorted({0, top})]
    return Histogram(bars=bars, max_count=top, ticks=ticks)


@dataclass
class Point:
    label: str
    x: float
    y: float
    facility: float
    discrimination: float
    #: Where the label goes: its anchor point and text-anchor ("start", "middle" or "end").
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"


@dataclass
class Scatter:
    points: list[Point]
    width: int = WIDTH
    height: int = HEIGHT
    left: float = PAD_LEFT
    top: float = PAD_TOP
    right: float = WIDTH - PAD_RIGHT
    bottom: float = HEIGHT - PAD_BOTTOM
    zero_y: float = 0.0
    mid_x: float = 0.0
    x_title: str = "Facility: share of takers right"
    y_title: str = "Discrimination"


Box = tuple[float, float, float, float]  # x0, y0, x1, y1

#: Label positions tried around a point, nearest first: (dx, dy of the baseline, anchor).
_AROUND = [
    (DOT_R + 3, 4, "start"),
    (-(DOT_R + 3), 4, "end"),
    (0, -(DOT_R + 4), "middle"),
    (0, DOT_R + FONT + 2, "middle"),
    (DOT_R + 2, -(DOT_R + 2), "start"),
    (DOT_R + 2, DOT_R + FONT, "start"),
    (-(DOT_R + 2), -(DOT_R + 2), "end"),
    (-(DOT_R + 2), DOT_R + FONT, "end"),
]
#: Farther rings, for a crowded corner of the chart.
_CANDIDATES = [(dx * r, dy * r, a) for r in (1, 2, 3) for dx, dy, a in _AROUND]


def _label_box(x: float, y: float, text: str, anchor: str) -> Box:
    width = CHAR_W * len(text)
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (x0, y - FONT + 2, x0 + width, y + 2)


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def place_labels(points: list[Point], area: Box) -> None:
    """Put each point's label beside it where it covers no other label and no point, inside
    ``area`` (greedy, in the given order); when nothing is free, where it covers least."""
    dots = [(p.x - DOT_R, p.y - DOT_R, p.x + DOT_R, p.y + DOT_R) for p in points]
    placed: list[Box] = []
    for point in points:
        best: tuple[float, float, float, str, Box] | None = None
        for dx, dy, anchor in _CANDIDATES:
            x, y = point.x + dx, point.y + dy
            box = _label_box(x, y, point.label, anchor)
            outside = (
                max(0.0, area[0] - box[0])
                + max(0.0, box[2] - area[2])
                + max(0.0, area[1] - box[1])
                + max(0.0, box[3] - area[3])
            )
            cost = sum(_overlap(box, other) for other in (*placed, *dots)) + 100 * outside
            if best is None or cost < best[0]:
                best = (cost, x, y, anchor, box)
            if cost == 0:
                break
        assert best is not None  # noqa: S101 - _CANDIDATES is not empty
        _, point.label_x, point.label_y, point.anchor, box = best
        point.label_x, point.label_y = round(point.label_x, 2), round(point.label_y, 2)
        placed.append(box)


def scatter(items: list[tuple[str, float | None, float | None]]) -> Scatter:
    """Facility (x, 0..1) against discrimination (y, −1..1), one labelled point per question."""
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y_of(d: float) -> float:
        return round(PAD_TOP + plot_h * (1 - (d + 1) / 2), 2)

    points = [
        Point(label, round(PAD_LEFT + plot_w * f, 2), y_of(d), f, d)
        for label, f, d in items
        if f is not None and d is not None
    ]
    # The plot area plus the right and top margins: a label may stick out of the frame a bit.
    place_labels(points, (PAD_LEFT, 0, WIDTH, HEIGHT - PAD_BOTTOM))
    return Scatter(points=points, zero_y=y_of(0.0), mid_x=round(PAD_LEFT + plot_w / 2, 2))
