"""Every registered question kind and mutation type has its own tests."""

from __future__ import annotations

from quizapp.engine import KINDS
from quizapp.engine.kinds import GENERATED, REGISTRY, QuestionKind
from quizapp.engine.mutations import MUTATIONS
from tests.engine import test_kinds, test_mutations


def test_every_kind_is_tested() -> None:
    assert set(test_kinds.KIND_CASES) == set(KINDS)


def test_every_kind_is_registered_once_and_generated_ones_have_a_generator() -> None:
    assert set(REGISTRY) == set(QuestionKind)
    assert all(name == kind.name for name, kind in REGISTRY.items())
    assert {kind.name for kind in GENERATED} == set(KINDS)
    assert len({kind.label for kind in REGISTRY.values()}) == len(REGISTRY)


def test_every_mutation_is_tested() -> None:
    assert set(test_mutations.CASES) == set(MUTATIONS)
    assert test_kinds.FALSE_TYPES == set(MUTATIONS)
