"""Side details found by general signals (trivia7), not by topic patterns: a late sentence that
shares no word with the headline and whose words the rest of the story hardly uses (lexical
cohesion) is background; a sentence that names one of the story's actors or refers back by
pronoun is not (texts written for these tests)."""

from __future__ import annotations

from quizapp.engine.claims import ClaimInfo, _Cohesion, extract_claims
from quizapp.engine.document import Document, analyse

# Twelve sentences on one thread (a ferry operator's strike), then asides of their own words.
FERRY = """Ferry strike halts Harbourline crossings

Harbourline cancelled all ferry crossings on Monday as crew members began a three-day strike.
The strike by 600 crew members over pay halted 40 ferry crossings a day between Dover and Calais.
Harbourline said the strike would cost it about £2m a day in lost ticket sales.
The union wants a 6% pay rise for crew members, while Harbourline has offered 3%.
Talks between Harbourline and the union broke down on Friday after eight hours.
Passengers with tickets for cancelled crossings will get a full refund, Harbourline said.
The union said crew members had not had a pay rise for two years.
Harbourline carried 2.1 million passengers on its Dover crossings last year.
Other ferry operators added extra crossings to carry stranded passengers.
The union said further strike days in March were possible if talks failed.
Harbourline said it hoped talks with the union would resume this week.
Meanwhile, a Belgian bakery chain opened 14 waffle kiosks in Antwerp railway stations.
Its rival carried on with plans for new crossings, the union said.
Harbourline's chief executive Dana Whitcombe said passengers came first.
"""


def _claims(text: str) -> tuple[Document, list[ClaimInfo]]:
    doc = analyse(text)
    return doc, extract_claims(doc)


def _claim(doc: Document, claims: list[ClaimInfo], words: str) -> ClaimInfo:
    return next(c for c in claims if words in doc.text[c.start : c.end])


def test_a_late_sentence_of_its_own_words_is_background() -> None:
    doc, claims = _claims(FERRY)
    c = _claim(doc, claims, "waffle kiosks")
    assert c.sentence.index >= 10
    assert _Cohesion(doc).loose(c.sentence)
    assert c.peripheral


def test_a_sentence_that_refers_back_by_pronoun_is_on_the_thread() -> None:
    doc, claims = _claims(FERRY)
    c = _claim(doc, claims, "Its rival carried on")
    assert not _Cohesion(doc).loose(c.sentence)


def test_a_sentence_naming_the_main_actor_is_on_the_thread() -> None:
    doc, claims = _claims(FERRY)
    c = _claim(doc, claims, "passengers came first")
    assert not _Cohesion(doc).loose(c.sentence)


def test_an_early_sentence_is_never_cut_for_its_words() -> None:
    aside = (
        "Meanwhile, a Belgian bakery chain opened 14 waffle kiosks in Antwerp railway stations.\n"
    )
    text = FERRY.replace(aside, "").replace("Talks between", aside + "Talks between")
    doc, claims = _claims(text)
    c = _claim(doc, claims, "waffle kiosks")
    assert c.sentence.index < 10
    assert not _Cohesion(doc).loose(c.sentence)
