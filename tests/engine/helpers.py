"""Shared texts and helpers for the engine tests (texts written for the tests, or the seed)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from quizapp.engine import GenerationResult, generate
from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse

# Written for these tests: a small invented business story with numbers, names and dates.
WRITTEN = """Robot sales climb at Acme

Acme Corp sold 4,200 robots in Germany in 2019, the company said on Tuesday.
Globex, its main rival, sold 3,100 robots in France over the same period.
Profits at Acme rose 12% to $1.45bn, while revenues grew 8% to $9.80bn.
Most analysts expect higher prices next year, according to Initech economist Maria Lopez.
The board approved a new factory in Poland, which will employ 900 people from 2021.
Acme has not paid a dividend since 2015.
Initech sold more robots than Globex in Spain last year.
"""


def seed_text() -> str:
    """The seed article the package ships (quizapp/data/seed_article.txt)."""
    return resources.files("quizapp").joinpath("data/seed_article.txt").read_text("utf-8")


@lru_cache(maxsize=8)
def cached_generate(text: str, seed: int = 0) -> GenerationResult:
    """generate() once per (text, seed) for the whole session."""
    return generate(text, seed=seed)


def claims_of(text: str) -> tuple[Document, list[ClaimInfo]]:
    """The analysed article and its claims."""
    doc = analyse(text)
    return doc, extract_claims(doc)


def claim_with(doc: Document, claims: list[ClaimInfo], words: str) -> ClaimInfo:
    """The first claim whose text holds ``words``."""
    return next(c for c in claims if words in doc.text[c.start : c.end])
