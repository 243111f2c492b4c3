"""The educator's side panel: the whole tree, with this person's route through it.

Every node of the tree is one row, in the tree's order, marked in symbols and words (never by
colour alone): `✓` on the route taken, `◆ … ◀ here` for the current node, `⤼ … (skipped)` for a
node whose `when` did not hold, `·` for a node not reached. A node opens to its options, `✓` on
the ones picked, `○` on the others, with where an option leads when it has a `next` of its own;
the questions on the route and the current one are open, so the answers given show at a glance.
Where a node stands comes from `wizard.tui.educator.mark_nodes`; the panel only draws it. Each page
of the walk builds its own panel, so it is always current.

Labels are the tree's words, so they go in as `rich.text.Text` (a `Tree` reads a plain string
as markup), without control characters.

Shown beside the page on wide terminals (100 columns or more) and hidden on narrow ones; ctrl+e
shows or hides it (the rule lives in screens/walk.tcss, the key in the app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Tree

from wizard.render.words import t
from wizard.tui.educator import NodeMark, mark_nodes, shorten
from wizard.tui.widgets.tree_text import plain

if TYPE_CHECKING:
    from wizard.model.machine import Session
    from wizard.model.tree import Tree as DecisionTree

LABEL_WIDTH = 38
STYLES = {"route": "", "current": "bold", "skipped": "dim italic", "ahead": "dim"}


def node_label(mark: NodeMark) -> Text:
    """A node's row: its marker and words, styled by where it stands (the words say it too)."""
    return plain(mark.label(LABEL_WIDTH), STYLES[mark.standing])


def option_rows(mark: NodeMark, tree: DecisionTree) -> list[Text]:
    """The options of a node: '✓ A fern' when picked, '○ Not sure → Take a photo' otherwise."""
    rows = []
    for option in mark.node.options:
        chosen = option.id in mark.picked
        row = plain(f"{'✓' if chosen else '○'} {shorten(option.label, LABEL_WIDTH)}")
        if chosen:
            row.stylize("bold")
        if option.next is not None and option.next in tree.nodes:
            target = shorten(tree.nodes[option.next].heading, LABEL_WIDTH // 2)
            row.append_text(plain(f" → {target}", "dim"))
        rows.append(row)
    return rows


class TreePanel(Tree[str]):
    """The tree as a Textual `Tree`; each row's data is its node id (the tests read it)."""

    def __init__(self, session: Session) -> None:
        super().__init__(plain(session.tree.title, "bold"), id="tree-panel")
        self.marks = mark_nodes(session)
        self.guide = session.tree
        """The decision tree (not Textual's DOM tree)."""
        self.border_title = t("whole_tree")
        self.guide_depth = 2

    def on_mount(self) -> None:
        """Add one row per node; open the route's and put the cursor on the current one."""
        self.root.expand()
        line, cursor = 1, 0  # line 0 is the root
        for mark in self.marks:
            options = option_rows(mark, self.guide)
            label = node_label(mark)
            if mark.standing == "current":
                # Moving to a line lays the rows out now; moving to a node would wait for the
                # first paint, and a quick test (or person) could see the cursor elsewhere.
                cursor = line
            line += 1
            if options:
                opened = mark.standing in ("route", "current")
                row = self.root.add(label, data=mark.node.id, expand=opened)
                for option in options:
                    row.add_leaf(option)
                line += len(options) if opened else 0
            else:
                self.root.add_leaf(label, data=mark.node.id)
        self.move_cursor_to_line(cursor)

    def rows(self) -> list[str]:
        """Every node row as plain text, in order (for tests and logs)."""
        return [str(child.label) for child in self.root.children]
