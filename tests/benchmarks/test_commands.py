"""`wizard check` and `wizard walk` on the bundled tree against `python -c 'import yaml,
transitions'`: what a command costs beyond the two libraries it cannot do without.

Each figure is the median CPU time (user + system) of fresh child processes, the three commands
alternating; the ratio is printed by `make bench`, never asserted.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.benchmarks.conftest import RATIOS, median_cpu
from tests.conftest import ROOT

RUNS = 9
TREE = "trees/paraneoplastic.yaml"
WALK_ANSWERS = [
    *("-a", "red_flags=none", "-a", "body_system=skin"),
    *("-a", "cancer_status=treating", "-a", "treatments_taken=steroids"),
]
COMMANDS = {
    "baseline": [sys.executable, "-c", "import yaml, transitions"],
    "check": [sys.executable, "-m", "wizard", "check", TREE],
    "walk": [sys.executable, "-m", "wizard", "walk", TREE, *WALK_ANSWERS],
}


def test_check_and_walk_vs_importing_yaml_and_transitions(benchmark: Any) -> None:
    """Goals (issue 16): `check` at most 2x, `walk` at most 1.5x; reported, never asserted."""
    result: dict[str, float] = {}
    benchmark.pedantic(
        lambda: result.update(median_cpu(COMMANDS, RUNS, str(ROOT))), rounds=1, iterations=1
    )
    benchmark.extra_info.update(result)
    for name, goal in (("check", "2x"), ("walk", "1.5x")):
        ratio = result[name] / result["baseline"]
        RATIOS[f"wizard {name} (bundled tree) vs python -c 'import yaml, transitions' (CPU)"] = (
            f"{ratio:.2f}x (goal {goal}; {result[name] * 1e3:.0f} ms vs "
            f"{result['baseline'] * 1e3:.0f} ms)"
        )
