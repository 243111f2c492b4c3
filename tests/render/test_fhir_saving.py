"""Save with the FHIR answers (`wizard run --save-fhir`): a third file beside the pair, written
by the same atomic rules, and nothing extra without the option. (The app: tests/tui/test_fhir_save.py.)"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.faults import listing, rename_fails
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.saving import default_files, free_files, write_summary

CACTUS = {"danger": ["pets"], "kind": ["cactus"], "cactus_water": ["daily"], "symptoms": ["yellow"]}


@pytest.fixture
def summary(example_tree: Tree) -> Summary:
    return walk(example_tree, CACTUS).summary()


def test_save_with_fhir_writes_a_valid_response_beside_the_pair(
    tmp_path: Path, summary: Summary
) -> None:
    files = default_files(tmp_path, summary, fhir=True)
    assert files.fhir == tmp_path / "garden-summary.fhir.json"
    outcome = write_summary(files, summary)
    assert outcome.ok and outcome.saved == files.paths and len(files.paths) == 3
    data = json.loads(files.fhir.read_text(encoding="utf-8"))
    QuestionnaireResponse.model_validate(data)
    assert data["status"] == "completed"
    assert stat.S_IMODE(os.stat(files.fhir).st_mode) == 0o600  # health information
    assert outcome.message.startswith(f"Saved {files.markdown}, {files.html} and {files.fhir}")


def test_save_without_fhir_writes_only_the_pair(tmp_path: Path, summary: Summary) -> None:
    outcome = write_summary(default_files(tmp_path, summary), summary)
    assert outcome.ok
    assert sorted(listing(tmp_path)) == ["garden-summary.html", "garden-summary.md"]


def test_an_existing_fhir_file_counts_and_new_name_skips_it(
    tmp_path: Path, summary: Summary
) -> None:
    (tmp_path / "garden-summary.fhir.json").write_text("{}", encoding="utf-8")
    (tmp_path / "garden-summary-2.fhir.json").write_text("{}", encoding="utf-8")
    assert default_files(tmp_path, summary, fhir=True).exist
    assert not default_files(tmp_path, summary).exist
    assert free_files(tmp_path, summary, fhir=True).markdown.name == "garden-summary-3.md"


def test_when_the_fhir_file_fails_the_message_names_what_was_saved(
    tmp_path: Path, summary: Summary, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = default_files(tmp_path, summary, fhir=True)
    assert files.fhir is not None
    rename_fails(monkeypatch, files.fhir, errno.ENOSPC)
    outcome = write_summary(files, summary)
    monkeypatch.undo()
    assert outcome.saved == (files.markdown, files.html)
    assert outcome.message == (
        f"Saved only {files.markdown} and {files.html}, not garden-summary.fhir.json, "
        "because the disk is full; try again."
    )
    assert sorted(listing(tmp_path)) == ["garden-summary.html", "garden-summary.md"]
