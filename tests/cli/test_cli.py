"""The command line end to end, through a subprocess, as users and scripts meet it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

FULL = [
    "-a",
    "danger=pets",
    "-a",
    "kind=cactus",
    "-a",
    "cactus_water=daily",
    "-a",
    "symptoms=yellow,spots",
]


def wizard(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_check_a_good_tree_and_a_folder() -> None:
    result = wizard("check", str(EXAMPLE), "trees")
    assert result.returncode == 0, result.stdout + result.stderr
    # the example, the bundled tree and its Spanish overlay
    assert "3 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def test_check_a_broken_tree_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        EXAMPLE.read_text().replace("next: danger", "next: dangr").replace("format: 1", "format: 9")
    )
    result = wizard("check", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{bad}:3:9: error: unknown format the number 9; this program reads format 1" in lines
    assert any("node 'dangr' does not exist; did you mean 'danger'?" in line for line in lines)
    assert_no_traceback(result)


def test_check_strict_counts_warnings(tmp_path: Path) -> None:
    warned = tmp_path / "warned.yaml"
    warned.write_text(
        EXAMPLE.read_text().replace("    sources: [book]\n\nresources", "\nresources")
    )
    assert wizard("check", str(warned)).returncode == 0
    assert wizard("check", "--strict", str(warned)).returncode == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'a: !!python/object/apply:os.system ["echo pwned"]\n', "tags such as"),
        (b"a: [1,\n", "YAML syntax"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"a: caf\xe9\n", "not UTF-8"),
        (b"- just\n- a list\n", "must be a mapping"),
    ],
)
def test_bad_input_is_one_line_not_a_traceback(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    for command in (("check", str(path)), ("walk", str(path)), ("graph", str(path))):
        result = wizard(*command)
        assert result.returncode in (1, 2)
        assert expected in result.stdout + result.stderr
        assert_no_traceback(result)


def test_check_unusable_input_exits_2(tmp_path: Path) -> None:
    assert wizard("check", str(tmp_path / "missing.yaml")).returncode == 2
    assert wizard("check", str(tmp_path)).returncode == 2  # a folder with no trees


def test_walk_prints_the_summary_in_every_format() -> None:
    text = wizard("walk", str(EXAMPLE), *FULL)
    assert text.returncode == 0, text.stderr
    assert "A pet may be poisoned" in text.stdout and "Water less" in text.stdout
    data = json.loads(wizard("walk", str(EXAMPLE), *FULL, "--format", "json").stdout)
    assert data["tree"]["id"] == "garden" and data["red_flags"][0]["id"] == "pets"
    assert wizard("walk", str(EXAMPLE), *FULL, "-f", "markdown").stdout.startswith(
        "# Your plant plan"
    )
    assert "<!DOCTYPE html>" in wizard("walk", str(EXAMPLE), *FULL, "-f", "html").stdout


def test_walk_unknown_node_or_option_exits_2_with_a_suggestion() -> None:
    node = wizard("walk", str(EXAMPLE), "-a", "kinds=cactus")
    assert node.returncode == 2 and "did you mean 'kind'?" in node.stderr
    option = wizard("walk", str(EXAMPLE), "-a", "kind=cactuss")
    assert option.returncode == 2 and "did you mean 'cactus'?" in option.stderr
    invalid = wizard("walk", str(EXAMPLE), "-a", "danger=none", "-a", "kind=cactus,fern")
    assert invalid.returncode == 2 and "pick one" in invalid.stderr.lower()
    assert "--answer: kind: " in invalid.stderr  # names the question the answer was for
    assert_no_traceback(invalid)


def test_walk_that_stops_early_names_the_pending_question() -> None:
    result = wizard("walk", str(EXAMPLE), "-a", "danger=none")
    assert result.returncode == 3
    assert "'kind': What kind of plant is it?" in result.stderr
    assert "cactus (A cactus)" in result.stderr and "--answer kind=OPTION" in result.stderr


def test_walk_the_bundled_tree_by_id_from_another_folder(tmp_path: Path) -> None:
    result = wizard("walk", "paraneoplastic", cwd=tmp_path)
    assert result.returncode == 3  # the first question needs an answer
    unknown = wizard("walk", "paraneoplastc", cwd=tmp_path)
    assert unknown.returncode == 2 and "did you mean 'paraneoplastic'?" in unknown.stderr


def test_graph_schema_and_trees() -> None:
    mermaid = wizard("graph", str(EXAMPLE))
    assert mermaid.returncode == 0 and "flowchart TD" in mermaid.stdout
    assert 'n_kind -->|"Not sure"| n_photo' in mermaid.stdout
    dot = wizard("graph", str(EXAMPLE), "--format", "dot")
    assert dot.returncode == 0 and dot.stdout.lstrip().startswith("digraph")
    schema = json.loads(wizard("schema").stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    trees = wizard("trees")
    assert (
        trees.returncode == 0 and "paraneoplastic" in trees.stdout and "2026-11-21" in trees.stdout
    )
    # the bundled tree changed after that review: the table says so beside the date
    assert "2026-11-21 (changed 2026-12-05)" in trees.stdout


@pytest.mark.parametrize(
    "command",
    [
        "check trees",
        "walk tests/trees/example.yaml",
        "graph tests/trees/example.yaml",
        "schema",
        "trees",
    ],
)
def test_headless_commands_never_import_textual(command: str) -> None:
    code = (
        "import sys; from wizard.cli.main import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *command.split()],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "CLEAN"


def test_python_dash_m_and_the_console_script_agree() -> None:
    script = Path(sys.executable).parent / "wizard"
    via_script = subprocess.run(
        [str(script), "trees"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert via_script.returncode == 0 and via_script.stdout == wizard("trees").stdout


def test_starting_any_command_or_the_first_screen_imports_no_heavy_library() -> None:
    """The command line and the app's first screen import neither the state machine nor the
    web or sealing libraries: a constant imported from the wrong module once put transitions
    (36 ms) into every command, and the take-home code cryptography into the first paint.
    Each is imported by the command or screen that uses it (docs/performance.md)."""
    code = (
        "import sys\nimport wizard.cli.main, wizard.tui.app, wizard.tui.config\n"
        "heavy = ('transitions', 'cryptography', 'aiohttp', 'jinja2', 'segno', 'pyphen')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(heavy)}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
