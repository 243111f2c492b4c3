"""Benchmark helpers: generated trees of a given size, and a ratio table printed at the end.

Ratios are measured against a baseline in the same run (never absolute timings), so they mean
the same on a slow CI machine and a fast laptop.
"""

from __future__ import annotations

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
