"""A class of 200 learners predicting against one `wizard serve --classroom` (issue 18's goal:
p95 under 100 ms for a prediction, and server memory that stays flat).

A real server process on the bundled tree's cases and one client process. Each learner opens
the learners' page (which gives it its anonymous cookie), sends a prediction for every question
of the case on the screen (picked by its number, so the tally spreads), then changes its mind
once; the educator's page is fetched once a second meanwhile, as the projector's script does.
Between rounds the educator reveals and moves to the next case (which forgets the predictions).

- "thinking": learners arrive over THINK_SECONDS and pause 0.5x to 1.5x THINK_SECONDS between
  requests, as people do; the figure to hold against the goal.
- "flat out": no pauses; the most one process answers, and the latency of a queue.

Reported: the p95 and median latency of a prediction (POST /predict to its redirect), requests
per second, and the server's resident memory after a warm-up round, after each round (read from
/proc). Nothing is asserted about time; failures (a non-303 answer) are.

Run with `make bench` (the project's addopts skip benchmarks in `make test`).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS
from tests.benchmarks.test_web_load import REQUEST_SECONDS, ROOT, rss_kib
from tests.web.test_serve_e2e import free_port, stop, wait_for_port
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.quiz import Quiz, build_quiz

LEARNERS = 200
THINK_SECONDS = 1.0
SEED = 5
CASES = 6
KEY = re.compile(r"/teach\?key=(\S+)")
PHASE = re.compile(r'data-phase="([^"]*)"')


class Class:
    """The learners and the educator's projector, against one server."""

    def __init__(self, base: str, key: str, quiz: Quiz) -> None:
        self.base = base
        self.key = key
        self.quiz = quiz
        self.case = 0
        self.latencies: list[float] = []
        self.requests = 0
        self.failures = 0
        self.done = False
        self.tokens: dict[int, str] = {}
        """Each learner's cookie, kept from case to case as a phone keeps it."""

    def picks(self, number: int, change: int) -> list[tuple[str, str]]:
        """Learner `number`'s prediction for the case on the screen (`change` moves it)."""
        fields = [("case", str(self.case))]
        for n, question in enumerate(self.quiz.cases[self.case].questions):
            choices = [c.id for c in question.choices]
            fields.append((f"q{n}", choices[(number + change) % len(choices)]))
        return fields

    async def learner(self, client: Any, number: int, think: float) -> None:
        pauses = random.Random(number)
        if think:
            await asyncio.sleep(pauses.uniform(0, think))
        known = {"Cookie": f"learner={self.tokens[number]}"} if number in self.tokens else {}
        async with client.get(self.base + "/", headers=known) as response:
            await response.read()
            self.requests += 1
            if "learner" in response.cookies:
                self.tokens[number] = response.cookies["learner"].value
        headers = {"Origin": self.base, "Cookie": f"learner={self.tokens[number]}"}
        for change in (0, 1):  # a prediction, then a change of mind
            if think:
                await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
            started = time.perf_counter()
            async with client.post(self.base + "/predict", data=self.picks(number, change),
                                   headers=headers, allow_redirects=False) as response:
                await response.read()
                self.latencies.append(time.perf_counter() - started)
                self.requests += 1
                if response.status != 303 or "late" in response.headers.get("Location", ""):
                    self.failures += 1

    async def projector(self, client: Any) -> None:
        while not self.done:
            async with client.get(f"{self.base}/teach", params={"key": self.key}) as response:
                await response.read()
                self.requests += 1
                if response.status != 200:
                    self.failures += 1
            await asyncio.sleep(1.0)

    async def next_case(self, client: Any) -> None:
        """Reveal, then the next case, as the educator's buttons do."""
        teach = f"{self.base}/teach"
        for action in ("reveal", "next"):
            async with client.get(teach, params={"key": self.key}) as response:
                found = PHASE.search(await response.text())
                assert found
            async with client.post(teach, data={"key": self.key, "do": action,
                                                "phase": found.group(1)},
                                   headers={"Origin": self.base}) as response:
                assert response.status == 200
        self.case += 1

    async def round(self, think: float) -> dict[str, float]:
        import aiohttp

        self.latencies, self.requests, self.failures, self.done = [], 0, 0, False
        connector = aiohttp.TCPConnector(limit=LEARNERS + 1)
        timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                         cookie_jar=aiohttp.DummyCookieJar()) as client:
            started = time.perf_counter()
            projector = asyncio.ensure_future(self.projector(client))
            await asyncio.gather(*(self.learner(client, n, think) for n in range(LEARNERS)))
            elapsed = time.perf_counter() - started
            self.done = True
            await projector
            await self.next_case(client)
        ordered = sorted(self.latencies)
        return {
            "predictions": len(ordered),
            "failures": self.failures,
            "per_second": self.requests / elapsed,
            "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        }


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("classroom-load")
    port = free_port()
    log = folder / "server.log"
    env = {**os.environ, "WIZARD_ACCESS_LOG": "0"}
    command = [sys.executable, "-m", "wizard", "serve", str(resolve_tree(None)), "--classroom",
               "--seed", str(SEED), "--cases", str(CASES), "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, env=env,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    try:
        wait_for_port(port, process, log)
        found = KEY.search(Path(log).read_text())
        assert found, log.read_text()
        yield process, f"http://127.0.0.1:{port}", found.group(1)
    finally:
        stop(process)


def test_200_learners_predicting_in_one_room(benchmark: Any, classroom: Any) -> None:
    process, base, key = classroom
    quiz = build_quiz(load_tree(resolve_tree(None)), seed=SEED, cases=CASES)
    assert len(quiz.cases) >= 4, "a warm-up and three measured rounds"
    room = Class(base, key, quiz)
    figures: dict[str, Any] = {}

    def run() -> None:
        asyncio.run(room.round(0.0))  # warm-up: imports, caches, the first pages
        figures["rss_before_kib"] = rss_kib(process.pid)
        figures["thinking"] = asyncio.run(room.round(THINK_SECONDS))
        figures["rss_between_kib"] = rss_kib(process.pid)
        figures["flat_out"] = asyncio.run(room.round(0.0))
        figures["flat_out_again"] = asyncio.run(room.round(0.0))
        figures["rss_after_kib"] = rss_kib(process.pid)

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(figures)
    for name in ("thinking", "flat_out", "flat_out_again"):
        got = figures[name]
        RATIOS[f"classroom, {LEARNERS} learners, {name}"] = (
            f"{got['predictions']} predictions, {got['failures']} failed, "
            f"{got['per_second']:.0f} req/s, prediction median {got['median_ms']:.1f} ms, "
            f"p95 {got['p95_ms']:.1f} ms (goal: p95 under 100 ms)")
    RATIOS["classroom, server RSS after warm-up/thinking/flat out x2"] = (
        f"{figures['rss_before_kib'] / 1024:.1f} / {figures['rss_between_kib'] / 1024:.1f} / "
        f"{figures['rss_after_kib'] / 1024:.1f} MiB")
    assert all(figures[name]["failures"] == 0
               for name in ("thinking", "flat_out", "flat_out_again"))
