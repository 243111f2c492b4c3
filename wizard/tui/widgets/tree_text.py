"""Tree text on screen: always literal, never markup.

Textual reads markup in plain strings (`Static("...")`, `border_title`, notifications, the
prompts of `OptionList` and the labels of `Tree`), so a tree with `[@click=app.quit]` in a name
would put a live button on the screen, `Drug [/]` would crash the page, and `Rituximab
[Rituxan]` would lose its brackets. Every widget that shows a tree author's words takes them
through one of these two functions instead: a `Content` (Textual) or a `rich.text.Text` (Rich
renderables such as the answer rows) built from the characters as they are, with control
characters removed (`wizard.model.plain.strip_control`) as a second line of defence behind
`wizard check`. Markdown from a tree goes through `wizard.tui.widgets.tree_markdown` instead.

Cheap to import (no widgets), so the welcome screen can use it without slowing the first paint.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from wizard.model.plain import strip_control


def literal(text: str, style: str = "") -> Content:
    """Tree text as Textual content: shown exactly as written, never read as markup."""
    clean = strip_control(text)
    return Content.styled(clean, style) if style else Content(clean)


def plain(text: str, style: str = "") -> Text:
    """Tree text as a Rich `Text`, for Rich renderables (tables, option rows, tree labels)."""
    return Text(strip_control(text), style=style)
