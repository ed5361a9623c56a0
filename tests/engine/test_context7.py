"""Self-contained claims (context7): a leading "He"/"She"/"His"/"Her" resolved to the person
who is the previous sentence's subject when no other person of that sex can be meant, and
"the minister"/"the chief executive" resolved to the one person introduced with that role;
the traps refused (texts written for these tests)."""

from __future__ import annotations

from quizapp.engine.mutations import statement
from quizapp.engine.verification import standalone
from tests.engine.helpers import claim_with, claims_of

SPEECH = """Tanner to address farmers

Opposition leader Gerald Tanner is set to address 3,000 farmers at a show in London.
Mr Tanner is to tell the audience: "Farming in this country has been neglected for too long.

"We will put that right."

He will also promise a fund of 200 million pounds for rural broadband by 2012.
"""


def test_he_after_a_quote_is_the_speaker() -> None:
    # the remark between is the speaker's own words: "He" is the one who said them
    doc, claims = claims_of(SPEECH)
    c = claim_with(doc, claims, "also promise a fund")
    assert c.subst is not None and c.subst_main and c.subst_label == "PERSON"
    assert statement(doc, c).startswith("Gerald Tanner will also promise a fund")
    assert standalone(doc, c, bare=True)


POSSESSIVE = """Forger jailed

Walter Grimsby from Leeds was jailed for four years on Tuesday for forging banknotes.
Despite being warned twice, Grimsby was caught again in March 2004.
His flat in Leeds was found to contain 9,000 fake notes and two printing presses.
"""


def test_his_becomes_the_name_with_a_possessive() -> None:
    doc, claims = claims_of(POSSESSIVE)
    c = claim_with(doc, claims, "flat in Leeds")
    assert c.subst is not None and c.subst_main
    assert statement(doc, c).startswith("Walter Grimsby's flat in Leeds was found to contain")


TWO_MEN = """Final reached

Harold Penn and Victor Lask met in the final at Eastbourne on Sunday.
Penn beat Lask in straight sets after a long rain delay in the afternoon.
He won 12 of his 14 service games and served 15 aces in the match.
"""


def test_two_men_named_before_he_is_refused() -> None:
    # Penn is the subject, but Lask (a man too) is named in the same sentence
    doc, claims = claims_of(TWO_MEN)
    c = claim_with(doc, claims, "service games")
    assert c.subst is None or not c.subst_main


MAN_AND_WOMAN = """Bank names new head

Mrs Helen Carver will replace Mr Colin Abbott as chief executive of Northfield Bank.
Mr Abbott told the board on Monday that he had accepted a post at Lisle Capital.
He spent 11 years at Northfield Bank and doubled its profits to 900 million pounds.
"""


def test_he_with_a_woman_named_too_is_the_one_man() -> None:
    # Mrs Carver is a woman (the article says so): "He" can only be Mr Abbott
    doc, claims = claims_of(MAN_AND_WOMAN)
    c = claim_with(doc, claims, "spent 11 years")
    assert c.subst is not None and c.subst_main
    assert statement(doc, c).startswith("Colin Abbott spent 11 years at Northfield Bank")


UNSTATED_SEX = """Bank names new head

Robin Carver will replace Colin Abbott as chief executive of Northfield Bank.
Abbott told the board on Monday that he had accepted a post at Lisle Capital.
He spent 11 years at Northfield Bank and doubled its profits to 900 million pounds.
"""


def test_a_person_of_unstated_sex_named_before_is_a_rival() -> None:
    # "Robin" may be a man: "He" may be Carver
    doc, claims = claims_of(UNSTATED_SEX)
    c = claim_with(doc, claims, "spent 11 years")
    assert c.subst is None or not c.subst_main


QUOTED_RIVAL = """Coach quits

Coach Martin Hale resigned from Dunmore Rovers on Friday after a run of six defeats.
Hale said: "I told Peter Vance on Monday that I could not carry on."
He had led the club to the second division title in 2003 and the cup final in 2004.
"""


def test_a_man_named_inside_a_quote_is_a_rival() -> None:
    doc, claims = claims_of(QUOTED_RIVAL)
    c = claim_with(doc, claims, "second division title")
    assert c.subst is None or not c.subst_main


DESCRIBED_RIVAL = """Semi-final won

Ninth seed Pablo Ferrant had never won a five-set match before Friday.
The Spaniard had complained about the heat in Melbourne before the semi-final began.
He beat the defending champion in four hours and ten minutes in front of 15,000 fans.
"""


