"""Verification items that read on a phone (generator 2.5.0), with sentences written for the test.

Options are shown without a mid-sentence "also", a leading scene-setting phrase or a trailing
comma-tail that holds none of the changed facts; a figure with a bracketed conversion after
its unit word is never changed (the other half is the tell).
"""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
from quizapp.engine.drafts import Draft
from quizapp.engine.mutations import false_variants
from quizapp.engine.verification import generate_verification

STORY = """Robot makers expand

Acme sold 4,200 robots to Globex in 2019, the firm said on Monday.
Initech sold 3,100 robots to Hooli in France over the same period.
In Berlin, Acme opened a plant that employs 640 workers.
Globex will also buy 900 robots from Initech next year.
Initech raised prices by 12% in 2019, with most buyers accepting the increase.
Hooli paid 830m crowns ($95m) for its new robots from Initech.
Acme and Initech compete for orders from Globex and Hooli across Europe.
"""


def _drafts(text: str) -> list[Draft]:
    doc = analyse(text)
    return [
        d for c in extract_claims(doc) for d in generate_verification(doc, c, random.Random(0), 0)
    ]


def _options(d: Draft) -> list[str]:
    return [d.key, *(t for t, _ in d.distractors)]


def test_verification_options_drop_a_mid_sentence_also() -> None:
    drafts = [d for d in _drafts(STORY) if "900" in d.key or "buy" in d.key]
    assert drafts, "the 'will also buy' claim should be asked about"
    for d in drafts:
        assert all(" also " not in o for o in _options(d))


def test_verification_options_drop_a_leading_scene_phrase_without_a_changed_fact() -> None:
    drafts = [d for d in _drafts(STORY) if "plant" in d.key]
    assert drafts
    for d in drafts:
        assert all(not o.startswith("In Berlin") for o in _options(d))
        assert d.key.startswith("Acme opened a plant")


def test_verification_options_drop_a_trailing_with_tail() -> None:
    drafts = [d for d in _drafts(STORY) if "raised prices" in d.key]
    assert drafts
    for d in drafts:
        assert all("buyers accepting" not in o for o in _options(d))


def test_a_leading_condition_is_never_cut() -> None:
    text = STORY.replace("In Berlin, Acme", "Without new funding, Acme")
    for d in _drafts(text):
        if "plant" in d.key:
            assert d.key.startswith("Without new funding")


def test_a_figure_with_a_bracketed_conversion_after_its_unit_is_never_changed() -> None:
    doc = analyse(STORY)
    claim = next(c for c in extract_claims(doc) if "830m" in c.text)
    changed = {m.old for m in false_variants(doc, claim, random.Random(0))}
    assert "830m" not in changed and "830m crowns" not in changed


ASIDE = """Game makers report sales

Northwind, which is based in Leeds, has seen its new game earn 24m pounds in three days.
Contoso earned 31m pounds from its racing game last year.
Fabrikam earned 38m pounds from a football game in 2019.
Northwind and Contoso compete for players in Europe.
"""


def test_verification_options_drop_a_non_restrictive_relative_clause() -> None:
    drafts = [d for d in _drafts(ASIDE) if "Northwind" in d.key]
    assert drafts
    for d in drafts:
        assert all("which is based" not in o for o in _options(d))
        assert all(o.startswith("Northwind has seen") for o in _options(d))


TOPIC = """Robot makers report results

Microsoft sold 4,200 robots to Globex in 2019.
Initech employs 640 engineers at its plant in Poland.
Initech sold 3,100 robots in France over the same period.
Initech and Hooli compete for orders across Europe.
"""


def test_verification_stem_names_the_subject_the_article_keeps_naming() -> None:
    drafts = [d for d in _drafts(TOPIC) if d.key.startswith("Initech employs")]
    assert drafts
    assert drafts[0].stem == "Which statement about Initech does the article support?"
    # the name in the stem is the same in every option: never a changed fact
    assert all(o.startswith("Initech employs") for o in _options(drafts[0]))


def test_verification_stem_stays_bare_when_the_subject_is_named_once() -> None:
    once = TOPIC.replace("Initech employs", "Contoso employs")
    drafts = [d for d in _drafts(once) if d.key.startswith("Contoso employs")]
    assert drafts
    assert all(d.stem == "Which statement does the article support?" for d in drafts)


def test_a_leading_clause_marked_by_a_scene_word_is_cut() -> None:
    text = STORY.replace("In Berlin, Acme", "With Hooli distracted, Acme")
    drafts = [d for d in _drafts(text) if "plant" in d.key]
    assert drafts and all(o.startswith("Acme opened") for o in _options(drafts[0]))


def test_a_leading_attribution_or_time_phrase_is_never_cut() -> None:
    for lead in ("According to analysts,", "In 2018,", "For the year as a whole,"):
        text = STORY.replace("In Berlin, Acme", f"{lead} Acme")
        drafts = [d for d in _drafts(text) if "plant" in d.key]
        assert drafts
        assert all(o.startswith(lead.split()[0]) for d in drafts for o in _options(d))


LONG = (
    "Robot makers report results\n\n"
    "Initech sold 3,100 robots to hospitals and care homes in the north of France"
    " during the busy and cold winter months of 2019.\n"
    "Initech employs 640 engineers at its plant in Poland.\n"
    "Globex sold 2,400 robots in Spain.\n"
    "Hooli sold 1,800 robots in Italy.\n"
    "Initech and Hooli compete for orders across Europe.\n"
)


def test_a_long_claim_is_asked_with_three_options_not_four_copies() -> None:
    drafts = [d for d in _drafts(LONG) if "hospitals" in d.key]
    assert drafts
    for d in drafts:
        assert len(d.key.split()) > 22 and len(d.distractors) == 2
    short = [d for d in _drafts(LONG) if d.key.startswith("Initech employs")]
    assert short and len(short[0].distractors) == 3


def test_a_country_beside_a_city_is_never_swapped() -> None:
    text = (
        "Rugby preview\n\nFrance play Ireland in Dublin on Saturday in the Six Nations.\n"
        "France beat Scotland and Wales in Paris earlier this month.\n"
        "Ireland lost to England in London last year.\n"
    )
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if "Dublin" in c.text)
    changed = {m.old for m in false_variants(doc, claim, random.Random(0))}
    assert "Ireland" not in changed and "France" not in changed


def test_both_before_a_plural_noun_needs_its_antecedent() -> None:
    from quizapp.engine.quality import needs_context

    assert needs_context("The price of both benchmark oils has dropped 12% in two days.")
    assert needs_context("Fans of both clubs were kept apart by police.")
    # the two things are named in the text itself
    assert not needs_context("Contoso and Fabrikam have both cut prices this year.")
    assert not needs_context("She was selected for both the 800m and 1500m races.")
    assert not needs_context("Contoso sold both cars and vans in 2019.")


def test_no_trimmed_wrong_option_is_something_the_article_says() -> None:
    text = STORY + "In Munich, Acme opened a plant that employs 480 workers.\n"
    doc = analyse(text)
    for d in _drafts(text):
        for wrong, _ in d.distractors:
            assert wrong.rstrip(".") not in doc.text
    assert all("480 workers" not in t for d in _drafts(text) for t, _ in d.distractors)
