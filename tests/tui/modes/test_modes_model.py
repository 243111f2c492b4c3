"""The Textual-free parts of the modes: node marks, "what if" on a fork, and printing."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from wizard.model.machine import AnswerError, Session, walk
from wizard.model.tree import Tree
from wizard.tui.educator import answering_at, mark_nodes, what_if
from wizard.tui.printing import parse_print_command, send_to_printer

FERN = {"danger": ["none"], "kind": ["fern"], "symptoms": ["brown", "yellow"], "humidity": ["dry"]}
CACTUS = {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["weekly"], "symptoms": ["droop"]}


def standing(session: Session) -> dict[str, str]:
    return {mark.node.id: mark.standing for mark in mark_nodes(session)}


def test_marks_follow_the_route_and_list_every_node(example_tree: Tree) -> None:
    session = Session(example_tree)
    assert standing(session)["welcome"] == "current"
    assert set(standing(session)) == set(example_tree.nodes)
    session = walk(example_tree, CACTUS)  # droop: humidity's `when` (fern or brown) fails
    marks = standing(session)
    assert marks["kind"] == marks["cactus_water"] == marks["symptoms"] == "route"
    assert marks["humidity"] == "skipped"
    assert marks["photo"] == "ahead"
    assert marks["done"] == "current"
    labels = {mark.node.id: mark.label() for mark in mark_nodes(session)}
    assert labels["humidity"].startswith("⤼ ") and labels["humidity"].endswith("(skipped)")
    assert labels["kind"].startswith("✓ ")
    assert labels["done"].startswith("◆ ") and labels["done"].endswith("◀ here")


def test_what_if_reports_added_and_dropped_without_touching_the_session(
    example_tree: Tree,
) -> None:
    session = walk(example_tree, FERN)
    before = (session.history, session.facts, session.summary())
    result = what_if(session, "humidity", ["moist"])
    assert result.change.dropped == ("Raise the humidity",)
    assert result.change.added == ()
    assert result.before == ("dry",) and result.after == ("moist",)
    assert result.stopped_at is None
    assert (session.history, session.facts, session.summary()) == before
    stopped = what_if(session, "kind", ["cactus"])  # reaches cactus_water, never answered
    assert stopped.stopped_at is not None and stopped.stopped_at.id == "cactus_water"
    with pytest.raises(AnswerError):
        what_if(session, "symptoms", [])


def test_answering_at_an_earlier_multi_select_uses_its_rules(example_tree: Tree) -> None:
    session = walk(example_tree, FERN)
    fork = answering_at(session, "danger")
    assert fork.current.id == "danger"
    assert fork.toggle(("fire",), "none") == ("none",)  # "None of these" clears the others
    assert session.current.id == "done"


def test_parse_print_command() -> None:
    assert parse_print_command("lp -d 'front desk'") == ["lp", "-d", "front desk"]
    for bad in ("", "   ", "lp 'unclosed"):
        with pytest.raises(ValueError):
            parse_print_command(bad)


async def test_send_to_printer_pipes_the_text_and_reports_in_words(tmp_path: Path) -> None:
    out = tmp_path / "printed.txt"
    script = f"import sys; open({str(out)!r}, 'w').write(sys.stdin.read())"
    outcome = await send_to_printer(shlex.join([sys.executable, "-c", script]), "héllo\nworld\n")
    assert outcome.ok and "Sent to the printer" in outcome.message
    assert out.read_text() == "héllo\nworld\n"
    failing = await send_to_printer(shlex.join([sys.executable, "-c", "raise SystemExit(3)"]), "x")
    assert not failing.ok and "could not be printed" in failing.message
    missing = await send_to_printer("/no/such/printer-command", "x")
    assert not missing.ok and "could not be reached" in missing.message
    slow = shlex.join([sys.executable, "-c", "import time; time.sleep(10)"])
    stuck = await send_to_printer(slow, "x", timeout=0.3)
    assert not stuck.ok and "did not answer in time" in stuck.message
