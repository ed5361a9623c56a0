"""Self-contained claims (context6): a definite class noun ("the film", "the airline"), "the
country", "Both companies" and a pronoun after a participial opener resolved to the one name
the article gives, and refused when more than one can be meant or the claim is a later clause
of its sentence (texts written for these tests)."""

from __future__ import annotations

from quizapp.engine.mutations import statement
from quizapp.engine.pronouns import earlier_clause
from quizapp.engine.quality import needs_context
from quizapp.engine.verification import standalone
from tests.engine.helpers import claim_with, claims_of

FILM = """Court delays thriller

The release of a thriller about a bank raid in Leeds has been delayed by a court.
The film Silver Morning had been due to open across Britain on Friday with 400 prints.
Leeds Crown Court postponed the film's launch until 9 March.
"""


def test_the_film_is_the_one_film_named() -> None:
    doc, claims = claims_of(FILM)
    c = claim_with(doc, claims, "postponed the film's launch")
    assert c.subst is not None and c.subst_main
    assert statement(doc, c) == "Leeds Crown Court postponed Silver Morning's launch until 9 March."
    assert standalone(doc, c, bare=True)


TWO_FILMS = """Awards night

A film about a fishing village in Cornwall has won the top prize at the Harbour awards.
British film Grey Harbour won the prize for the best script on Saturday.
The director said he made the film in 14 days with a cast of 30 amateurs.
"""


def test_a_film_then_another_named_film_is_not_resolved() -> None:
    # "A film ..." then "British film Grey Harbour": two films, "the film" may be either
    doc, claims = claims_of(TWO_FILMS)
    c = claim_with(doc, claims, "made the film")
    assert c.subst is None
    assert not standalone(doc, c, bare=True)


AIRLINE = """Rescue ruled out

The government has ruled out a rescue of the country's biggest airline.
Alitalia, Italy's biggest airline, has debts of 3.1 billion euros.
The airline could also win 400m euros in compensation from the state.
"""


def test_the_airline_named_in_an_apposition() -> None:
    doc, claims = claims_of(AIRLINE)
    c = claim_with(doc, claims, "could also win")
    assert c.subst is not None and c.subst[2] == "Alitalia"
    assert statement(doc, c).startswith("Alitalia could also win 400m euros")


COUNTRY = """Budget for Norway

Norway has set out a budget to cut its deficit to 3% of GDP by 2007.
The finance minister said taxes on fuel would rise by 4% in January.
The country's deficit was 5.2% of GDP last year, the minister said.
"""

TWO_COUNTRIES = """Budget talks

Norway has set out a budget to cut its deficit to 3% of GDP by 2007.
Sweden said on Monday it would cut its own deficit to 2% of GDP.
The country's deficit was 5.2% of GDP last year, the minister said.
"""


def test_the_country_is_the_one_country_named() -> None:
    doc, claims = claims_of(COUNTRY)
    c = claim_with(doc, claims, "deficit was 5.2%")
    assert c.subst is not None and c.subst[2] == "Norway"
    assert statement(doc, c).startswith("Norway's deficit was 5.2% of GDP")


def test_the_country_with_two_countries_named_is_refused() -> None:
    doc, claims = claims_of(TWO_COUNTRIES)
    c = claim_with(doc, claims, "deficit was 5.2%")
    assert c.subst is None
    assert not standalone(doc, c, bare=True)


PAIR = """Carmakers in talks

Renault will meet carmaker Nissan Motor (NM) on Monday to discuss a joint venture in Asia.
Renault says that NM owes it 1.2bn euros under a deal signed in 2001.
Both companies want to cut costs by 10% as demand for cars falls.
"""

PAIR_AND_PERSON = """Carmakers in talks

Renault will meet carmaker Nissan Motor on Monday to discuss a joint venture in Asia.
Talks will be led by Anna Berg, who ran the Danish firm Kollund until 2003.
Both companies want to cut costs by 10% as demand for cars falls.
"""


def test_both_companies_are_the_two_named() -> None:
    doc, claims = claims_of(PAIR)
    c = claim_with(doc, claims, "cut costs")
    assert c.subst is not None
    assert (
        statement(doc, c)
        == "Both Renault and NM want to cut costs by 10% as demand for cars falls."
    )
    assert not needs_context(statement(doc, c))


