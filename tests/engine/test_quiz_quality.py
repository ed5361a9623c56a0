"""Quiz-level quality: items independent, name swaps role-safe, negation no cue, wh-questions."""

from __future__ import annotations

import importlib
import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse, mention_role, safe_role
from quizapp.engine.mutations import MUTATIONS
from quizapp.engine.recall import generate_recall
from quizapp.engine.types import Evidence, Option, Question
from tests.engine.helpers import WRITTEN, cached_generate, seed_text

sel = importlib.import_module("quizapp.engine.select")  # the package re-exports select()

EV = Evidence(0, 10, "Acme sold.")


def _q(kind: str, stem: str, opts: list[tuple[str, bool, str | None]], claim: int) -> Question:
    return Question(kind, stem, claim, "", [Option(t, c, m) for t, c, m in opts], EV)


def test_give_away_between_items_is_rejected() -> None:
    recall = _q(
        "fact_recall",
        "How many robots did Acme sell in 2019?",
        [("3,100", False, "a"), ("4,200", True, None), ("5,000", False, "b")],
        1,
    )
    state = sel.QuizState()
    state.add(recall)
    # a statement on another claim that shows the first item's key gives it away
    tf = _q(
        "true_false",
        "True or false: the article says that Acme's 4,200 robots sold well.",
        [("True", True, None), ("False", False, None)],
        2,
    )
    assert state.conflicts(tf)
    # a second item on the same claim is never independent
    again = _q(
        "claim_verification",
        "Which statement does the article support?",
        [
            ("Globex sold robots.", False, "entity"),
            ("Acme sold robots.", True, None),
            ("Initech sold robots.", False, "entity"),
        ],
        1,
    )
    assert state.conflicts(again)
    # an unrelated item is fine
    other = _q(
        "fact_recall",
        "In which year did Globex open a plant?",
        [("2015", False, "a"), ("2017", True, None), ("2018", False, "b")],
        3,
    )
    assert not state.conflicts(other)


def test_seed_quiz_items_independent() -> None:
    r = cached_generate(seed_text())
    assert len({q.claim_id for q in r.questions}) == len(r.questions)
    doc = analyse(seed_text())
    topic = sel._topic_names(doc)
    for i, q in enumerate(r.questions):
        for a in sel.answer_phrases(q):
            if not a or a in topic:
                continue
            for j, other in enumerate(r.questions):
                if i != j:
                    assert f" {a} " not in sel.shown_text(other), (q.stem, other.stem)


SWAP_TEXT = """Console wars

Sony's PlayStation outsold Microsoft's Xbox in Britain last year, analyst Jane Doe said.
Sony cut the price of its console in March, the firm said on Monday.
Microsoft cut the price of the Xbox in April after weak sales in Europe.
John Smith, a retail analyst at Acme Research, said demand would stay strong.
Jane Doe said Sony sold 2 million consoles in 2004.
"""


def test_entity_swaps_keep_role_and_label() -> None:
    doc = analyse(SWAP_TEXT)
    seen = 0
    for claim in extract_claims(doc):
        for m in MUTATIONS["entity"](doc, claim, random.Random(0)):
            seen += 1
            target = next(x for x in doc.mentions if x.start == m.start and x.end == m.end)
            role = mention_role(doc, target)
            assert safe_role(role), (m, role)
            if m.new not in doc.text:
                continue  # a name from the built-in typed list (countries, companies)
            # the replacement stands on its own somewhere, with the target's label and role
            assert any(
                x.label == target.label and mention_role(doc, x) == role
                for x in doc.mentions
                if x.text in m.new or m.new.endswith(x.text)
            ), m
    # possessives ("Sony's PlayStation") are never swapped
    for claim in extract_claims(doc):
        for m in MUTATIONS["entity"](doc, claim, random.Random(0)):
            assert not doc.text[m.end : m.end + 2].startswith("'"), m
    assert seen >= 1


