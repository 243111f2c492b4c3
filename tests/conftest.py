"""Shared fixtures: the example tree (every feature, no medical content) and helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.loader import load_tree
from wizard.model.tree import Tree

TESTS = Path(__file__).parent
EXAMPLE = TESTS / "trees" / "example.yaml"
ROOT = TESTS.parent


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_tree() -> Tree:
    return load_tree(EXAMPLE)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker compares review dates with today: the tests' trees must not fall due (nor
    come within the 60 days' notice) as the calendar moves on. WIZARD_TODAY fixes the day for
    in-process checks and for every `wizard` the tests start, which inherit the environment:
    a day well before the earliest review a test tree names (2027-01-01)."""
    from wizard.model.governance import TODAY_ENV

    monkeypatch.setenv(TODAY_ENV, "2026-06-01")
