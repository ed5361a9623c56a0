"""Failure classes of the 2.4.0 blind verdicts on true/false stems and salience (2.5.0-stems),
each with sentences written for the test: no evaluation article is quoted here."""

from __future__ import annotations

import random

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.context import unanchored
from quizapp.engine.document import Document, analyse
from quizapp.engine.quality import drop_discourse, side_remark
from quizapp.engine.truefalse import _stem, fair_negation, generate_true_false


def _claim(
    body: str, prefix: str, title: str = "Council closes branch libraries"
) -> tuple[Document, ClaimInfo]:
    doc = analyse(title + "\n\n" + body)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def test_closing_attribution_is_asked_once():
    # "the article says that ..., MPs have said" attributes twice: the source leads instead
    assert _stem("libraries are to close on Sundays, the council has announced.") == (
        "True or false: the council has announced that libraries are to close on Sundays."
    )
    assert _stem("readers want longer opening hours, a poll says.") == (
        "True or false: a poll says that readers want longer opening hours."
    )
    assert _stem("loans fell by a fifth, say library staff.") == (
        "True or false: library staff say that loans fell by a fifth."
    )
    assert _stem("the fire was started on purpose, according to the police.") == (
        "True or false: according to the police, the fire was started on purpose."
    )
    # a pronoun source would be lost; a quote stays as it was
    assert _stem("fees rose, he said.").startswith("True or false: the article says that")


def test_closing_attribution_in_a_generated_statement():
    doc, claim = _claim(
        "Branch libraries in Westford are to close on Sundays from March, the council has "
        "announced.\nThe council said the move would save money.\n",
        "Branch libraries",
    )
    drafts = generate_true_false(doc, claim, random.Random(1), 0)
    assert drafts, "the claim should still be asked"
    assert drafts[0].stem.startswith("True or false: the council has announced that branch")
    assert "the council has announced." not in drafts[0].stem


def test_then_between_subject_and_verb_is_dropped():
    assert drop_discourse("Patel and Moreno then won the pairs title.") == (
        "Patel and Moreno won the pairs title."
    )
    assert (
        drop_discourse("Since then the library has grown.") == "Since then the library has grown."
    )
    assert (
        drop_discourse("Books were cheaper then than now.") == "Books were cheaper then than now."
    )


def test_passive_negation_with_agent_and_adjunct_is_not_asked():
    doc, claim = _claim(
        "The closure plan was announced by council leader Mary Fenwick after talks with "
        "library unions on Monday.\n",
        "The closure plan",
    )
    assert not fair_negation(claim)


def test_agentless_passive_ending_and_bare_passive_subject_lack_a_referent():
    _, included = _claim(
        "The council named a new board for the libraries.\n"
        "Four retired primary school teachers are included.\n",
        "Four retired primary",
    )
    assert unanchored(included)
    _, subsidised = _claim(
        "Fees for late returns are set by each branch.\nFines have been waived for years.\n",
        "Fines have",
    )
    assert unanchored(subsidised)
    _, named = _claim(
        "Westford council said the Harbour Road library will close in March.\n", "Westford"
    )
    assert not unanchored(named)


def test_personal_feelings_and_afterthoughts_are_side_remarks():
    assert side_remark('Local reader Tom Price said he was "amazed" by the decision.')
    assert side_remark("Ms Fenwick added that reading in general was still popular.")
    assert not side_remark("More than half of the readers said they were worried about it.")
    assert not side_remark("The council said it would cut 40 jobs.")


