"""A kiosk does not start on a tree past its review date unless staff pass --allow-overdue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import wizard.tui.launch
import wizard.web.serve
from wizard.cli.main import main
from wizard.tui.config import AppConfig


class FakeApp:
    def run(self) -> None:
        """Never drawn: only whether the app was made matters here."""


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_create_app(tree: object, config: AppConfig) -> FakeApp:
        calls.append(vars(config))
        return FakeApp()

    monkeypatch.setattr(wizard.tui.launch, "create_app", fake_create_app)
    monkeypatch.delenv("WIZARD_KIOSK", raising=False)
    return calls


@pytest.fixture
def overdue_tree(tmp_path: Path, example_text: str) -> Path:
    path = tmp_path / "old.yaml"
    text = example_text.replace("last_reviewed: 2026-11-21", "last_reviewed: 2025-01-31")
    path.write_text(text.replace("next_review: 2027-11-21", "next_review: 2026-01-31"))
    return path


def test_the_kiosk_refuses_an_overdue_tree_in_one_sentence(
    made: list[dict[str, Any]], overdue_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(overdue_tree), "--kiosk"]) == 2
    error = capsys.readouterr().err.strip()
    assert made == []
    assert "\n" not in error and "2026-01-31" in error and "--allow-overdue" in error
    assert "Traceback" not in error


def test_wizard_kiosk_in_the_environment_refuses_too(
    made: list[dict[str, Any]], overdue_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIZARD_KIOSK", "1")
    assert main(["run", str(overdue_tree)]) == 2 and made == []


def test_staff_can_allow_an_overdue_tree(made: list[dict[str, Any]], overdue_tree: Path) -> None:
    assert main(["run", str(overdue_tree), "--kiosk", "--allow-overdue"]) == 0
    assert made and made[0]["kiosk"]


def test_outside_the_kiosk_an_overdue_tree_starts(
    made: list[dict[str, Any]], overdue_tree: Path
) -> None:
    assert main(["run", str(overdue_tree)]) == 0 and made


def test_a_tree_in_date_starts_in_the_kiosk(made: list[dict[str, Any]], example_path: Path) -> None:
    assert main(["run", str(example_path), "--kiosk"]) == 0 and made


def test_serve_kiosk_refuses_an_overdue_tree_and_passes_the_permission_on(
    overdue_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[dict[str, Any]] = []

    def fake_serve(tree: object, **options: Any) -> int:
        served.append(options)
        return 0

    def fake_pages(tree: object, **options: Any) -> int:
        served.append({"pages": True, **options})
        return 0

    monkeypatch.setattr(wizard.web.serve, "serve", fake_serve)
    monkeypatch.setattr(wizard.web.serve, "serve_pages_mode", fake_pages)
    for mode in ([], ["--terminal"]):
        assert main(["serve", str(overdue_tree), "--kiosk", *mode]) == 2 and served == []
    assert main(["serve", str(overdue_tree), "--kiosk", "--allow-overdue"]) == 0
    assert served.pop()["pages"]
    assert main(["serve", str(overdue_tree), "--kiosk", "--terminal", "--allow-overdue"]) == 0
    assert "--allow-overdue" in served[0]["run_options"]
