"""One test per quality fix of the third review (texts written for these tests)."""

from __future__ import annotations

import random

from quizapp.engine import generate
from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.context import vague
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import (
    MUTATIONS,
    false_variants,
    keeps_direction,
    same_org_kind,
)
from quizapp.engine.numbers import find_quantities
from quizapp.engine.recall import generate_recall

STORY = """Widget makers report mixed year

Sales at Acme Corp rose 4% to $11.1bn from $10.7bn, the firm's accounts show.
New orders at Globex fell to 82,000 from 103,000 in December.
Films with small budgets are expected to be worst hit by the new tax.
A majority of voters (68%) believe the minister was right, a poll suggests.
A second poll found that support for all political parties remained largely unchanged.
Initech sold more robots than Globex in Spain last year.
The Cray-1 was capable of 80 megaflops (80 million operations a second).
The Acme chief executive said AOL had lost users to Acme Corp in Germany.
"""


def _claim(prefix: str, text: str = STORY) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def test_only_figures_names_and_negation_make_false_statements() -> None:
    # blind editors refused antonyms ("welcomed for failing"), reversed comparisons, changed
    # quantifiers (arguably true) and moved dates (trivia): no such mutation is made any more
    assert set(MUTATIONS) == {"number", "entity", "negation"}
    for prefix in (
        "Sales at Acme Corp rose",
        "Initech sold more robots than",
        "A majority of voters (68%)",
        "A second poll found",
    ):
        doc, claim = _claim(prefix)
        types = {m.type for m in false_variants(doc, claim, random.Random(0))}
        assert types <= {"number", "entity", "date", "negation"}, prefix


def test_number_change_keeps_the_direction() -> None:
    doc, claim = _claim("New orders at Globex fell")
    q = next(q for q in claim.sentence.quantities if q.text == "82,000")
    assert not keeps_direction(claim, q, "123,000")
    assert keeps_direction(claim, q, "61,000")
    for m in false_variants(doc, claim, random.Random(0)):
        if m.type == "number" and m.old == "82,000":
            new = find_quantities(m.new)[0].value
            assert new < 103_000


def test_organisations_swap_only_within_their_kind() -> None:
    assert not same_org_kind("AOL", "SEC")
    assert not same_org_kind("Mozilla Foundation", "Microsoft")
    assert same_org_kind("Time Warner", "Viacom")
    assert same_org_kind("Disney", "Paramount")  # a studio for a studio
    assert not same_org_kind("Disney", "Samsung")
    assert not same_org_kind("Lufthansa", "Nvidia")  # airline for a chip maker
    doc, claim = _claim("The Acme chief executive said AOL")
    assert all(m.new != "SEC" for m in MUTATIONS["entity"](doc, claim, random.Random(0)))


def test_anaphoric_noun_phrases_are_vague() -> None:
    for text in (
        "The issue was raised again.",
        "The announcement came on Monday.",
        "Both newcomers won seats.",
        "The move was welcomed.",
        "The company said profits rose.",
        "The machine will be five times faster.",
        "Spending of $3bn on that project is low.",
    ):
        assert vague(text), text
    for text in (
        "The plan to cut jobs was approved.",
        "Acme said the company would grow.",
        "Acme sold 4,200 robots.",
    ):
        assert not vague(text), text


def test_no_blank_on_a_figure_restated_in_brackets() -> None:
    doc, claim = _claim("The Cray-1 was capable")
    assert all("80 megaflops" != d.key for d in generate_recall(doc, claim, random.Random(0), 0))


def test_which_company_stem_is_generated() -> None:
    # the type-word check used to look at the wh-phrase itself and drop every such stem
    # (a named product's maker is never asked since 2.17.0: "The Nvidia chip factory", not
    # "The Nvidia H200 chip", see test_dev15)
    text = (
        "Chip deal\n\nThe Nvidia chip factory plays a crucial role in the plans of Acme.\n"
        "Nvidia sells chips to Acme.\nNvidia makes the H200 chip in Taiwan.\n"
        "Intel sells chips too.\nQualcomm makes phone chips.\nAMD lost ground.\n"
    )
    doc, claim = _claim("The Nvidia chip factory", text)
    stems = [d.stem for d in generate_recall(doc, claim, random.Random(0), 0)]
    assert "Which company's chip factory plays a crucial role in the plans of Acme?" in stems


def test_seed_kind_mix_and_size() -> None:
    from tests.engine.helpers import seed_text

    r = generate(seed_text())
    kinds = [q.kind for q in r.questions]
    assert len(kinds) >= 6 and len(set(kinds)) >= 2
    # The seed has one figure and few names, so most of its claims can only be asked as
    # statements; correctness wins over the mix (see bench/RESULTS.md). 2.4.0 dropped the
    # "_____'s H200" recall item that another item's "Nvidia H200" answered: 5 of 7; 2.17.0
    # the verification item that swapped the maker of the H20 chip (both blind judges of the
    # seed refused it): 5 of 6.
    assert kinds.count("true_false") <= 5 / 6 * len(kinds)
    assert len({q.evidence.start for q in r.questions}) >= 6


def test_no_negation_of_a_quantified_subject() -> None:
    """'Some X do not remain' does not contradict 'some X remain': never a wrong option."""
    from quizapp.engine import generate

    text = (
        "Regulators in Brussels approved the merger of Acme and Globex on Monday.\n"
        "Despite the approval, some restrictions on the licensing terms remain in place.\n"
        "Many analysts expect the combined company to cut 2,000 jobs by 2026.\n"
    )
    result = generate(text, max_questions=20)
    for question in result.questions:
        for option in question.options:
            if option.mutation == "negation":
                lowered = option.text.lower() + " " + question.stem.lower()
                assert "some restrictions on the licensing terms do not" not in lowered
                assert "many analysts do not" not in lowered
