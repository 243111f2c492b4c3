"""What the web load benchmarks share (test_web_load, test_quiz_load, test_classroom_load): a
real `wizard serve` process, rounds of many clients with and without people's pauses, and the
figures each reports (latency median and p95, rate, the server's resident memory).

Why one place: each benchmark is a different crowd (visitors, learners alone, a room), but how
a server is started for load (its access log off, every client from 127.0.0.1 let in) and what a
round's figures mean must be the same for all, or their numbers cannot stand side by side.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.benchmarks.conftest import RATIOS
from tests.web.test_serve_e2e import free_port, stop, wait_for_port
from wizard.model.bundled import resolve_tree

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 200
REQUEST_SECONDS = 30

Round = Callable[[float], Coroutine[Any, Any, dict[str, float]]]
"""One round of the crowd: given the thinking time (0: flat out), its figures."""


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmRSS:")))


def start_server(log: Path, *options: str, env: dict[str, str] | None = None
                 ) -> tuple[subprocess.Popen[bytes], str]:
    """`wizard serve` on the bundled tree with `options`, listening: the process and its
    address. Access log off (the client measures); every client comes from 127.0.0.1, one
    connection each, so the per-client cap is raised above the crowd."""
    port = free_port()
    command = [sys.executable, "-m", "wizard", "serve", str(resolve_tree(None)),
               "--port", str(port), "--max-connections-per-client", str(2 * CLIENTS), *options]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output,
                                   env={**os.environ, **(env or {}), "WIZARD_ACCESS_LOG": "0"},
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    wait_for_port(port, process, log)
    return process, f"http://127.0.0.1:{port}"


@contextmanager
def server(log: Path, *options: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """One server for a module's benchmark, stopped (with what it started) afterwards."""
    process, base = start_server(log, *options)
    try:
        yield process, base
    finally:
        stop(process)


def figures(latencies: list[float], elapsed: float, failures: int, counted: str,
            requests: int | None = None) -> dict[str, float]:
    """A round's figures: how many `counted` things were timed, how many failed, the rate
    (of `requests`, or of the timed ones) and the timed ones' median and p95 in ms."""
    ordered = sorted(latencies)
    return {
        counted: len(ordered),
        "failures": failures,
        "per_second": (len(ordered) if requests is None else requests) / elapsed,
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
    }


def measure(one_round: Round, pids: list[int], think: float, flat_out: int = 1
            ) -> dict[str, Any]:
    """A warm-up round (imports, caches, the first pages), then "thinking" and `flat_out`
    rounds flat out, with the servers' mean RSS after the warm-up, between and after."""
    def rss() -> float:
        return sum(rss_kib(pid) for pid in pids) / len(pids)

    found: dict[str, Any] = {}
    asyncio.run(one_round(0.0))
    found["rss_before_kib"] = rss()
    found["thinking"] = asyncio.run(one_round(think))
    found["rss_between_kib"] = rss()
    for number in range(flat_out):
        found["flat_out" + "_again" * number] = asyncio.run(one_round(0.0))
    found["rss_after_kib"] = rss()
    return found


def rounds_of(found: dict[str, Any]) -> list[str]:
    """The names of the measured rounds in `found`, in order."""
    return [name for name in ("thinking", "flat_out", "flat_out_again") if name in found]


def report_memory(label: str, found: dict[str, Any]) -> None:
    RATIOS[f"{label}, server RSS after warm-up/thinking/flat out"] = (
        f"{found['rss_before_kib'] / 1024:.1f} / {found['rss_between_kib'] / 1024:.1f} / "
        f"{found['rss_after_kib'] / 1024:.1f} MiB")
