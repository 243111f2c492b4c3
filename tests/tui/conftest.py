"""Fixtures for the Textual app's tests: apps built by the same factory the CLI uses.

Every app saves into the test's own tmp_path, so no test writes into the working directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.app import WizardApp, create_app
from wizard.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.tree import Tree


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
