"""Load on the web pages: 200 visitors at once, on loopback, each through a whole route.

A real server process (`wizard serve` on the bundled tree) and one client process with 200
concurrent visitors. Each visitor opens the welcome page, starts, and answers every question
until the summary (urgent alerts included), choosing answers by its number so the routes
differ; it then saves the summary as Markdown. Two rounds:

- "thinking": each visitor pauses about THINK_SECONDS between pages (0.5x to 1.5x, and they
  arrive spread over the first THINK_SECONDS), as people do; this is the figure to hold
  against the goal (p95 under 50 ms).
- "flat out": no pauses at all, every visitor posts the moment its last page arrives; this
  measures the most the one server process answers per second, and the latency of a queue.

Reported: requests per second, median and p95 latency, and the server's resident memory
before, between and after the rounds (read from /proc; the goal is memory that stays flat,
since the server keeps nothing of a visitor). Bounded: a fixed number of visitors and pages,
each request with a time limit; nothing is asserted about time.

Run with `make bench` (the project's addopts skip benchmarks in `make test`).
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import subprocess
import sys
import time
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS
from tests.web.test_serve_e2e import free_port, stop, wait_for_port
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.machine import AnswerError, Session
from wizard.model.tree import Node, Tree

ROOT = Path(__file__).resolve().parents[2]
VISITORS = 200
THINK_SECONDS = 1.0
REQUEST_SECONDS = 30
STATE = re.compile(r'name="state" value="([^"]*)"')


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmRSS:")))


def pick(node: Node, number: int) -> tuple[str, ...]:
    """Visitor `number`'s answer at `node`: one option chosen by its number (or enough)."""
    if node.kind == "info":
        return ()
    options = node.options
    chosen = options[number % len(options)]
    if node.kind == "choice" or chosen.exclusive or node.min <= 1:
        return (chosen.id,)
    return tuple(o.id for o in options if not o.exclusive)[: node.min]


class Load:
    def __init__(self, base: str, tree: Tree) -> None:
        self.base = base
        self.tree = tree
        self.latencies: list[float] = []
        self.failures = 0

    async def request(self, client: Any, path: str, data: dict[str, Any] | None) -> str:
        started = time.perf_counter()
        if data is None:
            response = await client.get(self.base + path)
        else:
            response = await client.post(self.base + path, data=data,
                                         headers={"Origin": self.base})
        text: str = await response.text()
        self.latencies.append(time.perf_counter() - started)
        if response.status != 200:
            self.failures += 1
        return text

    async def visitor(self, client: Any, number: int, think: float) -> None:
        session = Session(self.tree)  # the client's own copy, to choose answers
        pauses = random.Random(number)  # people differ: pauses spread over 0.5x to 1.5x
        if think:
            await asyncio.sleep(pauses.uniform(0, think))  # and they do not all arrive at once
        page = await self.request(client, "/", None)
        steps: list[tuple[str, list[tuple[str, str]]]] = [("/go", [("do", "start")])]
        while steps:
            path, fields = steps.pop(0)
            if think:
                await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
            found = STATE.search(page)
            state = unescape(found.group(1)) if found else ""
            page = await self.request(client, path, [("state", state), *fields])  # type: ignore[arg-type]
            if path != "/go" or session.finished:
                continue
            answer = pick(session.current, number)
            try:
                raised = session.answer(answer)
            except AnswerError:
                answer = (session.current.options[0].id,)
                raised = session.answer(answer)
            steps.append(("/go", [("do", "answer"), *(("option", a) for a in answer)]))
            if raised:
                steps.append(("/go", [("do", "continue")]))
            if session.finished:
                steps.append(("/save", [("format", "md")]))

    async def round(self, think: float) -> dict[str, float]:
        import aiohttp

        self.latencies, self.failures = [], 0
        connector = aiohttp.TCPConnector(limit=VISITORS)
        timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS)
        started = time.perf_counter()
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as client:
            await asyncio.gather(*(self.visitor(client, n, think) for n in range(VISITORS)))
        elapsed = time.perf_counter() - started
        ordered = sorted(self.latencies)
        return {
            "requests": len(ordered),
            "failures": self.failures,
            "per_second": len(ordered) / elapsed,
            "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    port = free_port()
    log = tmp_path_factory.mktemp("load") / "server.log"
    command = [sys.executable, "-m", "wizard", "serve", str(resolve_tree(None)),
               "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(port, process, log)
        yield process, f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def test_200_visitors_through_whole_routes(benchmark: Any, server: Any) -> None:
    process, base = server
    load = Load(base, load_tree(resolve_tree(None)))
    figures: dict[str, Any] = {}

    def run() -> None:
        asyncio.run(load.round(0.0))  # warm-up: imports, caches, the first pages
        figures["rss_before_kib"] = rss_kib(process.pid)
        figures["thinking"] = asyncio.run(load.round(THINK_SECONDS))
        figures["rss_between_kib"] = rss_kib(process.pid)
        figures["flat_out"] = asyncio.run(load.round(0.0))
        figures["rss_after_kib"] = rss_kib(process.pid)

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(figures)
    for name in ("thinking", "flat_out"):
        got = figures[name]
        RATIOS[f"web load, {VISITORS} visitors, {name}"] = (
            f"{got['requests']} requests, {got['failures']} failed, "
            f"{got['per_second']:.0f} req/s, median {got['median_ms']:.1f} ms, "
            f"p95 {got['p95_ms']:.1f} ms")
    RATIOS["web load, server RSS before/between/after"] = (
        f"{figures['rss_before_kib'] / 1024:.1f} / {figures['rss_between_kib'] / 1024:.1f} / "
        f"{figures['rss_after_kib'] / 1024:.1f} MiB")
    assert figures["thinking"]["failures"] == 0 and figures["flat_out"]["failures"] == 0
