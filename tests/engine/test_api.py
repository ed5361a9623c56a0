"""The public interface the app codes against: shape, offsets, determinism, targets."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from quizapp.engine import GENERATOR_VERSION, KINDS, GenerationResult, generate
from quizapp.engine.gate import check_question
from tests.engine.helpers import WRITTEN, cached_generate, seed_text


def _assert_valid(result: GenerationResult, text: str) -> None:
    for c in result.claims:
        assert text[c.start : c.end] == c.text
        assert 0.0 <= c.score <= 1.0
    for q in result.questions:
        assert q.kind in KINDS
        assert text[q.evidence.start : q.evidence.end] == q.evidence.text
        assert (
            check_question(
                q.kind,
                q.stem,
                [(o.text, o.correct) for o in q.options],
                (q.evidence.start, q.evidence.end),
                text,
            )
            == []
        )
        assert q.claim_id in {c.id for c in result.claims}
        assert q.evidence.text in q.explanation
        for o in q.options:
            assert (o.mutation is None) if o.correct else True


def test_seed_targets() -> None:
    text = seed_text()
    r = cached_generate(text)
    assert r.article.title is None
    # 7 since the blind-judged rules (bench/RESULTS.md): fewer copied statements, none made
    # by a pronoun resolved by rule or an antonym; 12 before; 6 since 2.17.0, which drops the
    # verification item that swapped the maker of a named chip (refused by blind judges)
    assert len(r.questions) >= 6
    assert len({q.kind for q in r.questions}) >= 2
    assert len({q.evidence.start for q in r.questions}) >= 6
    assert "engine error" not in r.rejected
    _assert_valid(r, text)


def test_json_shape_and_order() -> None:
    r = cached_generate(seed_text())
    d = json.loads(r.to_json())
    assert list(d) == ["article", "generator", "claims", "questions", "rejected"]
    assert list(d["article"]) == ["title", "sha256", "characters"]
    assert d["generator"] == {"version": GENERATOR_VERSION, "seed": 0}
    assert list(d["claims"][0]) == ["id", "text", "start", "end", "score"]
    q = d["questions"][0]
    assert list(q) == ["kind", "stem", "claim_id", "explanation", "options", "evidence"]
    assert list(q["options"][0]) == ["text", "correct", "mutation"]
    assert list(q["evidence"]) == ["start", "end", "text"]
    assert r.to_dict() == d


@pytest.mark.slow  # about 1 s: four full generations
def test_deterministic() -> None:
    text = seed_text()
    assert generate(text, seed=3).to_json() == generate(text, seed=3).to_json()
    assert generate(WRITTEN, seed=1).to_json() == generate(WRITTEN, seed=1).to_json()


def test_title_detected_and_not_a_claim() -> None:
    r = cached_generate(WRITTEN)
    assert r.article.title == "Robot sales climb at Acme"
    assert all(c.start > len("Robot sales climb at Acme") for c in r.claims)
    _assert_valid(r, WRITTEN)
    assert generate(WRITTEN, title="Given").article.title == "Given"


def test_headings_and_tldr_are_not_claims() -> None:
    text = seed_text()
    r = cached_generate(text)
    for c in r.claims:
        assert "\n" not in c.text
        assert not c.text.startswith("TLDR")
        assert c.text not in {"Approval Opens Path for Major Chinese Tech Companies"}


def test_repeated_claims_merged() -> None:
    r = cached_generate(seed_text())
    norm = [" ".join(c.text.lower().split()) for c in r.claims]
    assert len(norm) == len(set(norm))
    # the TLDR bullet about the approval is said again in the body: one claim, not two
    approvals = [c for c in r.claims if c.text.startswith("China has approved the import")]
    assert len(approvals) == 1


def test_key_positions_spread() -> None:
    r = cached_generate(seed_text())
    mc = [q for q in r.questions if q.kind != "true_false" and len(q.options) == 4]
    counts = Counter(q.key_index for q in mc)
    assert max(counts.values()) - min(counts.get(i, 0) for i in range(4)) <= 2
    tf = Counter(q.key_index for q in r.questions if q.kind == "true_false")
    # "roughly uniform" (RUBRIC rule 20, a chi-square test): 5 true / 3 false of 8 is far from
    # significant; the seed runs short of false statements that are really false. Since 2.4.0
    # the seed's "_____'s H200" recall item (given away by "Nvidia's H200" elsewhere) is
    # replaced by a true statement: 4 true / 1 false, within the engine's TF_IMBALANCE.
    assert abs(tf[0] - tf[1]) <= 3


def test_sha_and_characters() -> None:
    import hashlib

    r = generate("Café ✓", seed=0)
    assert r.article.sha256 == hashlib.sha256("Café ✓".encode()).hexdigest()
    assert r.article.characters == 6


def test_max_questions_respected() -> None:
    r = generate(seed_text(), max_questions=5)
    assert len(r.questions) == 5
    assert generate(seed_text(), max_questions=0).questions == []


def test_an_internal_failure_raises_engine_error_not_an_empty_quiz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug in the engine must not pass for an article with nothing to ask."""
    import quizapp.engine as engine

    def broken(text: str) -> None:
        raise RuntimeError("a bug in the analysis")

    monkeypatch.setattr(engine, "analyse", broken)
    with pytest.raises(engine.EngineError, match="question generation failed") as caught:
        engine.generate("Acme Corp hired 300 workers in Ohio last year.", seed=3)
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert "a bug in the analysis" in str(caught.value.__cause__)