def test_both_companies_with_another_name_before_is_refused() -> None:
    # a person named before ("Anna Berg"): the tagger may have taken a company for one
    doc, claims = claims_of(PAIR_AND_PERSON)
    c = claim_with(doc, claims, "cut costs")
    assert c.subst is None


SECOND_CLAUSE = """Phone maker results

Microsoft reported a 9% rise in sales to $4.1bn on Thursday.
Sales at Toyota fell 3% and it said it would cut 900 jobs in Japan by 2006.
"""


def test_second_clause_it_never_takes_the_previous_sentence_subject() -> None:
    # "it" means Toyota, named in its own sentence: never Microsoft (the wrong key the
    # previous sentence's subject gave)
    doc, claims = claims_of(SECOND_CLAUSE)
    c = claim_with(doc, claims, "it said it would cut")
    assert earlier_clause(c)
    assert c.subst is None
    assert not standalone(doc, c, bare=True)
    assert all("Microsoft said" not in statement(doc, x) for x in claims)


OPENER = """Telecoms group expands

Telmark said on Monday it had signed up 200,000 new customers in Sweden.
Reflecting the demand for mobile data, it announced it would double its hotspots to 8,000.
"""


def test_pronoun_after_participial_opener() -> None:
    doc, claims = claims_of(OPENER)
    c = claim_with(doc, claims, "double its hotspots")
    assert c.subst is not None and c.subst[2] == "Telmark"
    text = statement(doc, c)
    assert text.startswith("Reflecting the demand for mobile data, Telmark announced")


def test_both_companies_refused_when_a_company_is_tagged_a_person() -> None:
    # the model tags "Volvex" a person: the two companies cannot be told apart safely
    text = PAIR.replace("Renault", "Volvex")
    doc, claims = claims_of(text)
    c = claim_with(doc, claims, "cut costs")
    assert c.subst is None


COUNTRY_IT = (
    "Fuel subsidies cut\n\n"
    "Norway's government has confirmed it is considering raising fuel taxes by 20%.\n"
    "Norway pays subsidies to fishing fleets in order to keep diesel prices low. "
    "It spent 4.2 billion crowns ($610m) on fuel subsidies in 2004, far more than planned.\n"
)

COUNTRY_IT_FIRM = COUNTRY_IT.replace("fishing fleets", "Statoil")


def test_it_after_the_story_country_as_subject() -> None:
    doc, claims = claims_of(COUNTRY_IT)
    c = claim_with(doc, claims, "spent 4.2 billion")
    assert c.subst is not None and c.subst[2] == "Norway"
    assert statement(doc, c).startswith("Norway spent 4.2 billion crowns")


def test_it_with_a_firm_named_before_is_refused() -> None:
    # "Statoil" in the previous sentence: "it" may be the firm
    doc, claims = claims_of(COUNTRY_IT_FIRM)
    c = claim_with(doc, claims, "spent 4.2 billion")
    assert c.subst is None


def test_conversion_after_blank_and_unit_is_dropped() -> None:
    from quizapp.engine.stems import cloze

    doc, claims = claims_of(COUNTRY_IT)
    c = claim_with(doc, claims, "spent 4.2 billion")
    q = next(q for q in c.sentence.quantities if q.text.startswith("4.2"))
    stem = cloze(doc, c, q.start, q.end)
    assert stem is not None and "$610m" not in stem
    assert "_____ crowns on fuel subsidies" in stem


RELATIVE = (
    "Phone launch\n\n"
    "Critics praised the device Nokia launched in Paris on Monday.\n"
    "The device will cost 300 euros when it goes on sale in May.\n"
)


def test_a_name_starting_a_relative_clause_is_not_the_things_name() -> None:
    # "the device Nokia launched": Nokia made the device, it is not the device's name
    doc, claims = claims_of(RELATIVE)
    c = claim_with(doc, claims, "will cost 300 euros")
    assert c.subst is None


def test_a_noun_echoed_across_of_is_a_copy_fault():
    from quizapp.engine.quality import copy_fault

    assert copy_fault(
        "The port is sinking under a heavy loan burden of an estimated loan of _____ pesos."
    )
    assert not copy_fault("The port is sinking under a heavy loan burden of _____ pesos.")
