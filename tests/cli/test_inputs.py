"""Every input bounded, every failure one sentence: what a stranger can give the command line.

Each command runs in its own process, as a user's shell runs it. The subprocess timeout is a
safety net only (a FIFO used to make `check` wait forever); no test measures time.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT
from wizard.cli.main import main

FULL = ["-a", "danger=pets", "-a", "kind=cactus", "-a", "cactus_water=daily", "-a", "symptoms=yellow"]
SAFETY_NET = 60  # seconds; only so that a regression fails instead of hanging the suite


def _limit_memory() -> None:
    """Without the fix /dev/zero was read to gigabytes; let that fail fast, not swap."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def wizard(
    *args: str,
    stdin: int | None = subprocess.DEVNULL,
    env: Mapping[str, str] | None = None,
    **kwargs: object,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=SAFETY_NET,
        stdin=stdin,
        env={**os.environ, **(env or {})},
        preexec_fn=_limit_memory,
        **kwargs,
    )


def shell(script: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """A shell line, for what only a shell can set up: `<&-`, `>&-`, `> /dev/full`."""
    return subprocess.run(
        ["sh", "-c", script],
        capture_output=True,
        cwd=ROOT,
        timeout=SAFETY_NET,
        env={**os.environ, "PY": sys.executable, "T": str(EXAMPLE), **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def one_sentence(stderr: str | bytes) -> str:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    assert len(text.strip().splitlines()) == 1, text
    return text


# -- not a regular file ---------------------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["check", "walk", "run", "graph", "paths", "ask"])
def test_a_fifo_is_refused_not_waited_for(fifo: Path, command: str) -> None:
    result = wizard(command, str(fifo))
    assert result.returncode == 2
    assert f"{fifo}: this is a named pipe (FIFO), not a tree file" in one_sentence(result.stderr)


@pytest.mark.parametrize("command", ["check", "walk", "run"])
def test_a_device_is_refused_not_read(command: str) -> None:
    result = wizard(command, "/dev/zero")
    assert result.returncode == 2
    assert "/dev/zero: this is a device, not a tree file" in one_sentence(result.stderr)


def test_a_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path: Path, fifo: Path) -> None:
    (tmp_path / "good.yaml").write_text(EXAMPLE.read_text())
    result = wizard("check", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{fifo}:1:1: warning: this is a named pipe (FIFO), not a tree file; skipped"
    ]
    assert "1 file(s) checked: 0 error(s), 1 warning(s)" in result.stderr
    assert wizard("check", "--strict", str(tmp_path)).returncode == 1


# -- control characters ---------------------------------------------------------------------------
def test_check_points_at_each_control_character_and_prints_none(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        EXAMPLE.read_text()
        .replace("label: A fern", 'label: "A \\e]52;c;cm0gLXJmIH4=\\a fern"')
        .replace("    kind: info", '    kind: "info\\e[2J"', 1)
    )
    result = wizard("check", str(hostile))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    fern = next(n for n, line in enumerate(hostile.read_text().split("\n"), 1) if "A \\e]" in line)
    assert f"{hostile}:{fern}:19: error: control character ESC (U+001B) in tree text" in "\n".join(
        lines
    )
    assert any(f"{hostile}:{fern}:39: error: control character BEL (U+0007)" in x for x in lines)
    assert any("'kind' of node 'welcome' is 'info[2J'" in line for line in lines)  # said inertly
    assert "\x1b" not in result.stdout + result.stderr


def test_walk_says_its_own_messages_without_control_characters() -> None:
    typo = wizard("walk", str(EXAMPLE), "-a", "kinds\x1b]0;owned\x07=cactus")
    assert typo.returncode == 2 and "there is no node 'kinds]0;owned'" in typo.stderr
    option = wizard("walk", str(EXAMPLE), "-a", "kind=cac\x1b[2Jtus")
    assert option.returncode == 2 and "'cac[2Jtus' is not an option" in option.stderr
    assert "\x1b" not in typo.stderr + option.stderr and "\x07" not in typo.stderr


# -- output that cannot be written, or shown -------------------------------------------------------
@pytest.mark.parametrize("command", ["walk", "ask", "schema", "graph", "paths"])
def test_a_full_disk_is_one_sentence_and_exit_4(command: str) -> None:
    extra = {"walk": "$T " + " ".join(FULL), "ask": "$T", "graph": "$T", "paths": "$T"}
    result = shell(f'printf "\\n" | "$PY" -m wizard {command} {extra.get(command, "")} > /dev/full')
    assert result.returncode == 4
    assert "No space left on device" in one_sentence(result.stderr)


@pytest.mark.parametrize("command", ["walk $T " + " ".join(FULL), "ask $T", "check $T"])
def test_a_closed_standard_output_is_one_sentence_and_exit_4(command: str) -> None:
    result = shell(f'"$PY" -m wizard {command} >&-')
    assert result.returncode == 4
    assert "standard output is closed" in one_sentence(result.stderr)


def test_a_reader_that_goes_away_ends_quietly_with_4() -> None:
    """`wizard schema | head -1`: the pipe's reader is gone before the write; no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "wizard", "schema"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=SAFETY_NET,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 4
    assert result.stderr == b""


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONIOENCODING": "ascii:strict"}]
)
def test_ascii_output_replaces_what_it_cannot_show(tmp_path: Path, env: dict[str, str]) -> None:
    """An ASCII-only output gets "?" for what it cannot show, not a traceback."""
    tree = tmp_path / "accents.yaml"
    tree.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        .replace("name: Water less", "name: Water less — at 20 °C")
        .replace("prompt: Welcome", "prompt: Welcome — café"),
        encoding="utf-8",
    )
    walked = wizard("walk", str(tree), *FULL, env=env)
    assert walked.returncode == 0, walked.stderr
    assert "Water less ? at 20 ?C" in walked.stdout
    asked = wizard("ask", str(tree), input="\n", stdin=None, env=env)
    assert asked.returncode == 3, asked.stderr
    assert "Welcome ? caf?" in asked.stdout and "Traceback" not in asked.stderr


def test_ask_with_a_closed_standard_input_ends_as_input_ended() -> None:
    result = shell('"$PY" -m wizard ask "$T" <&-')
    assert result.returncode == 3
    assert b"Input ended at step 1" in result.stdout and b"Traceback" not in result.stderr


# -- the command line itself -----------------------------------------------------------------------
def test_an_answer_given_twice_is_refused_naming_the_node() -> None:
    """Keeping the last would drop `pets`, a red flag, without a word."""
    result = wizard("walk", str(EXAMPLE), *FULL, "-a", "danger=none")
    assert result.returncode == 2
    said = one_sentence(result.stderr)
    assert "'danger' is already answered by an earlier --answer" in said
    assert "--answer danger=OPTION[,OPTION...]" in said


@pytest.mark.parametrize(
    "words",
    [
        ["serve", "--port", "99999"],
        ["serve", "--port", "-1"],
        ["serve", "--port", "0"],
        ["serve", "--port", "80.5"],
        ["serve", "--port", "²"],
        ["serve", "--idle-timeout", "-5"],
        ["serve", "--idle-timeout", "inf"],
        ["paths", "--limit", "-1"],
        ["paths", "--limit", "0"],
        ["paths", "--limit", "9" * 5000],
        ["paths", "--limit", "①"],
        ["run", "--idle-timeout", "-5"],
        ["run", "--idle-timeout", "nan"],
        ["run", "--idle-timeout", "inf"],
        ["run", "--idle-timeout", "1e999"],
        ["run", "--idle-timeout", "ten"],
    ],
)
def test_bad_numbers_are_one_sentence_and_exit_2(
    words: Sequence[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("cmd_run", "cmd_serve", "cmd_paths"):  # nothing may start if a number is bad
        monkeypatch.setattr(f"wizard.cli.main.{name}", lambda args: 0)
    assert main([*words[:1], str(EXAMPLE), *words[1:]]) == 2
    said = one_sentence(capsys.readouterr().err)
    assert f"{words[1]} must be" in said and len(said) < 200


def test_good_numbers_still_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    monkeypatch.setattr("wizard.cli.main.cmd_serve", lambda args: seen.append(args) or 0)
    assert main(["serve", "--port", "8080", "--idle-timeout", "12.5"]) == 0
    assert (seen[0].port, seen[0].idle_timeout) == (8080, 12.5)  # type: ignore[attr-defined]


# -- translate --from: a file, bounded like a tree --------------------------------------------------
@pytest.mark.parametrize(
    ("make", "said"),
    [
        ("fifo", "named pipe (FIFO)"),
        ("device", "device"),
        ("big", "MB"),
        ("deep", "nested too deeply"),
    ],
)
def test_translate_from_reads_only_a_bounded_regular_file(
    tmp_path: Path, make: str, said: str
) -> None:
    """Before: /dev/zero was read to 9.3 GB, a FIFO hung, deeply nested JSON was a traceback."""
    if make == "fifo":
        source = tmp_path / "map.json"
        os.mkfifo(source)
    elif make == "device":
        source = Path("/dev/zero")
    else:
        source = tmp_path / "map.json"
        text = " " * (6 << 20) + "{}" if make == "big" else "[" * 100_000 + "]" * 100_000
        source.write_text(text, encoding="utf-8")
    result = wizard("translate", str(EXAMPLE), "--lang", "es", "--from", str(source))
    assert result.returncode == 2
    sentence = one_sentence(result.stderr)
    assert sentence.startswith(f"wizard: --from {source}: ") and said in sentence, sentence


def test_the_smallest_idle_timeout_allowed_still_resets_the_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """0.5 once became 0 in the page, which switched the reset off: 1 is the smallest allowed,
    and the page is given a reset it can count."""
    seen: list[object] = []
    monkeypatch.setattr("wizard.cli.main.cmd_serve", lambda args: seen.append(args) or 0)
    assert main(["serve", "--kiosk", "--idle-timeout", "0.5"]) == 2
    assert main(["serve", "--kiosk", "--idle-timeout", "1"]) == 0
    from wizard.model.loader import load_tree
    from wizard.web.app import WebConfig

    config = WebConfig(tree=load_tree(EXAMPLE), secret=b"k" * 32, kiosk=True,
                       idle_timeout=seen[0].idle_timeout)  # type: ignore[attr-defined]
    assert int(config.idle_timeout) >= 1
