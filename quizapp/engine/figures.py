"""Made-up wrong figures, chosen as a set so that no option is the odd one out.

Blind editors refused sets a reader solves without the article: every wrong value above the
key ("the closest number gives it away"), a mechanical series ("3,000 / 4,000 / 5,000"),
two options a digit apart, and a value the sentence rules out ("112.1" beside "a mild
decline"). So the made-up values of one item are drawn together (:func:`pick_set`):

- with three wrong values they straddle the key where both sides are open (how many fall
  below comes from the seeded draw, so the key's rank varies);
- neighbouring options lie at least MIN_GAP apart (FINE_GAP for a key the article sets beside
  a close value of its kind, "97.5" beside "95.5", or whose change the claim calls mild), and
  no two gaps of the sorted set are (nearly) equal, so the options never run as a series;
- each keeps the key's format and precision (:func:`round_like`): "18,000" gives "23,000",
  "59.2" gives "44.4", a one-digit "2,000" may give "1,500", and "421,000" never "250,000";
- none lies inside a range the article states (:func:`stated_ranges`).

The old fixed steps (:func:`old_steps`, ``numbers.perturb``) are still drawn, so that the
seeded draws of later questions keep, and their values stay wherever they already make a
good set. What a value may not be (another figure of the article, against the sentence's
direction words, a part above its whole) is the caller's test, applied to every candidate.
"""

from __future__ import annotations

import itertools
import math
import random
import re

from .numbers import Quantity, bare_decimal, format_like, perturb

#: Nearest two options may be, relative to the larger (a digit-level difference is trivia).
MIN_GAP = 0.1
#: ... for a key the article compares with a close value of its kind.
FINE_GAP = 0.04
#: A whole-number key below this keeps MIN_GAP even beside a close figure.
SMALL_WHOLE = 50
#: Two gaps of the sorted options this close (relative to the larger) read as a series.
SAME_GAP = 0.2
#: How far made-up values may lie from the key (factors): ordinary keys, and fine ones.
REACH = (0.4, 2.5)
FINE_REACH = (0.8, 1.25)
#: ... and at least this many steps of the key's precision either way.
REACH_STEPS = 3
#: The spread (largest over smallest option) a set of four aims at: wide enough to be no
#: trick, narrow enough that no option is absurd; a set of three aims a little narrower.
SPREAD = 2.0
FINE_SPREAD = 1.22
SPREAD_OF_THREE = 0.75
#: The seeded draw chooses among the best sets: at most CHOICES, none scored worse than the
#: best by more than MARGIN.
CHOICES = 6
MARGIN = 0.12


def sig_digits(q: Quantity) -> int:
    """Significant digits of a whole-number key as written ("18,000": 2, "150": 2, "2": 1)."""
    digits = str(int(round(q.value))).rstrip("0")
    return max(1, len(digits))


def round_like(q: Quantity, value: float, digits: int, half: bool = False) -> float:
    """``value`` at the key's precision: its decimals, or ``digits`` significant digits
    (``half``: a one-digit key's value may end in a 5: "2,000" gives "1,500")."""
    if q.decimals:
        return round(value, q.decimals)
    if value < 1:
        return 0.0
    grain = _grain(value, digits)
    if half and grain >= 10:
        grain /= 2
    return float(round(value / grain) * grain)


def _grain(value: float, digits: int) -> float:
    """The step of a whole number written to ``digits`` significant digits."""
    return 10.0 ** max(0, math.floor(math.log10(value)) - digits + 1)


def candidates(q: Quantity, lower: bool, fine: bool) -> list[float]:
    """Made-up values on one side of the key, nearest first, at the key's precision; a share
    below 100% stays below it, and "900m" never becomes "1,020m" (a writer says "1.02bn")."""
    low, high = FINE_REACH if fine else REACH
    out: set[float] = set()
    # a fine key moves in finer steps: "400" beside "380" gives "430", not "500"
    digits = max(sig_digits(q), 2) if fine else sig_digits(q)
    # ... and reaches a few steps of its precision at least ("0.5%" gives "0.3%" to "0.8%")
    if q.value > 0:
        grain = 10.0**-q.decimals if q.decimals else _grain(q.value, digits)
        low = min(low, 1 - REACH_STEPS * grain / q.value)
        high = max(high, 1 + REACH_STEPS * grain / q.value)
    # "1,500" and "2,500" read as round as "2,000"; "9,500" beside "2,000" looks made up
    # (any whole percentage reads naturally: "65%" beside "70%")
    halves = (False, True) if digits == 1 else (False,)
    steps = 40
    for i in range(1, steps + 1):
        f = 1 - (1 - low) * i / steps if lower else 1 + (high - 1) * i / steps
        for half in halves:
            v = round_like(q, q.value * f, digits, half)
            if v <= 0 or math.isclose(v, q.value) or (v < q.value) != lower:
                continue
            if bare_decimal(q, v):
                continue  # "2.0m" beside "3.5m": a writer says "2m"
            if half and not q.percent and str(int(v)).rstrip("0")[:1] >= "5":
                continue
            # "250,000" beside "421,000", "301,000": a rounder figure than the key's stands out
            if not q.decimals and digits >= 3 and len(str(int(v)).rstrip("0")) < digits:
                continue
            if q.percent and q.value < 100 <= v:
                continue
            if q.scale.strip() and q.value < 1000 <= v:
                continue
            out.add(v)
    return sorted(out, reverse=lower)


