"""One outline, every output: text, Markdown, HTML, JSON and the summary widget show the same
sections, in the same order, under the same headings, with the same entries in the same order."""

from __future__ import annotations

import json

import pytest

from tests.render.summary_reading import flat, read_widget, readings
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.json import render_json
from wizard.render.outline import Outline, build_outline

CACTUS = {
    "danger": ["pets"],
    "kind": ["cactus"],
    "cactus_water": ["daily"],
    "symptoms": ["yellow", "spots"],
}
UNSURE = {"danger": ["fire"], "kind": ["unsure"], "symptoms": ["nothing"]}


def summary_for(tree: Tree, answers: dict[str, list[str]]) -> Summary:
    return walk(tree, answers).summary()


def expected(outline: Outline) -> list[tuple[str, list[str]]]:
    return [(s.heading, [flat(e.title) for e in s.entries]) for s in outline.sections]


def assert_shows(reading: list[tuple[str, str]], outline: Outline, name: str) -> None:
    """Same headings in the same order; each section's entries appear in it, in order."""
    assert [heading for heading, _ in reading] == [s.heading for s in outline.sections], name
    for (heading, body), (_, titles) in zip(reading, expected(outline), strict=True):
        at = 0
        for title in titles:
            found = body.find(title, at)
            assert found >= 0, f"{name}: '{title}' is not under '{heading}' after {at}: {body}"
            at = found + len(title)


def test_the_outline_reads_in_one_order(example_tree: Tree) -> None:
    outline = build_outline(summary_for(example_tree, CACTUS))
    assert [s.id for s in outline.sections] == [
        "glance",
        "urgent",
        "safety_net",
        "bring",
        "questions",
        "more_questions",  # with an urgent alert, the first page keeps one question
        "group:light",  # the glance names 'move' first, so its group's details come first
        "group:water",
        "resources",
        "answers",
        "sources",
        "note",
    ]
    glance = outline.sections[0]
    assert [(e.kind, e.title, e.detail) for e in glance.entries] == [
        ("urgent_line", "Urgent: A pet may be poisoned", ""),
        # the cactus order puts move first; its brief is the cactus one
        ("option", "Move it to better light", "A cactus wants the sunniest window you have."),
        ("option", "Water less", "Let the top of the soil dry before you water again."),
    ]


@pytest.mark.parametrize("answers", [CACTUS, UNSURE], ids=["cactus", "unsure"])
async def test_every_output_shows_the_same_outline(
    example_tree: Tree, answers: dict[str, list[str]]
) -> None:
    summary = summary_for(example_tree, answers)
    outline = build_outline(summary)
    for name, reading in readings(summary).items():
        assert_shows(reading, outline, name)
    assert_shows(await read_widget(summary), outline, "widget")


def test_json_keeps_the_contract_and_adds_at_a_glance(example_tree: Tree) -> None:
    data = json.loads(render_json(summary_for(example_tree, CACTUS)))
    assert {"tree", "answers", "facts", "red_flags", "treatments", "resources"} <= set(data)
    assert {"questions", "sources", "disclaimer"} <= set(data)
    assert data["at_a_glance"] == {
        "urgent": ["Urgent: A pet may be poisoned"],
        "options": [
            {
                "id": "move",
                "name": "Move it to better light",
                "brief": "A cactus wants the sunniest window you have.",
            },
            {
                "id": "less-water",
                "name": "Water less",
                "brief": "Let the top of the soil dry before you water again.",
            },
        ],
        "others": [],
    }
    assert data["safety_net"]["signs"][0]["contacts"] == ["Animal poison line (UK): 0100 000 001"]
    assert data["safety_net"]["write_in"] == "Your vet's phone number"
    assert data["bring"] == ["A photo of the whole plant", "A leaf with spots"]
    assert data["cautions"] == []
    assert [t["id"] for t in data["treatments"]] == ["less-water", "move"]  # group order stays


def test_nothing_listed_says_so_everywhere(example_tree: Tree) -> None:
    summary = summary_for(
        example_tree,
        {"danger": ["none"], "kind": ["fern"], "symptoms": ["nothing"], "humidity": ["moist"]},
    )
    assert summary.treatments == ()
    for name, reading in readings(summary).items():
        if name != "json":
            glance = dict(reading)["At a glance"]
            assert "Nothing in this guide is listed for these answers." in glance, name
