"""`load_tree` leaves out the warning-only searches (conditions that can never hold), and still
reports every warning when the tree has errors to report."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.errors import TreeError
from wizard.model.loader import check_text, load_tree

NEVER = ("when: fine_water", "when: {all: [fine_water, overwater]}")
WARNING = "treatment 'keep' can never apply"


def test_the_searches_are_left_out_only_when_asked(example_text: str) -> None:
    text = example_text.replace(*NEVER)
    assert text != example_text
    assert any(WARNING in str(d) for d in check_text(text, "t.yaml")[1])
    tree, diagnostics = check_text(text, "t.yaml", searches=False)
    assert tree is not None
    assert not any(WARNING in str(d) for d in diagnostics)


def test_a_tree_that_cannot_load_reports_the_searches_warnings(
    example_text: str, tmp_path: Path
) -> None:
    path = tmp_path / "t.yaml"
    text = example_text.replace(*NEVER).replace("\nnodes:", "\nbogus_key: 1\nnodes:", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TreeError) as raised:
        load_tree(path)
    found = [str(d) for d in raised.value.diagnostics]
    assert any("error" in line for line in found)
    assert any(WARNING in line for line in found)
