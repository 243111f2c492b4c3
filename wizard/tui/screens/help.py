"""The key bindings in plain words."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.render.words import t
from wizard.tui.config import AppConfig
from wizard.tui.screens.dialog import Dialog

Keys = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""Headings, each with (key, what it does) rows."""

KEYS: Keys = (
    (
        t("keys_answering"),
        (
            ("↑ ↓", t("keys_move")),
            (t("keys_enter"), t("keys_pick")),
            (t("keys_numbers"), t("keys_number")),
            (t("keys_space"), t("keys_tick")),
            (t("keys_enter"), t("keys_go_on")),
            (t("keys_esc_backspace"), t("keys_back")),
            (t("keys_help_keys"), t("keys_help")),
        ),
    ),
    (
        t("keys_summary"),
        (
            ("s", t("keys_save")),
            ("c", t("keys_copy")),
            (t("keys_scroll_keys"), t("keys_scroll")),
            (t("keys_fold_keys"), t("keys_fold")),
            ("o", t("keys_open_details")),
            (t("key_esc"), t("keys_change")),
        ),
    ),
    (
        t("keys_dialog"),
        (
            (t("keys_tab"), t("keys_next_button")),
            ("← → ↑ ↓", t("keys_buttons")),
            (t("keys_enter"), t("keys_press")),
            (t("key_esc"), t("keys_cancel")),
            ("y, n", t("keys_yes_no")),
        ),
    ),
    (
        t("keys_anywhere"),
        (
            (t("keys_ctrl_r"), t("keys_start_over")),
            (t("keys_ctrl_t"), t("keys_colours")),
            (t("keys_quit_keys"), t("keys_quit")),
        ),
    ),
)
MOUSE = t("keys_mouse")


def keys_for(config: AppConfig) -> Keys:
    """The keys this run offers: Save, Copy and Quit only where they are
    offered (not at a kiosk); Print and the educator's keys only where they work."""
    dropped = {
        key
        for key, offered in (
            ("s", config.can_save),
            ("c", config.can_copy),
            (t("keys_quit_keys"), config.can_quit),
        )
        if not offered
    }
    summary, anywhere = t("keys_summary"), t("keys_anywhere")
    added: dict[str, list[tuple[str, str]]] = {summary: [], anywhere: []}
    if config.can_print:
        added[summary].append(("p", t("keys_print")))
    if config.can_what_if:
        added[summary].append(("w", t("keys_what_if")))
    if config.shows_tree:
        added[anywhere].append((t("keys_ctrl_e"), t("keys_tree")))
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
        Binding("escape,question_mark,f1", "close", t("close"), show=False),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help") as dialog:
            dialog.border_title = t("keys_title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(keys_table(keys_for(self.config)), id="keys")
                yield Static(MOUSE, id="mouse")
            with Horizontal(classes="dialog-actions"):
                yield Button(t("close"), id="close", variant="primary", action="screen.close")

    def action_close(self) -> None:
        self.close()

    def action_scroll_body(self, lines: int) -> None:
        """Arrows scroll the list while the Close button keeps the focus."""
        self.query_one(".dialog-body").scroll_relative(y=lines, animate=False)