_RANGE_GAP = re.compile(r"^\s*(?:-|–|to)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def stated_ranges(text: str, figures: list[Quantity], q: Quantity) -> list[tuple[float, float]]:
    """Ranges of the key's unit that ``figures`` (in order, with offsets into ``text``)
    state ("between 20,000 and 30,000", "20-30%", "£2m to £3m"): a wrong value inside one is
    arguably right. "from 10 to 12" is a change, not a range."""
    out = []
    for a, b in itertools.pairwise(figures):
        if b.signature != q.signature:
            continue
        if (a.currency or b.currency) != b.currency or (a.percent or b.percent) != b.percent:
            continue
        gap = text[a.end : b.start]
        before = text[max(0, a.start - 12) : a.start]
        if _BETWEEN.search(before) and re.fullmatch(r"\s*and\s*", gap):
            pass
        elif not _RANGE_GAP.match(gap) or re.search(r"\bfrom\s+$", before, re.I):
            continue
        lo, hi = sorted((a.value, b.value))
        out.append((lo, hi))
    return out


def spaced(values: list[float]) -> list[float]:
    """``values`` in order without any within MIN_GAP of one kept before it."""
    kept: list[float] = []
    for v in values:
        if all(abs(v - w) >= MIN_GAP * max(abs(v), abs(w)) for w in kept):
            kept.append(v)
    return kept


def _gaps_ok(values: list[float], made: set[float], gap: float, uneven: bool) -> bool:
    """Whether the sorted ``values`` keep neighbours apart (where one is made up) and, with
    ``uneven``, no two gaps alike."""
    vals = sorted(values)
    gaps = [b - a for a, b in itertools.pairwise(vals)]
    for (a, b), d in zip(itertools.pairwise(vals), gaps, strict=True):
        if (a in made or b in made) and d < gap * max(abs(a), abs(b)):
            return False
    if not uneven:
        return True
    return all(abs(g - h) > SAME_GAP * max(g, h) for g, h in itertools.combinations(gaps, 2))


def choose(
    key: float,
    fixed: list[float],
    lows: list[float],
    highs: list[float],
    need: tuple[int, int],
    rng: random.Random,
    fine: bool = False,
    uneven: bool = True,
) -> list[float] | None:
    """``need`` (below, above) made-up values from ``lows`` and ``highs`` (nearest first) to
    stand with the key and the article's ``fixed`` values: spaced, in no series (``uneven``),
    of a natural spread, one of the best sets drawn by ``rng``; None when there is none."""
    n_low, n_high = need
    lows, highs = lows[:14], highs[:14]
    if n_low > len(lows) or n_high > len(highs):
        return None
    target = math.log(FINE_SPREAD if fine else SPREAD)
    if 1 + len(fixed) + n_low + n_high < 4:
        target *= SPREAD_OF_THREE
    gap = FINE_GAP if fine else MIN_GAP
    scored = []
    for low in itertools.combinations(lows, n_low):
        for high in itertools.combinations(highs, n_high):
            made = [*low, *high]
            values = sorted([key, *fixed, *made])
            if not _gaps_ok(values, set(made), gap, uneven):
                continue
            spread = math.log(values[-1] / values[0]) if values[0] > 0 else 9.0
            scored.append((abs(spread - target) + _lopsided(values), sorted(made)))
    if not scored:
        return None
    scored.sort()
    best = [made for score, made in scored[:CHOICES] if score <= scored[0][0] + MARGIN]
    return rng.choice(best)


#: Ratio of the widest to the narrowest step (in proportion) between neighbouring options that
#: reads natural: far above it one pair sits oddly close ("800 / 900 / 2,000 / 2,500").
NATURAL_STEPS = 1.8


def _lopsided(values: list[float]) -> float:
    """How far the proportional steps between neighbours are from a natural unevenness."""
    if values[0] <= 0 or len(values) < 3:
        return 0.0
    steps = [math.log(b / a) for a, b in itertools.pairwise(values)]
    return 0.5 * abs(math.log(max(steps) / max(min(steps), 1e-9)) - math.log(NATURAL_STEPS))


def good_set(key: float, fixed: list[float], made: list[float], fine: bool, both: bool) -> bool:
    """Whether made-up values ``made`` make a good set with the key and the article's
    ``fixed`` values: apart, in no series, and (three or more wrong values, with both sides
    open) not all on one side of the key."""
    values = [key, *fixed, *made]
    if spaced(sorted(fixed)) != sorted(fixed):
        return False
    if made and both and len(values) >= 4 and (min(values) == key or max(values) == key):
        return False
    return _gaps_ok(values, set(made), FINE_GAP if fine else MIN_GAP, True)


def pick_set(
    key: float,
    article: tuple[list[float], list[float]],
    made: tuple[list[float], list[float]],
    split: tuple[int, int],
    rng: random.Random,
    fine: bool,
    legacy: tuple[list[float], list[float]] | None,
) -> tuple[list[float], list[float]]:
    """The article's values and the made-up ones for a key: ``article`` and ``made`` are the
    (below, above) candidates nearest first, ``split`` the drawn number below and the number
    wanted. The article's own figures first; ``legacy`` (the old fixed steps' article and
    made-up values) where they already make a good set; else the drawn split, or the nearest
    other one, with made-up values chosen as a set (:func:`choose`) straddling the key; then
    sets with equal gaps; last, any values kept apart."""
    lows, highs = article
    gap = FINE_GAP if fine else MIN_GAP
    # a side whose made-up values all sit too near the key is closed ("95%" beside "90%")
    made_low, made_high = ([v for v in side if abs(v - key) >= gap * max(v, key)] for side in made)
    n_low, count = split
    both = bool(lows or made_low) and bool(highs or made_high)

    def at(k: int) -> tuple[list[float], int, int]:
        fixed = lows[:k] + highs[: count - k]
        return fixed, k - len(lows[:k]), count - k - len(highs[: count - k])

    fixed, need_low, need_high = at(n_low)
    if need_low + need_high == 0:
        return fixed, []  # a set of the article's own figures stays as it is
    if legacy is not None and len(legacy[0]) + len(legacy[1]) == count:
        if good_set(key, *legacy, fine, both):
            return legacy

    def one_sided(k: int) -> bool:
        _fixed, low, high = at(k)
        return both and count >= 3 and low + high > 0 and k in (0, count)

    order = sorted(range(count + 1), key=lambda k: (one_sided(k), abs(k - n_low), k))
    for uneven in (True, False):
        for k in order:
            fixed, need_low, need_high = at(k)
            if need_low + need_high == 0:
                return fixed, []
            found = choose(
                key, fixed, made_low, made_high, (need_low, need_high), rng, fine, uneven
            )
            if found is not None:
                return fixed, found
    fixed, need_low, need_high = at(n_low)
    return fixed, _fallback(key, fixed, made_low + made_high, need_low + need_high)


def _fallback(key: float, fixed: list[float], pool: list[float], need: int) -> list[float]:
    """Up to ``need`` values of ``pool``, nearest the key first, kept apart from each other
    and from the key and ``fixed`` (the set rules' last resort)."""
    picked: list[float] = []
    for v in sorted(pool, key=lambda v: abs(math.log(v / key))):
        if len(picked) == need:
            break
        if all(abs(v - w) >= MIN_GAP * max(v, w) for w in [key, *fixed, *picked]):
            picked.append(v)
    return picked


def old_steps(
    q: Quantity,
    article: dict[float, str],
    stated: set[float],
    fine: bool,
    rng: random.Random,
    n_low: int,
    count: int,
) -> tuple[list[tuple[float, bool]], list[int]]:
    """The wrong values of the old fixed steps (the article's, then made-up ones side by side,
    the other side filling in), each with whether it is the article's, and the draws taken."""
    lows = sorted((v for v in article if v < q.value), reverse=True)
    highs = sorted(v for v in article if v > q.value)
    draws: list[int] = []

    def fill(side: list[float], lower: bool, need: int) -> list[tuple[float, bool]]:
        picked = [(v, True) for v in side[:need]]
        if len(picked) < need:
            draws.append(rng.randrange(3))
            for v in perturb(q, lower, need + 4, draws[-1], fine=fine):
                if v in stated or any(format_like(q, v) == format_like(q, w) for w, _ in picked):
                    continue
                picked.append((v, False))
                if len(picked) == need:
                    break
        return picked

    out = fill(lows, True, n_low) + fill(highs, False, count - n_low)
    if len(out) < count:
        out += fill(lows, True, count - len(out) + n_low)[n_low:]
    seen: set[str] = {q.text}
    kept = []
    for v, own in out:
        text = article[v] if own else format_like(q, v)
        if text not in seen:
            seen.add(text)
            kept.append((v, own))
    return kept[:count], draws
