"""The first page: what the guide is, the disclaimer, how current the content is, and Start."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wizard.render.review_lines import version_line
from wizard.render.words import t
from wizard.tui.messages import StartRequested
from wizard.tui.widgets.key_bar import KeyBar
from wizard.tui.widgets.start_button import StartButton
from wizard.tui.widgets.tree_text import literal

if TYPE_CHECKING:
    from wizard.model.tree import Tree
    from wizard.tui.config import AppConfig


class WelcomeScreen(Screen[None]):
    """Shown before the first question and after Start over; Enter or a click starts."""

    AUTO_FOCUS = "#welcome-body"  # arrows scroll a long disclaimer; Enter starts
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", t("start"), show=False),
    ]

    def __init__(self, tree: Tree, config: AppConfig) -> None:
        super().__init__()
        self.guide = tree
        self.config = config

    def compose(self) -> ComposeResult:
        tree = self.guide
        with VerticalScroll(id="welcome-body"):
            yield Static(literal(tree.title), id="welcome-title")
            if tree.translation == "draft":
                yield Static(t("draft_translation"), id="welcome-draft")
            if tree.description:
                yield Static(literal(tree.description), id="welcome-description")
            disclaimer = Static(literal(tree.disclaimer.strip()), id="welcome-disclaimer")
            disclaimer.border_title = t("please_read")
            yield disclaimer
            yield Static(literal(version_line(tree)), id="welcome-version")
            with Center(id="welcome-actions"):
                yield StartButton()
            yield Static(t("press_to_start"), id="welcome-hint")
        keys = [("enter", t("start"), "start_from_welcome"), ("?", t("help"), "show_keys")]
        if self.config.can_quit:  # a kiosk offers no way out
            keys.append(("q", t("quit"), "request_quit"))
        keys.append(("^t", t("colours"), "cycle_theme"))
        yield KeyBar(keys)

    def on_start_button_pressed(self, event: StartButton.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        self.post_message(StartRequested())
