"""What the educator mode shows, as plain data: where each node stands on this person's route,
and what a changed answer would add to or drop from the summary.

No Textual here, so the rules are tested with plain pytest, and the widgets (the tree panel, the
"What if" screen) only draw what these functions say. Everything is read from the Session, which
stays the one place that walks the tree; "what if" works on a fork, never on the real session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from wizard.render.reasons import SummaryChange, compare
from wizard.render.words import t

if TYPE_CHECKING:
    from wizard.model.machine import Session
    from wizard.model.summary import Summary
    from wizard.model.tree import Node

Standing = Literal["route", "current", "skipped", "ahead"]

MARKERS: dict[Standing, str] = {"route": "✓", "current": "◆", "skipped": "⤼", "ahead": "·"}
"""The symbol before each node, so the panel never relies on colour alone. (Not ▶: Textual's
Tree draws ▶ and ▼ for rows that open and close.)"""

SUFFIXES: dict[Standing, str] = {
    "route": "",
    "current": t("here_mark"),
    "skipped": t("skipped_mark"),
    "ahead": "",
}


@dataclass(frozen=True)
class NodeMark:
    """One node of the tree and where it stands: on the route taken (with what was picked),
    the current one, skipped by its `when`, or not reached (ahead, or off this route)."""

    node: Node
    standing: Standing
    picked: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The words for the node: its prompt, or an outcome's title."""
        return self.node.heading

    def label(self, width: int = 44) -> str:
        """'✓ What kind of plant is it?', '◆ Is the air dry?  ◀ here', '⤼ …  (skipped)'."""
        return f"{MARKERS[self.standing]} {shorten(self.title, width)}{SUFFIXES[self.standing]}"


def shorten(text: str, width: int) -> str:
    """One line of at most `width` characters, cut with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def mark_nodes(session: Session) -> list[NodeMark]:
    """Every node of the tree, in the tree's order, marked by where it stands for `session`."""
    picked = {answer.node: answer.options for answer in session.history}
    skipped = set(session.skipped)
    current = session.current.id
    marks = []
    for node in session.tree.nodes.values():
        standing: Standing
        if node.id == current:
            standing = "current"
        elif node.id in picked:
            standing = "route"
        elif node.id in skipped:
            standing = "skipped"
        else:
            standing = "ahead"
        marks.append(NodeMark(node, standing, picked.get(node.id, ())))
    return marks


@dataclass(frozen=True)
class WhatIf:
    """The outcome of changing one earlier answer, worked out on a fork of the session."""

    node: Node
    before: tuple[str, ...]
    after: tuple[str, ...]
    session: Session
    """The fork with the changed answer (the real session is never touched)."""
    summary: Summary
    change: SummaryChange

    @property
    def stopped_at(self) -> Node | None:
        """The question the new route reaches that was never answered, if it stops early."""
        return None if self.session.finished else self.session.current


def what_if(session: Session, node_id: str, option_ids: Sequence[str]) -> WhatIf:
    """Change the answer at `node_id` on a fork and compare the two summaries.

    Raises AnswerError (with a sentence) when the answer does not fit the question.
    """
    before = next(a.options for a in session.history if a.node == node_id)
    fork = session.what_if(node_id, option_ids)
    summary = fork.summary()
    node = session.tree.nodes[node_id]
    after = next(a.options for a in fork.history if a.node == node_id)
    return WhatIf(node, before, after, fork, summary, compare(session.summary(), summary))


def answering_at(session: Session, node_id: str) -> Session:
    """A throwaway fork standing at an earlier question, so `toggle` and `validate` (which work
    on the current question) can be used to pick a different answer there."""
    fork = session.fork()
    fork.go_to(node_id)
    return fork


def labels_of(node: Node, option_ids: Sequence[str]) -> str:
    """The picked options of `node` in words: 'Yellow leaves, Brown tips'."""
    chosen = set(option_ids)
    return ", ".join(o.label for o in node.options if o.id in chosen) or t("nothing_picked")
