"""Markdown from a tree (a node's `text` and `help`), shown with nothing live in it.

The tree format says `help` and an info node's `text` are Markdown, so emphasis, lists and
headings are drawn. What Markdown could do beyond drawing text is switched off, because this app
runs on shared screens (kiosks) and in browsers, and tree text is data:

- A link becomes its words followed by its address in brackets, "care team (https://…)": the
  reader still learns where it points, but there is nothing to click (Textual would otherwise
  make the words a click action that asks the app to open the address).
- An image becomes "[image: its description]": no address is ever fetched or offered.
- Raw HTML is shown as the characters it is, not dropped or interpreted.
- Control characters are removed first (`wizard.model.plain.strip_control`).

`open_links=False` stays on as well, in case a later Textual makes links some other way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from textual.widgets import Markdown

from wizard.model.plain import strip_control
from wizard.render.words import t

SHOWN_AS_ADDRESS = ("autolink", "linkify")
"""Links whose words are already their address (`<https://…>`, a bare `www.…`)."""


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def inert_inline(children: Sequence[Token]) -> Iterator[Token]:
    """An inline token stream with every link and image turned into plain text tokens."""
    open_links: list[Token] = []
    for token in children:
        if token.type == "link_open":
            open_links.append(token)
        elif token.type == "link_close" and open_links:
            opened = open_links.pop()
            if opened.markup not in SHOWN_AS_ADDRESS:
                yield _text(f" ({opened.attrs.get('href', '')})")
        elif token.type == "image":
            described = token.content or "".join(child.content for child in token.children or ())
            yield _text(t("image", alt=described) if described else t("image_bare"))
        else:
            yield token


def _inert_rule(state: StateCore) -> None:
    """A core rule: runs after inline parsing, over every inline block (tables included)."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = list(inert_inline(block.children))


def inert_parser() -> MarkdownIt:
    """Textual's own "gfm-like" Markdown, with raw HTML off and links and images made text."""
    parser = MarkdownIt("gfm-like", {"html": False})
    parser.core.ruler.push("inert_links", _inert_rule)
    return parser


class TreeMarkdown(Markdown):
    """A tree author's Markdown, drawn with no link, image or HTML live in it."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(strip_control(text), id=id, parser_factory=inert_parser, open_links=False)
