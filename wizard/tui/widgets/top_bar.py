"""The line at the top of every page: the guide's title, and where the person is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from wizard.tui.widgets.tree_text import literal


class TopBar(Horizontal):
    """Title on the left, progress ("Question 3 of about 6") on the right.

    The title is the tree's own text, so it is shown literally (never as markup).

    The title gives way (with an ellipsis) on narrow terminals; the progress never does.
    """

    def __init__(self, title: str, where: str) -> None:
        super().__init__()
        self._title = title
        self._where = where

    def compose(self) -> ComposeResult:
        yield Static(literal(self._title), id="top-title")
        yield Static(self._where, id="top-progress", markup=False)
