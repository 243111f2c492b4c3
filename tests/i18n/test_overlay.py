"""Overlay files: read strictly, applied by id, generated, and checked by `wizard check` with
file:line:col for missing, extra and stale translations and broken placeholders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.i18n.conftest import BUNDLED
from wizard.cli.main import main
from wizard.model.translation import (
    apply_overlay,
    broken_shapes,
    read_overlay,
    skeleton,
    tree_texts,
)
from wizard.model.tree import Tree

EXAMPLE = Path(__file__).parents[1] / "trees" / "example.yaml"


@pytest.fixture
def tree_dir(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "example.yaml")
    return tmp_path


def _overlay(tree_dir: Path, capsys: pytest.CaptureFixture[str], mapping: str = "") -> Path:
    args = ["translate", str(tree_dir / "example.yaml"), "--lang", "es"]
    if mapping:
        (tree_dir / "map.json").write_text(mapping, encoding="utf-8")
        args += ["--from", str(tree_dir / "map.json")]
    assert main(args) == 0
    path = tree_dir / "example.es.yaml"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    return path


def _fill(path: Path) -> None:
    """Translate every text: 'ES ' before the English keeps every placeholder (and "now"
    becomes "ahora", so a red flag keeps its urgency)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out, english = [], ""
    for line in lines:
        if line.startswith("    en: "):
            english = line[len("    en: "):]
        if line.startswith("    text: "):
            line = "    text: " + english[0] + "ES " + english[1:].replace(" now", " ahora")
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _set(path: Path, key: str, field: str, value: str) -> None:
    """Write `value` as the `field` (en or text) of `key`'s entry."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"  {key}:")
    row = at + (1 if field == "en" else 2)
    lines[row] = f"    {field}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _check(tree_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(tree_dir / "example.yaml")])
    return code, capsys.readouterr().out


def test_a_complete_overlay_checks_clean_and_translates_by_id(
    tree_dir: Path, capsys: pytest.CaptureFixture[str], example_tree: Tree
) -> None:
    path = _overlay(tree_dir, capsys)
    _fill(path)
    code, out = _check(tree_dir, capsys)
    assert code == 0 and out == ""
    overlay, problems = read_overlay(path.read_text(), str(path))
    assert overlay is not None and not problems
    shown = apply_overlay(example_tree, overlay)
    assert shown.language == "es" and shown.translation == "draft"
    kind = shown.nodes["kind"]
    assert kind.prompt == "ES " + example_tree.nodes["kind"].prompt
    assert kind.options[0].label.startswith("ES ")
    assert kind.options[0].sets == example_tree.nodes["kind"].options[0].sets  # logic untouched


def test_missing_extra_stale_and_placeholder_are_reported_where_they_are(
    tree_dir: Path, capsys: pytest.CaptureFixture[str], example_tree: Tree
) -> None:
    path = _overlay(tree_dir, capsys)
    _fill(path)
    _set(path, "nodes.kind.prompt", "en", '"What plant?"')  # stale: the English changed since
    _set(path, "nodes.kind.options.fern.label", "text", '""')  # missing
    with path.open("a", encoding="utf-8") as file:  # extra: a key the tree does not have
        file.write('  nodes.nowhere.prompt:\n    en: "Gone"\n    text: "Ido"\n')
    code, out = _check(tree_dir, capsys)
    lines = out.splitlines()
    stale = next(line for line in lines if "stale translation of nodes.kind.prompt" in line)
    assert stale.startswith(f"{path}:{_line_of(path, 'What plant?')}:9: warning")
    missing = next(line for line in lines if "missing translation of nodes.kind.options.fern"
                   in line)
    empty = _line_of(path, 'text: ""')
    assert missing.startswith(f"{path}:{empty}:11: warning")
    extra = next(line for line in lines if "extra translation" in line)
    assert extra.startswith(f"{path}:{_line_of(path, 'nodes.nowhere.prompt')}:3: warning")
    assert code == 0  # warnings only: the English shows where the translation is not current
    assert main(["check", "--strict", str(tree_dir / "example.yaml")]) == 1


def test_a_broken_placeholder_is_an_error(tree_dir: Path, capsys: pytest.CaptureFixture[str],
                                          example_tree: Tree) -> None:
    path = _overlay(tree_dir, capsys)
    _fill(path)
    _set(path, "nodes.kind.prompt", "text", '"¿Qué planta es? Vea {url} y **esto**"')
    code, out = _check(tree_dir, capsys)
    assert code == 1
    row = _line_of(path, "Qué planta")
    assert f"{path}:{row}:11: error: nodes.kind.prompt: placeholders differ from the English " \
        "(added {url})" in out
    assert "emphasis marks differ" in out


def test_shapes_compared() -> None:
    assert broken_shapes("Pick {n} of them", "Elija {n}") == []
    assert broken_shapes("Pick {n} of them", "Elija {m}")[0].startswith("placeholders differ")
    assert broken_shapes("See [this](https://a.org)", "Vea esto")
    assert broken_shapes("A **bold** word", "Una palabra **fuerte**") == []
    assert broken_shapes("A **bold** word", "Una palabra fuerte")


def test_the_overlay_itself_is_read_strictly(tree_dir: Path, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    path = _overlay(tree_dir, capsys)
    text = path.read_text().replace("review: {status: draft}", "review: {status: done}")
    path.write_text(text.replace("translation: 1", "translation: 1\nsurprise: yes"))
    code, out = _check(tree_dir, capsys)
    assert code == 1
    assert f"{path}:{_line_of(path, 'surprise')}:1: error: unknown key 'surprise'" in out
    assert "review status must be draft or reviewed" in out
    text = path.read_text().replace("{status: done}", "{status: reviewed}")
    path.write_text(text.replace("surprise: yes\n", ""))
    code, out = _check(tree_dir, capsys)
    assert "names who reviewed it" in out and "gives the date" in out


def test_the_skeleton_keeps_every_text_and_round_trips(english_tree: Tree) -> None:
    text = skeleton(english_tree, "es", {english_tree.title: "Título"})
    overlay, problems = read_overlay(text, "paraneoplastic.es.yaml")
    assert overlay is not None and not problems
    assert set(overlay.entries) == set(tree_texts(english_tree))
    assert overlay.entries["title"].text == "Título"
    assert all(e.en == tree_texts(english_tree)[e.key] for e in overlay.entries.values())


def test_trees_lists_languages_and_review_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trees"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("paraneoplastic"))
    assert row.endswith("en, es (draft)")


def test_the_bundled_spanish_overlay_is_complete_and_current(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--strict", str(BUNDLED)]) == 0
    assert capsys.readouterr().out == ""
