"""What a question generator hands to selection: a draft with its key, wrong options and proof.

Keeping drafts separate from :class:`~quizapp.engine.types.Question` lets selection decide where
the key goes (to spread key positions) before the final option order is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .kinds import REGISTRY
from .types import Evidence, Option, Question

if TYPE_CHECKING:
    from .claims import ClaimInfo
    from .document import Document


@dataclass(frozen=True)
class Draft:
    """A question before its options are placed.

    ``ordered`` drafts (numbers, dates) keep their options sorted ascending, so the key's
    position is whatever its rank is; others put the key where selection asks.
    """

    kind: str
    claim_id: int
    stem: str
    key: str
    distractors: tuple[tuple[str, str], ...]  # (text, mutation)
    evidence: Evidence
    explanation: str
    ordered: bool = False
    sort_keys: tuple[tuple[float, ...], ...] = ()  # key first, then distractors, when ordered

    def place(self, pos: int) -> Question:
        """Build the question with the key at ``pos`` (ignored for ordered drafts)."""
        fixed = _fixed_options(self.kind)
        if fixed:
            opts = [Option(text, text == self.key, None) for text in fixed]
            if not opts[0].correct and self.distractors:
                # A false statement: "True" is the wrong option, made by its mutation.
                opts[0] = Option(fixed[0], False, self.distractors[0][1])
            return Question(
                self.kind, self.stem, self.claim_id, self.explanation, opts, self.evidence
            )
        key = Option(self.key, True, None)
        wrong = [Option(t, False, m) for t, m in self.distractors]
        if self.ordered:
            pairs = list(zip(self.sort_keys, [key, *wrong], strict=True))
            pairs.sort(key=lambda p: p[0])
            opts = [o for _, o in pairs]
        else:
            pos = max(0, min(pos, len(wrong)))
            opts = wrong[:pos] + [key] + wrong[pos:]
        return Question(self.kind, self.stem, self.claim_id, self.explanation, opts, self.evidence)

    def natural_pos(self) -> int:
        """Where the key lands when the draft is ordered."""
        fixed = _fixed_options(self.kind)
        if fixed:
            return fixed.index(self.key)
        if not self.ordered:
            return -1
        return sum(1 for k in self.sort_keys[1:] if k < self.sort_keys[0])


def _fixed_options(kind: str) -> tuple[str, ...]:
    spec = REGISTRY.get(kind)
    return spec.fixed_options if spec is not None else ()


def evidence_of(doc: Document, claim: ClaimInfo) -> Evidence:
    """The claim's whole sentence, where the article says it: every question's proof."""
    s = claim.sentence
    return Evidence(s.start, s.end, doc.text[s.start : s.end])


def explain(ev: Evidence, key: str) -> str:
    """The explanation a question shows after it is answered."""
    return f'The article says: "{ev.text}" So the answer is {key}.'
