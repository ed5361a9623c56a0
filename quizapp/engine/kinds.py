"""The question kinds: one record each, registered once.

The engine, the quality gate, the services, the editor's pages and the quiz-file import and
export read what a kind is (its label, how many options it has, whether those options are
fixed words, which gate rules apply) from here, instead of ``if kind == ...`` branches.
Which function generates a kind is registered in :data:`quizapp.engine.KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class QuestionKind(StrEnum):
    """The name of a kind, as stored in ``question.kind``."""

    FACT_RECALL = "fact_recall"
    CLAIM_VERIFICATION = "claim_verification"
    ATTRIBUTION = "attribution"
    TRUE_FALSE = "true_false"
    VERDICT = "verdict"


@dataclass(frozen=True)
class Kind:
    """What one kind of question is.

    ``options`` is how many options the engine makes, the key included. ``fixed_options``
    are the only options the kind has, in this order (never shuffled: the key's place is
    whichever of them is true). ``short_answer``: the key is a short phrase (a name, a
    figure) that asserts nothing by itself. ``statements``: the options are statements about
    the article, so no wrong one may be something the article states. ``full_gate``: every
    rule of the quality gate applies; else only the structural ones (one key, distinct and
    non-empty options), for options that are fixed labels rather than text of the article.
    ``generated``: the engine makes it (else only editors do, as with verdicts).
    """

    name: QuestionKind
    label: str
    options: int = 4
    fixed_options: tuple[str, ...] = ()
    short_answer: bool = False
    statements: bool = False
    full_gate: bool = True
    generated: bool = True


#: Every kind, in the order the editor's kind picker shows them.
REGISTRY: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(QuestionKind.FACT_RECALL, "fact recall", short_answer=True),
        Kind(QuestionKind.CLAIM_VERIFICATION, "claim verification", statements=True),
        Kind(QuestionKind.ATTRIBUTION, "attribution", short_answer=True),
        Kind(QuestionKind.TRUE_FALSE, "true/false", options=2, fixed_options=("True", "False")),
        Kind(QuestionKind.VERDICT, "verdict", full_gate=False, generated=False),
    )
}

#: The kinds the engine generates (and an editor may write by hand for a claim).
GENERATED = tuple(kind for kind in REGISTRY.values() if kind.generated)


def label(name: str) -> str:
    """A kind's label ("claim verification"); an unknown name is shown as it is."""
    kind = REGISTRY.get(name)
    return kind.label if kind is not None else name
