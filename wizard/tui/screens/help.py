"""The key bindings in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from wizard.tui.app import AppConfig, WizardApp

Keys = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""Headings, each with (key, what it does) rows."""

KEYS: Keys = (
    (
        "Answering",
        (
            ("↑ ↓", "Move between the answers"),
            ("Enter", "Pick the highlighted answer, or go on"),
            ("1 to 9", "Pick (or tick) that answer straight away"),
            ("Space", "Tick or untick, where you may pick several"),
            ("Esc, Backspace", "Go back one step; your answer stays selected"),
            ("? or F1", "On a question: show or hide its help"),
        ),
    ),
    (
        "On the summary",
        (
            ("s", "Save it as Markdown and as a page to print"),
            ("c", "Copy it to the clipboard as plain text"),
            ("↑ ↓, PgUp, PgDn", "Scroll"),
            ("Esc", "Change an answer"),
        ),
    ),
    (
        "In a pop-up box",
        (
            ("Tab, Shift+Tab", "Move to the next or the previous button"),
            ("← → ↑ ↓", "Move between the buttons"),
            ("Enter", "Press the highlighted button"),
            ("Esc", "Cancel or close (not an urgent alert)"),
            ("y, n", "Yes or no, where the box asks"),
        ),
    ),
    (
        "Anywhere",
        (
            ("Ctrl+R", "Start over (asks first)"),
            ("Ctrl+T", "Colours: default, light, high contrast"),
            ("q, Ctrl+Q", "Quit (asks first once you have answered)"),
        ),
    ),
)
MOUSE = (
    "With a mouse: click an answer or a button. Click an earlier answer at the top to go "
    "back to that question."
)


def keys_for(config: AppConfig) -> Keys:
    """The keys this run offers: a kiosk lists no Save, Copy or Quit; Print and the educator's
    keys are listed only where they work."""
    dropped = {
        key
        for key, offered in (
            ("s", config.can_save),
            ("c", config.can_copy),
            ("q, Ctrl+Q", config.can_quit),
        )
        if not offered
    }
    added: dict[str, list[tuple[str, str]]] = {"On the summary": [], "Anywhere": []}
    if config.print_command:
        added["On the summary"].append(("p", "Print it"))
    if config.educator:
        added["On the summary"].append(("w", "What if: try a different answer"))
        added["Anywhere"].append(("Ctrl+E", "Show or hide the whole tree"))
    return tuple(
        (
            heading,
            tuple(row for row in rows if row[0] not in dropped) + tuple(added.get(heading, ())),
        )
        for heading, rows in KEYS
    )


def keys_table(keys: Keys = KEYS) -> Table:
    """The keys as a two-column grid: long descriptions wrap under themselves, not the keys."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for number, (heading, rows) in enumerate(keys):
        if number:
            grid.add_row("", "")
        grid.add_row(Text(heading, style="bold underline"), "")
        for key, words in rows:
            grid.add_row(Text(key, style="bold"), words)
    return grid


class HelpModal(Dialog[None]):
    """Closed with Escape, Enter, `?`, F1 or the Close button."""

    AUTO_FOCUS = "#close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Close", show=False),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help") as dialog:
            dialog.border_title = "Keys"
            with VerticalScroll(classes="dialog-body"):
                config = cast("WizardApp", self.app).config
                yield Static(keys_table(keys_for(config)), id="keys")
                yield Static(MOUSE, id="mouse")
            with Horizontal(classes="dialog-actions"):
                yield Button("Close", id="close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.close()

    def action_close(self) -> None:
        self.close()

    def action_scroll_body(self, lines: int) -> None:
        """Arrows scroll the list while the Close button keeps the focus."""
        self.query_one(".dialog-body").scroll_relative(y=lines, animate=False)
