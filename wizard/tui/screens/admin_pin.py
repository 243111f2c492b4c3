"""Staff only: the admin PIN that closes a kiosk.

A kiosk has no quit key, so the operator needs a way out that visitors cannot find by pressing
keys: the admin key opens this dialog and only the PIN in `WIZARD_ADMIN_PIN` closes the app.
The PIN is compared in constant time and never shown; after three wrong tries the dialog closes,
so guessing needs the admin key again each time. The app's `PinGuard` (wizard/tui/pin.py) keeps
count across dialogs and makes each try after the first few wait longer; the dialog says how
long.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from wizard.render.words import t
from wizard.tui.pin import MAX_LENGTH, PinGuard, wait_words
from wizard.tui.screens.dialog import Dialog

MAX_TRIES = 3


class AdminPinModal(Dialog[bool]):
    """Returns True when the right PIN was entered; False (or None) otherwise."""

    AUTO_FOCUS = "#pin"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("cancel"), show=False),
    ]

    def __init__(self, guard: PinGuard) -> None:
        super().__init__()
        self._guard = guard
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="admin") as dialog:
            dialog.border_title = t("staff_only")
            with VerticalScroll(classes="dialog-body"):
                yield Static(
                    t("pin_prompt"),
                    classes="dialog-text",
                    markup=False,
                )
                yield Input(password=True, id="pin", placeholder=t("pin"), max_length=MAX_LENGTH)
                yield Static("", id="pin-message", markup=False)
            with Horizontal(classes="dialog-actions"):
                yield Button(t("cancel"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        if self._guard.wait() > 0:
            self._say_wait()

    def _say(self, words: str) -> None:
        message = self.query_one("#pin-message", Static)
        message.update(words)
        message.add_class("shown")

    def _say_wait(self) -> None:
        self._say(t("pin_wait", wait=wait_words(self._guard.wait())))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.value = ""
        right = self._guard.attempt(event.value)
        if right:
            self.close(True)
            return
        if right is None:  # too soon: not compared, not counted
            self._say_wait()
            return
        self.tries += 1
        if self.tries >= MAX_TRIES:
            self.close(False)
        elif self._guard.wait() > 0:
            self._say_wait()
        else:
            self._say(t("pin_wrong"))

    def action_cancel(self) -> None:
        self.close(False)
