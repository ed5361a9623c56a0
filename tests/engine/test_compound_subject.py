"""A pronoun after a subject of two people has no one antecedent: "Peter Banda and John Cole
told reporters ... Meanwhile, he said ..." names neither of them (a wrong key waiting to happen
if "he" were read as the first name)."""

from __future__ import annotations

from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse

PAIR = """Talks on the port deal stall

Union leaders met the harbour board on Monday to discuss the new pay offer for dockers.

Peter Banda and John Cole told reporters that the offer was not good enough.

Meanwhile, he said the union would ballot its 4,000 members next week.
"""

ONE = """Talks on the port deal stall

Union leaders met the harbour board on Monday to discuss the new pay offer for dockers.

Peter Banda told reporters that the offer was not good enough.

Meanwhile, he said the union would ballot its 4,000 members next week.
"""


def _subst(text: str) -> str | None:
    claim = next(c for c in extract_claims(analyse(text)) if "ballot" in c.text)
    return claim.subst[2] if claim.subst is not None else None


def test_a_pronoun_after_two_named_subjects_is_not_resolved() -> None:
    assert _subst(PAIR) is None


def test_a_pronoun_after_one_named_subject_still_is() -> None:
    assert _subst(ONE) == "Peter Banda"
