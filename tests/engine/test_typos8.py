"""The article's own typos are never carried into a question (issue 15, rubric rules 11-12): a
misspelt first name ("Jermoe Smith"), a capitalised sentence opener with a letter doubled or
missing ("Goverment"), a malformed figure ("£17.m", "12,00", "3..5%"), a name spelt two ways
(the spelling the article uses most, or no question). Real rare names and well-formed figures
pass. All texts written for these tests."""

from __future__ import annotations

import pytest

from quizapp.engine.context import (
    article_typos,
    misspelt_first_name,
    misspelt_opener,
    name_spellings,
)
from quizapp.engine.document import analyse
from quizapp.engine.gate import R_TYPO, check_question
from quizapp.engine.quality import copy_fault, figure_fault
from tests.engine.helpers import cached_generate

TERMINAL = """Harbour council approves new ferry terminal

Brackwater council approved a £1.75bn ferry terminal on the River Tamsin after a vote of 31 to 9.
Council leader Jermoe Smith said the terminal would create 1,000 jobs by 2027.
Goverment ministers had asked the council to delay the vote until the spring.
The terminal will handle 0.5m passengers a year, council papers show.
Smith said fares would rise by 3.5% next year to pay for the work.
Local business owner Niamh Gallagher said shops near the harbour would gain £17.m a year.
Siobhan Brennan, who chairs the harbour trust, said the council had bought 12,00 tonnes of steel.
Engineer Jaroslav Novak said work would start in March and take three years.
Oluwaseun Adeyemi, the project's architect, said the terminal would have 12 berths.
Critics said the council had spent 3..5% of its budget on consultants.
"""

HARBOUR_MASTER = """Brackwater picks new harbour master

Brackwater council named Jerome Smith as its new harbour master on Tuesday.
Jerome Smith, 52, ran the port of Calder for 11 years before joining the council.
The council said Jermoe Smith would start work on 1 March and earn £95,000 a year.
Jerome Smith replaces Dana Price, who retired in January after 20 years in the job.
Price said the harbour had doubled its cargo traffic to 4.2m tonnes since 2005.
Council leader Oluwaseun Adeyemi said Jerome Smith had beaten 40 other applicants.
The harbour employs 310 people and made a profit of £3.1m last year.
"""

TIED = """Pellworth names new coach

Pellworth Rovers named Siobhan Kearney as head coach on Friday.
The club said Siobahn Kearney had signed a three-year contract worth £400,000 a year.
Rovers finished ninth in the league last season, their worst finish since 1998.
Kearney led Dunmore Athletic to two league titles in five years.
The club sold 14,000 season tickets for next season, up from 11,500 last year.
Rovers chairman Alan Hewitt said attendances had risen by 8% this season.
"""


def _shown(text: str) -> list[str]:
    """Every stem and option the quiz shows."""
    out: list[str] = []
    for q in cached_generate(text, 7).questions:
        out.append(q.stem)
        out.extend(o.text for o in q.options)
    return out


@pytest.mark.parametrize("word", ["Jermoe", "Micheal", "Stpehen", "Rachle"])
def test_misspelt_first_names(word: str) -> None:
    assert misspelt_first_name(word)


@pytest.mark.parametrize(
    "word",
    ["Steven", "Michael", "Jerome", "Niamh", "Siobhan", "Jaroslav", "Oluwaseun", "Goran", "Erich"],
)
def test_real_first_names_pass(word: str) -> None:
    assert not misspelt_first_name(word)


@pytest.mark.parametrize("word", ["Goverment", "Comittee", "Thhe", "Annd", "Teh"])
def test_misspelt_openers(word: str) -> None:
    assert misspelt_opener(word)


@pytest.mark.parametrize(
    "word", ["Government", "Started", "Whilst", "Niamh", "Siobhan", "Jaroslav", "Oluwaseun", "Todd"]
)
def test_real_openers_pass(word: str) -> None:
    assert not misspelt_opener(word)


@pytest.mark.parametrize("text", ["£17.m", "$1.,5bn", "12,00 tonnes", "3..5%", "1,0000", "£12,00"])
def test_malformed_figures(text: str) -> None:
    assert figure_fault(text)
    assert copy_fault(f"The council spent {text} on steel.")


