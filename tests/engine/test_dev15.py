"""What the blind judges of the dev set and the seed refused at 2.16.5, each class mended
(2.17.0, 2.17.1).

- "web analysts say that the proportion of surfers using Netscape's Internet Explorer has
  dropped": the maker of a named product swapped ("absurd"), and "Other browsers, like Opera
  and _____'s Safari": the maker asked ("general knowledge, not the article").
- "the approval of Nvidia H200 chips does not boost the capabilities of ...": a clause the
  sentence grants ("While the approval boosts ..., it comes with strings attached") denied
  ("absurd, contradicts the whole article").
- "China's approval ... does not mark a new phase in the country's semiconductor policy": a
  reading of an event denied (the seed at 2.17.3; 2.17.4).
- "the previous top machine clocked up 35.86": a figure whose unit another sentence gives
  ("35.86 what?").
- "Planned spending would almost double to _____": the clause after "..., and" with a bare
  subject, which the first clause explains ("lacks the HIV/Aids referent"; 2.17.1).

Sentences written for the tests; each first test of a class fails on 2.16.5.
"""

from __future__ import annotations

import random

from quizapp.engine.context import bare_second_clause, self_contained, unitless_figure
from quizapp.engine.mutations import mutate_entity, negatable, owns_named_product
from quizapp.engine.recall import generate_recall
from tests.engine.helpers import claim_with, claims_of

BROWSERS = (
    "Browser rivals gain ground\n\n"
    "The share of people using Microsoft's Internet Explorer has fallen to 81%, analysts say.\n\n"
    "Netscape has gained users since it released its own browser in March.\n\n"
    "Other browsers, like Opera and Apple's Safari, are also winning users from Microsoft.\n\n"
    "Microsoft said on Monday that it would release a new browser in the summer.\n\n"
    "Netscape has made browsers since 1994 and Apple since 2003.\n"
)


def test_a_product_s_maker_is_never_swapped() -> None:
    doc, claims = claims_of(BROWSERS)
    for words in ("Internet Explorer", "Safari"):
        claim = claim_with(doc, claims, words)
        swaps = mutate_entity(doc, claim, random.Random(1))
        assert not any(m.old in {"Microsoft", "Apple"} for m in swaps), swaps


def test_a_product_s_maker_is_never_asked() -> None:
    doc, claims = claims_of(BROWSERS)
    claim = claim_with(doc, claims, "Internet Explorer")
    stems = [d.stem for d in generate_recall(doc, claim, random.Random(1), 0)]
    assert stems, "the share is still asked"
    assert not any("_____'s Internet Explorer" in s for s in stems), stems


def test_what_counts_as_a_named_product() -> None:
    doc, _ = claims_of(BROWSERS)
    owners = {
        (m.text, doc.view[m.end : m.end + 10]): owns_named_product(doc, m)
        for m in doc.mentions
        if m.label == "ORG"
    }
    assert owners[("Microsoft", "'s Interne")] and owners[("Apple", "'s Safari,")], owners
    # "Microsoft said", "Netscape has gained", "from Microsoft.": a company on its own
    plain = [v for (name, after), v in owners.items() if not after.startswith("'s")]
    assert len(plain) >= 4 and not any(plain), owners


OWNERS = (
    "Makers and owners\n\n"
    "Toyota's UK plant will close in 2006, and Apple's 2004 profits rose by 40%.\n\n"
    "Microsoft's European sales fell by 12% while Sony's PS2 sold 50,000 units.\n\n"
    "Labour's Mr Livingstone spoke after Nvidia CEO Jensen Huang visited China.\n\n"
    "Apple's iPod sold well and Microsoft's new Xbox console sold 4,000 units.\n"
)


def test_a_place_a_year_a_people_a_title_or_a_job_is_no_product() -> None:
    doc, _ = claims_of(OWNERS)
    owns = {
        (m.text, doc.view[m.end : m.end + 6]): owns_named_product(doc, m)
        for m in doc.mentions
        if m.label == "ORG"
    }
    for plain in ("Toyota", "'s UK "), ("Apple", "'s 200"), ("Microsoft", "'s Eur"):
        assert owns[plain] is False, (plain, owns)
    for plain in ("Labour", "'s Mr "), ("Nvidia", " CEO J"):
        assert owns[plain] is False, (plain, owns)
    for product in ("Sony", "'s PS2"), ("Apple", "'s iPo"), ("Microsoft", "'s new"):
        assert owns[product] is True, (product, owns)


SEED_LIKE = (
    "Harbour approves chip imports\n\n"
    "Northam has approved imports of Globex X90 chips for its three largest firms.\n\n"
    "While the approval of Globex X90 chips boosts the capabilities of leading Northam tech "
    "companies, it comes with strings attached.\n\n"
    "The new rules also cut the profits of smaller Northam firms.\n"
)


