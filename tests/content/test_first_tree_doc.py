"""docs/first-tree.md: its tree passes every check, reading level included, with --strict."""

from __future__ import annotations

import re
from datetime import date

from tests.conftest import ROOT
from wizard.model.governance import check_governance
from wizard.model.loader import check_text
from wizard.model.reading import check_reading

DOC = ROOT / "docs" / "first-tree.md"


def doc_tree() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 1
    return str(blocks[0])


def test_the_walk_through_tree_passes_every_check() -> None:
    tree, diagnostics = check_text(doc_tree(), "ankle.yaml")
    assert tree is not None
    # The review dates are checked against a fixed day, so this test does not age.
    problems = [str(d) for d in diagnostics if "due for review" not in d.message]
    problems += [str(d) for d in check_governance(tree, date(2026, 11, 22))]
    problems += [str(d) for d in check_reading(tree).diagnostics]
    assert problems == []


def test_the_walk_through_uses_the_authors_tools() -> None:
    text = DOC.read_text(encoding="utf-8")
    for command in (
        "wizard check --strict",
        "wizard run --watch",
        "wizard paths --cover",
        "wizard graph",
        "wizard diff",
        "--allow-overdue",
    ):
        assert command in text, command
