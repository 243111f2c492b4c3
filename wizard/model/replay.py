"""Answers carried over to a new edition of the tree: what live preview (`run --watch`) uses.

Why: an author editing a tree wants to see the change where they are, not start over. The
answers so far are given again, in order, to a fresh session of the new tree; the walk stops
at the first question that has no answer yet, which is where the author was (or where the edited
route now leads). Answers that no longer fit are dropped, each with a sentence saying which and
why, so nothing disappears silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.model.machine import Answer, AnswerError, Session
from wizard.model.tree import Tree


@dataclass(frozen=True)
class Replayed:
    """The new session, at the first step the old answers do not cover, and what was dropped."""

    session: Session
    dropped: tuple[str, ...]


def replay_answers(tree: Tree, history: Sequence[Answer]) -> Replayed:
    """A session of `tree` given the `history` of another session wherever it still fits."""
    answers = {answer.node: answer.options for answer in history}
    session = Session(tree)
    dropped: list[str] = []
    used: set[str] = set()
    for _ in range(len(tree.nodes) + 1):
        if session.finished or session.current.id not in answers:
            break
        node = session.current
        wanted = answers[node.id]
        known = {option.id for option in node.options}
        kept = tuple(option for option in wanted if option in known)
        if len(kept) < len(wanted):
            gone = ", ".join(option for option in wanted if option not in known)
            dropped.append(f"'{node.id}': the answer {gone} is no longer in the tree")
        used.add(node.id)
        try:
            session.answer(kept)
        except AnswerError as error:
            dropped.append(f"'{node.id}': the answer no longer fits ({error}); answer it again")
            break
    for answer in history:
        if answer.node in used:
            continue
        if answer.node not in tree.nodes:
            dropped.append(f"'{answer.node}' is no longer in the tree; its answer is dropped")
        elif tree.nodes[answer.node].is_question:
            dropped.append(f"'{answer.node}' is not on this route any more")
    return Replayed(session, tuple(dropped))
