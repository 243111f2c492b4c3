"""The urgent alert raised the moment a red-flag answer is given."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.model.tree import RedFlag
from wizard.render.words import t
from wizard.tui.screens.dialog import Dialog
from wizard.tui.widgets.summary_view import tidy
from wizard.tui.widgets.tree_text import literal


class RedFlagModal(Dialog[None]):
    """Says "Urgent" in words, gives the advice plainly, and waits for the person to go on.

    Escape does not close it: the alert is dismissed only by choosing to continue. Long advice
    scrolls above the button, so the button is always in view. The page under it keeps the
    advice once it is closed (see screens/base.py). The title and advice are the tree's words,
    shown literally.
    """

    AUTO_FOCUS = "#read"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "read", t("continue"), show=False),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def __init__(self, flag: RedFlag) -> None:
        super().__init__()
        self.flag = flag

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="urgent") as dialog:
            dialog.border_title = t("urgent_badge")
            with VerticalScroll(classes="dialog-body"):
                yield Static(literal(t("urgent_line", title=self.flag.title)), id="flag-title")
                yield Static(literal(tidy(self.flag.advice)), id="flag-advice")
                yield Static(
                    t("flag_note"),
                    id="flag-note",
                    markup=False,
                )
            with Horizontal(classes="dialog-actions"):
                yield Button(t("flag_read"), id="read", variant="error", action="screen.read")

    def action_read(self) -> None:
        self.close()

    def action_scroll_body(self, lines: int) -> None:
        """Arrows scroll long advice while the button keeps the focus."""
        self.query_one(".dialog-body").scroll_relative(y=lines, animate=False)
