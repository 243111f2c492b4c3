"""Start-up cost of the app against a bare Textual app that draws one label.

Each run is a fresh subprocess that starts the app headless and exits when the first screen has
been drawn (Textual posts `Ready` right after the first paint), so the time covers what a person
waits for: the interpreter, the imports, loading the bundled tree, and the first frame. Peak
memory is each child's own max RSS (from `os.wait4`, not RUSAGE_CHILDREN, which keeps only the
largest child so far). The two kinds of run alternate, so load on the machine hits both alike.

Time is the child's CPU time (user + system, from `os.wait4`): on a shared machine wall time
swings by tens of percent with other load, CPU time much less; wall time is reported as well.

Run with `pytest tests/benchmarks --benchmark-only -s` (the project's addopts skip benchmarks).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.benchmarks.conftest import RATIOS, child_env
from wizard.model.bundled import resolve_tree

ROOT = Path(__file__).resolve().parents[2]
RUNS = 9

# Exit on the first `Ready` (posted by the screen right after its first paint). Wrapping the
# instance's post_message works the same for any App, so both sides are measured alike.
EXIT_ON_FIRST_PAINT = """
import atexit
import sys
from textual import events


def report_peak_rss():
    try:
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except OSError:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak-rss-kib={peak}", file=sys.stderr)


atexit.register(report_peak_rss)

def exit_on_first_paint(app):
    post = app.post_message

    def watch(message):
        result = post(message)
        if isinstance(message, events.Ready):
            app.exit()
        return result

    app.post_message = watch
    return app
"""

BARE = (
    EXIT_ON_FIRST_PAINT
    + """
from textual.app import App
from textual.widgets import Label


class Bare(App[None]):
    def compose(self):
        yield Label("Hello")


exit_on_first_paint(Bare()).run(headless=True)
"""
)

# The bare app again, after loading the same tree the way `wizard run` does: what the engine
# alone adds, so the report can say how much of the difference is the app's own.
BARE_WITH_TREE = (
    EXIT_ON_FIRST_PAINT
    + """
from wizard.model.loader import load_tree

load_tree(sys.argv[1])
"""
    + BARE[len(EXIT_ON_FIRST_PAINT) :]
)

WIZARD = (
    EXIT_ON_FIRST_PAINT
    + """
from wizard.tui.launch import create_app
from wizard.model.loader import load_tree

exit_on_first_paint(create_app(load_tree(sys.argv[1]))).run(headless=True)
"""
)


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_kib: int


def run_once(code: str, *args: str) -> Run:
    """Wall time, CPU time and peak RSS of one `python -c code args` child."""
    env = child_env()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    text = errors.decode(errors="replace")
    assert child.returncode == 0, text
    peak = next(line for line in text.splitlines() if line.startswith("peak-rss-kib="))
    return Run(wall, usage.ru_utime + usage.ru_stime, int(peak.split("=")[1]))


def measure(runs: int = RUNS) -> dict[str, float]:
    """Medians over alternating runs of the three programs, and the ratios."""
    tree = str(resolve_tree(None))
    programs = {"bare": (BARE,), "bare_tree": (BARE_WITH_TREE, tree), "app": (WIZARD, tree)}
    for program in programs.values():
        run_once(*program)  # warm the file cache and the bytecode caches first
    runs_of: dict[str, list[Run]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, program in programs.items():
            runs_of[name].append(run_once(*program))
    result: dict[str, float] = {}
    for name, done in runs_of.items():
        result[f"{name}_cpu_s"] = statistics.median(r.cpu for r in done)
        result[f"{name}_wall_s"] = statistics.median(r.wall for r in done)
        result[f"{name}_peak_kib"] = statistics.median(r.peak_kib for r in done)
    result["time_ratio"] = result["app_cpu_s"] / result["bare_cpu_s"]
    result["wall_ratio"] = result["app_wall_s"] / result["bare_wall_s"]
    result["memory_ratio"] = result["app_peak_kib"] / result["bare_peak_kib"]
    result["engine_ratio"] = result["bare_tree_cpu_s"] / result["bare_cpu_s"]
    result["app_own_ratio"] = result["app_cpu_s"] / result["bare_tree_cpu_s"]
    return result


def test_startup_time_and_memory_against_a_bare_app(benchmark: Any) -> None:
    """Reports (never asserts) the goals (1.2x for time, 1.3x for memory): the whole start (interpreter, imports, loading
    and checking the tree, first frame) and peak memory, each against a bare one-label app.
    `engine_ratio` shows how much of the time is `load_tree` alone, `app_own_ratio` what the
    screens add on top of it."""
    result: dict[str, float] = {}
    benchmark.pedantic(lambda: result.update(measure()), rounds=1, iterations=1)
    benchmark.extra_info.update(result)
    RATIOS["first paint vs a bare one-label Textual app (CPU time)"] = (
        f"{result['time_ratio']:.2f}x (goal 1.2x; wall {result['wall_ratio']:.2f}x; "
        f"load_tree alone {result['engine_ratio']:.2f}x; screens on top {result['app_own_ratio']:.2f}x)"
    )
    RATIOS["peak memory vs a bare one-label Textual app"] = (
        f"{result['memory_ratio']:.2f}x (goal 1.3x; "
        f"{result['app_peak_kib'] / 1024:.0f} MiB vs {result['bare_peak_kib'] / 1024:.0f} MiB)"
    )
