"""The JSON Schema that editors use agrees with the loader, and the bundled copy is current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT
from wizard.model.bundled import bundled_trees
from wizard.model.loader import check_text, parse_yaml
from wizard.model.schema import tree_schema

VALIDATOR = jsonschema.Draft7Validator(tree_schema())

# Structural breakage: the kind the schema can express (keys, types, shapes).
BROKEN = [
    ("format: 1", "format: 2"),
    ("id: garden", "id: Garden Tree"),
    ("title: Helping a tired houseplant", "title: [a]"),
    ('version: "1.0.0"', "version: true"),
    ("  last_reviewed: 2026-11-21", "  last_reviewed: last week"),
    ("start: welcome", "start: 12 b"),
    ("    kind: info\n    prompt: Welcome", "    kind: page\n    prompt: Welcome"),
    ("    about: Roots rot", "    abuot: Roots rot"),
    ("exclusive: true}\n    next: kind", "exclusive: yes}\n    next: kind"),
    ("    min: 1", "    min: one"),
    ("when: pet\n    sources: [book]", "when: {either: [pet]}\n    sources: [book]"),
    ("sets: [fern]", "sets: [Fern Fact]"),
    ("disclaimer: |", "colour: blue\ndisclaimer: |"),
    ("    prompt: Take a photo\n", "    prompt: Take a photo\n    options: [{id: a, label: A}]\n"),
    ("  - {id: water, title: Water and soil, about: What goes into the pot.}", "  - {id: water}"),
]


def plain(data: object) -> object:
    """Marked data as plain JSON-like data (what the schema validator sees)."""
    return json.loads(json.dumps(data))


def schema_accepts(text: str) -> bool:
    data, problems = parse_yaml(text, "t.yaml")
    assert not problems
    return VALIDATOR.is_valid(plain(data))


def loader_accepts(text: str) -> bool:
    tree, diagnostics = check_text(text, "t.yaml")
    return tree is not None and not any(d.is_error for d in diagnostics)


def test_the_schema_is_valid_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(tree_schema())


@pytest.mark.parametrize(
    "path", [*bundled_trees(), ROOT / "tests" / "trees" / "example.yaml"], ids=lambda p: p.name
)
def test_schema_and_loader_accept_every_good_tree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert loader_accepts(text)
    assert schema_accepts(text), [
        e.message for e in VALIDATOR.iter_errors(plain(parse_yaml(text, "x")[0]))
    ][:5]


@pytest.mark.parametrize(("old", "new"), BROKEN, ids=[new[:30] for _, new in BROKEN])
def test_schema_and_loader_refuse_the_same_broken_trees(
    example_text: str, old: str, new: str
) -> None:
    assert old in example_text
    text = example_text.replace(old, new, 1)
    assert not loader_accepts(text)
    assert not schema_accepts(text)


def test_the_bundled_schema_file_is_current() -> None:
    bundled = ROOT / "trees" / "tree.schema.json"
    assert json.loads(bundled.read_text(encoding="utf-8")) == tree_schema(), (
        "run: wizard schema > trees/tree.schema.json"
    )
