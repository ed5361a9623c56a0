"""The shared "the <noun>" scan of the description rules (quizapp.engine.descriptions)."""

from __future__ import annotations

from quizapp.engine.descriptions import definite_phrases
from quizapp.engine.nlp import get_nlp

ROLES = frozenset({"minister", "executive"})
TWO = frozenset({("chief", "executive")})


def _phrases(
    text: str, nouns: frozenset[str], two_word: frozenset[tuple[str, str]] = frozenset()
) -> list[tuple[str, str, str]]:
    toks = list(get_nlp()(text))
    return [
        (p.lead.text if p.lead is not None else "", p.noun.text, p.after.text if p.after else "")
        for p in definite_phrases(toks, nouns, two_word=two_word)
    ]


def test_a_two_word_role_is_read_as_one() -> None:
    said = "Later the chief executive told staff that the minister had agreed."
    assert _phrases(said, ROLES, two_word=TWO) == [
        ("chief", "executive", "told"),
        ("", "minister", "had"),
    ]
    # without the pair, "the chief executive" has no role noun right after "the"
    assert _phrases(said, ROLES) == [("", "minister", "had")]


def test_a_noun_that_modifies_another_is_no_phrase() -> None:
    industry = "Shares in the film industry fell sharply on Monday."
    assert _phrases(industry, frozenset({"film"})) == []
    got = _phrases("The film opened in Leeds on Friday.", frozenset({"film"}))
    assert got == [("", "film", "opened")]
