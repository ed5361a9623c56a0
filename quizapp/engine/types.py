"""Public result types of the engine: plain frozen dataclasses with a stable JSON shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """What the engine knows about the article as a whole."""

    title: str | None
    sha256: str
    characters: int


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement: ``text == article[start:end]``."""

    id: int
    text: str
    start: int
    end: int
    score: float
    sentence_index: int


@dataclass(frozen=True)
class Option:
    """One answer option; ``mutation`` names how a wrong option was made (None for keys)."""

    text: str
    correct: bool
    mutation: str | None = None


@dataclass(frozen=True)
class Evidence:
    """The article span that proves the key: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Question:
    """One gate-checked question, options in display order."""

    kind: str
    stem: str
    claim_id: int
    explanation: str
    options: list[Option]
    evidence: Evidence

    @property
    def key_index(self) -> int:
        """Position of the (first) correct option, -1 if none."""
        for i, opt in enumerate(self.options):
            if opt.correct:
                return i
        return -1


@dataclass(frozen=True)
class GenerationResult:
    """Everything :func:`quizapp.engine.generate` returns."""

    article: Article
    version: str
    seed: int
    claims: list[Claim] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    rejected: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready shape the app stores, keys in a fixed order."""
        return {
            "article": {
                "title": self.article.title,
                "sha256": self.article.sha256,
                "characters": self.article.characters,
            },
            "generator": {"version": self.version, "seed": self.seed},
            "claims": [
                {"id": c.id, "text": c.text, "start": c.start, "end": c.end, "score": c.score}
                for c in self.claims
            ],
            "questions": [
                {
                    "kind": q.kind,
                    "stem": q.stem,
                    "claim_id": q.claim_id,
                    "explanation": q.explanation,
                    "options": [
                        {"text": o.text, "correct": o.correct, "mutation": o.mutation}
                        for o in q.options
                    ],
                    "evidence": {
                        "start": q.evidence.start,
                        "end": q.evidence.end,
                        "text": q.evidence.text,
                    },
                }
                for q in self.questions
            ],
            # sorted so the output never depends on the order reasons were first met
            "rejected": {k: self.rejected[k] for k in sorted(self.rejected)},
        }

    def to_json(self) -> str:
        """Deterministic JSON text of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
