"""Node kinds are declared once (wizard/model/kinds.py): nobody else names a kind."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.model.kinds import KINDS
from wizard.model.loader import check_text
from wizard.model.machine import Session, walk
from wizard.model.schema import tree_schema

KIND_NAMES = frozenset(KINDS)
TABLE = ROOT / "wizard" / "model" / "kinds.py"


def _mentions_kind(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Attribute) and n.attr == "kind")
        or (isinstance(n, ast.Name) and n.id == "kind")
        for n in ast.walk(node)
    )


def _kind_constants(node: ast.AST) -> list[str]:
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in KIND_NAMES
    ]


def bare_kind_strings(path: Path, root: Path = ROOT) -> list[str]:
    """Where a file compares a kind with a string or lists kinds itself, as `file:line`.

    A comparison of something called `kind` with a kind's name, or a literal (tuple, list, set,
    dict keys, `Literal[...]`) naming two kinds or more. The words "outcome" or "multi" used for
    something else (a JSON key, a CLI option) are not kinds and are let be.
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            listed = _mentions_kind(node) and bool(_kind_constants(node))
        elif isinstance(node, ast.Dict):
            listed = len({c for key in node.keys if key for c in _kind_constants(key)}) >= 2
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Subscript)):
            listed = len(set(_kind_constants(node))) >= 2
        else:
            continue
        if listed:
            found.add((node.lineno, f"{path.relative_to(root)}:{node.lineno}"))
    return [where for _, where in sorted(found)]


def test_no_module_but_the_table_names_a_node_kind() -> None:
    files = [p for p in sorted((ROOT / "wizard").rglob("*.py")) if p != TABLE]
    assert [where for path in files for where in bare_kind_strings(path)] == []


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'if node.kind == "choice": pass\n'
        'if kind in ("multi", "info"): pass\n'
        'REQUIRED = {"info": 1, "outcome": 2}\n'
        'data = {"outcome": 1, "answers": 2}\n',  # a JSON key, not a kind
        encoding="utf-8",
    )
    assert bare_kind_strings(sample, tmp_path) == ["sample.py:1", "sample.py:2", "sample.py:3"]


RATING_TREE = """
format: 1
id: rating
title: A rating
version: "1"
review: {last_reviewed: 2026-01-01, next_review: 2027-01-01}
disclaimer: Only a test.
start: how
nodes:
  how:
    kind: yesno
    prompt: Is it fine?
    options:
      - {id: "yes", label: "Yes", next: done}
      - {id: "no", label: "No", sets: [bad]}
    next: done
  done: {kind: outcome, title: Done}
"""


def test_a_new_kind_is_a_row_of_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kind that behaves like an existing one needs nothing but its row."""
    yesno = replace(KINDS["choice"], name="yesno", doc="A yes/no question.")
    monkeypatch.setitem(KINDS, "yesno", yesno)
    tree, diagnostics = check_text(RATING_TREE, "rating.yaml")
    assert tree is not None and [d for d in diagnostics if d.is_error] == []
    assert walk(tree, {"how": ["no"]}).facts == {"bad"}
    assert Session(tree).progress().most == 1
    node_schema = tree_schema()["definitions"]["node"]
    assert {"const": "yesno"} in [b["properties"]["kind"] for b in node_schema["oneOf"]]
