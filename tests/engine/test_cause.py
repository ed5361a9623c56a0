"""Cause and effect ("According to the article, why ...?"), people of the same role as wrong
answers, and who-questions whose stem says the answer's sex, on sentences written for the test."""

from __future__ import annotations

import random

from quizapp.engine import KINDS, generate
from quizapp.engine.attribution import generate_attribution
from quizapp.engine.cause import find_reasons, generate_cause
from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.distractors import entity_pool, person_sex, role_fit
from quizapp.engine.document import Document, analyse
from quizapp.engine.kinds import REGISTRY, QuestionKind, label
from quizapp.engine.quality import stated_sex
from quizapp.engine.recall import generate_recall
from quizapp.engine.select import gate_question

BAKERY = """Bakery chain cuts jobs

Harbour Foods has closed its Leeds bakery because of a sharp fall in demand for white bread.
The closure follows a rise in flour prices across northern England.
A long strike by delivery drivers hit sales at the firm's shops in the spring.
The company blamed a shortage of trained bakers for delays at its new plant in Hull.
Shares in Harbour Foods fell 8% after the firm issued a profit warning.
Analysts pointed to growing competition from supermarket chains.
The firm joined the stock market after a merger with Dale Mills in 2001.
"""


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def _reasons(sentence: str) -> list[str]:
    doc = analyse("A headline for the test\n\n" + sentence)
    return [r.text for s in doc.sentences for _, r in find_reasons(doc, s)]


def test_cause_is_a_registered_kind_with_a_label() -> None:
    assert QuestionKind.CAUSE in KINDS
    assert label("cause") == "cause and effect"
    assert REGISTRY["cause"].short_answer and not REGISTRY["cause"].statements


def test_why_question_asks_the_reason_and_offers_other_events() -> None:
    doc, claim = _claim(BAKERY, "Harbour Foods has closed")
    drafts = generate_cause(doc, claim, random.Random(0), 0)
    assert len(drafts) == 1
    d = drafts[0]
    assert d.stem == "According to the article, why has Harbour Foods closed its Leeds bakery?"
    assert d.key == "A sharp fall in demand for white bread"
    wrong = [w for w, _ in d.distractors]
    assert 2 <= len(wrong) <= 3
    # never from the claim's neighbours, which often elaborate the same reason
    assert "A rise in flour prices" not in wrong
    assert all(w not in claim.text for w in wrong)
    q = d.place(1)
    assert gate_question(q, doc.text) == []
    assert q.evidence.text == doc.text[q.evidence.start : q.evidence.end]


def test_after_is_a_reason_only_after_a_verb_of_change() -> None:
    assert _reasons("Shares in Harbour Foods fell sharply after a warning on profits.") == [
        "A warning on profits"
    ]
    # "joined ... after" is a time, not a reason
    assert _reasons("The firm joined the stock market after a merger with Dale Mills.") == []
    # "after 2005" is a date
    assert _reasons("Sales of the drink fell sharply after 2005 in most markets.") == []


def test_reason_markers_and_their_forms() -> None:
    assert _reasons("The match was cancelled due to heavy snow in the north.") == [
        "Heavy snow in the north"
    ]
    assert _reasons("Prices rose because the cost of fuel went up in the spring.") == [
        "The cost of fuel went up"  # the time at its end is cut off
    ]
    # a trailing comment on the reason is not part of it
    assert _reasons(
        "The mill closed because of a fire in the boiler room, which started on a Sunday."
    ) == ["A fire in the boiler room"]


def test_reason_that_leans_on_its_sentence_is_refused() -> None:
    # a pronoun in the option would have nothing to refer to
    assert _reasons("The council shut the pool because it had run out of money.") == []
    # a quote's first person is not a reason the article gives
    assert _reasons("The coach was angry because we had lost the final at home.") == []


def test_no_question_when_the_claim_gives_two_reasons_or_none() -> None:
    text = (
        "Flood hits town\n\nThe bridge was closed because of a flood and after a crash on the"
        " approach road.\nThe mayor opened a new library in the town centre.\n"
        "A storm damaged the roof of the station.\nA fire destroyed the old mill in 2003.\n"
    )
    doc = analyse(text)
    for claim in extract_claims(doc):
        assert generate_cause(doc, claim, random.Random(0), 0) == []


def test_cause_questions_in_a_quiz_pass_the_gate_and_are_deterministic() -> None:
    a = generate(BAKERY, seed=3)
    b = generate(BAKERY, seed=3)
    assert a.to_json() == b.to_json()
    causes = [q for q in a.questions if q.kind == "cause"]
    assert causes
    for q in causes:
        assert q.stem.startswith("According to the article, why ")
        assert sum(o.correct for o in q.options) == 1
        assert gate_question(q, BAKERY) == []


ROLES = """Rovers edge past United

Rovers striker Sam Lee scored twice as Rovers beat United 2-1 on Saturday.
United coach Bill Ward blamed the wet pitch for the defeat.
Rovers striker Tom Hart missed a penalty in the first half.
United striker Ian Cole hit the post twice before the break.
Sam Lee has now scored nine goals this season, according to coach Bill Ward.
Ian Cole said United would recover before the cup tie next month.
Tom Hart was later replaced by Dan Reid.
"""


