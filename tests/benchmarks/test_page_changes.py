"""Changing page against a bare Textual app switching to a page that holds the same kinds of
widgets (tests/benchmarks/page_child.py): leaving the start screen, and answering a question to
reach the next one.

Each figure is the median over fresh child processes (the two sides alternating) of the CPU time
of one key press until the next page is drawn and the app idle; the ratio is printed by
`make bench`, never asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS, child_cpu, child_env
from tests.conftest import ROOT

RUNS = 7
CHILD = str(Path(__file__).with_name("page_child.py"))
TREE = str(Path(ROOT) / "trees" / "paraneoplastic.yaml")
STEPS = {
    "start": "leaving the start screen (Enter)",
    "answer": "answering a question, to the next question (a digit)",
}


def step_cpu(side: str, step: str) -> float:
    """The CPU seconds one child reports for its measured key press."""
    _, output = child_cpu([sys.executable, CHILD, side, step, TREE], str(ROOT))
    return float(
        next(line for line in output.splitlines() if line.startswith("cpu=")).split("=")[1]
    )


@pytest.mark.parametrize("step", list(STEPS))
def test_page_change_vs_a_bare_screen_switch(benchmark: Any, step: str) -> None:
    """Goal 1.5x."""
    assert "PYTHONDONTWRITEBYTECODE" not in child_env()
    times: dict[str, list[float]] = {"app": [], "bare": []}

    def measure() -> None:
        for side in times:  # warm-up: bytecode and file caches
            step_cpu(side, step)
        for _ in range(RUNS):
            for side, done in times.items():
                done.append(step_cpu(side, step))

    benchmark.pedantic(measure, rounds=1, iterations=1)
    app, bare = (sorted(times[side])[RUNS // 2] for side in ("app", "bare"))
    benchmark.extra_info.update(app_cpu_s=app, bare_cpu_s=bare)
    RATIOS[f"{STEPS[step]} vs a bare Textual screen switch (CPU)"] = (
        f"{app / bare:.2f}x (goal 1.5x; {app * 1e3:.0f} ms vs {bare * 1e3:.0f} ms)"
    )
