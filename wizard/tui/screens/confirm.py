"""A yes/no question before something that loses answers (quit, start over)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.render.words import t
from wizard.tui.screens.dialog import Dialog


class ConfirmModal(Dialog[bool]):
    """Returns True for yes. The safe answer (no) has the focus; Escape and `n` mean no."""

    AUTO_FOCUS = "#no"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", t("no"), show=False),
        Binding("y", "answer(True)", t("yes"), show=False),
    ]

    def __init__(self, title: str, text: str, *, yes: str, no: str) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(classes="dialog-body"):
                yield Static(self._title, classes="dialog-title", markup=False)
                yield Static(self._text, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-actions"):
                yield Button(self._yes, id="yes", variant="warning", action="screen.answer(True)")
                yield Button(self._no, id="no", variant="primary", action="screen.answer(False)")

    def action_answer(self, yes: bool) -> None:
        self.close(yes)
