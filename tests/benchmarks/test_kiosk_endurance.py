"""A kiosk runs all day: 500 visitors through one kiosk process, and its memory stays flat.

Each visitor walks a route to the summary (a red flag on the way), then either presses "I'm
done" or walks away, and the idle countdown wipes the session (on a clock the benchmark moves,
so the countdowns take no real time). After each visitor, and a garbage collection, it samples
the blocks of memory Python has allocated (`sys.getallocatedblocks`: every live object, exact
and free to read, unlike tracemalloc, which would triple the run) and the process's resident
memory (RSS, for scale; it rarely shrinks, so it hides small leaks). The figure is the growth
of the median from the first 50 visitors to the last 50; a leak of one screen per visitor
shows as tens of percent.

Run with `make bench` (the project's addopts skip benchmarks in `make test`).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
from typing import Any

from tests.benchmarks.conftest import RATIOS
from tests.conftest import EXAMPLE
from tests.tui.modes.drive import ManualClock, advance, type_to_summary
from tests.tui.pilots import click
from wizard.model.loader import load_tree
from wizard.tui.kiosk import KioskApp
from wizard.tui.launch import create_app
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen

VISITORS = 500
WINDOW = 50
# Welcome, info, "danger" (multi: pets raises a red flag), kind (fern), symptoms, humidity (dry).
TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")
GROWTH_LIMIT = 0.10


def resident_kib() -> int:
    """This process's resident memory in KiB (0 where /proc is not there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return int(next(line.split()[1] for line in status if line.startswith("VmRSS:")))
    except (OSError, StopIteration):
        return 0


def growth(samples: list[int]) -> tuple[float, float, float]:
    """Median of the first window, of the last, and the growth between them."""
    first = statistics.median(samples[:WINDOW])
    last = statistics.median(samples[-WINDOW:])
    return first, last, (last - first) / first


async def visitors(samples: list[tuple[int, int]]) -> KioskApp:
    """Run every visitor through one kiosk; one memory sample after each."""
    app = create_app(load_tree(EXAMPLE), kiosk=True, clock=ManualClock())
    assert isinstance(app, KioskApp)
    async with app.run_test(size=(80, 24)) as pilot:
        for visitor in range(VISITORS):
            await type_to_summary(pilot, *TO_SUMMARY)  # through Check your answers
            assert isinstance(app.screen, SummaryScreen), visitor
            if visitor % 2:
                await click(pilot, "#done")
            else:  # walked away: "Still there?", then the countdown runs out
                await advance(pilot, app.config.idle_timeout)
                await advance(pilot, app.config.countdown)
            assert isinstance(app.screen, WelcomeScreen), visitor
            gc.collect()
            samples.append((sys.getallocatedblocks(), resident_kib()))
    assert app.resets == VISITORS
    return app


def test_500_visitors_through_one_kiosk(benchmark: Any) -> None:
    samples: list[tuple[int, int]] = []
    benchmark.pedantic(lambda: asyncio.run(visitors(samples)), rounds=1, iterations=1)
    first, last, grew = growth([blocks for blocks, _ in samples])
    rss_first, rss_last, rss_grew = growth([rss for _, rss in samples])
    benchmark.extra_info.update(
        blocks_first=first, blocks_last=last, blocks_growth=round(grew, 4),
        rss_first_kib=rss_first, rss_last_kib=rss_last, rss_growth=round(rss_grew, 4),
    )
    RATIOS[f"kiosk memory, visitors 1-{WINDOW} to {VISITORS - WINDOW + 1}-{VISITORS}"] = (
        f"allocated blocks {grew:+.2%} ({first:,.0f} -> {last:,.0f}); "
        f"RSS {rss_grew:+.2%} ({rss_first / 1024:.1f} MiB -> {rss_last / 1024:.1f} MiB)"
    )
    print(f"\nkiosk memory over {VISITORS} visitors: blocks {grew:+.2%}, RSS {rss_grew:+.2%}")
    assert grew < GROWTH_LIMIT, f"allocated blocks grew {grew:.1%} over {VISITORS} visitors"
    assert rss_grew < GROWTH_LIMIT, f"resident memory grew {rss_grew:.1%} over {VISITORS} visitors"
