"""Question-generation engine: article text -> claims -> gate-checked quiz questions.

Pure Python on top of spaCy; no Flask or database imports. Entry point: :func:`generate`.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections import Counter

from .attribution import generate_attribution
from .claims import extract_claims
from .document import analyse
from .recall import generate_recall
from .select import Generator, select
from .truefalse import generate_true_false
from .types import Article, Claim, Evidence, GenerationResult, Option, Question
from .verification import generate_verification

logger = logging.getLogger(__name__)

GENERATOR_VERSION = "2.0.0"

KINDS: dict[str, Generator] = {
    "fact_recall": generate_recall,
    "claim_verification": generate_verification,
    "attribution": generate_attribution,
    "true_false": generate_true_false,
}

__all__ = [
    "GENERATOR_VERSION",
    "KINDS",
    "Article",
    "Claim",
    "Evidence",
    "GenerationResult",
    "Option",
    "Question",
    "generate",
]


def generate(
    text: str, *, seed: int = 0, max_questions: int = 20, title: str | None = None
) -> GenerationResult:
    """Turn an article into a quiz.

    Never raises for a ``str`` input: an unexpected internal failure is logged (logger
    ``quizapp.engine``, with its traceback) and yields an empty quiz with
    ``rejected == {"engine error": 1}``. Same ``text`` and ``seed`` give byte-identical
    :meth:`GenerationResult.to_json` output.
    """
    if not isinstance(text, str):  # defensive: the contract is str, but never raise
        text = str(text)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    rng = random.Random(seed)  # noqa: S311 - reproducible quiz shuffling, not security
    rejected: Counter[str] = Counter()
    try:
        doc = analyse(text)
        claims = extract_claims(doc)
        questions = select(doc, claims, KINDS, rng, max(0, max_questions), rejected)
        detected = doc.layout.title
    except Exception:  # the app relies on generate() never raising; the log says what broke
        logger.exception("question generation failed (text sha256 %s, seed %s)", sha, seed)
        return GenerationResult(
            Article(title, sha, len(text)), GENERATOR_VERSION, seed, [], [], {"engine error": 1}
        )
    article = Article(title if title is not None else detected, sha, len(text))
    return GenerationResult(
        article=article,
        version=GENERATOR_VERSION,
        seed=seed,
        claims=[c.public() for c in claims],
        questions=questions,
        rejected=dict(rejected),
    )
