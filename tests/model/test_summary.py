"""What the summary lists and why, and that every renderer says the same things."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.html import render_html
from wizard.render.json import render_json
from wizard.render.markdown import render_markdown
from wizard.render.reasons import because, rule
from wizard.render.text import render_text

CACTUS = {
    "danger": ["pets"],
    "kind": ["cactus"],
    "cactus_water": ["daily"],
    "symptoms": ["yellow", "spots"],
}
FERN = {"danger": ["none"], "kind": ["fern"], "symptoms": ["brown"], "humidity": ["dry"]}


def summary_for(tree: Tree, answers: dict[str, list[str]]) -> Summary:
    return walk(tree, answers).summary()


def test_items_are_listed_in_group_order_with_reasons(example_tree: Tree) -> None:
    summary = summary_for(example_tree, CACTUS)
    assert [g.group.id for g in summary.groups] == ["water", "light"]
    water = summary.groups[0].treatments[0]
    assert water.item.id == "less-water"
    assert water.said == ("Every day", "Yellow leaves")  # facts; the words are the renderer's
    assert because(water) == ("You said: Every day", "You said: Yellow leaves")
    assert water.notes == ("A cactus needs water only every few weeks.",)
    worded = rule(water, summary.fact_labels)
    assert "'Every day'" in worded and "'Yellow leaves'" in worded
    assert [t.item.id for t in summary.treatments] == ["less-water", "move"]


def test_not_conditions_and_tailored_notes(example_tree: Tree) -> None:
    summary = summary_for(example_tree, FERN)
    assert [t.item.id for t in summary.treatments] == ["mist"]
    cactus = summary_for(example_tree, {**CACTUS, "symptoms": ["brown"], "humidity": ["dry"]})
    assert "mist" not in [t.item.id for t in cactus.treatments]  # {not: dry_lover}


def test_resources_questions_red_flags_and_sources(example_tree: Tree) -> None:
    summary = summary_for(example_tree, CACTUS)
    assert [r.item.id for r in summary.resources] == ["shop", "vet"]
    assert summary.resources[0].for_everyone and summary.resources[0].said == ()
    assert because(summary.resources[0]) == ("Listed for everyone who uses this guide.",)
    assert [q.item.text for q in summary.questions] == [
        "How much light does it need?",
        "Is it safe for pets?",
    ]
    assert [f.id for f in summary.red_flags] == ["pets"]
    assert [s.id for s in summary.sources] == ["rhs", "book"]
    assert summary.outcome is not None and summary.title == "Your plant plan"


def test_json_follows_the_contract(example_tree: Tree) -> None:
    data = json.loads(render_json(summary_for(example_tree, CACTUS)))
    assert set(data) >= {
        "tree",
        "answers",
        "facts",
        "red_flags",
        "treatments",
        "resources",
        "questions",
        "sources",
        "disclaimer",
    }
    assert data["tree"] == {"id": "garden", "version": "1.0.0"}
    assert data["answers"][0] == {"node": "danger", "options": ["pets"]}
    assert data["facts"] == sorted(data["facts"])
    assert data["red_flags"][0]["id"] == "pets" and data["red_flags"][0]["advice"]
    treatment = data["treatments"][0]
    assert set(treatment) >= {
        "id",
        "name",
        "group",
        "about",
        "side_effects",
        "notes",
        "because",
        "sources",
    }
    assert set(treatment["side_effects"]) == {"common", "serious"}
    assert data["resources"][0]["because"] == ["Listed for everyone who uses this guide."]
    assert all(isinstance(q, str) for q in data["questions"])
    assert {"id", "title", "url"} <= set(data["sources"][0])


def test_text_and_markdown_carry_everything(example_tree: Tree) -> None:
    summary = summary_for(example_tree, CACTUS)
    for rendered in (render_text(summary), render_markdown(summary)):
        for needle in (
            "A pet may be poisoned",
            "Water less",
            "let the soil dry",
            "Water only when the top",
            "droop for a day",
            "None known",
            "A cactus needs water",
            "Every day",
            "A local plant shop",
            "0100 000 000",
            "Is it safe for pets?",
            "Houseplant care",
            "does not replace a visit",
            "2027-11-21",
        ):
            assert needle in rendered, needle
    assert render_text(summary).index("A pet may be poisoned") < render_text(summary).index(
        "Water less"
    )


def test_markdown_keeps_tree_text_literal(example_tree: Tree) -> None:
    summary = summary_for(example_tree, CACTUS)
    tricky = summary.tree.disclaimer
    assert "*" not in tricky  # the escaping below is about content that has such characters
    from wizard.render.markdown import _escape

    assert _escape("use *care* with #1 <b>") == "use \\*care\\* with \\#1 \\<b\\>"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs = attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_standalone_and_printable(example_tree: Tree) -> None:
    page = render_html(summary_for(example_tree, CACTUS))
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert "@media print" in page
    text = " ".join(parser.text)
    assert (
        "A pet may be poisoned" in text and "Water less" in text and "Is it safe for pets?" in text
    )
