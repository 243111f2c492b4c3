"""Asked before Save would replace files already there: replace, new name, or cancel."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.render.words import t
from wizard.tui.screens.dialog import Dialog

OverwriteChoice = Literal["replace", "rename"]


class OverwriteModal(Dialog[OverwriteChoice | None]):
    """Returns "replace", "rename" (save beside them under a new name) or None (cancel).

    "New name" has the focus, so Enter never destroys a file.
    """

    AUTO_FOCUS = "#rename"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("cancel"), show=False),
    ]

    def __init__(self, names: str) -> None:
        super().__init__()
        self._names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(classes="dialog-body"):
                yield Static(t("replace_title"), classes="dialog-title", markup=False)
                yield Static(
                    t("replace_text", names=self._names),
                    classes="dialog-text",
                    markup=False,
                )
            with Horizontal(classes="dialog-actions"):
                yield Button(t("replace"), id="replace", variant="warning",
                             action="screen.choose('replace')")
                yield Button(t("new_name"), id="rename", variant="primary",
                             action="screen.choose('rename')")
                yield Button(t("cancel"), id="cancel", action="screen.cancel")

    def action_choose(self, choice: OverwriteChoice) -> None:
        self.close(choice)

    def action_cancel(self) -> None:
        self.close(None)
