"""`wizard run --save-dir DIR`: the folder Save offers first, refused in one sentence when it
cannot be a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import wizard.tui.launch
from wizard.cli.main import main
from wizard.tui.config import AppConfig


class FakeApp:
    def run(self) -> None:
        """Never drawn: only the options matter here."""


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The configuration `create_app` was called with, field by field."""
    calls: dict[str, Any] = {}

    def fake_create_app(tree: object, config: AppConfig, **options: Any) -> FakeApp:
        calls.update(vars(config), config=config)
        return FakeApp()

    monkeypatch.setattr(wizard.tui.launch, "create_app", fake_create_app)
    return calls


def test_save_dir_is_passed_as_a_whole_path(
    made: dict[str, Any], example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(example_path), "--save-dir", "summaries"]) == 0
    assert made["save_dir"] == tmp_path / "summaries"  # missing: the dialog offers to create it
    assert main(["run", str(example_path), "--save-dir", str(tmp_path)]) == 0
    assert made["save_dir"] == tmp_path


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", "wizard: --save-dir needs a folder\n"),
        ("notes.txt", "wizard: --save-dir: {tmp}/notes.txt is a file, not a folder.\n"),
    ],
)
def test_a_save_dir_that_cannot_be_a_folder_is_one_sentence(
    made: dict[str, Any],
    example_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    sentence: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["run", str(example_path), "--save-dir", typed]) == 2
    assert capsys.readouterr().err == sentence.format(tmp=tmp_path)
    assert made == {}
