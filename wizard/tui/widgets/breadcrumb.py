"""The answers given so far, each a link back to its question."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.model.plain import strip_control
from wizard.render.words import t

SEPARATOR = " › "


def crumb_content(crumbs: Sequence[tuple[str, str]]) -> Content:
    """'Your answers: A › B › C' where a click on an answer runs `app.jump_to(node)`.

    Node ids are `[a-z0-9_]+` (the loader checks), so they are safe inside the action; labels
    go in as template variables, so a bracket in a label is never read as markup (and control
    characters are removed first, as everywhere tree text is shown).
    """
    parts: list[Content] = [Content.styled(t("your_answers"), "bold")]
    for position, (node_id, label) in enumerate(crumbs):
        if position:
            parts.append(Content(SEPARATOR))
        parts.append(
            Content.from_markup(
                f"[@click=app.jump_to('{node_id}')]$label[/]", label=strip_control(label)
            )
        )
    return Content("").join(parts)


class Breadcrumb(VerticalScroll, can_focus=False):
    """At most a few lines tall; when the trail is longer it scrolls, showing the latest."""

    def __init__(self, crumbs: Sequence[tuple[str, str]]) -> None:
        super().__init__(id="breadcrumb")
        self._crumbs = tuple(crumbs)
        self.display = bool(self._crumbs)

    def compose(self) -> ComposeResult:
        yield Static(crumb_content(self._crumbs), id="crumbs")

    def on_mount(self) -> None:
        self.scroll_end(animate=False, immediate=True)
