"""Classical test statistics from aggregate sums (pure maths: no Flask, no database, no spaCy).

The service layer computes sums in SQL (counts, sums of item scores, of totals
and of item × total products) and hands them here, so the statistics never
need the responses one by one. Definitions, so any client can check them:

- item score x_i is 1 if an attempt chose the key of question i, else 0;
  the total T is the sum of x_i over the quiz's k active questions;
- facility_i = mean of x_i;
- discrimination_i = Pearson correlation of x_i with the rest score T − x_i,
  ``None`` with fewer than 2 attempts or when either has zero variance;
- alpha = k/(k−1) · (1 − Σ var(x_i) / var(T)) with population variances,
  ``None`` if k < 2, fewer than 2 attempts, or var(T) = 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Flags are shown only once a quiz has this many attempts.
FLAG_MIN_ATTEMPTS = 20
TOO_EASY = 0.9
TOO_HARD = 0.2
LOW_DISCRIMINATION = 0.1
NON_FUNCTIONING_SHARE = 0.05


@dataclass(frozen=True)
class ItemSums:
    """Aggregates of one question over n attempts: Σx and Σ(x·T)."""

    correct: int
    correct_times_total: int


@dataclass(frozen=True)
class ItemStats:
    facility: float | None
    discrimination: float | None
    sd: float | None


@dataclass(frozen=True)
class ScoreSummary:
    attempts: int
    mean: float | None
    median: float | None
    sd: float | None


def item_stats(item: ItemSums, n: int, sum_total: int, sum_total_sq: int) -> ItemStats:
    """Facility, discrimination (item–rest correlation) and SD of one question."""
    if n == 0:
        return ItemStats(None, None, None)
    p = item.correct / n
    var_x = p * (1 - p)
    mean_t = sum_total / n
    var_t = sum_total_sq / n - mean_t**2
    cov_xt = item.correct_times_total / n - p * mean_t
    # Rest score R = T − x: Cov(x, R) = Cov(x, T) − Var(x); Var(R) = Var(T) + Var(x) − 2 Cov(x, T).
    cov_xr = cov_xt - var_x
    var_r = var_t + var_x - 2 * cov_xt
    discrimination = None
    if n >= 2 and _positive(var_x) and _positive(var_r):
        discrimination = _clamp(cov_xr / math.sqrt(var_x * var_r))
    return ItemStats(facility=p, discrimination=discrimination, sd=math.sqrt(max(var_x, 0.0)))


def cronbach_alpha(k: int, facilities: Sequence[float], n: int, var_total: float) -> float | None:
    """Cronbach's alpha from the item facilities (var(x_i) = p(1 − p)) and var(T)."""
    if k < 2 or n < 2 or not _positive(var_total):
        return None
    sum_var_items = sum(p * (1 - p) for p in facilities)
    return k / (k - 1) * (1 - sum_var_items / var_total)


def summarize(histogram: Mapping[int, int]) -> ScoreSummary:
    """Mean, median and population SD of totals given as {total: number of attempts}."""
    n = sum(histogram.values())
    if n == 0:
        return ScoreSummary(0, None, None, None)
    mean = sum(score * count for score, count in histogram.items()) / n
    var = sum(count * (score - mean) ** 2 for score, count in histogram.items()) / n
    return ScoreSummary(n, mean, _median(histogram, n), math.sqrt(var))


def flags(
    stats: ItemStats, option_counts: Mapping[int, int], key_ids: set[int], n: int
) -> list[str]:
    """The warnings an editor sees next to a question, once there are enough attempts."""
    if n < FLAG_MIN_ATTEMPTS or stats.facility is None:
        return []
    found = []
    if stats.facility > TOO_EASY:
        found.append("too easy")
    elif stats.facility < TOO_HARD:
        found.append("too hard")
    if stats.discrimination is not None and stats.discrimination < LOW_DISCRIMINATION:
        found.append("does not discriminate")
    if any(
        count / n < NON_FUNCTIONING_SHARE
        for choice_id, count in option_counts.items()
        if choice_id not in key_ids
    ):
        found.append("non-functioning distractor")
    return found


def _median(histogram: Mapping[int, int], n: int) -> float:
    ordered = sorted(histogram.items())
    lower_rank, upper_rank = (n - 1) // 2, n // 2
    seen = 0
    lower = upper = None
    for score, count in ordered:
        if lower is None and lower_rank < seen + count:
            lower = score
        if upper_rank < seen + count:
            upper = score
            break
        seen += count
    assert lower is not None and upper is not None  # noqa: S101 - n > 0 guarantees both
    return (lower + upper) / 2


def _positive(value: float) -> bool:
    return value > 1e-12


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, value))
