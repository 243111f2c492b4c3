"""Markdown from a tree: links and images become words, HTML stays characters (no Pilot needed)."""

from __future__ import annotations

import pytest

from wizard.tui.widgets.tree_markdown import inert_parser


def inline_text(markdown: str) -> list[str]:
    """Each inline block as the text the Markdown widget would draw, and no token that links."""
    blocks = []
    for token in inert_parser().parse(markdown):
        if token.type == "inline":
            children = token.children or []
            assert {child.type for child in children}.isdisjoint({"link_open", "image"})
            blocks.append("".join(child.content for child in children if child.type == "text"))
    return blocks


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("See [the leaflet](https://evil.example/x).", ["See the leaflet (https://evil.example/x)."]),
        ("[ref link][r]\n\n[r]: https://evil.example/r", ["ref link (https://evil.example/r)"]),
        ("<https://evil.example/auto>", ["https://evil.example/auto"]),
        ("www.evil.example", ["www.evil.example"]),
        ("![a tracker](https://evil.example/p.png)", ["[image: a tracker]"]),
        ("![](https://evil.example/p.png)", ["[image]"]),
        ("[![logo](https://e/i.png)](https://e/)", ["[image: logo] (https://e/)"]),
        ('<a href="https://evil.example">x</a>', ['<a href="https://evil.example">x</a>']),
        ("|a|\n|-|\n|[c](https://e/c)|", ["a", "c (https://e/c)"]),
        ("[@click=app.quit]Leave[/]", ["[@click=app.quit]Leave[/]"]),
    ],
)
def test_links_and_images_are_words(markdown: str, shown: list[str]) -> None:
    assert inline_text(markdown) == shown
