"""Fixtures for the kiosk and educator modes: apps built by the same factory the CLI uses,
with timings short enough for tests, in a working directory that must stay empty."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.tree import Tree


@pytest.fixture
def empty_cwd(tmp_path: Path) -> Iterator[Path]:
    """Run in an empty folder, to prove afterwards that nothing was written to it."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def bundled_tree() -> Tree:
    return load_tree(resolve_tree(None))
