"""Helpers for the mode tests: a clock the test moves, waits bounded by counts (never by time),
and reading everything the app shows."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

from rich.console import Console
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, Tree

from tests.tui.pilots import confirm_answers, press, settle
from wizard.tui.kiosk import KioskApp


class ManualClock:
    """A kiosk clock (wizard/tui/clock.py) that moves only when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


KEY_GAP = 0.125
"""Seconds between two keys typed by `type_keys`: a person's pace, within the kiosk's key budget."""


async def advance(pilot: Pilot[None], seconds: float) -> None:
    """Move the kiosk's clock on by `seconds`, let it look at the clock once, and settle."""
    app = pilot.app
    assert isinstance(app, KioskApp) and isinstance(app.clock, ManualClock)
    app.clock.advance(seconds)
    app.tick()
    await settle(pilot)


async def type_keys(pilot: Pilot[None], *keys: str) -> None:
    """Press keys at a person's pace on the kiosk's clock (`KEY_GAP` apart, no tick between)."""
    app = pilot.app
    assert isinstance(app, KioskApp) and isinstance(app.clock, ManualClock)
    for key in keys:
        app.clock.advance(KEY_GAP)
        await press(pilot, key)


async def type_to_summary(pilot: Pilot[None], *keys: str) -> None:
    """Type a route to its end at a person's pace, then confirm the answers on "Check your
    answers" and go on to the summary (pilots.confirm_answers), one key later."""
    await type_keys(pilot, *keys)
    app = pilot.app
    assert isinstance(app, KioskApp) and isinstance(app.clock, ManualClock)
    app.clock.advance(KEY_GAP)
    await confirm_answers(pilot)


async def wait_for(pilot: Pilot[None], ready: Callable[[], bool], rounds: int = 200) -> None:
    """Settle the app until `ready()` holds, for work that ends on its own (a worker, a child
    process); fails after `rounds` settles, a count, never a measured time."""
    for _ in range(rounds):
        if ready():
            await settle(pilot)
            return
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)
    raise AssertionError(f"not ready after {rounds} rounds")


def drawn_text(app: App[None]) -> str:
    """The text of the screen as drawn now (the SVG screenshot, markup and entities removed)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def plain(renderable: object) -> str:
    """Any Rich renderable (a Table, Text, a string) as plain text."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def stack_text(app: App[None]) -> str:
    """Every word any widget on any screen in the stack holds, shown or hidden."""
    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.walk_children(with_self=False):
            if isinstance(widget, Static):
                content = widget.content
                parts.append(str(content) if isinstance(content, str | Content) else plain(content))
            elif isinstance(widget, OptionList):
                parts += [
                    plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)
                ]
            elif isinstance(widget, Tree):
                parts += [str(node.label) for node in widget.root.children]
    return "\n".join(parts)