def test_possessive_and_described_names_are_unsafe() -> None:
    doc = analyse(SWAP_TEXT)
    roles = {(m.text, doc.text[m.end : m.end + 2]): mention_role(doc, m) for m in doc.mentions}
    assert roles[("Sony", "'s")] == "poss"
    assert roles[("Microsoft", "'s")] == "poss"
    assert not safe_role("poss") and not safe_role("chunk") and safe_role("subj")


def test_negation_is_no_cue_in_seed_quiz() -> None:
    r = cached_generate(seed_text())
    tf = [q for q in r.questions if q.kind == "true_false"]
    false_items = [q for q in tf if q.options[1].correct]
    negated = [q for q in false_items if q.options[0].mutation == "negation"]
    assert false_items
    # negations do not outnumber the other false items and the true negated ones by > 1
    other = len(false_items) - len(negated)
    true_negated = [q for q in tf if q.options[0].correct and sel._NEGATION_RE.search(q.stem)]
    assert len(negated) <= other + len(true_negated) + 1
    for q in r.questions:
        if q.kind == "claim_verification":
            # a "not" beside copies of the key marks the key: never in verification options
            assert all(o.mutation != "negation" for o in q.options)


def test_wh_questions_with_do_support() -> None:
    text = WRITTEN + "About 300 engineers joined Acme in May.\n"
    doc = analyse(text)
    stems = [
        d.stem for c in extract_claims(doc) for d in generate_recall(doc, c, random.Random(0), 1)
    ]
    assert "How many robots did Acme Corp sell in Germany in 2019?" in stems
    assert not any(s.startswith("In which year") for s in stems)  # years were trivia
    assert "How many engineers joined Acme in May?" in stems
    for s in stems:
        if not s.startswith("Fill in the blank"):
            assert s.endswith("?")
            assert " did " not in s or not any(w.endswith("ed") for w in s.split()[3:4])
    assert not any(" and by " in s for s in stems)


def test_topic_key_bound_to_its_next_word_is_a_give_away() -> None:
    """A topic name is no answer by itself, but "Zentrix's Z9" shown by another item answers
    "_____'s Z9" (the seed article's "_____'s H200" beside "Nvidia's H200")."""
    ev = Evidence(0, 40, "Buyers want the speed of Zentrix's Z9.")
    cloze = Question(
        "fact_recall",
        "Fill in the blank: Buyers want the speed of _____'s Z9.",
        1,
        "",
        [Option("Zentrix", True, None), Option("Orvel", False, "e"), Option("Tamco", False, "e")],
        ev,
    )
    assert "zentrix s z 9" in sel.answer_phrases(cloze)
    assert "zentrix z 9" in sel.answer_phrases(cloze)
    shows = _q(
        "true_false",
        "True or false: the article says that regulators approved the Zentrix Z9 for sale.",
        [("True", True, None), ("False", False, None)],
        2,
    )
    for first, second in ((shows, cloze), (cloze, shows)):
        state = sel.QuizState(topic=frozenset({"zentrix"}))
        state.add(first)
        assert state.conflicts(second)
    # the topic name elsewhere, not beside the blank's word, still gives nothing away
    state = sel.QuizState(topic=frozenset({"zentrix"}))
    state.add(cloze)
    other = _q(
        "true_false",
        "True or false: the article says that Zentrix opened a plant in Ohio.",
        [("True", True, None), ("False", False, None)],
        3,
    )
    assert not state.conflicts(other)


def test_seed_quiz_has_no_bound_key_give_away() -> None:
    for seed in (0, 7):
        r = cached_generate(seed_text(), seed)
        for i, q in enumerate(r.questions):
            if q.kind != "fact_recall":
                continue
            for a in sel._bound_phrases(sel._key(q), q.evidence.text):
                for j, other in enumerate(r.questions):
                    if i != j:
                        assert f" {a} " not in sel.shown_text(other), (q.stem, other.stem)
