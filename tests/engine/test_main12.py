"""The lead's main point reaches a question (session 12).

Blind judges found the lead of tuning stories asked only as a true copy, or not at all, where
a rule refused it falsely: a "she" or "it" that stands for a noun of the lead itself (the lead
opens the story: its reader has nothing before it either), "the three months to December"
read as an unnamed group ("the two banks": which ones?), and a lead that ends in a dashed
gloss ("... built-in projector - a lamp in the lid.") read as half of a dashed aside. The lead's
recall item takes only the article's own wrong names, never a built-in peer it never mentions.
"""

from __future__ import annotations

import random

from quizapp.engine import generate
from quizapp.engine.claims import extract_claims
from quizapp.engine.context import self_contained, unresolved_reference
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall

PILOT = """Ferry captain loses her job

A Ruritanian ferry captain suspended over photographs on her website says she has been dismissed.

The captain had posted pictures of the bridge of the ship on the site in March.

The ferry line said staff had been told not to post pictures of its ships.

She plans to appeal against the dismissal at a tribunal in Zenda next month.
"""

RENTAL = """Zentrix rents storage by the month

Zentrix has launched a rental service which lets firms needing storage space hire it by the month.

The service costs $2 for every gigabyte stored, the company said.

Firms in Ruritania and Borduria are the first to be offered the service.
"""

PROFITS = """Borvik profits jump

Quarterly profits at Borvik Foods rose 12% to $40m for the three months to March.

Sales of its frozen pies grew fastest, the company said.

Borvik plans to open 20 new shops in Ruritania next year.
"""

GLOSS = """Zentrix launches projector tablet

Zentrix has launched a new tablet, which also has a built-in projector - a small lamp in the lid.

The tablet will cost $400 in Ruritania, the company said.

Zentrix sold 20,000 tablets in Ruritania last year.
"""

ASIDE = """Borvik chief quits

The board of Borvik met on Monday after its former chief - Anna Berg - resigned in protest.

Ms Berg had run the firm for six years.
"""

NETWORK = """Network launches pocket tablet

T-Mobile has launched a pocket tablet for business users in Ruritania.

The tablet costs 300 crowns a month on a two-year contract.

T-Mobile said it had sold 8,000 of the tablets in Borduria since June.

T-Mobile expects business users to make up half of its customers by 2030.
"""


def _lead(text: str):
    doc = analyse(text)
    claims = [c for c in extract_claims(doc) if c.sentence.index == 0]
    return doc, claims


def test_a_pronoun_for_a_person_noun_of_the_lead_is_resolved() -> None:
    doc, claims = _lead(PILOT)
    claim = claims[0]
    assert "she has been dismissed" in claim.text
    assert not unresolved_reference(claim)
    assert self_contained(doc, claim, claim.text)


def test_the_lead_is_asked_when_its_pronoun_stands_for_its_own_noun() -> None:
    doc = analyse(PILOT)
    lead = doc.sentences[0]
    result = generate(PILOT, seed=7)
    assert any(lead.start <= q.evidence.start < lead.end for q in result.questions)


def test_a_person_pronoun_after_a_thing_in_the_lead_stays_unresolved() -> None:
    # "a report ... he": the man is someone the headline names, not the report
    text = "Report blames minister\n\nA report into the crash says he ignored safety warnings.\n"
    doc, claims = _lead(text)
    assert claims and all(unresolved_reference(c) for c in claims)


def test_a_pronoun_outside_the_lead_is_not_read_by_the_lead_rule() -> None:
    text = RENTAL.replace(
        "Firms in Ruritania",
        "Globex, a rival in Borduria, says its clients with archive space can lease it for a"
        " year.\n\nFirms in Ruritania",
    )
    doc = analyse(text)
    later = [c for c in extract_claims(doc) if c.text.startswith("Globex")]
    assert later and all(unresolved_reference(c) for c in later)


def test_it_as_an_object_after_a_noun_of_the_lead_is_resolved() -> None:
    doc, claims = _lead(RENTAL)
    claim = claims[0]
    assert "hire it by the month" in claim.text
    assert not unresolved_reference(claim)


def test_the_three_months_to_a_date_is_a_period_not_an_unnamed_group() -> None:
    doc, claims = _lead(PROFITS)
    claim = claims[0]
    assert "the three months to March" in claim.text
    assert not unresolved_reference(claim)
    drafts = generate_recall(doc, claim, random.Random(1), 1)
    assert any(d.key in {"$40m", "12%"} for d in drafts)