def test_side_remark_and_closing_outlook_rank_as_peripheral():
    body = (
        "Westford council is to close 12 branch libraries to save 3m pounds a year.\n"
        "The closures will start in March, council leader Mary Fenwick said.\n"
        "Unions said 40 jobs would be lost and called for a strike ballot.\n"
        "The libraries lent 1.2 million books last year, down from 1.5 million in 2015.\n"
        "Reader Tom Price said he was shocked by the plan.\n"
        "Ms Fenwick said the council had no other choice after cuts to its grant.\n"
        "The council will keep its central library in the town centre open.\n"
        "A mobile library will visit villages twice a week from April.\n"
        "Volunteers in two villages have offered to run their branches.\n"
        "The council expects book loans to fall to 900,000 by 2025.\n"
    )
    doc = analyse("Council closes 12 libraries\n\n" + body)
    claims = extract_claims(doc)
    shocked = next(c for c in claims if c.text.startswith("Reader Tom Price"))
    outlook = next(c for c in claims if c.text.startswith("The council expects"))
    lead = next(c for c in claims if c.text.startswith("Westford council"))
    assert shocked.peripheral and outlook.peripheral
    assert not lead.peripheral


def test_possessive_description_after_a_name_reads_on_its_own():
    from quizapp.engine.quality import needs_context

    assert not needs_context(
        "Westford will sell the Harbour Road site to pay off the northern town's debts."
    )
    assert not needs_context("Acme will meet Globex to agree on the Italian firm's future.")
    # no name before, or "the company's" after a product name: which one?
    assert needs_context("The plan would cut the country's debts.")
    assert needs_context("The Zephyr 3 is an upgrade to the company's older model.")


def test_a_price_is_no_clock_time_and_having_is_no_typo():
    from quizapp.engine.context import clock_time, looks_like_typo

    assert not clock_time("Shares closed at $40.15 on Thursday.")
    assert clock_time("The polls close at 7.30pm.") and clock_time("Doors open at 10:30.")
    assert not looks_like_typo("having") and not looks_like_typo("closer")
    assert looks_like_typo("politicial")


def test_those_pointing_ahead_is_not_deictic():
    doc, claim = _claim(
        "The closure of the Harbour Road library has been delayed after protests by those "
        "on its reading groups.\n",
        "The closure",
    )
    from quizapp.engine.verification import standalone

    assert standalone(doc, claim, bare=True)


def test_a_code_with_decimals_is_no_figure():
    from quizapp.engine.numbers import find_quantities

    assert [q.text for q in find_quantities("the 2.5G phone and 4.5% and 2.5 million")] == [
        "4.5%",
        "2.5 million",
    ]


def test_negation_with_until_a_date_is_not_asked():
    _, claim = _claim(
        "Westford council postponed the closure of its Harbour Road library until 3 March.\n",
        "Westford council",
    )
    assert not fair_negation(claim)


def test_he_after_only_a_woman_and_an_unnamed_group_are_unresolved():
    from quizapp.engine.context import unresolved_reference

    doc = analyse(
        "Council row\n\n"
        "TV host Anne Walsh said as mayor he gave the impression he would cut every library.\n"
        "John Smith said he would resign next week.\n"
        "A report said the two councils may have dropped plans to merge because of the cost.\n"
        "Acme and Globex said the two firms would merge next year.\n"
    )
    got = {c.text.split()[0]: unresolved_reference(c) for c in extract_claims(doc)}
    assert got == {"TV": True, "John": False, "A": True, "Acme": False}


def test_attribution_refuses_a_quote_that_gives_the_role_or_a_one_off_source():
    from quizapp.engine.attribution import _ROLE_GIVEN, _mentions

    assert _ROLE_GIVEN.search("Smith was shouting at my players in the tunnel after the game")
    assert not _ROLE_GIVEN.search("We will fight this decision all the way to the courts")
    doc = analyse(
        "Council row\n\nMary Fenwick said the plan was fair.\nFenwick will meet unions.\n"
        'Passer-by Tom Price said: "It is a shame for all of us."\n'
    )
    assert _mentions(doc, "Mary Fenwick") == 2 and _mentions(doc, "Tom Price") == 1


