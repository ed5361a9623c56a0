"""Copy faults at the start of a statement: an office's name lower-cased ("economy and Labour
Minister ...") and a claim that starts mid-clause ("elusive and the talks ..."). Sentences
written for these tests."""

from __future__ import annotations

from quizapp.engine import generate
from quizapp.engine.claims import extract_claims, opens_clause
from quizapp.engine.document import analyse
from quizapp.engine.truefalse import _lower_first

STORY = """Steel jobs to go

Economy and Labour Minister Hans Berger said on Monday that 3,000 jobs would go at the plant.
The economy has slowed for two years, and the plant lost 40 million euros last year.
Economy and Labour Minister Hans Berger is expected to meet unions on Friday.
Unions said the cuts were a blow to the town of Altdorf.
"""


def _claim(doc, words: str):
    return next(c for c in extract_claims(doc) if words in c.text)


def test_title_keeps_its_capital_after_the_article_says() -> None:
    doc = analyse(STORY)
    claim = _claim(doc, "is expected to meet")
    text = "Economy and Labour Minister Hans Berger is expected to meet unions on Friday."
    assert _lower_first(text, claim, doc).startswith("Economy and Labour Minister")


def test_no_lower_cased_title_in_any_stem() -> None:
    stems = [q.stem for q in generate(STORY, seed=7).questions]
    assert not any("economy and Labour" in s for s in stems)
    assert any("Economy and Labour Minister" in s for s in stems)


def test_common_word_still_lower_cased() -> None:
    doc = analyse(STORY)
    claim = _claim(doc, "has slowed")
    text = "The economy has slowed for two years."
    assert _lower_first(text, claim, doc).startswith("the economy")


def test_fragment_of_a_predicate_does_not_open_a_claim() -> None:
    doc = analyse("Talks end\n\nA deal was elusive and the talks collapsed on Friday.")
    toks = [t for s in doc.sentences for t in s.span if not t.is_space]
    start = next(i for i, t in enumerate(toks) if t.text == "elusive")
    root = next(t for t in toks if t.text == "collapsed")
    assert not opens_clause(toks[start:], root)
    subj = next(i for i, t in enumerate(toks) if t.text == "the" and toks[i + 1].text == "talks")
    assert opens_clause(toks[subj:], root)
