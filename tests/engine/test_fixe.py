"""Review fixes on generator 2.9.0 (fixe): the party a stem's money goes to is the donor's
side, so a man the article ties to a rival party is no wrong donor; no recall asks a
company's country where the company's own name follows the blank. Texts written for the
tests."""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall

GIFTS = """Parties reveal their winter gifts

The Labour Party took in more than £3m in gifts in the last three months of the year.
Labour leader Gordon Marsh thanked the unions for their support on Monday.
The party's treasurer was made a lord by Gordon Marsh last year.
The Conservatives were second with gifts worth £2m, the figures show.
The largest gift to the Conservatives was a bequest from Helen Carter of nearly £300,000.
Labour's Peter Quinn said the figures showed the party was in good health.
Tory MP James Boyd said his party would spend the money on its campaign.
Tory treasurer Alan Mercer said the party was grateful for every gift it received.
The Liberal Democrats took in just over £1m, most of it from one trust.
"""


def test_the_party_a_stem_gives_money_to() -> None:
    from quizapp.engine.distractors import recipient_party

    assert recipient_party("The largest gift to the Conservatives was a bequest from _____.") == (
        "Conservative"
    )
    assert recipient_party("_____ gave £500,000 to Labour before Christmas.") == "Labour"
    assert recipient_party("The Liberal Democrats' largest donor was _____.") == (
        "Liberal Democrat"
    )
    assert recipient_party("Tory leader _____ said the tax would rise.") is None


def test_a_rival_party_man_is_no_wrong_donor() -> None:
    # the stem gives the bequest to the Conservatives: Labour's leader and Labour's spokesman
    # are absurd as its donor; the article's Tory men may stand
    doc = analyse(GIFTS)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("The largest gift"))
    drafts = [
        d for d in generate_recall(doc, claim, random.Random(0), 0) if d.key == "Helen Carter"
    ]
    (draft,) = drafts
    assert {w for w, _ in draft.distractors} == {"James Boyd", "Alan Mercer"}


ORE = """Higher ore costs hit steel makers

Shares in steel makers fell around the world on fears that dearer iron ore will cut profits.
Mining groups have agreed to raise the price of ore by more than half this year.
Steel makers had expected a rise of between 30% and 40%, analysts said.
Japan's Kanto Steel slid after it agreed to pay 70% more for its ore.
Demand for steel has soared as the economies of India and Brazil have grown.
In London, Harrowgate Steel fell 2.4% to 61.25 pence.
In Paris, Lisle Acier shed 1.8% to 14.62 euros, while Rhein Stahl lost 1.1%.
Car makers in Germany say higher steel prices will push up the cost of new cars.
"""


def test_the_country_of_a_named_company_is_no_recall_key() -> None:
    # "_____'s Kanto Steel": the firm's nationality, which its name and the story give away
    doc = analyse(ORE)
    claim = next(c for c in extract_claims(doc) if "Kanto Steel" in c.text)
    keys = {d.key for d in generate_recall(doc, claim, random.Random(0), 0)}
    assert "Japan" not in keys


def test_a_side_company_share_move_is_peripheral() -> None:
    # the exact move of a share price of a firm the headline and lead never name, past the
    # third sentence, is trivia; the story's own figures stay
    claims = extract_claims(analyse(ORE))
    side = [c for c in claims if "pence" in c.text or "euros" in c.text]
    assert side and all(c.peripheral for c in side)
    lead = next(c for c in claims if "30% and 40%" in c.text)
    assert not lead.peripheral


def test_no_rival_party_man_swapped_in_as_the_donor() -> None:
    # the statements about the bequest to the Conservatives never name Labour's men as
    # its donor either
    from quizapp.engine.verification import generate_verification

    doc = analyse(GIFTS)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("The largest gift"))
    texts = [
        w
        for seed in range(5)
        for d in generate_verification(doc, claim, random.Random(seed), 0)
        for w, _ in d.distractors
    ]
    assert not any("Gordon Marsh" in t or "Peter Quinn" in t for t in texts), texts


def test_the_exact_sum_of_one_gift_is_peripheral() -> None:
    # past the lead, one giver's exact unrounded sum is trivia; a round gift and a party's
    # exact total are not
    text = GIFTS.replace(
        "The Liberal Democrats", "A chain of cafes gave the Tories £12,345.\nThe Liberal Democrats"
    )
    claims = extract_claims(analyse(text))
    (gift,) = [c for c in claims if "12,345" in c.text]
    assert gift.peripheral
    assert not any(c.peripheral for c in claims if "£300,000" in c.text)
