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
import subprocess
import time
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS
from tests.benchmarks.load import (
    CLIENTS,
    REQUEST_SECONDS,
    figures,
    measure,
    report_memory,
    start_server,
)
from tests.web.test_serve_e2e import stop
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.machine import AnswerError, Session
from wizard.model.tree import Node, Tree

VISITORS = CLIENTS
THINK_SECONDS = 1.0
STATE = re.compile(r'name="state" value="([^"]*)"')


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
    """Visitors' requests, each sent to the next server in turn (a round-robin proxy)."""

    def __init__(self, bases: list[str], tree: Tree) -> None:
        self.bases = bases
        self.turn = 0
        self.tree = tree
        self.latencies: list[float] = []
        self.failures = 0

    async def request(self, client: Any, path: str, data: dict[str, Any] | None) -> str:
        base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        started = time.perf_counter()
        if data is None:
            response = await client.get(base + path)
        else:
            response = await client.post(base + path, data=data, headers={"Origin": base})
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
        return figures(self.latencies, elapsed, self.failures, "requests")


PROCESSES = 4
SINGLE: dict[str, Any] = {}
"""The one-process figures, for the several-process test to print beside its own."""


def start_servers(folder: Path, count: int) -> list[tuple[subprocess.Popen[bytes], str]]:
    """`count` servers sharing one WIZARD_SECRET."""
    env = {"WIZARD_SECRET": "one secret for the load test"}
    return [start_server(folder / f"server-{number}.log", env=env) for number in range(count)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    started = start_servers(tmp_path_factory.mktemp("load"), 1)
    try:
        yield started[0]
    finally:
        stop(started[0][0])


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Any:
    started: list[tuple[subprocess.Popen[bytes], str]] = []
    try:
        started = start_servers(tmp_path_factory.mktemp("load4"), PROCESSES)
        yield started
    finally:
        for process, _ in started:
            stop(process)


def test_200_visitors_through_whole_routes(benchmark: Any, server: Any) -> None:
    process, base = server
    load = Load([base], load_tree(resolve_tree(None)))
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(measure(load.round, [process.pid], THINK_SECONDS))
        SINGLE.update(found)

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(found)
    for name in ("thinking", "flat_out"):
        got = found[name]
        RATIOS[f"web load, {VISITORS} visitors, {name}"] = (
            f"{got['requests']} requests, {got['failures']} failed, "
            f"{got['per_second']:.0f} req/s, median {got['median_ms']:.1f} ms, "
            f"p95 {got['p95_ms']:.1f} ms")
    report_memory("web load", found)
    assert found["thinking"]["failures"] == 0 and found["flat_out"]["failures"] == 0


def test_200_visitors_across_several_processes(benchmark: Any, servers: Any) -> None:
    """The same visitors, each request sent to the next of PROCESSES servers that share one
    WIZARD_SECRET: any process serves any visitor's next page (no failures), and the figures
    stand beside the one-process ones."""
    load = Load([base for _, base in servers], load_tree(resolve_tree(None)))
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(measure(load.round, [process.pid for process, _ in servers], THINK_SECONDS))

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(found)
    for name in ("thinking", "flat_out"):
        got, one = found[name], SINGLE.get(name)
        beside = (f" (1 process: {one['per_second']:.0f} req/s, p95 {one['p95_ms']:.1f} ms)"
                  if one else "")
        RATIOS[f"web load, {VISITORS} visitors, {PROCESSES} processes, {name}"] = (
            f"{got['requests']} requests, {got['failures']} failed, "
            f"{got['per_second']:.0f} req/s, p95 {got['p95_ms']:.1f} ms{beside}")
    one_rss = SINGLE.get("rss_after_kib")
    RATIOS[f"web load, RSS per process after, {PROCESSES} processes"] = (
        f"{found['rss_after_kib'] / 1024:.1f} MiB"
        + (f" (1 process: {one_rss / 1024:.1f} MiB)" if one_rss else ""))
    assert found["thinking"]["failures"] == 0 and found["flat_out"]["failures"] == 0
