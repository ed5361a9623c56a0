"""Claims recovered in 2.6.0-recover: claims refused for a leading or trailing part that leans
on another sentence, cut to their main clause. Sentences written for these tests."""

from __future__ import annotations

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.document import Document, analyse
from quizapp.engine.verification import standalone

TITLE = "Northfield Bank opens branches in Wales"


def _claims(body: str, title: str = TITLE) -> tuple[Document, list[ClaimInfo]]:
    doc = analyse(title + "\n\n" + body)
    return doc, extract_claims(doc)


def _one(body: str, word: str, title: str = TITLE) -> tuple[Document, ClaimInfo]:
    doc, claims = _claims(body, title)
    return doc, next(c for c in claims if word in c.text)


def test_trailing_clause_that_leans_on_another_sentence_is_cut():
    body = (
        "Northfield Bank has suspended two senior managers over missing loans. "
        "Brenda Holt was head of Northfield Bank's Cardiff office when the scandal broke."
    )
    doc, c = _one(body, "Brenda Holt")
    assert c.text == "Brenda Holt was head of Northfield Bank's Cardiff office"
    assert standalone(doc, c, bare=True)


def test_leading_phrase_that_leans_on_another_sentence_is_cut():
    body = (
        "Northfield Bank lost money in Scotland last year. "
        "Despite this setback, Northfield Bank opened 40 new branches in Wales in 2004."
    )
    doc, c = _one(body, "40 new branches")
    assert c.text == "Northfield Bank opened 40 new branches in Wales in 2004."
    assert standalone(doc, c, bare=True)


def test_claim_that_reads_on_its_own_keeps_its_clauses():
    body = (
        "Northfield Bank opened 40 new branches in Wales after its merger with Eastgate Bank "
        "in 2004."
    )
    _doc, c = _one(body, "40 new branches")
    assert "after its merger with Eastgate Bank" in c.text


def test_a_condition_is_never_cut():
    # "X will happen if Y" is not "X will happen": the claim stays refused as it was
    body = (
        "Northfield Bank wants to buy Eastgate Bank. "
        "Northfield Bank will close 30 branches in Wales if the takeover goes ahead."
    )
    doc, c = _one(body, "30 branches")
    assert "if the takeover goes ahead" in c.text
    assert not standalone(doc, c, bare=True)
