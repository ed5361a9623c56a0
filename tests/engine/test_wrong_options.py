"""Wrong options of the key's type and role, and false statements that are clearly false.

One test per failure class blind judges named (rules 1 and 3); every text is written here.
"""

from __future__ import annotations

import random

from quizapp.engine.claims import ClaimInfo, extract_claims
from quizapp.engine.distractors import _only_label, entity_pool, place_kind, same_side
from quizapp.engine.document import Document, analyse
from quizapp.engine.mutations import (
    MUTATIONS,
    changeable_figure,
    false_variants,
    keeps_direction,
    negatable,
    same_org_kind,
)
from quizapp.engine.nlp import Mention
from quizapp.engine.numbers import parse_quantity, perturb

MATCH = """Rovers beat Athletic in cup tie

Rovers striker Tom Archer scored inside the opening 60 seconds against Athletic on Saturday.
Rovers manager Bill Mason praised the decisive pass which set up the goal.
Rovers chairman Ian Cole watched from the stand with Rovers defender Sam Reid.
Athletic manager Carl Dunn said his side had never recovered from the early blow.
Athletic striker Lee Park missed two chances before the break.
Rovers' Dan Hope was booked for a late tackle on Park.
Archer also hit the post, and Reid headed a second goal after the interval.
Mason said Archer and Hope had been outstanding all season.
"""

MARKETS = """Shares end the week higher

In Paris, the CAC 40 index closed 21 points higher at 3,900.
In Tokyo, the Nikkei index fell 35 points to 11,200.
Domestic buyers, accounting for 70% of sales, have suffered from higher taxes.
Export sales rose 12% in the year, while imports fell 9%.
The scheme is designed to make farmers more competitive in a crowded market.
The board cut the dividend last year, and regulators ordered all big loans to be checked.
The ministry has refused to publish the report, saying such reports are always kept private.
Words such as "growth", "profit" and "boom" reflected the mood of the market.
The new plant will be more efficient than the old one.
Zentek will close 300 of its 1,000 shops across Germany next year.
Analysts said Zentek had done well with the ZX5, its new games console.
Zentek and Orbix both make games consoles, the analysts said.
Orbix sold two million consoles in Japan and Zentek sold three million in Germany.
"""


def _claim(text: str, prefix: str) -> tuple[Document, ClaimInfo]:
    doc = analyse(text)
    return doc, next(c for c in extract_claims(doc) if c.text.startswith(prefix))


def _person(doc: Document, name: str) -> Mention:
    return next(m for m in doc.mentions if m.label == "PERSON" and m.text == name)


def test_a_share_below_the_whole_never_becomes_all_of_it() -> None:
    # "accounting for 100% of sales" was absurd to judges
    q = parse_quantity("70%")
    assert q is not None
    assert all(v < 100 for v in perturb(q, False, 6))
    doc, claim = _claim(MARKETS, "Domestic buyers")
    texts = [m.new for m in false_variants(doc, claim, random.Random(0)) if m.type == "number"]
    assert texts and all(not t.startswith("100") for t in texts)


def test_a_figure_bounding_a_time_window_is_never_changed() -> None:
    # a goal "inside the opening 45 seconds" is not contradicted by "inside 60": arguably true
    doc = analyse(MATCH)
    q = next(q for s in doc.sentences for q in s.quantities if q.text.startswith("60"))
    assert not changeable_figure(doc, q)


def test_no_moved_dates() -> None:
    # a year or a month moved was trivia, or absurd ("11 September" -> "11 December")
    assert "date" not in MUTATIONS
    doc, claim = _claim(MARKETS, "Export sales rose")
    assert all(m.type != "date" for m in false_variants(doc, claim, random.Random(0)))


def test_no_negation_that_contradicts_the_rest_of_the_sentence() -> None:
    for prefix in (
        "The scheme is designed",  # a purpose denied is guessable
        "The board cut the dividend",  # ", and regulators did not order": half a claim
        "The ministry has refused",  # "has not refused ..., saying reports are kept private"
        "Words such as",  # examples, not a fact to deny
        "The new plant",  # "will not be more efficient than" holds if equal
    ):
        doc, claim = _claim(MARKETS, prefix)
        assert not negatable(doc, claim), prefix


def test_a_market_place_is_not_swapped() -> None:
    # "In New York, the FTSE 100 closed" was absurd: the place set before the sentence stays
    doc, claim = _claim(MARKETS, "In Paris")
    assert all(m.old != "Paris" for m in MUTATIONS["entity"](doc, claim, random.Random(0)))


