"""Per-process caches of what every taker of one quiz version shares.

Keyed by (quiz id, ``Quiz.version``, part, ...): the version is raised in the same transaction
as any change a taker sees (:mod:`quizapp.models.versioning`), so an entry is never older than
its version; a stale entry simply stops being asked for and ages out of the LRU. Every process
(gunicorn worker, host) keeps its own cache and takes the version from the database, for page
views through a copy at most ``QUIZ_HEAD_TTL`` old (:func:`quizapp.services.quizzes.recent_head`),
so nothing needs invalidating across processes. An entry built while this process still held an
older version holds content newer than its key says (versions only rise): a page then shows the
newer quiz, and a submission scored with such a key is still stored only if the version its
INSERT checks is current (:mod:`quizapp.services.attempts`).

Parts:

- ``key``: the answer key submissions are checked against: the active questions in order, each
  with ``{choice id: is_correct}`` (one query to build, no ORM objects);
- ``page``: the quiz page's question fieldsets as rendered HTML plus the ClaimReview JSON-LD
  (per URL root, as the JSON-LD holds absolute links);
- ``frame``: the whole blank quiz page as an anonymous taker with no flashed message sees it,
  cut around its two per-request values (CSRF token, submission id), which are filled in
  per request (:class:`PageFrame`); editors, flashed messages, retakes and failed POSTs get
  the page rendered by the template around the cached fieldsets instead;
- ``json``: the questions of ``GET /api/quizzes/<id>``.

``QUIZ_CACHE_SIZE`` (default 256 entries per process, 0 turns caching off) bounds it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from flask import current_app
from markupsafe import escape

from quizapp.extensions import db
from quizapp.models import Choice, Question
from quizapp.models.quiz import QuestionStatus

T = TypeVar("T")


class Versioned(Protocol):
    """A quiz as the caches key it: an ORM ``Quiz`` or a ``QuizHead``."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


EXTENSION = "quizapp.quiz_cache"


class LRUCache:
    """A small thread-safe LRU mapping (gthread workers share one per process)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        if self.size <= 0:
            return build()
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = build()  # outside the lock: a rare double build is harmless
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def cache() -> LRUCache:
    """This app's cache (one per app, so tests on fresh databases never share entries)."""
    extensions = current_app.extensions
    found = extensions.get(EXTENSION)
    if found is None:
        found = extensions[EXTENSION] = LRUCache(int(current_app.config["QUIZ_CACHE_SIZE"]))
    return found


@dataclass(frozen=True)
class AnswerKey:
    """The active questions of one quiz version: order, options and which option is right."""

    order: tuple[int, ...]
    choices: dict[int, dict[int, bool]]

    def correct_choice(self, question_id: int) -> int | None:
        return next((c for c, right in self.choices[question_id].items() if right), None)


def answer_key(quiz: Versioned) -> AnswerKey:
    """The answer key of ``quiz`` at its current version (built with one query on a miss)."""
    return cache().get_or_build((quiz.id, quiz.version, "key"), lambda: _build_key(quiz.id))


def _build_key(quiz_id: int) -> AnswerKey:
    rows = db.session.execute(
        db.select(Question.id, Choice.id, Choice.is_correct)
        .outerjoin(Choice, Choice.question_id == Question.id)
        .where(Question.quiz_id == quiz_id, Question.status == QuestionStatus.ACTIVE)
        .order_by(Question.position, Question.id, Choice.position, Choice.id)
    ).all()
    choices: dict[int, dict[int, bool]] = {}
    for question_id, choice_id, is_correct in rows:
        options = choices.setdefault(question_id, {})
        if choice_id is not None:
            options[choice_id] = bool(is_correct)
    return AnswerKey(order=tuple(choices), choices=choices)


def cached(quiz: Versioned, part: str, build: Callable[[], T], *extra: Hashable) -> T:
    """Any other per-version part of a quiz (``page``, ``json``), built by ``build`` on a miss."""
    return cache().get_or_build((quiz.id, quiz.version, part, *extra), build)


@dataclass(frozen=True)
class PageFrame:
    """A rendered page cut at its per-request values: text, slot, text, slot, ..., text."""

    parts: tuple[str, ...]
    slots: tuple[str, ...]

    @classmethod
    def split(cls, html: str, markers: dict[str, str]) -> PageFrame | None:
        """Cut ``html`` at the marker values (slot name -> marker); each must occur once."""
        if any(html.count(marker) != 1 for marker in markers.values()):
            return None
        names = {marker: name for name, marker in markers.items()}
        pieces = re.split("(" + "|".join(map(re.escape, names)) + ")", html)
        return cls(parts=tuple(pieces[0::2]), slots=tuple(names[m] for m in pieces[1::2]))

    def fill(self, values: dict[str, str]) -> str:
        """The page with each slot's value, escaped as the template would (a no-op for tokens)."""
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(str(escape(values[slot])))
            out.append(part)
        return "".join(out)
