"""The Start button of the welcome screen.

A clickable label styled as a button (in wizard.tcss) rather than Textual's Button: Button
brings about 7 KB of CSS that would be parsed before the first paint, and the welcome screen
needs none of it (Enter is bound on the screen itself, so nothing here needs the focus).
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static

from wizard.render.words import t


class StartButton(Static):
    """Posts `StartButton.Pressed` when clicked."""

    class Pressed(Message):
        """The person clicked Start."""

    def __init__(self) -> None:
        super().__init__(t("start"), id="start", markup=False)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Pressed())
