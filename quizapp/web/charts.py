"""Charts drawn on the server as SVG geometry: no JavaScript, readable on a phone.

Each function returns plain data that a template turns into an ``<svg>``; the
same data feeds the table shown next to the chart for screen readers and for
anyone who prefers numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 320
HEIGHT = 180
PAD_LEFT = 32
PAD_BOTTOM = 24
PAD_TOP = 10
PAD_RIGHT = 8


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
    ticks: list[tuple[float, int]] = field(default_factory=list)


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


def scatter(items: list[tuple[str, float | None, float | None]]) -> Scatter:
    """Facility (x, 0..1) against discrimination (y, −1..1), one point per question."""
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y_of(d: float) -> float:
        return round(PAD_TOP + plot_h * (1 - (d + 1) / 2), 2)

    points = [
        Point(label, round(PAD_LEFT + plot_w * f, 2), y_of(d), f, d)
        for label, f, d in items
        if f is not None and d is not None
    ]
    return Scatter(points=points, zero_y=y_of(0.0))