def test_a_counted_group_of_things_still_needs_its_names() -> None:
    text = "Banks agree merger\n\nThe two banks agreed to merge on Monday, a spokesman said.\n"
    doc, claims = _lead(text)
    assert claims and all(unresolved_reference(c) for c in claims)


def test_a_lead_ending_in_a_dashed_gloss_is_a_claim() -> None:
    doc, claims = _lead(GLOSS)
    assert any(c.text.endswith("a small lamp in the lid.") for c in claims)


def test_half_of_a_dashed_aside_is_still_no_claim() -> None:
    doc = analyse(ASIDE)
    for c in extract_claims(doc):
        assert not c.text.startswith("Anna Berg - resigned")
        assert c.text.count(" - ") % 2 == 0 or c.text.endswith("."), c.text
        assert "Anna Berg - resigned" not in c.text or "chief - Anna Berg -" in c.text


def test_the_leads_recall_item_offers_no_built_in_peer() -> None:
    doc, claims = _lead(NETWORK)
    drafts = [d for c in claims for d in generate_recall(doc, c, random.Random(1), 1)]
    for d in drafts:
        assert all(src != "typed_list" for _, src in d.distractors), d.stem
    assert not any(d.key == "T-Mobile" for d in drafts)


def _terms(text: str) -> list:
    from quizapp.engine.drafts import evidence_of
    from quizapp.engine.recall import lead_terms

    doc = analyse(text)
    return [d for c in extract_claims(doc) for d in lead_terms(doc, c, evidence_of(doc, c), 1)]


JAILED = """Court rules on spying case

A Borduran court has jailed a blogger for nine years on charges of spying.

His lawyer said he would appeal against the verdict next week.
"""


def test_a_prison_term_in_the_lead_is_asked() -> None:
    drafts = _terms(JAILED)
    assert len(drafts) == 1
    d = drafts[0]
    assert d.key == "nine" and "jailed a blogger for _____ years" in d.stem
    wrong = [w for w, _ in d.distractors]
    assert len(wrong) == 3 and not {"eight", "ten", "nine"} & set(wrong)
    # the whole quiz asks the lead by recall, not as a true copy
    result = generate(JAILED + "\nThe blogger had written about the army for five years.\n")
    lead = analyse(JAILED).sentences[0]
    asked = [q for q in result.questions if lead.start <= q.evidence.start < lead.end]
    assert asked and asked[0].kind == "fact_recall"


def test_a_term_stated_elsewhere_is_no_wrong_value() -> None:
    text = """Director sentenced for fraud

A Zentrix director has been sent to prison for 14 years for fraud.

He could have faced 20 years in jail, the court heard.
"""
    drafts = _terms(text)
    assert drafts and drafts[0].key == "14"
    assert "20" not in [w for w, _ in drafts[0].distractors]


def test_a_word_term_keeps_a_wrong_value_as_long_as_the_key() -> None:
    text = JAILED.replace("nine years", "three years")
    drafts = _terms(text)
    assert drafts and drafts[0].key == "three"
    assert any(len(w) >= len("three") for w, _ in drafts[0].distractors)


def test_no_term_item_for_a_bound_or_a_later_sentence() -> None:
    assert not _terms(JAILED.replace("for nine years", "for up to nine years"))
    # the headline's term is the lead's main point still, as a headline's sum is
    headline = JAILED.replace("Court rules on spying case", "Blogger jailed for nine years")
    assert [d.key for d in _terms(headline)] == ["nine"]
    later = "Spying case\n\nThe trial ended on Monday.\n\n" + JAILED.split("\n\n", 1)[1]
    assert not _terms(later)


def test_lead_it_never_stands_for_a_person_or_a_reporting_subject() -> None:
    # "The chairman said ... it would cut jobs", "A report says it will ...": "it" is the
    # headline's firm, not the chairman nor the report (review of session 12)
    from quizapp.engine.context import lead_antecedent

    for lead in (
        "The chairman said on Monday that it would cut 300 jobs at the plant.",
        "A report says it will cut 300 jobs at the plant in Leeds.",
    ):
        doc = analyse("Plant to shed jobs\n\n" + lead + "\n\nUnions said they were angry.\n")
        claim = next(c for c in extract_claims(doc) if c.sentence.index == 0)
        i = [t.lower_ for t in claim.tokens].index("it")
        assert not lead_antecedent(claim, i)
