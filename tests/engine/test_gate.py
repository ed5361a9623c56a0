"""The quality gate, one rule at a time."""

from __future__ import annotations

import pytest

from quizapp.engine.gate import check_question

ART = "Acme sold 4,200 robots in 2019. Globex sold 3,100 robots."
EV = (0, 31)


def _check(kind: str, stem: str, opts: list[tuple[str, bool]], ev=EV) -> list[str]:
    return check_question(kind, stem, opts, ev, ART)


def test_passes_clean_question() -> None:
    opts = [("2,100", False), ("3,600", False), ("4,200", True), ("5,500", False)]
    assert _check("fact_recall", "How many robots did Acme sell in 2019?", opts) == []


@pytest.mark.parametrize(
    ("opts", "reason"),
    [
        ([("1", True), ("2", True), ("3", False)], "needs exactly one correct option"),
        ([("1", False), ("2", False), ("3", False)], "needs exactly one correct option"),
        ([("1", True), ("2", False)], "needs 3 or 4 options (2 for true/false)"),
        ([("Acme", True), ("acme.", False), ("Globex", False)], "duplicate options"),
        (
            [("4,200", True), ("Globex", False), ("3,100", False)],
            "options differ in type or format",
        ),
        (
            [("$1.5bn", True), ("£1.2bn", False), ("$1.1bn", False)],
            "options differ in type or format",
        ),
        (
            [("Initech Holdings", True), ("Acme", False), ("Globex", False)],
            "key is the only longest option",
        ),
        ([("30", True), ("20", False), ("40", False)], "numeric options not in ascending order"),
        (
            [("Acme", True), ("Globex", False), ("None of the above", False)],
            "all/none of the above",
        ),
    ],
)
def test_rejections(opts: list[tuple[str, bool]], reason: str) -> None:
    assert reason in _check("fact_recall", "Which firm sold robots?", opts)


@pytest.mark.parametrize(
    "opts",
    [
        # a letter or two longer: no cue a reader sees (2.19.0; refused before)
        [("Marta Kovalenko", True), ("Pieter Anders", False), ("Jonas Brehm", False)],
        [("Initech", True), ("Globex", False), ("Umbrel", False)],
        [("three", True), ("four", False), ("five", False)],
    ],
)
def test_key_a_little_longer_passes(opts: list[tuple[str, bool]]) -> None:
    assert "key is the only longest option" not in _check("fact_recall", "Who sold robots?", opts)


@pytest.mark.parametrize(
    "opts",
    [
        # a word more than every wrong option, or a quarter more characters
        [("Initech Holdings", True), ("Initech", False), ("Globex", False)],
        [("Wolverhampton", True), ("Leeds", False), ("Bristol", False)],
    ],
)
def test_key_much_longer_is_refused(opts: list[tuple[str, bool]]) -> None:
    assert "key is the only longest option" in _check("fact_recall", "Who sold robots?", opts)


def test_stem_contains_key() -> None:
    opts = [("Acme", True), ("Globex", False), ("Initech", False)]
    assert "stem contains the answer" in _check("fact_recall", "Did Acme sell robots?", opts)


def test_evidence_must_be_in_article() -> None:
    opts = [("Acme", True), ("Globex", False), ("Initech", False)]
    assert "evidence is not a span of the article" in _check(
        "fact_recall", "Which firm sold 4,200 robots?", opts, ev=(50, 500)
    )
    assert "evidence is not a span of the article" in _check(
        "fact_recall", "Which firm sold 4,200 robots?", opts, ev=None
    )


def test_true_false_rules() -> None:
    ok = [("True", True), ("False", False)]
    assert _check("true_false", "True or false: the article says that Acme sold robots.", ok) == []
    bad = [("False", True), ("True", False)]
    assert "true/false options must be True then False" in _check("true_false", "Stem", bad)


def test_verification_distractor_stated_by_article() -> None:
    opts = [
        ("Acme sold 4,200 robots in 2019.", True),
        ("Globex sold 3,100 robots.", False),
        ("Acme sold 5,200 robots in 2019.", False),
    ]
    assert "a distractor is stated by the article" in _check(
        "claim_verification", "Which statement does the article support?", opts
    )


def test_unknown_kind() -> None:
    assert "unknown question kind" in _check("essay", "Why?", [("a", True), ("b", False)])


def test_fixed_option_kinds_need_their_options_in_order() -> None:
    from quizapp.engine.gate import R_TF

    assert _check("true_false", "Acme sold robots?", [("True", True), ("False", False)]) == []
    assert R_TF in _check("true_false", "Acme sold robots?", [("False", True), ("True", False)])


def test_verdict_questions_get_only_the_structural_checks() -> None:
    from quizapp.engine.gate import R_DUP, R_ONE_KEY

    labels = [("Accurate", True), ("Misleading", False), ("False", False), ("Unverifiable", False)]
    # Fixed labels: the key may be the longest, and the options are of no one format.
    assert _check("verdict", "Is this accurate?", labels) == []
    reasons = _check("verdict", "Is this accurate?", [("Accurate", True), ("accurate", True)])
    assert R_DUP in reasons and R_ONE_KEY in reasons
