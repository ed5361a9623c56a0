"""Fourth review: leading pronouns and "the company" resolved over two sentences, and the
claim filters that went with it (texts written for these tests)."""

from __future__ import annotations

import random

from quizapp.engine import generate
from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.context import vague
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import statement
from quizapp.engine.recall import generate_recall

STORY = """Toyota results beat forecasts

Toyota said on Monday that its revenues rose 6% to $4.2bn in the third quarter.
Toyota's quarterly profits were slightly better than analysts' forecasts.
But its chemicals division saw profits fall 12% to $310m.

Toyota is to sell its stake in Sony as part of a wider review.
It has already agreed to buy 40 new ships from Hyundai for $900m.

The Orbis 300 ranking was published on Friday and lists the biggest ports in the world.

It is compiled every two years by a team of shipping analysts.
"""

TWO_NAMES = (
    "Port deal agreed\n\nMicrosoft signed a deal with Toyota on Monday. "
    "Shares in Microsoft rose 4% to $52 after the news. "
    "The company said Toyota's profits would rise 9% next year.\n"
)

SHIFT = """Shipping news

The US has overtaken China in the rankings with Microsoft's prototype Hydra-7 vessel.
It is being built for the Pacific Marine Laboratory in Oregon by 400 workers.
"""


def _claim(prefix: str, text: str = STORY) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def test_it_resolves_to_the_previous_subject_name() -> None:
    doc, c = _claim("It has already agreed")
    assert c.subst is not None and c.subst[2] == "Toyota"
    assert statement(doc, c).startswith("Toyota has already agreed to buy 40 new ships")


def test_possessive_resolves_to_the_possessor_of_the_previous_subject() -> None:
    doc, c = _claim("its chemicals division")
    assert c.subst is not None and c.subst[2] == "Toyota's"
    assert statement(doc, c).startswith("Toyota's chemicals division saw profits fall 12%")


def test_it_resolves_to_a_specific_subject_across_a_paragraph_break() -> None:
    doc, c = _claim("It is compiled")
    assert c.subst is not None and c.subst[2] == "the Orbis 300 ranking"
    assert statement(doc, c).startswith("The Orbis 300 ranking is compiled every two years")
    tf = [q for q in generate(STORY).questions if q.kind == "true_false"]
    assert not any("that The " in q.stem for q in tf)


def test_the_company_is_never_a_name_the_claim_mentions() -> None:
    _doc, c = _claim("The company said", TWO_NAMES)
    assert c.subst is None or c.subst[2] != "Toyota"


def test_the_company_resolves_to_the_single_subject_name() -> None:
    text = TWO_NAMES.replace("Toyota's profits", "its profits")
    doc, c = _claim("The company said", text)
    assert c.subst is not None and c.subst[2] == "Microsoft"
    assert statement(doc, c).startswith("Microsoft said its profits would rise 9%")


def test_it_is_not_resolved_to_a_name_outside_subject_position() -> None:
    _doc, c = _claim("It is being built", SHIFT)
    assert c.subst is None


def test_those_followed_by_a_participle_is_not_deictic() -> None:
    assert not vague("Sales fell 40% in 2004, with films by Microsoft among those affected.")
    assert vague("Those were the best years for Microsoft.")


def test_typo_with_two_finite_verbs_is_not_a_claim() -> None:
    doc = analyse(
        "Typo story\n\nMicrosoft's own internet business had has mixed fortunes "
        "in Germany this year.\n"
    )
    assert not any("had has" in c.text for c in extract_claims(doc))


def test_expletive_it_is_not_resolved() -> None:
    lead = "Budget news\n\nThe government cut the film budget by 12% in March. "
    _doc, c = _claim(
        "It was", lead + "It was too early to say whether film production would fall again.\n"
    )
    assert c.subst is None
    doc, c = _claim("It is", lead + "It is also due to announce a new film tax scheme in July.\n")
    assert c.subst is not None and c.subst[2] == "the government"
    assert statement(doc, c).startswith("The government is also due to announce")


def test_years_are_not_asked_for() -> None:
    # the year of a plan or of background history was trivia to blind editors
    text = (
        "Toyota plans\n\nToyota sold 9 million cars in 1998 and 11 million in 2001. "
        "Its rival Honda sold 4 million cars in 2002. "
        "For 2006, Toyota is projecting sales growth of around 5%.\n"
    )
    doc, c = _claim("For 2006", text)
    for want in range(4):
        assert all(d.key != "2006" for d in generate_recall(doc, c, random.Random(want), want))
