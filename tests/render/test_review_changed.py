"""Content changed after its last review says so wherever the review is stated: the summary's
closing line in every output (text, Markdown, HTML, JSON, the summary widget) and the welcome
page's line (the shared `version_line` that the app and the web page show)."""

from __future__ import annotations

import json

import pytest

from tests.render.summary_reading import flat, read_widget
from wizard.model.loader import check_text
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.html import render_html
from wizard.render.json import render_json
from wizard.render.markdown import render_markdown
from wizard.render.outline import Paragraph, build_outline
from wizard.render.review_lines import version_line
from wizard.render.text import render_text

ANSWERS = {"danger": ["fire"], "kind": ["unsure"], "symptoms": ["nothing"]}
CHANGED = (
    "Content last reviewed 2026-11-21; changed on 2026-12-05 and not yet reviewed again; next "
    "review due 2027-11-21."
)
REVIEWED = "Content reviewed 2026-11-21; next review due 2027-11-21."


def tree_changed_on(example_text: str, day: str) -> Tree:
    text = example_text.replace(
        "  next_review: 2027-11-21\n", f"  next_review: 2027-11-21\n  changed: {day}\n", 1
    )
    assert text != example_text
    tree, _ = check_text(text, "example.yaml")
    assert tree is not None
    return tree


def summary_of(tree: Tree) -> Summary:
    return walk(tree, ANSWERS).summary()


def closing_line(summary: Summary) -> str:
    note = build_outline(summary).section("note")
    assert note is not None
    [line] = [b.text for b in note.blocks if isinstance(b, Paragraph) and b.role == "reviewed"]
    return line


def test_the_outline_says_the_content_changed_after_its_review(example_text: str) -> None:
    assert closing_line(summary_of(tree_changed_on(example_text, "2026-12-05"))) == CHANGED


@pytest.mark.parametrize("day", ["2026-11-21", "2026-11-01"], ids=["same-day", "before"])
def test_a_change_the_review_covered_leaves_the_plain_line(example_text: str, day: str) -> None:
    assert closing_line(summary_of(tree_changed_on(example_text, day))) == REVIEWED


def test_a_tree_without_changed_says_it_was_reviewed(example_tree: Tree) -> None:
    assert closing_line(summary_of(example_tree)) == REVIEWED


async def test_every_output_ends_with_the_changed_line(example_text: str) -> None:
    summary = summary_of(tree_changed_on(example_text, "2026-12-05"))
    shown = {
        "text": flat(render_text(summary)),
        "markdown": flat(render_markdown(summary).replace("\\", "")),
        "html": flat(render_html(summary)),
        "json": json.loads(render_json(summary))["review"]["text"],
        "widget": " ".join(body for _, body in await read_widget(summary)),
    }
    for name, text in shown.items():
        assert CHANGED in text, name
        assert REVIEWED not in text and "Content reviewed" not in text, name


def test_json_adds_the_review_with_the_change(example_text: str, example_tree: Tree) -> None:
    data = json.loads(render_json(summary_of(tree_changed_on(example_text, "2026-12-05"))))
    assert data["review"] == {
        "last_reviewed": "2026-11-21",
        "next_review": "2027-11-21",
        "changed": "2026-12-05",
        "text": CHANGED,
    }
    assert {"tree", "disclaimer", "outline"} <= set(data)  # nothing renamed
    plain = json.loads(render_json(summary_of(example_tree)))["review"]
    assert (plain["changed"], plain["text"]) == (None, REVIEWED)
    covered = json.loads(render_json(summary_of(tree_changed_on(example_text, "2026-11-01"))))
    assert covered["review"]["changed"] is None  # the review covered that change


def test_the_welcome_line_says_the_content_changed(example_text: str, example_tree: Tree) -> None:
    version = example_tree.version
    assert version_line(tree_changed_on(example_text, "2026-12-05")) == (
        f"Content version {version} · last reviewed 2026-11-21 · changed on 2026-12-05 and not "
        "yet reviewed again"
    )
    assert version_line(example_tree) == f"Content version {version} · last reviewed 2026-11-21"
    assert version_line(tree_changed_on(example_text, "2026-11-21")) == version_line(example_tree)
