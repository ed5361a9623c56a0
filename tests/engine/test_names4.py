"""Which capitalised word beside a name means a longer name (``distractors.reliable_name``).

A member's letters ("MP"), a weekday or month, or a common word opening the sentence ("But
Hollis") is no part of the name; a title ("Mr", "Sir"), a word inside a title of a work, a
squad's initial, "The" and a capitalised word after the name still are. The mentions are set
by hand so that the rule is tested, not the model's labels.
"""

from __future__ import annotations

import re
from collections import Counter

from quizapp.engine.distractors import reliable_name
from quizapp.engine.document import Document, analyse
from quizapp.engine.nlp import Mention

# Written for these tests.
STORY = """Kestrel chief quits after audit

Martin Hollis, the chief executive of Kestrel Foods, resigned on Tuesday after an audit. \
Mr Hollis said the losses were his own responsibility, and Sir Ian Pratt agreed. \
But Hollis will stay on as an adviser, Dr Pratt said. \
"But Sir Ian Pratt's review is not finished," said Lena Ortiz. Later, Mrs Ortiz left. \
The documentary No More Mr Grumpy was shown on the same night. \
Iranian President Reza Karimi welcomed the audit. \
If Fox wins the auction, the rights go to Twentieth Century Fox. \
In Bruges was praised by critics, and In Bruges is back in cinemas. \
On Monday Kestrel Foods confirmed the order. \
In London, the shares fell. Analysts in London were surprised. \
The Blues had looked certain to win, and fans of the Blues cheered. But Mr Hollis did not. \
Squad: A Foley (Munster), B Kerr (Ulster). Foley is the only new cap. \
Singer June Carter was at the launch. Carter left early. Labour MP Ann Reid did not. \
The loan from China Construction Bank was repaid. \
Mr Kipling cakes were sold at the launch.
"""

NAMES = {
    "Martin Hollis": "PERSON",
    "Hollis": "PERSON",
    "Ian Pratt": "PERSON",
    "Pratt": "PERSON",
    "Lena Ortiz": "PERSON",
    "Ortiz": "PERSON",
    "Grumpy": "PERSON",
    "Reza Karimi": "PERSON",
    "Fox": "PERSON",
    "Twentieth Century Fox": "ORG",
    "Bruges": "GPE",
    "Kestrel Foods": "ORG",
    "London": "GPE",
    "Blues": "PERSON",
    "Foley": "PERSON",
    "Kerr": "PERSON",
    "Carter": "PERSON",
    "Ann Reid": "PERSON",
    "China": "GPE",
    "Kipling": "ORG",
}


def _doc() -> Document:
    """STORY with the mentions of NAMES (longest first, never overlapping)."""
    doc = analyse(STORY)
    taken: list[tuple[int, int]] = []
    mentions = []
    for name, label in sorted(NAMES.items(), key=lambda kv: -len(kv[0])):
        for hit in re.finditer(rf"\b{re.escape(name)}\b", STORY):
            a, b = hit.span()
            if any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            mentions.append(Mention(a, b, name, label, label))
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    doc.mention_counts = Counter(m.text for m in doc.mentions)
    return doc


DOC = _doc()


def _at(before: str, name: str) -> Mention:
    """The mention of ``name`` right after the text ``before``."""
    start = STORY.index(before + name) + len(before)
    return next(m for m in DOC.mentions if m.start == start and m.text == name)


def test_a_title_still_counts_as_part_of_the_name() -> None:
    # a title of a work; "Mr _____" blanks on the story's subject; a knighthood the wrong
    # options lack; a title before a company's name ("Mr Kipling cakes")
    assert not reliable_name(DOC, _at("No More Mr ", "Grumpy"))
    assert not reliable_name(DOC, _at("Mr ", "Hollis"))
    assert not reliable_name(DOC, _at("and Sir ", "Ian Pratt"))
    assert not reliable_name(DOC, _at("Iranian President ", "Reza Karimi"))
    assert not reliable_name(DOC, _at("Mr ", "Kipling"))


def test_a_members_letters_are_no_part_of_the_name() -> None:
    assert reliable_name(DOC, _at("Labour MP ", "Ann Reid"))


def test_a_common_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    assert reliable_name(DOC, _at("agreed. But ", "Hollis"))
    assert reliable_name(DOC, _at("order. In ", "London"))


def test_an_opening_word_needs_the_name_used_without_it_elsewhere() -> None:
    # "Fox" stands alone only here ("Twentieth Century Fox" is another name): the model's guess
    assert not reliable_name(DOC, _at("audit. If ", "Fox"))
    # "In Bruges" twice is a film's title both times
    assert not reliable_name(DOC, _at("Fox. In ", "Bruges"))


def test_the_and_initials_and_first_names_before_a_name_still_mean_a_longer_name() -> None:
    assert not reliable_name(DOC, _at("surprised. The ", "Blues"))
    assert not reliable_name(DOC, _at("Squad: A ", "Foley"))
    # "June" before a surname is a first name, not a month
    assert not reliable_name(DOC, _at("Singer June ", "Carter"))


def test_a_weekday_is_no_part_of_a_name() -> None:
    assert reliable_name(DOC, _at("On Monday ", "Kestrel Foods"))


def test_a_capitalised_word_after_a_name_still_means_a_longer_name() -> None:
    # "China Construction Bank", never the country
    assert not reliable_name(DOC, _at("loan from ", "China"))
