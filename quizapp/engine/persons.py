"""A person's sex as the article itself states it, for person questions in gendered stems.

A stem that says "his" or "Mr" gives the key away when a wrong option is a woman (blind editors'
reason for refusing such items). When the article states every option's sex, and all agree with
the key's, the pronoun tells nothing: the item is fair. The evidence is the article's own
titles before the name ("Mr Howard", "Mrs Thatcher"); pronouns are not evidence ("presenter
Anne Robinson said he ..." speaks of someone else). Anything mixed or missing is unknown.
"""

from __future__ import annotations

import re

from quizapp.engine.document import Document

_MALE_TITLES = frozenset({"mr", "sir", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame"})
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame)\.? $")


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _refers_to(mention_text: str, name: str) -> bool:
    """Whether a mention is the named person: the full name or the surname alone."""
    words = mention_text.split()
    if len(words) > 1 and words[0].rstrip(".").lower() in _MALE_TITLES | _FEMALE_TITLES:
        mention_text = " ".join(words[1:])
    if mention_text == name:
        return True
    return _surname(mention_text) == _surname(name) and (
        len(mention_text.split()) == 1 or len(name.split()) == 1
    )


def stated_sex(doc: Document, name: str) -> str | None:
    """ "m" or "f" when the article's titles before the name agree on it, else None."""
    male = female = 0
    for sentence in doc.sentences:
        for m in sentence.mentions:
            if m.label != "PERSON" or not _refers_to(m.text, name):
                continue
            # the title before the name, or the model's name span starting with it
            before = _TITLE_BEFORE.search(doc.text[max(0, m.start - 8) : m.start])
            first = m.text.split()[0].rstrip(".").lower() if m.text.split() else ""
            word = before.group(1).lower() if before else first
            if word in _MALE_TITLES | _FEMALE_TITLES:
                male += word in _MALE_TITLES
                female += word in _FEMALE_TITLES
    if male and not female:
        return "m"
    if female and not male:
        return "f"
    return None
