"""Changing page against a bare Textual app switching to a page that holds the same things
(tests/benchmarks/page_child.py: the same heading, pick rule, paragraphs, options and their
hints, drawn with Textual's own widgets): leaving the start screen, and answering a question to
reach the next one.

Each figure is the median over fresh child processes (the two sides alternating) of one key press
until the next page is drawn and the app idle, in CPU time and in wall time (what a person
waits; it swings more with the machine's load, so both are reported); the ratios are printed by
`make bench`, never asserted.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS, child_cpu, child_env
from tests.benchmarks.page_child import bare_pages
from tests.conftest import ROOT

RUNS = 7
CHILD = str(Path(__file__).with_name("page_child.py"))
TREE = str(Path(ROOT) / "trees" / "paraneoplastic.yaml")
STEPS = {
    "start": "leaving the start screen (Enter)",
    "answer": "answering a question, to the next question (a digit)",
}


def step_times(side: str, step: str, pages: str) -> tuple[float, float]:
    """The CPU and wall seconds one child reports for its measured key press."""
    _, output = child_cpu([sys.executable, CHILD, side, step, TREE, pages], str(ROOT))
    said = dict(line.split("=", 1) for line in output.splitlines() if "=" in line)
    return float(said["cpu"]), float(said["wall"])


@pytest.mark.parametrize("step", list(STEPS))
def test_page_change_vs_a_bare_app_with_the_same_page(benchmark: Any, step: str) -> None:
    """Goal 1.5x (issue 16: in wall time, against a bare app with the same options and hints)."""
    assert "PYTHONDONTWRITEBYTECODE" not in child_env()
    pages = json.dumps(bare_pages(TREE, step))
    times: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}

    def measure() -> None:
        for side in times:  # warm-up: bytecode and file caches
            step_times(side, step, pages)
        for _ in range(RUNS):
            for side, done in times.items():
                done.append(step_times(side, step, pages))

    benchmark.pedantic(measure, rounds=1, iterations=1)
    cpu = {side: statistics.median(c for c, _ in done) for side, done in times.items()}
    wall = {side: statistics.median(w for _, w in done) for side, done in times.items()}
    benchmark.extra_info.update(
        app_cpu_s=cpu["app"], bare_cpu_s=cpu["bare"], app_wall_s=wall["app"],
        bare_wall_s=wall["bare"],
    )
    RATIOS[f"{STEPS[step]} vs a bare Textual app showing the same page (wall)"] = (
        f"{wall['app'] / wall['bare']:.2f}x (goal 1.5x; {wall['app'] * 1e3:.0f} ms vs "
        f"{wall['bare'] * 1e3:.0f} ms)"
    )
    RATIOS[f"{STEPS[step]} vs a bare Textual app showing the same page (CPU)"] = (
        f"{cpu['app'] / cpu['bare']:.2f}x ({cpu['app'] * 1e3:.0f} ms vs "
        f"{cpu['bare'] * 1e3:.0f} ms)"
    )
