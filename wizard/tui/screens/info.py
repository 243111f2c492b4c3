"""An info node: something to read, then Continue."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from wizard.render.words import t
from wizard.tui.messages import AnswerGiven
from wizard.tui.screens.base import WalkScreen
from wizard.tui.widgets.tree_markdown import TreeMarkdown
from wizard.tui.widgets.tree_text import literal


class InfoScreen(WalkScreen):
    """The node's prompt as a heading, its text and help (Markdown, as tree authors write it);
    Enter or Continue goes on. Nothing in the Markdown is live (no link, image or HTML: see
    wizard.tui.widgets.tree_markdown): this app may run on a shared screen."""

    AUTO_FOCUS = "#continue"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go_on", t("continue"), show=False),
    ]

    def compose_page(self) -> ComposeResult:
        node = self.node
        with VerticalScroll(id="page"):
            yield Static(literal(self.view.heading), id="prompt")
            yield from self.urgent_advice()
            if node.text:  # Markdown, as authors write it; the view's paragraphs are plain
                yield TreeMarkdown(node.text, id="info-text")
            if node.help:
                yield TreeMarkdown(node.help, id="info-help")
        with Horizontal(classes="actions"):
            yield Button(t("continue"), id="continue", variant="primary", compact=True,
                         action="screen.go_on")
            yield Button(t("back"), id="back", compact=True, action="screen.go_back")

    def action_go_on(self) -> None:
        self.post_message(AnswerGiven(self.node.id, ()))
