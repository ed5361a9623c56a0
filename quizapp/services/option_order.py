"""The order a taker sees a question's options in: shuffled per attempt, except fixed options.

Option order is presentation. The quiz itself (the database, the JSON API, the editor's pages,
exports) keeps each question's options in their canonical order; a taker sees them in an
order drawn from a *seed* that belongs to the page they were shown:

- the quiz form: its submission id, issued per page view and posted back with the answers;
- a one-at-a-time attempt: the id its first page was shown with (``StepwiseAttempt.start_id``).

The same seed gives the same order (a form sent back with its errors, a replay, every step of
one attempt), another seed most likely another. The order the taker saw is stored with the
attempt when it is stored (``Attempt.option_order``, :func:`quizapp.services.taking.submit`),
so the review shows it without ever drawing it again. Kinds with fixed options (true/false:
"True" then "False", :mod:`quizapp.engine.kinds`) are never shuffled.

The order is a sort by a hash of (seed, question id): the same every time, cheap (one sha256
a question), and not a random generator, so nothing here needs to be secret.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from quizapp.engine.kinds import REGISTRY

T = TypeVar("T")

#: ``{question id: option ids in the order the taker saw them}``.
OptionOrder = dict[int, tuple[int, ...]]


class HasOptions(Protocol):
    """A question as takers see it (:class:`quizapp.services.taking.QuestionItem`)."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def options(self) -> tuple[tuple[int, str], ...]: ...


def is_fixed(kind: str) -> bool:
    """Whether a kind's options always come in one order (true/false)."""
    found = REGISTRY.get(kind)
    return found is not None and bool(found.fixed_options)


def shuffled(
    seed: str | None, question_id: int, kind: str, option_ids: Sequence[int]
) -> tuple[int, ...]:
    """``option_ids`` in the order ``seed`` gives them (as they are without a seed, and for
    kinds with fixed options)."""
    count = len(option_ids)
    if seed is None or count < 2 or is_fixed(kind):
        return tuple(option_ids)
    digest = hashlib.sha256(f"{seed}\0{question_id}".encode()).digest()
    if count <= len(digest) // 2:  # one hash a question: two bytes of it rank each option
        ranks = [digest[2 * i : 2 * i + 2] for i in range(count)]
    else:  # more options than that (a quiz file's long list): a hash each
        ranks = [hashlib.sha256(digest + str(option).encode()).digest() for option in option_ids]
    return tuple(
        option for _, _, option in sorted(zip(ranks, range(count), option_ids, strict=True))
    )


def order_of(seed: str | None, questions: Iterable[HasOptions]) -> OptionOrder:
    """The order ``seed`` gives each of ``questions``' options."""
    return {
        q.id: shuffled(seed, q.id, q.kind, [option_id for option_id, _ in q.options])
        for q in questions
    }


def checked(
    order: Mapping[int, Sequence[int]] | None, options: Mapping[int, Iterable[int]]
) -> dict[str, list[int]] | None:
    """``order`` as it is stored with an attempt (JSON: question ids as text), for the
    questions of ``options`` (question id -> its option ids) whose order is a permutation of
    exactly their options; ``None`` when there is nothing to store (the canonical order)."""
    if not order:
        return None
    stored = {}
    for question_id, option_ids in options.items():
        seen = order.get(question_id)
        if seen is not None and sorted(seen) == sorted(option_ids):
            stored[str(question_id)] = [int(option) for option in seen]
    return stored or None


def arrange(items: Sequence[T], ids: Sequence[int], stored: Sequence[int] | None) -> list[T]:
    """``items`` (whose ids are ``ids``, in canonical order) in the ``stored`` order: those
    it names first, as it names them, then any it does not know (an option an editor added
    later) in canonical order."""
    if not stored:
        return list(items)
    place = {option: index for index, option in enumerate(stored)}
    ranked = sorted(range(len(items)), key=lambda i: (place.get(ids[i], len(place)), i))
    return [items[i] for i in ranked]
