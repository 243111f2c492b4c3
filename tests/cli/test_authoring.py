"""The authors' commands on the command line: `paths --cover`, `diff OLD NEW`, `run --watch`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.cli.main import main

COVER = ROOT / "tests" / "trees" / "cover.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_paths_cover_table_names_what_no_answers_reach(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "paths", "--cover", str(COVER))
    assert code == 0
    assert "# Cover: these routes together pick every option" in out
    assert "3 things no answers reach" in out
    tail = out.split("No answers reach these:\n", 1)[1]
    assert "treatment never_route (Never (route))" in tail
    assert "Q3  Never asked (route)?  (no answers can list this)" in out


def test_paths_cover_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "paths", "--cover", "--format", "json", str(COVER))
    document = json.loads(out)
    assert code == 0 and document["multi"] == "cover"
    assert document["cover"]["covered"] == document["cover"]["targets"] - 3
    assert {u["key"] for u in document["cover"]["unreachable"]} == {
        "never_checker", "never_route", "Q3"
    }


def test_paths_cover_on_the_bundled_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "paths", "--cover", "--format", "json")
    cover = json.loads(out)["cover"]
    assert code == 0 and cover["unreachable"] == [] and cover["covered"] == cover["targets"]


def _second_edition(tmp_path: Path) -> Path:
    text = COVER.read_text(encoding="utf-8").replace("about: Always listed.", "about: For all.")
    text = text.replace("when: {all: [a, b]}", "when: {any: [a, b]}")
    path = tmp_path / "v2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_equal_different_and_unusable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "diff", str(COVER), str(COVER))[0] == 0
    code, out, _ = run(capsys, "diff", str(COVER), str(_second_edition(tmp_path)))
    assert code == 1
    assert "+ both (Both): added on route" in out
    assert "the about of resource 'everyone': Always listed. => For all." in out
    code, _, err = run(capsys, "diff", str(COVER), str(tmp_path / "missing.yaml"))
    assert code == 2 and "Traceback" not in err and err.strip()


def test_diff_markdown_and_full(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    new = str(_second_edition(tmp_path))
    code, out, _ = run(capsys, "diff", "--format", "markdown", "--full", str(COVER), new)
    assert code == 1
    assert out.startswith("# Cover test") and "## Treatments listed" in out
    assert "every route" in out and "multi each" in out


def test_watch_is_refused_in_a_kiosk(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "run", "--watch", "--kiosk", str(COVER))
    assert code == 2 and "--watch" in err


def test_diff_that_could_not_compare_every_route_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A sign-off tool never says "no differences" unless it is proven: cut short by
    `--states`, it says so and exits 3; with room to search, the same editions are equal."""
    text = COVER.read_text(encoding="utf-8")
    path = tmp_path / "same-meaning.yaml"
    path.write_text(text.replace("when: {all: [a, b]}", "when: {all: [a, b, always]}"), "utf-8")
    code, out, _ = run(capsys, "diff", "--states", "2", str(COVER), str(path))
    assert code == 3 and "NOT every route was compared" in out
    code, out, _ = run(capsys, "diff", str(COVER), str(path))
    assert code == 0 and "no differences: every route reads the same" in out
