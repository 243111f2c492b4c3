"""A one-line list of keys, each clickable, drawn like Textual's Footer.

Used on the welcome screen instead of Footer: the Footer builds a widget per key and brings its
own CSS, about a third of what the app adds to the first paint; the welcome screen's keys never
change, so one line of text does the same job. The pages of a walk use the real Footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static

KeySpec = tuple[str, str, str]
"""(key as shown, what it does, the app action a click runs)."""


def key_line(keys: Sequence[KeySpec]) -> tuple[Content, list[tuple[int, int, str]]]:
    """' key label' for each key, and the columns each one covers (for clicks)."""
    parts: list[Content] = []
    spans: list[tuple[int, int, str]] = []
    column = 0
    for key, label, action in keys:
        part = Content.assemble((f" {key} ", "bold $footer-key-foreground"), f"{label} ")
        spans.append((column, column + part.cell_length, action))
        column += part.cell_length
        parts.append(part)
    return Content("").join(parts), spans


class KeyBar(Static):
    """The keys at the bottom of the welcome screen; a click on one runs its action."""

    def __init__(self, keys: Sequence[KeySpec]) -> None:
        line, self._spans = key_line(keys)
        super().__init__(line, classes="key-bar")

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(action)
                return
