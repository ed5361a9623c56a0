"""Side details past the lead that blind tuning judges called trivia (rubric rule 5), found by
the sentence's role (sal12): a person met once in an article's closing stretch, and a
comparison with a thing of the subject's kind the story names only by example. Texts written
for these tests; the story's own claims stay askable."""

from __future__ import annotations

from quizapp.engine import generate
from quizapp.engine.salience import outside_comparison
from tests.engine.helpers import claim_with, claims_of

BAKERY = """Former jockey opens bakery on Millbrook high street

Former jockey Dan Corrie has opened a bakery on Millbrook high street, two years after retiring.
Corrie rode 412 winners in a career of 18 years before a fall ended it in 2022.
He said baking had always been his second love.
The bakery sells 600 loaves a week, Corrie said.
The shop took over a unit that had stood empty for three years.
Corrie spent £40,000 on ovens and fittings, using his savings.
The town council gave him a grant of £5,000 towards the rent.
Corrie said trade had been better than he had hoped.
He plans to open a second shop in the nearby town of Ashby next year.
Corrie bakes every morning from 4am.
Corrie runs the bakery with his cousin Will Tarrant.
The bakery is closed on Mondays.
"""

PHONE = """Norvex unveils its first folding phone

Norvex has unveiled its first folding phone, the Fold One, which will go on sale in March.
The phone will cost £899 and will be sold in 14 countries at launch.
Norvex said it expected to sell two million of the phones in its first year.
The Fold One reflects the design of similar folding models, such as Quorra's Z-Flip.
Norvex shares rose 3% after the launch.
The company said the Fold One would be made at its plant in Vellan.
"""

FORMAT = """Studio backs the Lumen disc format

The Brightside studio will release its films on the Lumen disc format from next year.
Lumen is fighting the rival Prisma format to become the standard for high-definition films.
The battle mirrors rival formats such as Prisma in an earlier fight over video tapes, analysts said.
Prisma is backed by three of the six biggest studios.
"""


def test_person_met_once_in_the_closing_stretch_is_peripheral() -> None:
    doc, claims = claims_of(BAKERY)
    assert claim_with(doc, claims, "cousin Will Tarrant").peripheral
    # the story's own man in the same closing stretch stays askable
    assert not claim_with(doc, claims, "every morning from 4am").peripheral
    # the lead and the main facts too
    assert not claim_with(doc, claims, "has opened a bakery").peripheral
    assert not claim_with(doc, claims, "600 loaves").peripheral


def test_closing_bystander_never_asked() -> None:
    quiz = generate(BAKERY, seed=7)
    assert quiz.questions
    assert not any("Tarrant" in q.evidence.text for q in quiz.questions)


def test_person_named_again_or_early_is_not_a_bystander() -> None:
    # the partner is named earlier too: part of the story, not a passer-by
    text = BAKERY.replace(
        "He said baking had always been his second love.",
        "He said baking had always been his second love, as it was for Tarrant.",
    )
    doc, claims = claims_of(text)
    assert not claim_with(doc, claims, "cousin Will Tarrant").peripheral
    # a short article has no closing stretch of side lines: the same sentence sixth of seven
    short = "\n".join(
        BAKERY.splitlines()[:6] + ["Corrie runs the bakery with his cousin Will Tarrant."]
    )
    doc, claims = claims_of(short + "\n")
    assert not claim_with(doc, claims, "cousin Will Tarrant").peripheral


def test_comparison_with_an_outside_example_is_peripheral() -> None:
    doc, claims = claims_of(PHONE)
    assert claim_with(doc, claims, "reflects the design").peripheral
    assert not claim_with(doc, claims, "£899").peripheral


def test_comparison_with_the_story_rival_is_kept() -> None:
    # the rival format recurs: the comparison is the story's own battle
    assert (
        outside_comparison(
            "The battle mirrors rival formats such as Prisma in an earlier fight.",
            lambda word: word == "Prisma",
        )
        is False
    )
    doc, claims = claims_of(FORMAT)
    assert not any(c.peripheral for c in claims if "mirrors" in c.text)


def test_outside_comparison_patterns() -> None:
    never = lambda word: False  # noqa: E731
    assert outside_comparison(
        "It follows similar tablets released this year, such as Quorra's Slate.", never
    )
    assert outside_comparison("The service competes with rival apps like Tunely.", never)
    # no named example, or no comparison of kind: nothing to match
    assert not outside_comparison("It follows similar tablets released this year.", never)
    assert not outside_comparison("The phone is sold in countries such as France.", never)
