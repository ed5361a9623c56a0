"""Every gate-passing question the engine can make from one claim (for editors' regeneration).

:func:`quizapp.engine.generate` picks one question per claim for a balanced quiz;
an editor who asks for "another question from this claim" needs the others too.
"""

from __future__ import annotations

import random

from .claims import extract_claims
from .document import analyse
from .kinds import REGISTRY
from .select import gate_question
from .types import Question


def candidates_for_span(text: str, span: tuple[int, int], *, seed: int = 0) -> list[Question]:
    """Gate-passing questions, of every kind, on the claims that overlap ``span``.

    Deterministic for the same text, span and seed; never raises for a str.
    """
    from . import KINDS  # the registry lives in the package's __init__

    start, end = span
    rng = random.Random(seed)  # noqa: S311 - reproducible shuffling, not security
    doc = analyse(text)
    found: list[Question] = []
    for claim in extract_claims(doc):
        if not (claim.start < end and start < claim.end):
            continue
        for kind, generate_kind in KINDS.items():
            spec = REGISTRY[kind]
            for draft in generate_kind(doc, claim, rng, rng.randrange(spec.options)):
                n = spec.options if spec.fixed_options else len(draft.distractors) + 1
                question = draft.place(rng.randrange(n))
                if not gate_question(question, text):
                    found.append(question)
    return found
