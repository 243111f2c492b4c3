"""Addresses in text output are never broken inside: a copied or printed link must work.

textwrap's defaults break at hyphens and inside words longer than the line, so
https://example.org/a-long-path could end up over two lines. Every plain-text output (`walk`'s
text, Copy and Print in the app, `wizard ask`) wraps through render.text.wrap_whole."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from wizard.ask.session import run_ask
from wizard.model.loader import load_tree
from wizard.model.machine import walk
from wizard.model.tree import Tree
from wizard.render.text import render_text

EXAMPLE = Path(__file__).parents[1] / "trees" / "example.yaml"
LONG = ("https://plants.example.org/care-guides/indoor-plants/ferns-and-other-moisture-loving-"
        "plants/yellow-leaves-and-drooping-what-it-means-and-what-to-do")
HYPHENED = "https://example.org/houseplant-care-for-people-who-are-new-to-it"
ANSWERS = {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow", "droop"], "humidity": ["dry"]}


def tree_with_long_addresses() -> Tree:
    tree = load_tree(EXAMPLE)
    sources = {key: dataclasses.replace(source, url=LONG if key == "rhs" else HYPHENED)
               for key, source in tree.sources.items()}
    return dataclasses.replace(tree, sources=sources)


def assert_whole(text: str) -> None:
    lines = text.splitlines()
    for address in (LONG, HYPHENED):
        assert any(address in line for line in lines), address
        assert not any(line.rstrip().endswith(address[:30]) for line in lines)


def test_walk_copy_and_print_text_keep_each_address_on_one_line() -> None:
    text = render_text(walk(tree_with_long_addresses(), ANSWERS).summary())
    assert_whole(text)


def test_ask_keeps_each_address_on_one_line() -> None:
    out = io.StringIO()
    run_ask(tree_with_long_addresses(), io.StringIO("\n3\n2\n1 3\n1\n"), out)
    assert_whole(out.getvalue())
