"""Each process's cache of what every taker of one quiz version shares.

Entries are keyed by (quiz id, ``Quiz.version``, part, ...): the version is raised in the same
transaction as any change a taker sees (:mod:`quizapp.models.versioning`), so an entry is never
older than its version; an entry of an old version is simply no longer asked for and ages out
of the LRU. Every process (gunicorn worker, host) keeps its own cache and takes the version
from the database, so nothing needs invalidating across processes.

Parts: ``page``, the quiz as its page and the JSON quiz show it
(:func:`quizapp.services.taking.quiz_page`), and ``questions``, the quiz page's rendered
question list with its ClaimReview markup (:mod:`quizapp.web.quiz`).

``QUIZ_CACHE_SIZE`` (default 256 entries per process; 0 turns caching off) bounds it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import LRUCache
from flask import current_app

T = TypeVar("T")

EXTENSION = "quizapp.quiz_cache"


class _Cache:
    """A cachetools LRU and the lock that guards it (gthread workers share one per process)."""

    def __init__(self, size: int) -> None:
        self.lru: LRUCache[Hashable, Any] | None = LRUCache(maxsize=size) if size > 0 else None
        self.lock = threading.Lock()


def _cache() -> _Cache:
    """This app's cache (one per app, so tests on fresh databases never share entries)."""
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        size = int(current_app.config["QUIZ_CACHE_SIZE"])
        found = current_app.extensions.setdefault(EXTENSION, _Cache(size))
    return found


def cached(quiz_id: int, version: int, part: str, build: Callable[[], T], *extra: Hashable) -> T:
    """The ``part`` of version ``version`` of quiz ``quiz_id``, built by ``build`` on a miss."""
    cache = _cache()
    if cache.lru is None:
        return build()
    key = (quiz_id, version, part, *extra)
    with cache.lock:
        found = cache.lru.get(key)
    if found is not None:
        return found
    value = build()  # outside the lock: a rare double build is harmless
    with cache.lock:
        cache.lru[key] = value
    return value
