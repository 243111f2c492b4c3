"""transitions as its authors intend: one Machine per tree, every session a model of it."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys

import pytest
import transitions

from tests.conftest import ROOT
from wizard.model.machine import Session, index_of, walk
from wizard.model.tree import Tree


def test_every_session_of_a_tree_is_a_model_of_its_one_machine(example_tree: Tree) -> None:
    machine = index_of(example_tree).machine
    before = len(machine.models)
    first, second = Session(example_tree), Session(example_tree)
    assert first._machine is second._machine is machine
    assert len(machine.models) == before + 2
    first.answer([])
    assert (first.current.id, second.current.id) == ("danger", "welcome")  # states apart


def test_dropped_and_closed_sessions_leave_the_machine(example_tree: Tree) -> None:
    machine = index_of(example_tree).machine
    gc.collect()
    before = len(machine.models)
    for _ in range(2_000):
        session = walk(
            example_tree,
            {"danger": ["none"], "kind": ["fern"], "symptoms": ["spots"], "humidity": ["dry"]},
        )
        session.what_if("kind", ["cactus"])
    del session
    gc.collect()
    assert len(machine.models) == before
    kept = Session(example_tree)
    kept.close()
    kept.close()  # twice is harmless
    assert len(machine.models) == before
    assert kept.current.id == "welcome"  # a closed session can still be read


def test_what_if_and_fork_build_no_machine(
    example_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = walk(
        example_tree,
        {"danger": ["none"], "kind": ["fern"], "symptoms": ["spots"], "humidity": ["dry"]},
    )

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a Machine was built")

    monkeypatch.setattr(transitions.Machine, "__init__", refuse)
    for _ in range(50):  # What-if recomputes on every keypress
        twin = session.what_if("kind", ["cactus"])
        assert twin.current.id != session.current.id
    assert session.fork().current.id == session.current.id


def test_sessions_log_nothing_through_transitions(
    example_tree: Tree, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="transitions"):
        walk(
            example_tree,
            {"danger": ["none"], "kind": ["fern"], "symptoms": ["spots"], "humidity": ["dry"]},
        )
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_importing_the_engine_changes_no_logging_level() -> None:
    code = (
        "import logging, wizard.model.machine, wizard.model.summary;"
        "print([n for n, lg in logging.root.manager.loggerDict.items()"
        " if isinstance(lg, logging.Logger) and lg.level != logging.NOTSET])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
