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
import random
import re
import time
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
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.quiz import Quiz, build_quiz

LEARNERS = CLIENTS
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
        return figures(self.latencies, elapsed, self.failures, "predictions", self.requests)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Any:
    log = tmp_path_factory.mktemp("classroom-load") / "server.log"
    with server(log, "--classroom", "--seed", str(SEED), "--cases", str(CASES)) as started:
        found = KEY.search(log.read_text())
        assert found, log.read_text()
        yield (*started, found.group(1))


def test_200_learners_predicting_in_one_room(benchmark: Any, classroom: Any) -> None:
    process, base, key = classroom
    quiz = build_quiz(load_tree(resolve_tree(None)), seed=SEED, cases=CASES)
    assert len(quiz.cases) >= 4, "a warm-up and three measured rounds"
    room = Class(base, key, quiz)
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(measure(room.round, [process.pid], THINK_SECONDS, flat_out=2))

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(found)
    for name in rounds_of(found):
        got = found[name]
        RATIOS[f"classroom, {LEARNERS} learners, {name}"] = (
            f"{got['predictions']} predictions, {got['failures']} failed, "
            f"{got['per_second']:.0f} req/s, prediction median {got['median_ms']:.1f} ms, "
            f"p95 {got['p95_ms']:.1f} ms (goal: p95 under 100 ms)")
    report_memory("classroom", found)
    assert all(found[name]["failures"] == 0 for name in rounds_of(found))
