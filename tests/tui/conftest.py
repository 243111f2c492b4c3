"""Fixtures for the Textual app's tests: apps built by the same factory the CLI uses.

Every app saves into the test's own tmp_path, and home is a folder of the test's own, so no
test writes into the working directory or the real home folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own: the save dialog takes a relative folder from home, and
    random keys (the monkey test) can type one; nothing may land in the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(scope="session")
def bundled_tree() -> Tree:
    """The product's own tree (what `wizard` opens with no argument)."""
    return load_tree(resolve_tree(None))


@pytest.fixture
def example_app(example_tree: Tree, tmp_path: Path) -> WizardApp:
    return create_app(example_tree, save_dir=tmp_path)


@pytest.fixture
def bundled_app(bundled_tree: Tree, tmp_path: Path) -> WizardApp:
    return create_app(bundled_tree, save_dir=tmp_path)
