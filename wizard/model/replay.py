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

from wizard.model.machine import Answer, AnswerError, Mode, Session
from wizard.model.tree import RedFlag, Tree


@dataclass(frozen=True)
class Replayed:
    """The new session, at the first step the old answers do not cover, and what was dropped."""

    session: Session
    dropped: tuple[str, ...]


def replay_answers(tree: Tree, history: Sequence[Answer]) -> Replayed:
    """A session of `tree` given the `history` of another session wherever it still fits
    (`Session.replay`, Mode.CARRY), with a sentence for each answer it could not keep."""
    carried = Session(tree).replay([(a.node, a.options) for a in history], Mode.CARRY)
    dropped: list[str] = []
    for step in carried.steps:
        if step.left_out:
            gone = ", ".join(step.left_out)
            dropped.append(f"'{step.node}': the answer {gone} is no longer in the tree")
        if step.refused is not None:
            dropped.append(
                f"'{step.node}': the answer no longer fits ({step.refused}); answer it again"
            )
    for node in carried.unused:
        if node not in tree.nodes:
            dropped.append(f"'{node}' is no longer in the tree; its answer is dropped")
        elif tree.nodes[node].is_question:
            dropped.append(f"'{node}' is not on this route any more")
    return Replayed(carried.session, tuple(dropped))


@dataclass(frozen=True)
class Changed:
    """A session after one earlier answer was changed ("Check your answers", Change)."""

    session: Session
    no_longer: tuple[str, ...]
    """Questions answered before that the new route no longer asks (their answers are left
    out of the summary; a front end says which)."""
    raised: tuple[RedFlag, ...]
    """Urgent alerts the new answers raise that were not raised before."""


def change_answer(session: Session, node_id: str, option_ids: Sequence[str]) -> Changed:
    """`session` with the answer at `node_id` replaced, every later answer kept while the new
    route still meets its question (Session.change_answer, on a fork), stopping at the first
    question the new route reaches that was never answered; the answers it passes by stay
    remembered, so those questions offer them again. AnswerError (a sentence for the person)
    when the new answer itself does not fit; `session` is never changed."""
    if node_id not in {answer.node for answer in session.history}:
        raise AnswerError("not_answered", node=node_id)
    changed = session.fork()
    changed.change_answer(node_id, option_ids)
    before = {flag.id for flag in session.red_flags}
    raised = tuple(flag for flag in changed.red_flags if flag.id not in before)
    return Changed(changed, left_out(changed, [a.node for a in session.history]), raised)


def left_out(session: Session, earlier: Sequence[str]) -> tuple[str, ...]:
    """The questions among `earlier` (node ids answered before a change) that the session's
    finished route does not ask: their answers no longer fit. Empty until it is finished,
    since the rest of the route may still come back to them."""
    if not session.finished:
        return ()
    walked = {answer.node for answer in session.history}
    nodes = session.tree.nodes
    return tuple(node for node in earlier
                 if node not in walked and node in nodes and nodes[node].is_question)
