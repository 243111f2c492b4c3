"""What every dialog shares: it closes once, only while it is the top screen, and it works by
keyboard alone.

Keys: Tab and Shift+Tab move through the dialog (Textual's own keys, which the app lets work
under a dialog; the words too, when they are long enough to scroll). The arrow keys move
between its controls (buttons, and a text field where there is one), wrapping around, so every
button is reachable without a mouse. A text field keeps ← and → for its cursor; ↑ and ↓ leave
it. A dialog whose words can be long (help, an urgent alert) binds ↑ and ↓ to scroll them
instead; its single button needs no moving to. The help screen's key list says all this
(screens/help.py).

A key and a button press can be queued together (Enter on a focused button posts a Pressed
message that arrives after the next key's binding has run). Dismissing twice would pop the page
under the dialog too, so `close` ignores everything after the first. (The flag is not called
`_closed`: that name is Textual's own, on every message pump, and setting it stops the screen
from ever being removed.)
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input

from wizard.render.words import t

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT], Generic[ResultT]):
    """A modal screen with a safe `close`, arrow keys between its controls, and the dialogs'
    stylesheet."""

    CSS_PATH = "dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,up", "move_focus(-1)", t("previous"), show=False),
        Binding("right,down", "move_focus(1)", t("next"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._answered = False

    def close(self, result: ResultT | None = None) -> None:
        """Dismiss with `result`, once, and only if this dialog is on top."""
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(result)

    @property
    def focus_chain(self) -> list[Widget]:
        """Textual's focus chain without the scrolling words while they fit: a Tab stop with
        nothing to scroll and nothing to show for it would only puzzle."""
        return [
            widget
            for widget in super().focus_chain
            if widget.allow_vertical_scroll or not widget.has_class("dialog-body")
        ]

    def controls(self) -> list[Widget]:
        """The buttons and text fields the arrow keys move between, in Tab order."""
        return [widget for widget in self.focus_chain if isinstance(widget, (Button, Input))]

    def action_move_focus(self, step: int) -> None:
        """Focus the next (`step` 1) or previous (-1) control, wrapping around; from anywhere
        else (the scrolling words), the first or the last."""
        controls = self.controls()
        if not controls:
            return
        focused = self.focused
        if focused is not None and focused in controls:
            index = (controls.index(focused) + step) % len(controls)
        else:
            index = 0 if step > 0 else -1
        controls[index].focus()