def test_a_person_named_only_by_description_blocks() -> None:
    # "The Spaniard" is the previous sentence's subject, not a name: refuse
    doc, claims = claims_of(DESCRIBED_RIVAL)
    c = claim_with(doc, claims, "four hours")
    assert c.subst is None or not c.subst_main


SHE_WRONG_SEX = """Award for writer

Mr Alex Morgan won the Ribbon prize for his first novel on Thursday evening.
Morgan thanked the judges at the ceremony in Bath on Thursday evening.
She said the prize of 25,000 pounds would go to a library in her home town.
"""


def test_she_for_a_man_is_refused() -> None:
    doc, claims = claims_of(SHE_WRONG_SEX)
    c = claim_with(doc, claims, "prize of 25,000")
    assert c.subst is None or not c.subst_main


LATER_CLAUSE = """Minister quits

Defence Minister Rupert Vale resigned on Friday after a row over helicopter contracts.
Vale denied wrongdoing over the contracts, but he admitted the deal cost 40 million pounds.
"""


def test_a_later_clause_is_never_resolved() -> None:
    doc, claims = claims_of(LATER_CLAUSE)
    for c in claims:
        if doc.text[c.start : c.end].startswith("he admitted"):
            assert c.subst is None


MINISTER = """Minister quits

Defence Minister Rupert Vale resigned on Friday after a row over helicopter contracts.
The contracts were worth 400 million pounds, according to the National Audit Office.
The minister had signed a contract for 12 helicopters in March 2004 without a tender.
"""


def test_the_minister_is_the_one_person_introduced_as_minister() -> None:
    doc, claims = claims_of(MINISTER)
    c = claim_with(doc, claims, "signed a contract")
    assert c.subst is not None and c.subst_main
    assert statement(doc, c).startswith("Rupert Vale had signed a contract for 12 helicopters")
    assert standalone(doc, c, bare=True)


TWO_MINISTERS = """Ministers clash

Defence Minister Rupert Vale clashed with Trade Minister Edwin Holt on Friday.
The contracts were worth 400 million pounds, according to the National Audit Office.
The minister had signed a contract for 12 helicopters in March 2004 without a tender.
"""


def test_two_ministers_named_is_refused() -> None:
    doc, claims = claims_of(TWO_MINISTERS)
    c = claim_with(doc, claims, "signed a contract")
    assert c.subst is None or not c.subst_main


CHIEF_EXECUTIVE = """Profits fall at Dunlow

Profits at retailer Dunlow fell 20% to 80 million pounds in the year to March.
Dunlow's chief executive, Margaret Oakes, blamed the wet summer for the fall.
Shares in the chain fell 6% on Thursday, a week after the chief executive sold 30,000 shares.
"""


def test_the_chief_executive_is_the_one_introduced() -> None:
    doc, claims = claims_of(CHIEF_EXECUTIVE)
    c = claim_with(doc, claims, "sold 30,000 shares")
    assert c.subst is not None and c.subst_main
    assert "a week after Margaret Oakes sold 30,000 shares" in statement(doc, c)


MINISTER_BEFORE_NAMED = """Minister quits

A minister has resigned after a row over helicopter contracts.
Defence Minister Rupert Vale said the contracts were worth 400 million pounds.
The minister had signed a contract for 12 helicopters in March 2004 without a tender.
"""


def test_an_unnamed_minister_before_the_named_one_is_refused() -> None:
    # "A minister" first: the article may speak of two
    doc, claims = claims_of(MINISTER_BEFORE_NAMED)
    c = claim_with(doc, claims, "signed a contract")
    assert c.subst is None or not c.subst_main


CHAIN = """Telvaro expands

Mobile operator Telvaro has launched a new handset with built-in wi-fi for 300 pounds.
The handset is the first Telvaro has made in its own factory in Cardiff.
On Monday, Telvaro said it would add 2,000 hotspots in Britain by June.
It said it would double the number of its shops from 120 to 240 by the end of 2006.
It also announced it was putting wi-fi on 40 trains between London and Leeds by May.
"""


def test_it_goes_on_the_chain_of_the_previous_it() -> None:
    doc, claims = claims_of(CHAIN)
    c = claim_with(doc, claims, "putting wi-fi on 40 trains")
    assert c.subst is not None and c.subst_main
    assert statement(doc, c).startswith("Telvaro also announced it was putting wi-fi")