def test_a_place_of_unknown_level_is_not_swapped() -> None:
    # "Chelsea take on Qatar" for "take on Barcelona": a club called by its city
    assert place_kind("Valencia") == "other"
    assert place_kind("Paris") == "city" and place_kind("Japan") == "country"


def test_a_company_beside_its_product_is_not_swapped() -> None:
    # "Microsoft had done well with the PS2" gives itself away
    doc, claim = _claim(MARKETS, "Analysts said Zentek")
    assert all(m.old != "Zentek" for m in MUTATIONS["entity"](doc, claim, random.Random(0)))


def test_a_person_who_praises_is_not_swapped() -> None:
    # "Robbie Keane applauded the move" was arguably true: Keane praised it too
    doc, claim = _claim(MATCH, "Rovers manager Bill Mason praised")
    muts = MUTATIONS["entity"](doc, claim, random.Random(0))
    assert all("Mason" not in m.old for m in muts)


def test_people_on_another_side_or_in_another_job_are_not_offered() -> None:
    doc = analyse(MATCH)
    # a Rovers player for a Rovers player, not the other side's striker or a manager
    assert same_side(doc, "Tom Archer", "Sam Reid")
    assert not same_side(doc, "Tom Archer", "Lee Park")
    assert not same_side(doc, "Tom Archer", "Bill Mason")
    assert not same_side(doc, "Dan Hope", "Ian Cole")  # the club's chairman is no player
    assert not same_side(doc, "Bill Mason", "Carl Dunn")  # the opposing manager
    m = _person(doc, "Tom Archer")
    claim = next(c for c in extract_claims(doc) if c.text.startswith("Rovers striker"))
    names = [n for n, _ in entity_pool(doc, claim, m, random.Random(0), 6, bare=True)]
    assert not {"Lee Park", "Bill Mason", "Carl Dunn", "Ian Cole"} & set(names)


def test_a_name_labelled_otherwise_elsewhere_is_no_person() -> None:
    # "United" offered as the person a tackle could have injured
    forms = {
        "United": [
            Mention(0, 6, "United", "PERSON", "PERSON"),
            Mention(40, 46, "United", "PERSON", "ORG"),
        ],
        "Reid": [Mention(60, 64, "Reid", "PERSON", "PERSON")],
    }
    assert not _only_label(forms, "United", "PERSON")
    assert _only_label(forms, "Reid", "PERSON")


def test_a_titled_key_gets_titled_options() -> None:
    # "Mr Tomlinson" beside "Derek Wanless" and "David Blunkett" marked the key
    text = (
        "Schools shake-up proposed\n\n"
        "Former inspector Mr Grant, 62, has recommended a new diploma for all pupils.\n"
        "Education minister Ruth Kelly said the report by Mr Grant would be studied.\n"
        "Shadow minister David Hale said the plan was too costly for schools.\n"
        "Mr Hale added that parents had not been asked about the diploma.\n"
        "Ms Kelly will answer questions on the report next week.\n"
    )
    doc, claim = _claim(text, "Former inspector")
    m = next(x for x in claim.sentence.mentions if x.label == "PERSON")
    names = [n for n, _ in entity_pool(doc, claim, m, random.Random(0), 3, bare=True)]
    assert sorted(names) == ["Mr Hale", "Ms Kelly"]


def test_a_studio_for_a_studio() -> None:
    # "Samsung" or "Nvidia" as the studio backing a film format was absurd
    assert same_org_kind("Disney", "Paramount")
    assert not same_org_kind("Disney", "Samsung")


def test_no_name_from_a_built_in_list_in_a_false_statement() -> None:
    # "backed by Nvidia" / "backed by Huawei" for "backed by Sony": names the story never uses
    doc, claim = _claim(MARKETS, "Orbix sold two million")
    for m in MUTATIONS["entity"](doc, claim, random.Random(0)):
        assert m.new.lower() in doc.view.lower()


def test_a_part_stays_below_its_whole() -> None:
    # "closes 1,200 of its 1,000 shops" would be absurd
    doc, claim = _claim(MARKETS, "Zentek will close")
    q = next(q for q in claim.sentence.quantities if q.text == "300")
    assert not keeps_direction(claim, q, "1,200")
    assert keeps_direction(claim, q, "400")
    for m in false_variants(doc, claim, random.Random(0)):
        if m.old == "300":
            value = parse_quantity(m.new)
            assert value is not None and value.value < 1000
