"""Arbitrary text never makes the engine raise, and whatever it emits passes the gate."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.engine import generate
from quizapp.engine.select import gate_question
from tests.engine.helpers import WRITTEN, seed_text

_SETTINGS = settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, seed: int = 0) -> None:
    r = generate(text, seed=seed)
    assert "engine error" not in r.rejected
    assert r.article.characters == len(text)
    for c in r.claims:
        assert text[c.start : c.end] == c.text
    for q in r.questions:
        assert gate_question(q, text) == []


@_SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


_pieces = st.sampled_from(
    [
        "TLDR",
        "- ",
        "* ",
        "\u2022 ",
        "# Heading",
        "<p>",
        "</p>",
        "<h1>Title</h1>",
        "&amp;",
        "\n",
        "\n\n",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u00a0",
        "\x00",
        "\x1b",
        "\u200b",
        "\U0001f600",
        "Le gouvernement a approuvé 12 % des projets.",
        "中国批准了进口。",
        "Acme sold 4,200 robots in 2019.",
        "Profits rose 12% to $1.45bn.",
        "Globex, Initech and Acme signed the deal on Tuesday.",
        "1. First item",
        " ",
    ]
)


@_SETTINGS
@given(st.lists(_pieces, max_size=40), st.integers(min_value=0, max_value=5))
def test_article_like_text(parts: list[str], seed: int) -> None:
    _check("".join(parts), seed)


@pytest.mark.slow  # about 5 s: fifteen runs of the engine on the whole seed article
@settings(deadline=None, max_examples=15)
@given(st.integers(0, 3000), st.integers(0, 400), st.text(max_size=30))
def test_cut_and_spliced_seed(a: int, n: int, junk: str) -> None:
    text = seed_text()
    _check(text[:a] + junk + text[a + n :])


def test_edge_cases() -> None:
    for text in [
        "",
        " ",
        "word",
        "\n\n\n",
        "TLDR\n- \n-",
        "A\n\nB",
        "?" * 100,
        "Heading Only\nAnother Heading\n",
        "<html><body></body></html>",
    ]:
        _check(text)


@pytest.mark.slow  # about 90 s: the engine on one megabyte of text
def test_one_megabyte() -> None:
    base = WRITTEN + "\n" + seed_text() + "\n"
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    _check(text)