@pytest.mark.parametrize(
    "text", ["£1.75bn", "3.5%", "1,000", "0.5m", "1,000,000", "$9.80bn", "in 2004", "4.2m tonnes"]
)
def test_well_formed_figures_pass(text: str) -> None:
    assert not figure_fault(text)
    assert not copy_fault(f"The council spent {text} on steel.")


def test_gate_refuses_malformed_figure_in_option_or_evidence() -> None:
    article = "Shops would gain £17.m a year, Ms Gallagher said."
    span = (0, len(article))
    options = [("£13m", False), ("£17.m", True), ("£22m", False)]
    assert R_TYPO in check_question(
        "fact_recall", "How much would shops gain?", options, span, article
    )
    # the figure read from "£17.m" ("£17") is no key either
    options = [("£13", False), ("£17", True), ("£22", False)]
    assert R_TYPO in check_question(
        "fact_recall", "How much would shops gain?", options, span, article
    )
    fine = "Shops would gain £17m a year, Ms Gallagher said."
    options = [("£13m", False), ("£17m", True), ("£22m", False)]
    reasons = check_question(
        "fact_recall", "How much would shops gain?", options, (0, len(fine)), fine
    )
    assert R_TYPO not in reasons


def test_name_spellings() -> None:
    assert name_spellings(HARBOUR_MASTER) == {"Jermoe": "Jerome"}
    tied = name_spellings(TIED)
    assert tied.get("Siobahn") == "" and tied.get("Siobhan") == ""
    # two listed first names of either sex are two people; a plural is no misspelling
    text = "Louis Smith and Louise Smith spoke. Liberal Democrat and Liberal Democrats met."
    assert name_spellings(text) == {}
    text = "Philip Jones spoke. Philip Jones left. Phillip Jones returned."
    assert name_spellings(text) == {"Phillip": "Philip"}


def test_article_typos_found_and_real_names_pass() -> None:
    typos = article_typos(analyse(TERMINAL))
    assert typos == {"jermoe", "goverment"}


def test_no_question_carries_a_typo() -> None:
    shown = " ".join(_shown(TERMINAL))
    for bad in ("Jermoe", "Goverment", "£17", "12,00", "3..5", "£17.m"):
        assert bad not in shown
    # the well-formed figures and the real rare names are still asked
    assert "£1.75bn" in shown and "3.5%" in shown and "0.5m" in shown
    assert "Jaroslav Novak" in shown


def test_name_spelt_two_ways_uses_the_majority_spelling() -> None:
    result = cached_generate(HARBOUR_MASTER, 7)
    shown = " ".join(_shown(HARBOUR_MASTER))
    assert "Jermoe" not in shown
    assert "Jerome Smith" in shown
    assert all("Jermoe" not in q.explanation for q in result.questions)
    # the evidence stays the article's own span
    for q in result.questions:
        assert HARBOUR_MASTER[q.evidence.start : q.evidence.end] == q.evidence.text


def test_name_spelt_two_ways_as_often_is_not_asked() -> None:
    shown = " ".join(_shown(TIED))
    assert "Siobahn" not in shown and "Siobhan" not in shown
    assert cached_generate(TIED, 7).questions  # the rest of the story is still asked


def test_first_name_at_sentence_start_is_no_misspelt_opener() -> None:
    # "Lott" is "lot" with a letter doubled, but a person's name, not a common word typed wrong
    assert misspelt_opener("Lott")
    doc = analyse("Senator ends bid\n\nLott Hughes said he would not stand again in 2008.\n")
    assert "lott" not in article_typos(doc)


def test_letter_dropped_or_swapped_in_a_name_the_article_spells_right_more_often() -> None:
    text = "Jonathan Smith said. Jonathan Smith left. Jonathn Smith added. Smith and Smtih met."
    assert name_spellings(text) == {"Jonathn": "Jonathan", "Smtih": "Smith"}
    # a letter apart with no name beside both: two names ("Hansen", "Hanson"), left alone
    assert name_spellings("Lars Hansen met Cecil Hanson. Hansen spoke first.") == {}
