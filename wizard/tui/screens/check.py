""""Check your answers": every answer, each with a key that asks that question again.

Shown before the summary (the route has reached its end) and from the summary. A key (or a click
on the row) posts `ChangeRequested`; the app asks that one question on a fork of the session and,
once it is answered, keeps the later answers that still fit (wizard.model.replay.change_answer)
and comes back here. The questions whose answers no longer fit are named under the list, so
nothing disappears silently. This page only shows and reports: the tree logic is in the model.

Keys are 1-9 then letters, skipping q (quit, app-wide); the same key is drawn beside each row.
Questions and answers are the tree's words: they go in as `Content`, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from wizard.model.machine import Answer, Session
from wizard.render.words import t
from wizard.tui.check_messages import ChangeRequested, SummaryRequested
from wizard.tui.config import AppConfig
from wizard.tui.screens.base import WalkScreen
from wizard.tui.widgets.tree_text import literal

ROW_KEYS = "123456789abcdefghijklmnoprstuvwxyz"
"""The keys beside the answers, in order (no q: it quits everywhere)."""


class CheckRow(Static):
    """One answer: its key, the question and the answer given; a click changes it."""

    def __init__(self, key: str, node_id: str, question: str, answer: str) -> None:
        text = Content.assemble((f" {key} ", "reverse bold"), " ", literal(question, "bold"),
                                ": ", literal(answer))
        super().__init__(text, classes="check-row", markup=False)
        self.node_id = node_id

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ChangeRequested(self.node_id))


class CheckScreen(WalkScreen):
    """The list of answers at the end of a route, before (and from) the summary."""

    # The walk's styles and this page's own; WalkScreen names one file, so mypy sees a str.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["walk.tcss", "check.tcss"]  # type: ignore[assignment]
    AUTO_FOCUS = "#show-summary"

    def __init__(self, session: Session, config: AppConfig, no_longer: Sequence[str] = ()) -> None:
        super().__init__(session, config)
        self.rows: tuple[Answer, ...] = session.answered[: len(ROW_KEYS)]
        """The answers listed, in the order given; the n-th has the n-th key."""
        self.no_longer = tuple(no_longer)
        """Questions answered before the last change that the new route does not ask."""

    def where(self) -> str:
        return t("check_title")

    def compose_page(self) -> ComposeResult:
        nodes = self.session.tree.nodes
        with VerticalScroll(id="page"):
            yield Static(t("check_title"), id="check-title")
            yield Static(t("check_keys_how"), id="check-how")
            for key, answer in zip(ROW_KEYS, self.rows, strict=False):
                shown = ", ".join(self.session.labels(answer)) or t("check_no_answer")
                yield CheckRow(key, answer.node, nodes[answer.node].heading, shown)
            if self.no_longer:
                yield Static(t("check_no_longer"), id="check-no-longer")
                for node in self.no_longer:
                    yield Static(literal(f"- {nodes[node].heading}"), classes="check-gone",
                                 markup=False)
        with Horizontal(classes="actions"):
            yield Button(t("check_show_summary"), id="show-summary", variant="primary",
                         compact=True)

    def key_for(self, node_id: str) -> str:
        """The key drawn beside the answer to `node_id` (for tests and the help)."""
        for key, answer in zip(ROW_KEYS, self.rows, strict=False):
            if answer.node == node_id:
                return key
        raise KeyError(node_id)

    def on_key(self, event: events.Key) -> None:
        """A row's key asks that question again."""
        character = event.character
        if character is None or len(character) != 1:
            return
        index = ROW_KEYS.find(character.lower())
        if 0 <= index < len(self.rows):
            event.stop()
            event.prevent_default()
            self.post_message(ChangeRequested(self.rows[index].node))

    @on(Button.Pressed, "#show-summary")
    def _show_summary(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(SummaryRequested())
