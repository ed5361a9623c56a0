"""Progress reports from a running generation, for a progress bar.

The caller installs a callback for the duration of one :func:`generate` call;
the engine reports the share of the article parsed so far. A context variable
keeps concurrent generations (threads) apart and costs nothing when unused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Callback = Callable[[float, str], None]

_callback: ContextVar[Callback | None] = ContextVar("quizapp_engine_progress", default=None)


@contextmanager
def reporting(callback: Callback) -> Iterator[None]:
    """Send progress reports of generations in this context to ``callback(fraction, stage)``."""
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)


def report(fraction: float, stage: str) -> None:
    """Report ``fraction`` (0..1) of the work done, in words a person understands."""
    callback = _callback.get()
    if callback is not None:
        callback(max(0.0, min(1.0, fraction)), stage)