def test_rote_list_and_scene_setting_rank_as_peripheral():
    from quizapp.engine.quality import rote_list

    assert rote_list("The branches are Hill Road, Dockside, Elm Park, Northgate and Old Town.")
    assert not rote_list("Smith, 57, joined Acme, the car maker, in 2001 and left in 2004.")
    body = (
        "Westford council is to close 12 branch libraries to save 3m pounds a year.\n"
        "Council leader Mary Fenwick sat on a bench as children wandered around the shelves.\n"
        "Unions said 40 jobs would be lost and called for a strike ballot.\n"
    )
    doc = analyse("Council closes 12 libraries\n\n" + body)
    claims = extract_claims(doc)
    bench = next(c for c in claims if c.text.startswith("Council leader"))
    lead = next(c for c in claims if c.text.startswith("Westford council"))
    assert bench.peripheral and not lead.peripheral


def test_a_blank_cut_out_of_a_longer_name_is_refused():
    from quizapp.engine.gate import R_ARTEFACT, check_question

    options = [("Zephyr", True), ("Mistral", False), ("Sirocco", False)]
    for stem in (
        "Fill in the blank: The stars reunited for the premiere of hit show _____! at the Globe.",
        "Fill in the blank: The phone is an upgrade to the _____.5G model.",
    ):
        assert R_ARTEFACT in check_question("fact_recall", stem, options, (0, 5), "Hello world")
    fine = "Fill in the blank: The stars reunited for the premiere of _____, a hit show."
    assert R_ARTEFACT not in check_question("fact_recall", fine, options, (0, 5), "Hello world")


def test_the_period_and_a_described_athlete_need_their_antecedent():
    from quizapp.engine.quality import needs_context

    assert needs_context("Loans over the period fell short of the council's forecast.")
    assert not needs_context("Loans over the period of the strike fell by half.")
    assert needs_context("Nerves set in when the Westford runner doubts her pace.")
    assert not needs_context("Mary Fenwick is the best runner in Westford.")


def test_no_sentence_starts_at_a_figure_straight_after_a_word():
    from quizapp.engine.nlp import get_nlp

    doc = get_nlp()(
        "The council is to give its struggling branch libraries 70m pounds in aid to help them "
        "stay open. The package was announced on Monday."
    )
    assert [s.text.split()[0] for s in doc.sents] == ["The", "The"]


def test_a_figure_in_a_comma_set_relative_clause_earns_no_score():
    body_aside = (
        "Westford council is to close its branch libraries.\n"
        "Its oldest books, which have been lent more than 2 million times, were printed in "
        "London.\n"
    )
    body_main = (
        "Westford council is to close its branch libraries.\n"
        "Its oldest books have been lent more than 2 million times since they were printed.\n"
    )
    aside = [c for c in extract_claims(analyse("Libraries\n\n" + body_aside)) if "books" in c.text]
    main = [c for c in extract_claims(analyse("Libraries\n\n" + body_main)) if "books" in c.text]
    assert aside and main and aside[0].score < main[0].score


def test_three_names_are_no_rote_list():
    from quizapp.engine.quality import rote_list

    assert not rote_list("Last year, Acme, Globex and Initech said they backed the format, Zed.")


def test_a_possessive_film_after_an_unrelated_name_still_needs_context():
    from quizapp.engine.quality import needs_context, play_by_play

    assert needs_context("Westford Crown Court postponed the film's release until May.")
    assert play_by_play("The manager made three changes at the interval, bringing on Smith.")


def test_a_day_closing_a_reported_clause_is_ambiguous():
    from quizapp.engine.context import ambiguous_date

    _, fired = _claim(
        "Librarian Jane Moss announced on her website she had been dismissed on 3 March.\n",
        "Librarian",
    )
    assert ambiguous_date(fired)
    _, tour = _claim(
        "Guitarist Tom Reed has said he expects the band to tour Europe from June.\n",
        "Guitarist",
    )
    assert not ambiguous_date(tour)


def test_the_home_side_needs_its_antecedent():
    from quizapp.engine.quality import needs_context

    assert needs_context("With ten minutes gone, the home side doubled their lead.")
    assert not needs_context("Westford Rovers doubled their lead after ten minutes.")
