"""Answers carried over to a new edition (model/replay.py), as live preview does on each save."""

from __future__ import annotations

from pathlib import Path

from wizard.model.loader import check_text, load_tree
from wizard.model.machine import Session, walk
from wizard.model.replay import replay_answers
from wizard.model.tree import Tree

SMALL = Path(__file__).resolve().parents[2] / "tests" / "trees" / "cover.yaml"


def _edited(*edits: tuple[str, str]) -> Tree:
    text = SMALL.read_text(encoding="utf-8")
    for before, after in edits:
        assert before in text
        text = text.replace(before, after)
    tree, diagnostics = check_text(text, "edited.yaml")
    assert tree is not None, diagnostics
    return tree


def _at_picks() -> Session:
    """A session that answered flags and road, and now shows the multi-select 'picks'."""
    session = Session(load_tree(SMALL))
    session.answer(["none"])
    session.answer(["left"])
    assert session.current.id == "picks"
    return session


def test_a_reworded_tree_keeps_the_place() -> None:
    new = _edited(("prompt: Pick some", "prompt: Pick a few"))
    replayed = replay_answers(new, _at_picks().history)
    assert replayed.session.current.id == "picks"
    assert replayed.session.current.prompt == "Pick a few"
    assert [a.node for a in replayed.session.history] == ["flags", "road"]
    assert replayed.dropped == ()


def test_an_answer_gone_is_dropped_with_a_note_and_the_walk_stops_there() -> None:
    new = _edited(
        ("{id: left, label: Left, sets: [left]}", "{id: ahead, label: Ahead, sets: [left]}")
    )
    replayed = replay_answers(new, _at_picks().history)
    assert replayed.session.current.id == "road"
    assert any("left is no longer in the tree" in note for note in replayed.dropped)


def test_a_finished_walk_replays_to_the_summary() -> None:
    tree = load_tree(SMALL)
    done = walk(tree, {"flags": ["none"], "road": ["left"], "picks": ["a"], "tail": ["x"]})
    new = _edited(("about: Needs A and B.", "about: Needs both."))
    replayed = replay_answers(new, done.history)
    assert replayed.session.finished
