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
