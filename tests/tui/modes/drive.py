"""Helpers for the mode tests: wait for the app to reach a state, and read everything it shows."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from time import monotonic

from rich.console import Console
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, Tree


async def wait_for(pilot: Pilot[None], ready: Callable[[], bool], timeout: float = 5.0) -> float:
    """Let the app run until `ready()` holds, then until it has drawn what changed; returns the
    seconds it took (fails after `timeout`)."""
    start = monotonic()
    while not ready():
        if monotonic() - start > timeout:
            raise AssertionError(f"not ready after {timeout}s")
        await pilot.pause(0.02)
    took = monotonic() - start
    await pilot.pause()
    return took


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
