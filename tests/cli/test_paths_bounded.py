"""Bounded work in `wizard paths`: routes are printed as they are found, and memory does not
grow with `--limit` (it passed 800 MB before printing anything at `--limit 1000000`).
No clocks: the tests count routes and measure allocations (tracemalloc)."""

from __future__ import annotations

import io
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wizard.cli.main import main
from wizard.model import paths


def _chain(tmp_path: Path, questions: int = 8, options: int = 4) -> Path:
    """A small file with options^questions routes (4^8 = 65,536)."""
    nodes = []
    for i in range(questions):
        after = f"q{i + 1}" if i < questions - 1 else "end"
        picks = "\n".join(
            f"      - {{id: o{j}, label: Answer {j}, sets: [f{i}_{j}]}}" for j in range(options)
        )
        nodes.append(f"  q{i}:\n    kind: choice\n    prompt: Question {i}?\n    options:\n"
                     f"{picks}\n    next: {after}")
    items = "\n".join(
        f"  t{i}: {{name: T{i}, group: g, about: About {i}., when: {{any: [f{i}_0, f{i}_1]}}}}"
        for i in range(questions)
    )
    path = tmp_path / "chain.yaml"
    path.write_text(
        'format: 1\nid: chain\ntitle: Chain\nversion: "1"\n'
        'review: {last_reviewed: "2026-01-01", next_review: "2027-01-01"}\n'
        "disclaimer: For tests only.\nstart: q0\ngroups:\n  - {id: g, title: Group}\n"
        "nodes:\n" + "\n".join(nodes) + "\n  end: {kind: outcome, title: Done}\n"
        "treatments:\n" + items + "\n",
        encoding="utf-8",
    )
    return path


class _Sink(io.StringIO):
    """Standard output that keeps nothing, and notes how many routes had been found when the
    first route was written."""

    def __init__(self, found: list[int]) -> None:
        super().__init__()
        self.found = found
        self.first_route_at: int | None = None
        self.written = 0

    def write(self, text: str) -> int:
        if self.first_route_at is None and '"answers"' in text:
            self.first_route_at = self.found[0]
        self.written += len(text)
        return len(text)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    found = [0]
    real = paths.iter_paths

    def counting(tree: Any, **kwargs: Any) -> Iterator[paths.Route]:
        for route in real(tree, **kwargs):
            found[0] += 1
            yield route

    monkeypatch.setattr(paths, "iter_paths", counting)
    return found


def _run(monkeypatch: pytest.MonkeyPatch, sink: _Sink, *args: str) -> int:
    monkeypatch.setattr(sys, "stdout", sink)
    return main(list(args))


def test_the_first_route_is_printed_before_the_enumeration_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[int]
) -> None:
    sink = _Sink(counted)
    code = _run(monkeypatch, sink, "paths", str(_chain(tmp_path)), "--limit", "500", "-f", "json")
    assert code == 0 and counted[0] >= 500
    assert sink.first_route_at is not None and sink.first_route_at <= 1


def test_memory_does_not_grow_with_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[int]
) -> None:
    tree = str(_chain(tmp_path))
    peaks = {}
    for limit, fmt in ((100, "json"), (1000, "json"), (100, "table"), (1000, "table")):
        sink = _Sink(counted)
        tracemalloc.start()
        try:
            _run(monkeypatch, sink, "paths", tree, "--limit", str(limit), "-f", fmt)
            peaks[limit, fmt] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert sink.written > limit * 50  # every route was written
    # Ten times the routes, well under twice the memory (a list of them grew tenfold).
    assert peaks[1000, "json"] < 1.5 * peaks[100, "json"], peaks
    assert peaks[1000, "table"] < 1.5 * peaks[100, "table"], peaks
