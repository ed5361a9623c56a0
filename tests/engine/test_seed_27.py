"""Generator 2.7.0: causes found on the seed article, each tested with sentences written
for these tests (never the seed's own)."""

from __future__ import annotations

import importlib
import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import co_listed
from quizapp.engine.document import analyse
from quizapp.engine.recall import generate_recall
from quizapp.engine.types import Evidence, Option, Question

sel = importlib.import_module("quizapp.engine.select")

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


def _statement_item(kind: str, stem: str, opts: list[tuple[str, bool]], claim: int) -> Question:
    ev = Evidence(0, 44, "Buyers want the speed of the Zentrix Z9 chip.")
    return Question(kind, stem, claim, "", [Option(t, c, "entity") for t, c in opts], ev)


def test_a_changed_topic_name_bound_to_its_word_is_a_give_away():
    """A verification item whose options differ only in the maker of a product ("Zentrix Z9"
    against "Orvel Z9") is answered by any other item that shows "Zentrix Z9", although
    "Zentrix" alone is the article's topic and gives nothing away."""
    verify = _statement_item(
        "claim_verification",
        "Which statement does the article support?",
        [
            ("Buyers want the speed of the Zentrix Z9 chip.", True),
            ("Buyers want the speed of the Orvel Z9 chip.", False),
            ("Buyers want the speed of the Tamco Z9 chip.", False),
        ],
        1,
    )
    assert "zentrix z 9" in sel.answer_phrases(verify)
    shows = _statement_item(
        "true_false",
        "True or false: the article says that regulators approved the Zentrix Z9 for sale.",
        [("True", True), ("False", False)],
        2,
    )
    for first, second in ((shows, verify), (verify, shows)):
        state = sel.QuizState(topic=frozenset({"zentrix"}))
        state.add(first)
        assert state.conflicts(second)
    # the topic name elsewhere, not beside the changed word's neighbour, gives nothing away
    state = sel.QuizState(topic=frozenset({"zentrix"}))
    state.add(verify)
    other = _statement_item(
        "true_false",
        "True or false: the article says that Zentrix opened a plant in Ohio.",
        [("True", True), ("False", False)],
        3,
    )
    assert not state.conflicts(other)


SUMMARY = (
    "Kenya backs home-grown fertiliser\n\n"
    "TLDR\n"
    "- Kenya is encouraging local fertiliser production while restricting the purchase of "
    "foreign fertiliser.\n"
    "- Farmers in Kenya will pay less for fertiliser from next year.\n"
    "Kenya has set new rules for fertiliser imports, the farm ministry said on Monday.\n"
    "These rules aim to limit the amount of foreign fertiliser purchased while encouraging "
    "the growth of local fertiliser production.\n"
)


def test_a_summary_bullet_stands_for_a_body_sentence_that_leans_on_the_one_before():
    """A TLDR bullet and the body sentence saying the same are one claim; when the body one
    opens on "These rules" (which no generator can ask), the bullet is the claim asked."""
    doc = analyse(SUMMARY)
    claims = extract_claims(doc)
    same = [c for c in claims if "local fertiliser production" in c.text]
    assert len(same) == 1
    assert same[0].text.startswith("Kenya is encouraging local fertiliser production")
    assert same[0].also_in  # the body sentence is merged into it, not asked again
