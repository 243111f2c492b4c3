"""What every page of a walk shares: the top bar, the breadcrumb, Back, and the footer (and in
the educator mode, the tree panel).

The page right after a red-flag answer (shown under the alert the answer raised) also keeps each
flag's title and advice on the page itself (`urgent_advice`), so the advice is still there to
follow once the alert is closed, and when the person comes Back to that page later: such a page
may well say "follow the advice on the screen"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from wizard.render.words import progress_words, t
from wizard.tui.messages import BackRequested
from wizard.tui.widgets.breadcrumb import Breadcrumb
from wizard.tui.widgets.top_bar import TopBar
from wizard.tui.widgets.urgent import urgent_card

if TYPE_CHECKING:
    from textual.widgets import Static

    from wizard.model.machine import Session
    from wizard.model.tree import RedFlag
    from wizard.tui.config import AppConfig

CRUMB_WIDTH = 28


def shorten(text: str, width: int = CRUMB_WIDTH) -> str:
    """A label cut to `width` characters with an ellipsis, for the breadcrumb."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def flags_leading_here(session: Session) -> tuple[RedFlag, ...]:
    """The red flags raised by the last answer given (the one that led to the current page),
    in the order they were raised; none when that answer raised none."""
    if not session.history:
        return ()
    last = session.history[-1]
    picked = set(last.options)
    named = {o.red_flag for o in session.tree.nodes[last.node].options if o.id in picked}
    return tuple(flag for flag in session.red_flags if flag.id in named)


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
        self.raised = flags_leading_here(session)
        """The red flags of the answer that led to this page."""

    def where(self) -> str:
        """The progress text for the top bar."""
        return progress_words(self.session.progress(), self.node.is_question)

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
        for flag in self.raised:
            yield urgent_card(flag)

    def action_go_back(self) -> None:
        self.post_message(BackRequested(self.node.id))
