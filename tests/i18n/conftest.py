"""Fixtures for translations: the bundled tree in Spanish, and the language reset after each
test (the interface language is the process's, as a command sets it once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import clock, make_visitor  # noqa: F401 (the web pages' fixtures)
from wizard.model.loader import load_tree
from wizard.model.translation import translate_tree
from wizard.model.tree import Tree
from wizard.render.words import use_language

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "trees" / "paraneoplastic.yaml"
OVERLAY = ROOT / "trees" / "paraneoplastic.es.yaml"
# welcome, red flags: none, body: hormones, hormones page, cancer: being treated, taken: none
ROUTE = {"red_flags": ["none"], "body_system": ["hormones"], "cancer_status": ["treating"],
         "treatments_taken": ["none"]}  # fmt: skip


@pytest.fixture(autouse=True)
def english_afterwards(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    use_language(None)


@pytest.fixture(scope="session")
def english_tree() -> Tree:
    return load_tree(BUNDLED)


@pytest.fixture(scope="session")
def spanish_tree(english_tree: Tree) -> Tree:
    tree, overlay = translate_tree(english_tree, "es")
    assert overlay is not None and overlay.draft
    return tree
