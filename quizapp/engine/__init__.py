"""Question-generation engine: article text -> claims -> gate-checked quiz questions.

Pure Python on top of spaCy; no Flask or database imports. Entry point: :func:`generate`.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Collection

from .attribution import generate_attribution
from .claims import extract_claims
from .document import analyse
from .kinds import QuestionKind
from .recall import generate_recall
from .select import Generator, select
from .truefalse import generate_true_false
from .types import Article, Claim, Evidence, GenerationResult, Option, Question
from .verification import generate_verification

GENERATOR_VERSION = "2.19.8"
#: How many questions a quiz has at most, unless the caller asks otherwise (the app's
#: ``QUIZ_MAX_QUESTIONS`` defaults to it).
MAX_QUESTIONS = 15

#: The generator of each kind the engine makes (what a kind is: :mod:`quizapp.engine.kinds`).
KINDS: dict[str, Generator] = {
    QuestionKind.FACT_RECALL: generate_recall,
    QuestionKind.CLAIM_VERIFICATION: generate_verification,
    QuestionKind.ATTRIBUTION: generate_attribution,
    QuestionKind.TRUE_FALSE: generate_true_false,
}

__all__ = [
    "GENERATOR_VERSION",
    "KINDS",
    "MAX_QUESTIONS",
    "Article",
    "Claim",
    "EngineError",
    "Evidence",
    "GenerationResult",
    "Option",
    "Question",
    "generate",
]


class EngineError(RuntimeError):
    """The engine failed on an article because of a fault of its own (a bug), not of the text.

    The original exception is its ``__cause__``. Callers report it as a server error, never as
    something wrong with the article.
    """


def generate(
    text: str,
    *,
    seed: int = 0,
    max_questions: int = MAX_QUESTIONS,
    title: str | None = None,
    kinds: Collection[str] | None = None,
) -> GenerationResult:
    """Turn an article into a quiz.

    An unexpected internal failure raises :class:`EngineError` (naming the text's sha256 and
    the seed, the original exception chained), so that it is never mistaken for an article
    with nothing to ask. Same ``text`` and ``seed`` give byte-identical
    :meth:`GenerationResult.to_json` output. ``kinds`` (names of :data:`KINDS`) limits the
    questions to those kinds; ``None`` asks for every kind.
    """
    registry = KINDS if kinds is None else {k: g for k, g in KINDS.items() if k in kinds}
    unknown = set(kinds or ()) - set(KINDS)
    if unknown or not registry:
        raise ValueError(f"unknown or no question kinds: {sorted(unknown) or list(kinds or ())}")
    if not isinstance(text, str):  # defensive: the contract is str, but never raise
        text = str(text)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    rng = random.Random(seed)  # noqa: S311 - reproducible quiz shuffling, not security
    rejected: Counter[str] = Counter()
    try:
        doc = analyse(text)
        claims = extract_claims(doc)
        questions = select(doc, claims, registry, rng, max(0, max_questions), rejected)
        detected = doc.layout.title
    except Exception as exc:  # a bug, whatever its type: the caller reports a server error
        raise EngineError(f"question generation failed (text sha256 {sha}, seed {seed})") from exc
    article = Article(title if title is not None else detected, sha, len(text))
    return GenerationResult(
        article=article,
        version=GENERATOR_VERSION,
        seed=seed,
        claims=[c.public() for c in claims],
        questions=questions,
        rejected=dict(rejected),
    )