CHAIN_BROKEN = """Telvaro expands

Mobile operator Telvaro has launched a new handset with built-in wi-fi for 300 pounds.
The handset is the first Telvaro has made in its own factory in Cardiff.
On Monday, Telvaro said it would add 2,000 hotspots in Britain by June.
It said rival Bexcom would double the number of its shops from 120 to 240 by 2006.
It also announced it was putting wi-fi on 40 trains between London and Leeds by May.
"""


def test_a_firm_named_in_between_breaks_the_chain() -> None:
    doc, claims = claims_of(CHAIN_BROKEN)
    c = claim_with(doc, claims, "putting wi-fi on 40 trains")
    assert c.subst is None or not c.subst_main


VICE_PRESIDENT = """Rescue plan for airline

Vice president Tomas Ferreira said the government was looking for a solution for Aerolis.
Aerolis has debts of 2.4 billion dollars and 9,000 staff, according to the company.
The president will decide on a rescue of the airline by the end of March.
"""


def test_a_vice_president_is_not_the_president() -> None:
    doc, claims = claims_of(VICE_PRESIDENT)
    c = claim_with(doc, claims, "will decide on a rescue")
    assert c.subst is None or "Ferreira" not in c.subst[2]


PRIME_MINISTER = """Contracts row

Prime Minister Edwin Holt defended the helicopter contracts in parliament on Tuesday.
The contracts were worth 400 million pounds, according to the National Audit Office.
The minister had signed a contract for 12 helicopters in March 2004 without a tender.
"""


def test_a_prime_minister_is_not_the_minister() -> None:
    doc, claims = claims_of(PRIME_MINISTER)
    c = claim_with(doc, claims, "signed a contract")
    assert c.subst is None or "Holt" not in c.subst[2]


def test_a_title_in_the_name_is_not_another_person() -> None:
    # "Ms Simonetti" (a title the model took into the name) is "Ellen Simonetti"'s form
    from quizapp.engine.pronouns import untitled

    assert untitled("Ms Ellen Carver") == "Ellen Carver"
    assert untitled("Mr Carver") == "Carver"
    assert untitled("Carver") == "Carver"


COMPANY = """Brenmoor Motors cuts jobs

Brenmoor Motors is to cut 1,200 jobs at its factories in Wales.
Brenmoor Motors sold 210,000 cars in 2004, down from 260,000 a year earlier.
Brenmoor Motors said sales in Germany fell 15% as demand for large cars cooled.
Unions said the cuts would hit the company's plant in Swansea hardest, with 700 jobs lost.
"""


def test_the_company_is_the_main_actor_named_just_before() -> None:
    doc, claims = claims_of(COMPANY)
    c = claim_with(doc, claims, "plant in Swansea")
    assert c.subst is not None and c.subst_main
    assert "hit Brenmoor Motors' plant in Swansea" in statement(doc, c)


COMPANY_IN_PASSING = """Brenmoor Motors cuts jobs

Brenmoor Motors is to cut 1,200 jobs at its factories in Wales.
Brenmoor Motors sold 210,000 cars in 2004, down from 260,000 a year earlier.
Brenmoor Motors said sales fell 15%, while rival Ostrava Motors sold 9% more cars in Germany.
Unions said the cuts would hit the company's plant in Swansea hardest, with 700 jobs lost.
"""


def test_a_company_named_in_passing_between_blocks() -> None:
    doc, claims = claims_of(COMPANY_IN_PASSING)
    c = claim_with(doc, claims, "plant in Swansea")
    assert c.subst is None or "Brenmoor" not in c.subst[2]


ROLE_RIVAL = """Striker signs

Martin Hale signed a three-year contract with Dunmore Rovers on Friday.
The manager said the club had paid 2 million pounds to bring him from Leeds.
Martin Hale told reporters that he had turned down offers from three other clubs.
He scored 21 goals in 40 games for Leeds in the 2004 season.
"""


def test_he_after_a_manager_named_only_by_role_is_refused() -> None:
    # "The manager" (a man, maybe) is the subject of the sentence before the previous one
    doc, claims = claims_of(ROLE_RIVAL)
    c = claim_with(doc, claims, "scored 21 goals")
    assert c.subst is None or not c.subst_main
