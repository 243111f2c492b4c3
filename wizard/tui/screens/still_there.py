"""The kiosk's "Still there?" countdown, shown when a visitor has stopped using the guide.

A kiosk is used by strangers one after another; someone who walks away must not leave their
answers for the next person. The countdown says so plainly, in words and seconds, and gives the
visitor time to come back: any key or click (the kiosk app turns any input into "still here")
or the button keeps everything as it was.

The dialog keeps no timer of its own: the kiosk app's one timer calls `tick`, and the time comes
from the kiosk's `Clock` (wizard/tui/clock.py), so tests move the countdown on by hand.
"""

from __future__ import annotations

from math import ceil

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import MouseDown
from textual.widgets import Button, Static

from wizard.render.words import t
from wizard.tui.clock import Clock
from wizard.tui.screens.dialog import Dialog


def countdown_text(seconds: int) -> str:
    """'… cleared in 30 seconds.' (1 second, singular)."""
    return t("countdown_one" if seconds == 1 else "countdown", seconds=str(seconds))


class StillThereModal(Dialog[bool]):
    """Returns True when the visitor is still there, False when the countdown ran out.

    The countdown is measured against the clock, not counted in ticks, so a busy moment cannot
    stretch it; it starts when the dialog is made (the kiosk pushes it at once).
    """

    AUTO_FOCUS = "#still-here"

    def __init__(self, seconds: float, clock: Clock) -> None:
        super().__init__()
        self.seconds = seconds
        self._clock = clock
        self._ends = clock() + seconds
        # Held, not queried: a tick can come while the dialog is closing and its children are
        # already gone, and updating a widget no longer on screen is harmless.
        self._countdown = Static(
            countdown_text(self.remaining), id="countdown", classes="dialog-text", markup=False
        )

    @property
    def remaining(self) -> int:
        """Whole seconds left, rounded up (shown to the visitor)."""
        return max(0, ceil(self._ends - self._clock()))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="still-there") as dialog:
            dialog.border_title = t("still_there_title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(t("still_there"), classes="dialog-title", markup=False)
                yield self._countdown
                yield Static(
                    t("still_there_keys"),
                    classes="dialog-text",
                    markup=False,
                )
            with Horizontal(classes="dialog-actions"):
                yield Button(t("still_here"), id="still-here", variant="primary")

    def tick(self) -> None:
        """Show the seconds left, or close with False when none are (called by the kiosk)."""
        if not self.is_mounted:  # pushed but not drawn yet: the next tick shows it
            return
        left = self.remaining
        if left <= 0:
            self.close(False)
            return
        self._countdown.update(countdown_text(left))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.close(True)

    def on_mouse_down(self, event: MouseDown) -> None:
        """A click anywhere, on the dialog or around it, means someone is there."""
        self.close(True)
