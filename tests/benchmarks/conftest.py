"""Benchmark helpers: generated trees of a given size, and a ratio table printed at the end.

Ratios are measured against a baseline in the same run (never absolute timings), so they mean
the same on a slow CI machine and a fast laptop.
"""

from __future__ import annotations

import os
import statistics
import subprocess
from typing import Any

import yaml

RATIOS: dict[str, str] = {}


def generated_tree_text(size: int) -> str:
    """A valid tree of `size` nodes: choices that branch forward, facts, treatments, an outcome."""
    nodes: dict[str, Any] = {}
    for i in range(size - 1):
        here, step, jump = f"n{i}", f"n{i + 1}", f"n{min(i + 2, size - 1)}"
        nodes[here] = {
            "kind": "choice",
            "prompt": f"Question {i}?",
            "options": [
                {"id": "a", "label": "First answer", "sets": [f"f{i % 50}"]},
                {"id": "b", "label": "Second answer", "sets": [f"g{i % 50}"]},
                {"id": "c", "label": "Third answer"},
            ],
            "next": [
                {"when": {"all": [f"f{i % 50}", f"g{(i + 1) % 50}"]}, "go": jump},
                {"go": step},
            ],
        }
    nodes[f"n{size - 1}"] = {"kind": "outcome", "title": "Done"}
    tree = {
        "format": 1,
        "id": "bench",
        "title": "Benchmark",
        "version": "1",
        "review": {"last_reviewed": "2026-01-01", "next_review": "2027-01-01"},
        "disclaimer": "Benchmark only.",
        "start": "n0",
        "sources": {"s": {"title": "S"}},
        "groups": [{"id": "g", "title": "G"}],
        "nodes": nodes,
        "treatments": {
            f"t{k}": {
                "name": f"T{k}",
                "group": "g",
                "about": "About.",
                "when": {"any": [f"f{k}", f"g{k}"]},
                "sources": ["s"],
            }
            for k in range(50)
        },
    }
    return yaml.safe_dump(tree, sort_keys=False)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if RATIOS:
        terminalreporter.section("ratios against the baseline in this run")
        for name, value in RATIOS.items():
            terminalreporter.write_line(f"{name}: {value}")


def child_env() -> dict[str, str]:
    """The environment for a measured child: bytecode caching on, as for an installed program.

    With PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) every child would compile
    the project's modules from source each run while the libraries it is compared with load
    their cached bytecode: a cost no installed copy pays. The warm-up run writes the caches.
    """
    env = {**os.environ, "TEXTUAL": ""}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def child_cpu(command: list[str], cwd: str | None = None) -> tuple[float, str]:
    """CPU time (user + system) of one child process, from `os.wait4`, and what it printed.

    CPU time rather than wall time: on a shared machine wall time swings with other load,
    CPU time much less. Raises AssertionError when the child fails.
    """
    child = subprocess.Popen(
        command,
        cwd=cwd,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    output = child.stdout.read().decode(errors="replace")
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, output
    return usage.ru_utime + usage.ru_stime, output


def median_cpu(
    commands: dict[str, list[str]], runs: int, cwd: str | None = None
) -> dict[str, float]:
    """The median CPU time of each command over `runs` rounds, the commands alternating so
    that load on the machine hits them alike (after one warm-up round for the file caches)."""
    for command in commands.values():
        child_cpu(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(child_cpu(command, cwd)[0])
    return {name: statistics.median(done) for name, done in times.items()}
