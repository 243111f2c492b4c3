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


def test_a_review_due_within_60_days_is_a_note_that_strict_does_not_count(
    example_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example tree is due on 2027-11-21: from 60 days before, every check says so, and
    --strict (CI) stays green until the day passes; then it warns and --strict fails."""
    monkeypatch.setenv("WIZARD_TODAY", "2027-09-22")  # 60 days before
    assert main(["check", "--strict", str(example_path)]) == 0
    out, err = capsys.readouterr()
    assert "note: the content falls due for review on 2027-11-21 (in 60 days)" in out
    assert "0 error(s), 0 warning(s), 1 note(s)" in err
    monkeypatch.setenv("WIZARD_TODAY", "2027-09-21")  # 61 days before: nothing yet
    assert main(["check", "--strict", str(example_path)]) == 0
    assert "note:" not in capsys.readouterr().out
    monkeypatch.setenv("WIZARD_TODAY", "2027-11-22")  # the day after
    assert main(["check", "--strict", str(example_path)]) == 1
    assert "warning: the content was due for review on 2027-11-21" in capsys.readouterr().out


def test_a_wizard_today_that_is_not_a_date_means_the_clock(
    example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped WIZARD_TODAY is ignored rather than fatal; the day then comes from the
    computer's clock, which this test replaces so it never reads the calendar itself."""
    import datetime

    import wizard.model.governance as governance

    class Clock(datetime.date):
        @classmethod
        def today(cls) -> Clock:
            return cls(2027, 11, 1)

    monkeypatch.setattr(governance, "date", Clock)
    monkeypatch.setenv("WIZARD_TODAY", "next tuesday")
    assert governance._today() == datetime.date(2027, 11, 1)
    monkeypatch.setenv("WIZARD_TODAY", " 2027-01-02 ")
    assert governance._today() == datetime.date(2027, 1, 2)
