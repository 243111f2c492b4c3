"""What every dialog shares: it closes once, and only while it is the top screen.

A key and a button press can be queued together (Enter on a focused button posts a Pressed
message that arrives after the next key's binding has run). Dismissing twice would pop the page
under the dialog too, so `close` ignores everything after the first. (The flag is not called
`_closed`: that name is Textual's own, on every message pump, and setting it stops the screen
from ever being removed.)
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT], Generic[ResultT]):
    """A modal screen with a safe `close`, and the dialogs' stylesheet."""

    CSS_PATH = "dialog.tcss"

    def __init__(self) -> None:
        super().__init__()
        self._answered = False

    def close(self, result: ResultT | None = None) -> None:
        """Dismiss with `result`, once, and only if this dialog is on top."""
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(result)
