"""200 learners each taking a whole quiz against one `wizard serve --quiz` (the bundled tree's
cases, one seed): every step replays the sealed quiz into the model, so this measures what
statelessness costs per page, and whether the one memory (the reveals) keeps the server flat.

A real server process and one client process. Each learner opens the start page, starts, and
for every case predicts each question (a choice picked by its number), shows the answers and
moves on, to the results page: a step is a POST and the page its redirect leads to.

- "thinking": learners arrive over THINK_SECONDS and pause 0.5x to 1.5x THINK_SECONDS between
  steps, as people do.
- "flat out": no pauses; the most one process answers, and the latency of a queue.

Reported: the median and p95 of a step, steps per second, and the server's resident memory
after a warm-up, after thinking and after two rounds flat out (read from /proc). Nothing is
asserted about time; failures (a page that is not the one expected) are.

Run with `make bench` (the project's addopts skip benchmarks in `make test`).
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from html import unescape
from typing import Any

import pytest

from tests.benchmarks.conftest import RATIOS
from tests.benchmarks.load import (
    CLIENTS,
    REQUEST_SECONDS,
    figures,
    measure,
    report_memory,
    rounds_of,
    server,
)

LEARNERS = CLIENTS
THINK_SECONDS = 0.5
SEED = 5
CASES = 3
STATE = re.compile(r'name="state" value="([^"]*)"')
OPTION = re.compile(r'name="option" value="([^"]*)"')


class Learners:
    def __init__(self, base: str) -> None:
        self.base = base
        self.latencies: list[float] = []
        self.failures = 0

    async def step(self, client: Any, page: str, **fields: Any) -> str:
        found = STATE.search(page)
        if found is None:
            self.failures += 1
            return ""
        data = [("state", unescape(found.group(1)))]
        data += [(name, value) for name, values in fields.items() for value in values]
        started = time.perf_counter()
        async with client.post(self.base + "/quiz/go", data=data,
                               headers={"Origin": self.base}) as response:
            text: str = await response.text()
            self.latencies.append(time.perf_counter() - started)
            if response.status != 200:
                self.failures += 1
        return text

    async def learner(self, client: Any, number: int, think: float) -> None:
        pauses = random.Random(number)
        if think:
            await asyncio.sleep(pauses.uniform(0, think * 4))
        async with client.get(self.base + "/") as response:
            page = await response.text()
        page = await self.step(client, page, do=["start"])
        for _ in range(60):  # a quiz of CASES cases takes about 20 steps
            if "Quiz results" in page or not page:
                break
            if think:
                await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
            options = OPTION.findall(page)
            if options:
                picked = [unescape(options[(number + len(self.latencies)) % len(options)])]
                page = await self.step(client, page, do=["answer"], option=picked)
            elif 'value="reveal"' in page:
                page = await self.step(client, page, do=["reveal"])
            else:
                page = await self.step(client, page, do=["next"])
        if "Quiz results" not in page:
            self.failures += 1

    async def round(self, think: float) -> dict[str, float]:
        import aiohttp

        self.latencies, self.failures = [], 0
        connector = aiohttp.TCPConnector(limit=LEARNERS)
        timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as client:
            started = time.perf_counter()
            await asyncio.gather(*(self.learner(client, n, think) for n in range(LEARNERS)))
            elapsed = time.perf_counter() - started
        return figures(self.latencies, elapsed, self.failures, "steps")


@pytest.fixture(scope="module")
def quiz_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with server(tmp_path_factory.mktemp("quiz-load") / "server.log", "--quiz", "--seed",
                str(SEED), "--cases", str(CASES)) as started:
        yield started


def test_200_learners_each_taking_the_quiz(benchmark: Any, quiz_server: Any) -> None:
    process, base = quiz_server
    learners = Learners(base)
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(measure(learners.round, [process.pid], THINK_SECONDS, flat_out=2))

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(found)
    for name in rounds_of(found):
        got = found[name]
        RATIOS[f"quiz pages, {LEARNERS} learners, {name}"] = (
            f"{got['steps']} steps, {got['failures']} failed, {got['per_second']:.0f} steps/s, "
            f"step median {got['median_ms']:.1f} ms, p95 {got['p95_ms']:.1f} ms")
    report_memory("quiz pages", found)
    assert all(found[name]["failures"] == 0 for name in rounds_of(found))
