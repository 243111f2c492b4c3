"""The kiosk's printer holds its limits: one job per visitor at a time, a number per minute,
and no print process outlives its time limit or its cancelled job.

The print command is a fake: a small Python script that counts its jobs in a file and, when
told to, waits (ignoring SIGTERM, like a stuck driver) until it is ended. Time per minute comes
from a clock the test moves; the only real waiting is the bounded process timeout.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import sys
from pathlib import Path

import pytest

from wizard.render import printing
from wizard.render.printing import Printer
from wizard.render.words import t

COUNTING = """
import os, signal, sys, time
jobs, hang = sys.argv[1], sys.argv[2] == "hang"
with open(jobs, "a") as out:
    out.write(f"{os.getpid()}\\n")
sys.stdin.read()
if hang:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        time.sleep(0.05)
"""


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def fake_printer(jobs: Path, *, hang: bool) -> str:
    return shlex.join([sys.executable, "-c", COUNTING, str(jobs), "hang" if hang else "go"])


def pids(jobs: Path) -> list[int]:
    return [int(line) for line in jobs.read_text().split()] if jobs.exists() else []


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


async def until_started(jobs: Path, count: int = 1) -> None:
    while len(pids(jobs)) < count:  # bounded by the test's own timeout
        await asyncio.sleep(0.02)


@pytest.fixture(autouse=True)
def short_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "END_GRACE", 0.2)


async def test_a_second_press_while_printing_is_refused_and_prints_nothing(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    printer = Printer(fake_printer(jobs, hang=True), Clock(), timeout=1.0)
    first = asyncio.create_task(printer.send("visit-a", "summary"))
    await until_started(jobs)
    again = [await printer.send("visit-a", "summary") for _ in range(5)]
    assert {outcome.message for outcome in again} == {t("printer_busy")}
    assert not any(outcome.ok for outcome in again)
    other = asyncio.create_task(printer.send("visit-b", "summary"))  # another visitor may
    outcome = await first
    assert outcome.message == t("printer_timeout", staff=t("ask_staff"))
    await other
    assert len(pids(jobs)) == 2
    assert all(gone(pid) for pid in pids(jobs)), "a stuck print process was left running"
    assert printer.refusal("visit-a") is None  # free again once its job ended


async def test_a_cancelled_job_ends_its_print_process(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    printer = Printer(fake_printer(jobs, hang=True), Clock(), timeout=60.0)
    job = asyncio.create_task(printer.send("visit-a", "summary"))
    await until_started(jobs)
    job.cancel()
    with pytest.raises(asyncio.CancelledError):
        await job
    [pid] = pids(jobs)
    assert gone(pid)
    assert printer.refusal("visit-a") is None


async def test_the_printer_takes_only_so_many_jobs_a_minute(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    clock = Clock()
    printer = Printer(fake_printer(jobs, hang=False), clock, per_minute=3)
    for visit in ("a", "b", "c"):
        assert (await printer.send(visit, "summary")).ok
    refused = await printer.send("d", "summary")
    assert not refused.ok and refused.message == t("printer_too_many")
    clock.now += 59.0
    assert not (await printer.send("d", "summary")).ok
    clock.now += 1.0
    assert (await printer.send("d", "summary")).ok
    assert len(pids(jobs)) == 4
