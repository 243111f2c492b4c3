"""`wizard export --format fhir` and `wizard walk --format fhir`, end to end through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.conftest import EXAMPLE, ROOT

FULL = ["-a", "danger=pets", "-a", "kind=cactus", "-a", "cactus_water=daily", "-a", "symptoms=yellow"]


def wizard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_export_writes_a_valid_questionnaire_and_says_nothing_when_all_is_expressed() -> None:
    result = wizard("export", "paraneoplastic", "--format", "fhir")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    Questionnaire.model_validate(data)
    assert data["resourceType"] == "Questionnaire" and data["url"].endswith(":paraneoplastic")
    assert result.stderr == ""


def test_export_notes_on_stderr_each_condition_it_could_not_express(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "when: {any: [fern, brown]}", "when: {any: [{all: [fern, dry_lover]}, brown]}"
    )
    tree = tmp_path / "mixed.yaml"
    tree.write_text(text, encoding="utf-8")
    result = wizard("export", str(tree), "--format", "fhir")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    Questionnaire.model_validate(data)
    assert "- humidity: when" in data["description"]
    assert result.stderr.count("\n") == 1 and "humidity" in result.stderr


def test_export_of_an_unusable_tree_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    for args in (["export", str(tmp_path / "none.yaml")], ["export", "--format", "pdf"]):
        result = wizard(*args)
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_walk_writes_a_completed_questionnaire_response() -> None:
    result = wizard("walk", str(EXAMPLE), *FULL, "--format", "fhir")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    QuestionnaireResponse.model_validate(data)
    assert data["questionnaire"] == "urn:triage-wizard:tree:garden|1.0.0"
    assert data["status"] == "completed"
    assert [i["linkId"] for i in data["item"]] == ["danger", "kind", "cactus_water", "symptoms"]


def test_walk_that_stops_early_still_exits_3() -> None:
    result = wizard("walk", str(EXAMPLE), "-a", "danger=none", "--format", "fhir")
    assert result.returncode == 3 and result.stdout == ""