def test_a_granted_clause_is_never_negated() -> None:
    doc, claims = claims_of(SEED_LIKE)
    granted = claim_with(doc, claims, "boosts the capabilities")
    assert granted.main_verb.dep_ == "advcl", granted.main_verb.dep_
    assert not negatable(doc, granted)


def test_a_while_after_its_main_clause_may_be_negated() -> None:
    # "while" after the main clause sets two facts side by side ("whereas"): nothing granted
    text = (
        "Robot sales\n\n"
        "Acme sold 4,200 robots in Germany, while Globex opened a new factory in Poland.\n"
    )
    doc, claims = claims_of(text)
    claim = next(c for c in claims if c.main_verb.dep_ == "advcl")
    assert claim.text.startswith("Globex opened"), claim.text
    assert negatable(doc, claim)


def test_a_reading_of_an_event_is_never_negated() -> None:
    # "does not mark a new phase in the country's policy": a reading denied, not a fact
    # (both blind judges of the seed refused it at 2.17.3)
    text = (
        "Northam approves chip imports\n\n"
        "Northam's approval of Globex X90 chips marks a new phase in the country's chip policy."
        "\n\nGlobex will build a new chip factory in the north of Northam.\n"
    )
    doc, claims = claims_of(text)
    assert not negatable(doc, claim_with(doc, claims, "marks a new phase"))
    assert negatable(doc, claim_with(doc, claims, "build a new chip factory"))


def test_a_plain_clause_may_still_be_negated() -> None:
    doc, claims = claims_of(SEED_LIKE)
    assert negatable(doc, claim_with(doc, claims, "smaller Northam firms"))


MACHINES = (
    "New machine tops the chart\n\n"
    "The Harbour Mark 2 ran at 70.72 teraflops in tests, twice as fast as any rival.\n\n"
    "The previous top machine, Northam's Lighthouse, clocked up 35.86.\n\n"
    "Prices of the machines rose 0.5% in February and the Quill 1.0 software was released.\n"
)


def test_a_figure_without_its_unit_does_not_read_alone() -> None:
    doc, claims = claims_of(MACHINES)
    claim = claim_with(doc, claims, "clocked up 35.86")
    assert not self_contained(doc, claim, claim.text)
    assert unitless_figure(claim)


def test_a_figure_followed_by_a_preposition_has_no_unit() -> None:
    text = "Machines\n\nThe Lighthouse machine clocked up 35.86 in tests last year.\n"
    doc, claims = claims_of(text)
    assert unitless_figure(claim_with(doc, claims, "35.86 in tests"))


def test_figures_with_units_signs_or_names_read_alone() -> None:
    text = "Cars\n\nThe new model has a 3.5-litre engine and costs 2.5 per cent more.\n"
    doc, claims = claims_of(text)
    assert not unitless_figure(claim_with(doc, claims, "3.5-litre"))
    doc, claims = claims_of(MACHINES)
    assert not unitless_figure(claim_with(doc, claims, "70.72 teraflops"))
    assert not unitless_figure(claim_with(doc, claims, "rose 0.5%"))
    assert not unitless_figure(claim_with(doc, claims, "Quill 1.0"))


AID = (
    "Budget doubles aid\n\n"
    "However, the ministry is keen to show its effort to fight malaria, the Northam Times "
    "reports, and planned spending would almost double to $3bn, with most of the money going "
    "to poorer nations.\n\n"
    "Northam wants to build schools, and spending on teachers would rise to $2bn.\n\n"
    "About 5,000 children live in care homes in Northam and carers have said they need more "
    "money.\n"
)


def test_a_bare_subject_after_and_leans_on_the_first_clause() -> None:
    doc, claims = claims_of(AID)
    claim = claim_with(doc, claims, "planned spending")
    assert not self_contained(doc, claim, claim.text)
    assert bare_second_clause(doc, claim)


def test_a_subject_with_a_complement_or_a_bare_plural_reads_alone() -> None:
    doc, claims = claims_of(AID)
    assert not bare_second_clause(doc, claim_with(doc, claims, "spending on teachers"))
    assert not bare_second_clause(doc, claim_with(doc, claims, "carers have said"))


def test_a_closing_percent_is_kept_in_a_question() -> None:
    # spaCy counts "%" as punctuation: the claim's closing one was dropped with the full stop
    # ("Which company's annual profits rose by 40?"; review of 2.17, older than it)
    text = (
        "Tech results\n\nApple's annual profits rose by 40%, the company said on Monday.\n\n"
        "Google and Microsoft also reported results.\n\nMicrosoft's profits fell.\n"
    )
    doc, claims = claims_of(text)
    claim = claim_with(doc, claims, "annual profits")
    stems = [d.stem for d in generate_recall(doc, claim, random.Random(1), 0)]
    assert "Which company's annual profits rose by 40%?" in stems, stems
    assert not any(s.endswith(" 40?") for s in stems), stems
