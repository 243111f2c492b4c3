"""One list of every text a person reads (wizard/model/texts.py), derived from the spec: every
text field of the format is in it or marked as not read, and the Tree's classes hold every
field the walk looks for, so a new key is graded, translated and compared without a hand list."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from wizard.model import reading, translation
from wizard.model.diff import text_changes
from wizard.model.loader import load_tree, parse_yaml
from wizard.model.spec import OBJECTS, READ_ROLES, TEXT_TYPES
from wizard.model.texts import GRADED, PEOPLE, TRANSLATED, person_texts, text_fields
from wizard.model.tree import Tree

ROOT = Path(__file__).resolve().parents[2]
TREES = [
    ROOT / "trees" / "paraneoplastic.yaml",
    ROOT / "tests" / "trees" / "cover.yaml",
    ROOT / "tests" / "trees" / "example.yaml",
]
EVERY_ROLE = frozenset(READ_ROLES)


def test_every_text_field_of_the_spec_says_who_reads_it() -> None:
    fields = list(text_fields())
    assert fields, "the spec has text fields"
    for kind, spec in fields:
        assert spec.read in READ_ROLES, f"{kind}.{spec.name}: read={spec.read!r}"


def _element(hint: Any) -> Any:
    """The dataclass a field's type hint holds: X, X | None, tuple[X, ...], Mapping[str, X]."""
    for arg in typing.get_args(hint) or ():
        if dataclasses.is_dataclass(arg):
            return arg
        inner = _element(arg)
        if inner is not None:
            return inner
    return hint if dataclasses.is_dataclass(hint) else None


def test_the_tree_classes_hold_every_field_the_spec_declares() -> None:
    """A spec key whose Tree attribute has another name would be silently left out of the list:
    every text field and every nested object of the spec is an attribute of its class."""
    seen: set[str] = set()

    def visit(kind: str, cls: type) -> None:
        if kind in seen:
            return
        seen.add(kind)
        hints = typing.get_type_hints(cls)
        for spec in OBJECTS[kind]:
            inner = spec.type.partition(":")[2]
            if spec.type in TEXT_TYPES or inner:
                assert spec.name in hints, f"{cls.__name__} has no '{spec.name}' ({kind})"
            if inner:
                element = _element(hints[spec.name])
                assert element is not None, f"{cls.__name__}.{spec.name}"
                visit(inner, element)

    visit("tree", Tree)
    assert "option" in seen and "side_effects" in seen


def _raw_texts(kind: str, data: Any, key: str) -> Iterator[tuple[str, str]]:
    """(key, text) for every string the file has in a text field, by the spec alone."""
    fields = {f.name: f for f in OBJECTS[kind]}
    for name, value in data.items():
        spec = fields[name]
        here = f"{key}.{name}" if key else name
        shape, _, inner = spec.type.partition(":")
        if spec.type in ("text", "line") and isinstance(value, str):
            yield here, value
        elif spec.type == "texts":
            yield from ((f"{here}.{n}", item) for n, item in enumerate(value))
        elif shape == "object":
            yield from _raw_texts(inner, value, here)
        elif shape == "map":
            for item_id, item in value.items():
                yield from _raw_texts(inner, item, f"{here}.{item_id}")
        elif shape == "list":
            for n, item in enumerate(value):
                ident = item.get("id") if isinstance(item, Mapping) else None
                yield from _raw_texts(inner, item, f"{here}.{ident or n}")


@pytest.mark.parametrize("path", TREES, ids=lambda p: p.name)
def test_every_string_of_a_tree_file_is_in_the_list_or_its_field_is_not_text(path: Path) -> None:
    """Read the YAML with no help from the Tree: each string in a text field is in the list
    (with its key); strings elsewhere are ids, references and conditions, which the spec types
    say are for the program."""
    data, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert data is not None, problems
    listed = {t.key: t.text for t in person_texts(load_tree(path), EVERY_ROLE)}
    raw = {key: text for key, text in _raw_texts("tree", data, "") if text.strip()}
    missing = {k: text for k, text in raw.items() if listed.get(k, "").strip() != text.strip()}
    assert not missing
    assert set(raw) <= set(listed)  # the list may hold defaults the file leaves out


def test_the_three_users_read_the_one_list() -> None:
    tree = load_tree(TREES[0])
    every = person_texts(tree, EVERY_ROLE)
    graded = [t for t in every if t.role in GRADED]
    assert [(m, w, x) for m, w, x in reading.tree_texts(tree)] == [
        (t.mark, t.what, t.text) for t in graded
    ]
    assert translation.tree_texts(tree) == {t.key: t.text for t in every if t.role in TRANSLATED}
    # The diff compares every text a person reads: rewording any of them is a change.
    for text in person_texts(tree, PEOPLE):
        edited = _edit(tree, text.key)
        assert [c.where for c in text_changes(tree, edited)] == [text.what]


def _edit(tree: Tree, key: str) -> Tree:
    from wizard.model.texts import replace_texts

    return replace_texts(tree, lambda t: t.text + " (new)" if t.key == key else t.text, PEOPLE)


def test_group_headings_and_paragraphs_are_in_the_list() -> None:
    """The diff once missed them: a reworded group heading passed as "no differences"."""
    tree = load_tree(TREES[0])
    keys = {t.key for t in person_texts(tree)}
    assert all(f"groups.{g.id}.title" in keys for g in tree.groups)
    assert any(f"groups.{g.id}.about" in keys for g in tree.groups if g.about)
