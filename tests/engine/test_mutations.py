"""One test per mutation type, on sentences written for the test."""

from __future__ import annotations

import random

import pytest

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import MUTATIONS, false_variants, statement
from tests.engine.helpers import WRITTEN

# mutation type -> (sentence of WRITTEN it applies to, a change it must be able to make)
CASES = {
    "number": ("Acme Corp sold 4,200 robots", "4,200"),
    "entity": ("Acme Corp sold 4,200 robots", "Germany"),
    "negation": ("Acme Corp sold 4,200 robots", "sold"),
}


def _claim(prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(WRITTEN)
    claims = extract_claims(doc)
    return doc, next(c for c in claims if c.text.startswith(prefix))


@pytest.mark.parametrize("name", sorted(CASES))
def test_mutation(name: str) -> None:
    prefix, old = CASES[name]
    doc, claim = _claim(prefix)
    muts = MUTATIONS[name](doc, claim, random.Random(0))
    assert muts, name
    assert all(m.type == name for m in muts)
    assert any(m.old == old or old in m.old for m in muts) or name == "negation"
    key = statement(doc, claim)
    for m in muts:
        assert doc.text[m.start : m.end] == m.old
        assert statement(doc, claim, m) != key


def test_negation_uses_do_support() -> None:
    doc, claim = _claim("Acme Corp sold 4,200 robots")
    (m,) = MUTATIONS["negation"](doc, claim, random.Random(0))
    assert m.new == "did not sell"


def test_negation_removes_not() -> None:
    doc, claim = _claim("Acme has not paid")
    (m,) = MUTATIONS["negation"](doc, claim, random.Random(0))
    assert "not" in m.old and "not" not in statement(doc, claim, m)


def test_false_variants_never_stated_by_article() -> None:
    doc, claim = _claim("Acme Corp sold 4,200 robots")
    variants = false_variants(doc, claim, random.Random(0))
    texts = [statement(doc, claim, m) for m in variants]
    # Globex's figure is a fact about Globex in another sentence, but "3,100" is never used to
    # replace "4,200" if it made a stated fact; and no variant is an article sentence
    for t in texts:
        assert t.rstrip(".") not in WRITTEN
    assert len({m.type for m in variants}) >= 3


def test_generalisation_is_not_a_mutation() -> None:
    # a changed quantifier ("most" -> "some") can stay true: no such mutation is made
    doc, claim = _claim("Most analysts expect")
    for m in false_variants(doc, claim, random.Random(0)):
        assert m.old.lower() != "most"
