"""Live preview: the checker's messages for a tree file that was just saved with errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.model.errors import Diagnostic
from wizard.render.words import t, t_count
from wizard.tui.screens.dialog import Dialog
from wizard.tui.widgets.tree_text import literal

MOST_SHOWN = 50


class ProblemsModal(Dialog[None]):
    """Says the saved file cannot be used yet, lists why (file:line:col: message, as `wizard
    check` prints it), and that the guide goes on with the last good version. Saving a fixed
    file closes it by itself; Escape or the button closes it sooner. Messages quote the tree,
    so they are shown literally."""

    AUTO_FOCUS = "#keep-going"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "keep_going", t("keep_going"), show=False),
    ]

    def __init__(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__()
        self.path = path
        self.diagnostics = tuple(diagnostics)

    def compose(self) -> ComposeResult:
        errors = [d for d in self.diagnostics if d.is_error] or list(self.diagnostics)
        shown = [str(d) for d in errors[:MOST_SHOWN]]
        if len(errors) > MOST_SHOWN:
            shown.append(t("problems_more", count=str(len(errors) - MOST_SHOWN)))
        with Vertical(id="dialog") as dialog:
            dialog.border_title = t("problems_title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(
                    literal(t_count("problems_text", len(errors), path=self.path)),
                    classes="dialog-text",
                )
                yield Static(literal("\n".join(shown)), id="problems")
            with Horizontal(classes="dialog-actions"):
                yield Button(t("keep_going"), id="keep-going", variant="primary",
                             action="screen.keep_going")

    def action_keep_going(self) -> None:
        self.close()
