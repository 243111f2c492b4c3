"""The README's table of what each syndrome lists is the tree's own answer, kept current.

Each row is what `walk` lists, in "At a glance" order, for a person whose care team named that
syndrome, with no symptoms ticked, a cancer being treated and no antibody named. Symptoms,
antibodies and treatments already had add to these rows; the tests in this folder cover those.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.content.routes import SYNDROME_ROUTES, TREE, neuro, summary_of
from wizard.model.loader import load_tree

README = Path(__file__).parents[2] / "README.md"
START = "<!-- syndrome-table:start -->"
END = "<!-- syndrome-table:end -->"


def expected_rows() -> list[str]:
    tree: Any = load_tree(TREE)
    labels = {option.id: option.label for option in tree.nodes["syndrome"].options}
    rows = ['| syndrome named | listed, in "At a glance" order |', "|---|---|"]
    for syndrome, age in SYNDROME_ROUTES:
        summary = summary_of(tree, neuro(syndrome, age=age))
        name = labels[syndrome] + (f", {age}" if age else "")
        rows.append(f"| {name} | {', '.join(item.item.name for item in summary.glance)} |")
    return rows


def test_readme_syndrome_table_matches_the_tree() -> None:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    table = text.split(START)[1].split(END)[0].strip().splitlines()
    expected = expected_rows()
    assert table == expected, "README table is out of date; expected:\n" + "\n".join(expected)
