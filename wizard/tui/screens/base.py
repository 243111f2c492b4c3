"""What every page of a walk shares: the top bar, the breadcrumb, Back, and the footer (and in
the educator mode, the tree panel).

The page right after a red-flag answer (shown under the alert the answer raised) also keeps each
flag's title and advice on the page itself (`urgent_advice`), so the advice is still there to
follow once the alert is closed, and when the person comes Back to that page later: such a page
may well say "follow the advice on the screen".

What a page says is the shared page view's (wizard/render/pageview.py), built once here: the
screens only decide how it looks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from wizard.render.pageview import PageView, build_page
from wizard.render.words import t
from wizard.tui.messages import BackRequested
from wizard.tui.widgets.breadcrumb import Breadcrumb
from wizard.tui.widgets.top_bar import TopBar
from wizard.tui.widgets.urgent import urgent_card

if TYPE_CHECKING:
    from textual.widgets import Static

    from wizard.model.machine import Session
    from wizard.tui.config import AppConfig

CRUMB_WIDTH = 28


def shorten(text: str, width: int = CRUMB_WIDTH) -> str:
    """A label cut to `width` characters with an ellipsis, for the breadcrumb."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class WalkScreen(Screen[None]):
    """A page showing the session's current node; subclasses compose the middle part."""

    CSS_PATH = "walk.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "go_back", t("back"), key_display=t("key_esc")),
    ]

    def __init__(self, session: Session, config: AppConfig) -> None:
        super().__init__()
        self.session = session
        self.config = config
        """What this run offers (wizard/tui/config.py)."""
        self.node = session.current
        """The node this page shows; the app replaces the page when the session moves on."""
        self.view: PageView = build_page(session)
        """What this page says (heading, progress, options, urgent advice, ...)."""

    def where(self) -> str:
        """The progress text for the top bar."""
        return self.view.progress

    def compose(self) -> ComposeResult:
        crumbs = [
            (answer.node, shorten(", ".join(self.session.labels(answer))))
            for answer in self.session.answered
        ]
        yield TopBar(self.session.tree.title, self.where())
        yield Breadcrumb(crumbs)
        yield from self.compose_page()
        yield Footer(compact=True)
        if self.config.shows_tree:  # docked right, after the footer: the footer stays wide
            from wizard.tui.widgets.tree_panel import TreePanel

            yield TreePanel(self.session)

    def compose_page(self) -> ComposeResult:
        """The middle of the page, between the breadcrumb and the footer."""
        yield from ()

    def urgent_advice(self) -> Iterator[Static]:
        """A card for each red flag just raised, for pages to place under their prompt."""
        for urgent in self.view.urgent:
            yield urgent_card(urgent)

    def action_go_back(self) -> None:
        self.post_message(BackRequested(self.node.id))
