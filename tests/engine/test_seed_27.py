"""Generator 2.7.0-seed: causes found on the seed article, each tested with sentences written
for these tests (never the seed's own)."""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import co_listed
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall

LISTED = (
    "Brazil clears turbine imports for three cloud firms\n\n"
    "Brazil has approved imports of Siemens turbines, allowing cloud firms like Microsoft, "
    "Google and Amazon to buy them.\n"
    "The approval follows a visit by the energy minister to Berlin last spring.\n"
    "Regulators have granted permission to key players in the cloud sector, including "
    "Microsoft and Google, to buy nearly 1,200 Siemens turbines.\n"
    "Oracle was refused a licence after it missed the bidding deadline.\n"
    "IBM withdrew its own bid for the turbines in March.\n"
    "Intel also bid for the turbines, but lost.\n"
)


def test_a_name_listed_beside_the_key_is_never_a_wrong_option():
    doc = analyse(LISTED)
    berth = next(c for c in extract_claims(doc) if "including Microsoft" in c.text)
    maersk = next(m for m in berth.sentence.mentions if m.text == "Microsoft")
    assert "Amazon" in co_listed(doc, maersk)
    drafts = [
        d
        for d in generate_recall(doc, berth, random.Random(3), 0)
        if d.key in {"Microsoft", "Google"}
    ]
    assert drafts  # the names the article gives only elsewhere still make wrong options
    for draft in drafts:
        assert "Amazon" not in {t for t, _ in draft.distractors}, draft
