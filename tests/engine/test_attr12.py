"""Quoted remarks asked as who said them in more stories: a person the article quotes is a
source like those it reports saying something, though the verb that introduces them is not
one of saying ("welcomed", "asked about"); a quote over 30 words is asked by its leading
clause where the speaker's own "..." ends it. Sentences written for these tests."""

from __future__ import annotations

import random

from quizapp.engine.attribution import generate_attribution
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse

ROW = (
    "Mayor refuses to say sorry to reporter\n"
    "\n"
    "City mayor Tom Reddan has refused to apologise for calling a local reporter a "
    "liar at a council meeting.\n"
    "Mr Reddan said his words were fair and he would not take them back.\n"
    "Council leader Ruth Calloway said the mayor should apologise at once to the "
    "reporter.\n"
    "Reporter Dan Whitlow said he was shocked by the remarks of the mayor.\n"
    "Opposition leader Carl Bremner, asked about the row by reporters, welcomed the "
    "debate.\n"
    '"It is vital that as the vote draws near politicians speak with care and respect '
    'about the issues we face," he said.\n'
    "Ms Calloway and Mr Whitlow met on Monday, and Mr Reddan will meet the council "
    "next week.\n"
    "\n"
)

BUDGET = (
    "Minister plans tax cut for families\n"
    "\n"
    "Finance minister Omar Vantree has set out plans to cut income tax for every "
    "family next year.\n"
    "Mr Vantree told parliament that tax receipts had risen for the third year "
    "running.\n"
    '"Our exports are strong and the economy is growing fast...and it is now possible '
    "to cut taxes for every family in the land and still pay off the whole of the "
    'debt by the end of the decade," Mr Vantree said.\n'
    "Opposition spokesman Peter Glaze said the plan would leave schools short of "
    "money.\n"
    "Economist Hannah Morrow said the cut would cost the treasury billions of pounds "
    "each year.\n"
    "Mr Glaze and Ms Morrow spoke after Mr Vantree left the chamber.\n"
    "\n"
)


def _draft(story: str, fragment: str):
    doc = analyse(story)
    claims = [c for c in extract_claims(doc) if fragment in c.text]
    assert claims, fragment
    return generate_attribution(doc, claims[0], random.Random(3), 0)


def test_speaker_introduced_without_a_saying_verb_is_asked() -> None:
    # "X, asked about ..., welcomed ..." then '"...," he said.': Bremner is a quoted source
    drafts = _draft(ROW, "speak with care")
    assert drafts and drafts[0].key == "Carl Bremner"
    wrong = {w for w, _ in drafts[0].distractors}
    assert wrong <= {"Tom Reddan", "Ruth Calloway", "Dan Whitlow"} and len(wrong) >= 2


def test_long_quote_asked_by_its_clause_before_the_ellipsis() -> None:
    drafts = _draft(BUDGET, "growing fast")
    assert drafts and drafts[0].key == "Omar Vantree"
    assert '"Our exports are strong and the economy is growing fast..."' in drafts[0].stem
    # the evidence is the whole sentence
    assert "end of the decade" in drafts[0].evidence.text


def _claim(story: str, fragment: str):
    doc = analyse(story)
    return next(c for c in extract_claims(doc) if fragment in c.text)


def test_leading_part_is_a_clause_or_the_quote_stays_whole() -> None:
    from quizapp.engine.attribution import _leading

    c = _claim(BUDGET, "growing fast")
    (start, end), _ = c.quote
    # a short quote is never cut
    short = "It is now possible to cut taxes"
    assert _leading(c, start, short) == short
    # no cut before ", but": the point may follow it; the quote stays whole (and too long)
    long = " ".join(["We may have lost a little ground this year in the north of the country"] * 2)
    long = long.replace(" We", ", but we", 1)
    assert _leading(c, start, long) == long


RATES = (
    "Bank cuts interest rates\n"
    "\n"
    "Governor Lena Marsh said the central bank would cut interest rates by half a point "
    "next month.\n"
    "Analyst Rob Keeling said the cut had come too late for many small firms in the north.\n"
    "Union leader Jo Fenwick welcomed the move on Tuesday.\n"
    '"This is the help that working families have been waiting for all year," she said.\n'
    "Ms Marsh will meet Mr Keeling in London next week.\n"
)


def test_quoted_source_is_a_wrong_option_for_reported_speech() -> None:
    # Fenwick is introduced by "welcomed" and quoted by "she said": a source like Keeling
    drafts = _draft(RATES, "cut interest rates")
    assert drafts and drafts[0].key == "Lena Marsh"
    assert {w for w, _ in drafts[0].distractors} == {"Rob Keeling", "Jo Fenwick"}
