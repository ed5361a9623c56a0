"""Side details found by general signals (trivia7), not by topic patterns: a late sentence that
shares no word with the headline and whose words the rest of the story hardly uses (lexical
cohesion) is background; a sentence that names one of the story's actors or refers back by
pronoun is not; a recall key that is a name said once in passing, outside the headline and
lead, among other names said once, is no answer (texts written for these tests)."""

from __future__ import annotations

from dataclasses import replace

from quizapp.engine.claims import _Cohesion
from quizapp.engine.document import Document, analyse
from quizapp.engine.select import passing_name
from quizapp.engine.types import Evidence, Option, Question
from tests.engine.helpers import claim_with, claims_of

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


def test_a_late_sentence_of_its_own_words_is_background() -> None:
    doc, claims = claims_of(FERRY)
    c = claim_with(doc, claims, "waffle kiosks")
    assert c.sentence.index >= 10
    assert _Cohesion(doc).loose(c.sentence)
    assert c.peripheral


def test_a_sentence_that_refers_back_by_pronoun_is_on_the_thread() -> None:
    doc, claims = claims_of(FERRY)
    c = claim_with(doc, claims, "Its rival carried on")
    assert not _Cohesion(doc).loose(c.sentence)


def test_a_sentence_naming_the_main_actor_is_on_the_thread() -> None:
    doc, claims = claims_of(FERRY)
    c = claim_with(doc, claims, "passengers came first")
    assert not _Cohesion(doc).loose(c.sentence)


def test_an_early_sentence_is_never_cut_for_its_words() -> None:
    aside = (
        "Meanwhile, a Belgian bakery chain opened 14 waffle kiosks in Antwerp railway stations.\n"
    )
    text = FERRY.replace(aside, "").replace("Talks between", aside + "Talks between")
    doc, claims = claims_of(text)
    c = claim_with(doc, claims, "waffle kiosks")
    assert c.sentence.index < 10
    assert not _Cohesion(doc).loose(c.sentence)


# A story about a court case, with one sentence of side detail naming three things once each.
SINGER = """Singer wins libel case against magazine

Singer Paula Marsh has won a libel case against the magazine Starwatch over a story on her health.
The High Court ordered Starwatch to pay Paula Marsh £120,000 in damages and to print an apology.
Marsh said the story had caused her great distress and had cost her two concerts.
The British singer is currently in Lisbon to record her new album, Blue Harbour, with Marco Ferraz.
Starwatch editor Glen Hobbs said the magazine would appeal against the ruling.
Marsh's lawyer, Anna Pryce, said the magazine must also pay her legal costs of £300,000.
"""


def _recall_on(text: str, key: str) -> tuple[Document, Question]:
    """A recall item on the sentence of ``key`` with ``key`` as its answer (built by hand)."""
    doc = analyse(text)
    s = next(s for s in doc.sentences if key in doc.text[s.start : s.end])
    evidence = Evidence(s.start, s.end, doc.text[s.start : s.end])
    options = [Option(key, True), Option("Glen Hobbs", False), Option("Anna Pryce", False)]
    stem = "Fill in the blank: " + evidence.text.replace(key, "_____")
    return doc, Question("fact_recall", stem, 1, "", options, evidence)


def test_a_name_said_once_among_side_names_is_no_answer() -> None:
    assert passing_name(*_recall_on(SINGER, "Marco Ferraz"))


def test_a_name_the_story_names_again_is_an_answer() -> None:
    text = SINGER.replace("Marsh's lawyer", "Marco Ferraz said he backed Marsh. Marsh's lawyer")
    assert not passing_name(*_recall_on(text, "Marco Ferraz"))


def test_a_name_in_the_lead_is_an_answer() -> None:
    text = SINGER.replace("over a story on her health", "over a story on her and Marco Ferraz")
    assert not passing_name(*_recall_on(text, "Marco Ferraz"))


def test_a_name_among_names_the_story_uses_again_is_an_answer() -> None:
    text = SINGER.replace(
        "Marsh's lawyer", "Marsh flew back from Lisbon to London. Marsh's lawyer"
    ).replace("the ruling.", "the ruling on Blue Harbour.")
    assert not passing_name(*_recall_on(text, "Marco Ferraz"))


def test_only_a_recall_key_is_checked() -> None:
    doc, q = _recall_on(SINGER, "Marco Ferraz")
    assert not passing_name(doc, replace(q, kind="true_false"))
