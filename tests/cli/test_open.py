"""Every command that takes a TREE opens it the same way (wizard/model/opening.py): the same
name gets the same sentence, "did you mean" included, and the same exit code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.exits import Exit

TREE_COMMANDS = ("run", "walk", "graph", "ask", "paths", "serve")


def said_by(command: str, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([command, name])
    return code, capsys.readouterr().err


def test_a_misspelt_bundled_id_gets_the_same_sentence_from_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = {command: said_by(command, "paraneoplastc", capsys) for command in TREE_COMMANDS}
    sentence = said["walk"][1]
    assert "no tree file or bundled tree named 'paraneoplastc'" in sentence
    assert "did you mean 'paraneoplastic'?" in sentence
    assert said == {command: (Exit.UNUSABLE, sentence) for command in TREE_COMMANDS}


def test_a_broken_tree_gets_the_same_sentence_from_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\n", encoding="utf-8")
    said = {command: said_by(command, str(broken), capsys) for command in TREE_COMMANDS}
    sentence = said["walk"][1]
    assert sentence.startswith("wizard: the tree cannot be used:")
    assert f"(run: wizard check {broken})" in sentence
    assert said == {command: (Exit.UNUSABLE, sentence) for command in TREE_COMMANDS}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_by_name_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "tree.yaml"
    os.mkfifo(fifo)
    said = {command: said_by(command, str(fifo), capsys) for command in TREE_COMMANDS}
    sentence = said["walk"][1]
    assert "not a tree file" in sentence
    assert said == {command: (Exit.UNUSABLE, sentence) for command in TREE_COMMANDS}


def test_the_exit_codes_are_the_documented_numbers() -> None:
    assert [int(code) for code in Exit] == [0, 1, 2, 3, 4, 130]