def test_people_of_the_same_role_are_offered_first() -> None:
    doc = analyse(ROLES)
    assert role_fit(doc, "Sam Lee", "Tom Hart") == 3  # striker for a striker
    assert role_fit(doc, "Sam Lee", "Bill Ward") == 1  # a coach for a striker: the odd one out
    assert role_fit(doc, "Sam Lee", "Dan Reid") == 2  # no job word: neither


def test_entity_pool_puts_same_role_people_first() -> None:
    doc = analyse(ROLES)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Rovers striker Sam Lee"))
    m = next(m for m in claim.sentence.mentions if m.text == "Sam Lee")
    for seed in range(4):
        names = [n for n, _ in entity_pool(doc, claim, m, random.Random(seed), 3, bare=True)]
        # the strikers first, whatever the seed; the coach only after them
        assert set(names[:2]) == {"Tom Hart", "Ian Cole"}
        assert names[2:] in ([], ["Bill Ward"])


def test_the_firm_in_a_reason_is_the_firm_the_clause_names() -> None:
    assert _reasons("Shares in Harbour Foods fell 8% after the firm issued a profit warning.") == [
        "Harbour Foods issued a profit warning"
    ]
    # two organisations before it: which one is "the firm" is not known
    assert (
        _reasons("Shares in Harbour Foods and Dale Mills fell after the firm cut its forecast.")
        == []
    )


def test_clause_reason_offers_other_clauses_of_the_article() -> None:
    text = BAKERY + (
        "Supermarket prices for bread dropped by a fifth last year.\n"
        "Dale Mills opened two new bakeries in York.\n"
        "Farmers in Yorkshire planted less wheat this winter.\n"
    )
    doc, claim = _claim(text, "Shares in Harbour Foods fell")
    drafts = generate_cause(doc, claim, random.Random(0), 0)
    assert len(drafts) == 1
    d = drafts[0]
    assert d.stem == "According to the article, why did shares in Harbour Foods fall 8%?"
    assert d.key == "Harbour Foods issued a profit warning"
    assert len(d.distractors) >= 2
    assert all(w[0].upper() == w[0] and not w.endswith(".") for w, _ in d.distractors)
    assert gate_question(d.place(0), text) == []


def test_sentence_without_a_verb_root_ends() -> None:
    # a heading-like sentence whose root is a noun: the walk up to the verb stops at the root
    assert _reasons("Fresh worries for Acme and its workers after a strike by pilots.") == []


COUNCIL = """Council row over library plan

Mr Tom Reed resigned from the council cabinet over his opposition to the library closures.
Mr Alan Shaw, the council leader, defended the closures at a public meeting on Monday.
Ms Jane Bell, the opposition leader, called for a vote on the plan next month.
Mr Ravi Patel, the finance chief, said the savings would reach £2m a year.
Mr Alan Shaw later met library staff in the town hall.
Ms Jane Bell and Mr Ravi Patel both spoke at the meeting.
"""


def test_stated_sex_of_a_stem() -> None:
    assert stated_sex("Who resigned over his opposition to the plan?") == "m"
    assert stated_sex("Which actress won the award?") == "f"
    assert stated_sex("Who said she backed his plan?") is None  # both: nothing is known
    assert stated_sex("Who won the vote?") is None


def test_who_question_with_his_offers_only_men_the_article_shows_as_men() -> None:
    doc = analyse(COUNCIL)
    assert person_sex(doc) == {"reed": "m", "shaw": "m", "bell": "f", "patel": "m"}
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Mr Tom Reed"))
    drafts = [d for d in generate_recall(doc, claim, random.Random(0), 0) if d.key == "Tom Reed"]
    assert drafts
    for d in drafts:
        assert "his" in d.stem
        assert {w for w, _ in d.distractors} <= {"Alan Shaw", "Ravi Patel"}


def test_who_question_with_his_is_refused_when_the_sex_is_not_known() -> None:
    text = COUNCIL.replace("Mr Tom Reed", "Tom Reed")
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Tom Reed"))
    drafts = generate_recall(doc, claim, random.Random(0), 0)
    assert not [d for d in drafts if d.key == "Tom Reed" and "his" in d.stem]


def test_reported_speech_with_the_speaker_after_the_clause() -> None:
    text = (
        "Council row over library plan\n\n"
        "Mr Tom Reed resigned from the cabinet over his opposition to the plan.\n"
        "The new reading rooms would save £2m over three years, Mr Alan Shaw said.\n"
        "Ms Jane Bell, the opposition leader, called for a vote on the plan next month.\n"
        "Mr Ravi Patel, the finance chief, backed the plan at a meeting in the town hall.\n"
        "Mr Alan Shaw later met library staff in the town hall.\n"
        "Ms Jane Bell and Mr Ravi Patel both spoke at the meeting.\n"
        "Mr Tom Reed has led the campaign against the plan since March.\n"
    )
    doc, claim = _claim(text, "The new reading rooms")
    drafts = generate_attribution(doc, claim, random.Random(0), 0)
    assert [d.stem for d in drafts] == [
        "According to the article, who said that the new reading rooms would save £2m over"
        " three years?"
    ]
    assert drafts[0].key == "Alan Shaw"
    # something after the speaker ("..., Mr Shaw said on Monday in a letter") is another fact
    doc, claim = _claim(
        text.replace("Mr Alan Shaw said.", "Mr Alan Shaw said in a letter to staff."),
        "The new reading rooms",
    )
    assert generate_attribution(doc, claim, random.Random(0), 0) == []
