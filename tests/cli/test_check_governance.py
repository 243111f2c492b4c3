"""`wizard check` reports content governance: reading level, review dates, sources; --strict
counts these warnings like any other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard.cli.main import main

HARD = (
    "Your care team may recommend immunotherapy, which calms the overactive immune system, "
    "alongside treatment of any underlying tumour."
)


def test_the_summary_line_gives_the_mean_reading_grade(
    example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--strict", str(example_path)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"1 file\(s\) checked: 0 error\(s\), 0 warning\(s\), mean reading grade "
                     r"\d+\.\d: ok", err), err


def test_a_hard_text_is_a_warning_that_strict_counts(
    tmp_path: Path, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hard.yaml"
    path.write_text(example_text.replace("It takes about a minute.", HARD))
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "warning: the help of node 'welcome' reads at grade 13.1" in out
    assert "0 error(s), 1 warning(s)" in err
    assert main(["check", "--strict", str(path)]) == 1


def test_governance_warnings_count_under_strict(
    tmp_path: Path, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "home.yaml"
    path.write_text(example_text.replace('url: "https://example.org/rhs"', 'url: "https://example.org/"'))
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1
    assert "links only to a home page" in capsys.readouterr().out


def test_the_bundled_tree_passes_every_check_strictly(capsys: pytest.CaptureFixture[str]) -> None:
    tree = Path(__file__).parents[2] / "trees" / "paraneoplastic.yaml"
    assert main(["check", "--strict", str(tree)]) == 0, capsys.readouterr().out
