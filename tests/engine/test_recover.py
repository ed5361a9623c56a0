"""Claims recovered in generator 2.6.0: claims refused for a leading or trailing part that leans
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


STAR = "{first} Quill sues magazine over wedding photos"
STAR_BODY = (
    "{first} Quill has sued a celebrity magazine over photographs taken at her wedding. "
    "{before}"
    "The Oscar-winning actress is seeking damages of 50,000 pounds from the magazine. "
    "Her lawyer, Tom Brant, said the case would be heard in London in March. "
    "Quill has won two acting awards this year, and Quill is filming in Spain."
)


def _star(first: str = "Mara", before: str = "Quill said the pictures were taken in June. "):
    title, body = STAR.format(first=first), STAR_BODY.format(first=first, before=before)
    return _one(body, "damages of", title)


def test_description_of_the_main_actor_is_resolved_and_asked():
    from quizapp.engine.mutations import statement

    doc, c = _star()
    assert c.subst is not None and c.subst[2] == "Mara Quill"
    assert c.subst_main and c.subst_label == "PERSON"
    assert statement(doc, c).startswith("Mara Quill is seeking damages")


def test_description_after_another_person_is_not_resolved():
    # the description may mean the person just named
    _doc, c = _star(before="Photographer Tom Brant took the pictures in June. ")
    assert c.subst is None


def test_description_of_the_other_sex_is_not_resolved():
    _doc, c = _star(first="John")
    assert c.subst is None


def test_main_actor_needs_a_clear_lead():
    from quizapp.engine.pronouns import main_actor

    doc, _c = _star()
    assert main_actor(doc, "PERSON") == "Mara Quill"
    body = (
        "Mara Quill and Tom Brant have sued a magazine. Quill said the pictures were taken "
        "in June. Brant said the case would be heard in London. Quill and Brant met in 2001. "
        "Brant is filming in Spain."
    )
    doc2, _ = _claims(body, "Two actors sue magazine")
    assert main_actor(doc2, "PERSON") is None


def test_pronoun_is_asked_only_when_it_names_the_main_actor_and_nothing_else_does():
    title = "Northfield Bank closes file-sharing sites"
    body = (
        "Northfield Bank has closed down a file-sharing network called Zipnet. "
        "Northfield Bank sued the owners of the network in May. "
        "It said the network had more than 10,000 users in Europe. "
        "Northfield Bank sued the owners of another network in June. "
        "It sued Northfield Bank in Paris in July over the closure."
    )
    _doc, said = _one(body, "10,000 users", title)
    assert said.subst is not None and said.subst[2] == "Northfield Bank" and said.subst_main
    _doc, sued = _one(body, "in Paris", title)
    # "it" is not the bank when the claim names the bank after it: never asked
    assert sued.subst is None or not sued.subst_main


def test_the_us_is_no_first_person():
    # "in the US" is the country; "pay-as-you-go" is one word: neither is the writer speaking
    _doc, claims = _claims(
        "Northfield Bank has opened 40 branches in the US since January. "
        "Northfield Bank has launched a pay-as-you-go account for students in Wales. "
        "We think the bank will open more branches next year."
    )
    texts = [c.text for c in claims]
    assert any("40 branches in the US" in t for t in texts)
    assert any("pay-as-you-go account" in t for t in texts)
    assert not any("We think" in t for t in texts)


def test_also_after_a_bracketed_short_name_is_dropped():
    from quizapp.engine.quality import drop_discourse, readable

    text = "The Northern Rail Company (NRC) also said it would cut fares."
    assert drop_discourse(text) == "The Northern Rail Company (NRC) said it would cut fares."
    assert readable(drop_discourse(text))


def test_a_name_the_article_labels_a_person_resolves_a_later_pronoun():
    # the small model may leave a surname untagged in one sentence; the article's vote counts
    from quizapp.engine.context import _named_before
    from quizapp.engine.nlp import get_nlp

    toks = list(get_nlp()("Quill admitted he had been impressed by the new coach."))
    he = next(i for i, t in enumerate(toks) if t.lower_ == "he")
    voted = {toks[0].i: "PERSON"}
    assert _named_before(toks, he, frozenset({"PERSON"}), voted=voted)


LEAD_TEXT = """Quill named to Northfield board

Mara Quill is one of three new directors named to the board of Northfield Bank.
Quill is joined by former minister Tom Brant and banker Ann Vale of Swansea.
Chairman Huw Rees said the bank had looked for new directors for a year.
Rees met Brant, Vale and Quill in Cardiff in January, the bank said.
Chief executive Sian Price welcomed the three directors to the board in Cardiff.
Price and Rees have run Northfield Bank since 2001, when it bought Eastgate Bank.
Northfield Bank has 40 branches in Wales and employs 2,300 people.
"""


def test_the_lead_is_asked_first_even_as_true_false():
    # the story's main point is asked before any later claim can take the name it states
    from quizapp.engine import generate

    doc = analyse(LEAD_TEXT)
    lead = doc.sentences[0]
    first = generate(LEAD_TEXT, seed=3).questions[0]
    assert lead.start <= first.evidence.start < lead.end


def test_a_leading_relative_time_is_cut_and_never_shown():
    from quizapp.engine.quality import needs_context

    assert needs_context("Four months later, Quill won the Welsh cycling title.")
    body = (
        "Mara Quill broke her wrist in a crash in May. "
        "Four months later, Mara Quill won the Welsh cycling title in Cardiff."
    )
    doc, c = _one(body, "Welsh cycling title", "Quill wins Welsh cycling title")
    assert c.text == "Mara Quill won the Welsh cycling title in Cardiff."
    assert standalone(doc, c, bare=True)


def test_a_trailing_participle_that_carries_the_fact_is_not_cut():
    from quizapp.engine.claims import _trim_variants

    body = (
        "Northfield Bank won its case in the High Court. "
        "Mara Quill put the bank ahead, recovering from a terrible start to beat Eastgate 2-1."
    )
    _doc, c = _one(body, "recovering")
    assert _trim_variants(c) == []
    body = "Mara Quill put the bank ahead in Cardiff after Eastgate Bank lost its case in May."
    _doc, c = _one(body, "Eastgate")
    assert [" ".join(t.text for t in v) for v in _trim_variants(c)] == [
        "Mara Quill put the bank ahead in Cardiff"
    ]


def test_a_title_the_model_tags_as_a_person_is_no_wrong_option():
    from quizapp.engine.persons import names_a_work

    doc = analyse(
        "Quill opens musical\n\nMara Quill opened the hit musical Sunny Days in Cardiff. "
        "Tom Brant wrote the songs."
    )
    assert names_a_work(doc, "Sunny Days")
    assert not names_a_work(doc, "Tom Brant")
