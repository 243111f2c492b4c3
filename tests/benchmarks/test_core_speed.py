"""Load + check + machine build against a bare libyaml load; the cost of one answer step.
(`wizard check` and `wizard walk` against importing yaml and transitions: test_commands.py.)"""

from __future__ import annotations

import timeit

import pytest
import yaml

from tests.benchmarks.conftest import RATIOS, generated_tree_text
from wizard.model.loader import check_text
from wizard.model.machine import Session, _indexes

SIZES = [100, 1_000, 10_000]


def _load_check_build(text: str) -> Session:
    _indexes.clear()  # measure the whole cost, not a cached transition table
    tree, diagnostics = check_text(text, "bench.yaml")
    assert tree is not None, diagnostics[:3]
    return Session(tree)


@pytest.mark.parametrize("size", SIZES)
def test_load_check_build_vs_libyaml(benchmark, size: int) -> None:  # type: ignore[no-untyped-def]
    text = generated_tree_text(size)
    repeat = 3 if size == 10_000 else 7
    baseline = min(
        timeit.repeat(lambda: yaml.load(text, Loader=yaml.CSafeLoader), number=1, repeat=repeat)
    )
    benchmark.pedantic(_load_check_build, args=(text,), rounds=repeat, iterations=1)
    ratio = benchmark.stats.stats.min / baseline
    benchmark.extra_info["ratio_vs_libyaml"] = round(ratio, 2)
    RATIOS[f"load+check+build, {size} nodes, vs yaml.load(CSafeLoader)"] = (
        f"{ratio:.2f}x ({benchmark.stats.stats.min * 1e3:.1f} ms vs {baseline * 1e3:.1f} ms)"
    )


def test_one_answer_step_at_10000_nodes(benchmark) -> None:  # type: ignore[no-untyped-def]
    tree, _ = check_text(generated_tree_text(10_000), "bench.yaml")
    assert tree is not None
    steps = 200

    def fresh() -> tuple[tuple[Session], dict[str, object]]:
        return (Session(tree),), {}

    def answer_steps(session: Session) -> None:
        for _ in range(steps):
            session.answer(["c"])

    baseline = min(timeit.repeat(lambda: frozenset({"x"}) | {"y"}, number=steps, repeat=5))
    benchmark.pedantic(answer_steps, setup=fresh, rounds=10, iterations=1)
    per_step = benchmark.stats.stats.min / steps
    benchmark.extra_info["per_step_us"] = round(per_step * 1e6, 1)
    RATIOS["one answer step at 10,000 nodes"] = (
        f"{per_step * 1e6:.1f} us (goal < 50 us; {per_step / (baseline / steps):.0f}x a set union)"
    )
