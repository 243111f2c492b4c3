"""`wizard serve` without a browser: what each tab runs, and refusals before listening."""

from __future__ import annotations

import inspect
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.model.bundled import DEFAULT_TREE, bundled_dir
from wizard.model.opening import open_tree
from wizard.web.serve import public_url, run_words, serve, tree_file

ROOT = Path(__file__).resolve().parents[2]


def run_serve(*words: str) -> subprocess.CompletedProcess[str]:
    """`wizard serve --terminal WORDS...` in its own process."""
    return subprocess.run([sys.executable, "-m", "wizard", "serve", "--terminal", *words],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_each_tab_runs_this_python_on_the_tree() -> None:
    words = run_words("/trees/example.yaml")
    assert words == [sys.executable, "-m", "wizard", "run", "/trees/example.yaml"]


def test_kiosk_is_passed_through() -> None:
    assert run_words("t.yaml", kiosk=True)[-2:] == ["t.yaml", "--kiosk"]


@pytest.mark.parametrize("name", ["my trees/a tree.yaml", "it's; rm -rf ~.yaml", "$(x).yaml"])
def test_tree_paths_reach_the_app_as_one_word(name: str) -> None:
    """Each tab's app starts from an argument list, never through a shell: the path stays one
    argument, whatever it holds."""
    words = run_words(name)
    assert words[4] == name and len(words) == 5


def test_trees_are_found_like_wizard_run_finds_them() -> None:
    path = tree_file(open_tree(DEFAULT_TREE).tree)
    assert Path(path) == (bundled_dir() / f"{DEFAULT_TREE}.yaml").resolve()
    assert Path(tree_file(open_tree("tests/trees/example.yaml").tree)).is_absolute()


def test_listens_on_this_machine_only_by_default() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"


def test_public_address_is_one_a_browser_can_open() -> None:
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert "0.0.0.0" not in public_url("0.0.0.0", 8000)


def test_missing_tree_is_one_sentence_and_exit_2() -> None:
    done = run_serve("no-such-tree", "--port", "1")
    assert done.returncode == 2
    assert done.stderr.startswith("wizard: no tree file or bundled tree named 'no-such-tree'")
    assert done.stderr.count("\n") == 1  # one sentence, the one every command says (tests/cli)


def test_broken_tree_is_refused_before_listening(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\n", encoding="utf-8")
    done = run_serve(str(broken), "--port", "1")
    assert done.returncode == 2
    assert "the tree cannot be used" in done.stderr
    assert f"wizard check {broken}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_in_use_is_one_sentence_and_exit_2() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_serve("tests/trees/example.yaml", "--port", str(port))
    assert done.returncode == 2
    assert f"wizard: cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_run_options_reach_every_tab() -> None:
    words = run_words("/t/a.yaml", kiosk=True, run_options=["--idle-timeout", "60", "--print-command", "lp -d front desk"])
    assert words[-5:] == ["--kiosk", "--idle-timeout", "60", "--print-command", "lp -d front desk"]


def test_listening_beyond_this_machine_warns_in_one_sentence() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_serve("tests/trees/example.yaml", "--host", "0.0.0.0", "--port", str(port))
    warning, refusal = done.stderr.splitlines()
    assert warning.startswith("wizard: warning: listening on 0.0.0.0 lets anyone")
    assert warning.count(". ") == 0 and warning.endswith(".")
    assert refusal.startswith(f"wizard: cannot listen on 0.0.0.0:{port}")
    assert done.returncode == 2


def test_loopback_gets_no_warning() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = run_serve("tests/trees/example.yaml", "--port", str(taken.getsockname()[1]))
    assert "warning" not in done.stderr


def test_max_sessions_below_one_is_refused_by_serve_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert serve(open_tree("tests/trees/example.yaml").tree, max_sessions=0) == 2
    assert capsys.readouterr().err == "wizard: --max-sessions must be a whole number of at least 1\n"


@pytest.mark.parametrize(("option", "sentence"), [
    (["--max-sessions", "0"], "wizard serve: --max-sessions must be a whole number from 1 to 1000, not '0' (see: wizard serve --help)\n"),
    (["--public-url", "ftp://x"], "wizard: --public-url must look like http://host:port or https://host, not 'ftp://x'\n"),
    (["--public-url", "http://x:99999"], "wizard: --public-url must look like http://host:port or https://host, not 'http://x:99999'\n"),
])
def test_unusable_serve_options_are_one_sentence_and_exit_2(option: list[str], sentence: str) -> None:
    done = subprocess.run([sys.executable, "-m", "wizard", "serve", "tests/trees/example.yaml", *option],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (done.returncode, done.stderr) == (2, sentence)


@pytest.mark.parametrize("mode", [[], ["--terminal"], ["--classroom"]])
def test_serve_opens_its_tree_once(mode: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line opens and checks the tree; the server takes that tree as it is, in
    every mode (the classroom's quiz is built on it too)."""
    import wizard.model.opening
    import wizard.web.classroom_run
    import wizard.web.run
    import wizard.web.terminal_server
    from wizard.cli.main import main

    real_load = wizard.model.opening.load_tree
    loads: list[object] = []
    served: list[object] = []

    def counting_load(*args: object, **kwargs: object) -> object:
        loads.append(args)
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    class FakeServer:
        def __init__(self, words: list[str], **options: object) -> None:
            served.append((words, options))

        def serve(self) -> None:
            pass

    monkeypatch.setattr(wizard.model.opening, "load_tree", counting_load)
    monkeypatch.setattr(wizard.web.run, "serve_pages",
                        lambda tree, **options: served.append((tree, options)) or 0)
    monkeypatch.setattr(wizard.web.terminal_server, "TerminalServer", FakeServer)
    monkeypatch.setattr(wizard.web.classroom_run, "serve_classroom",
                        lambda quiz, **options: served.append((quiz, options)) or 0)
    assert main(["serve", "tests/trees/example.yaml", *mode]) == 0
    assert len(loads) == 1 and len(served) == 1


def test_run_and_serve_share_their_screen_options() -> None:
    """Kiosk, review date, draft, idle time, print and theme: one declaration, one default."""
    from wizard.cli.main import build_parser
    from wizard.render.kiosk import IDLE_TIMEOUT

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    shared = ["--theme", "--kiosk", "--allow-overdue", "--allow-draft-translation",
              "--idle-timeout", "--print-command", "--lang"]

    def option(command: str, flag: str) -> tuple[object, ...]:
        action = next(a for a in commands[command]._actions if flag in a.option_strings)
        return (action.default, action.help, action.choices, action.type, action.nargs)

    for flag in shared:
        assert option("run", flag) == option("serve", flag), flag
    assert build_parser().parse_args(["serve"]).idle_timeout == IDLE_TIMEOUT
    assert build_parser().parse_args(["run"]).idle_timeout == IDLE_TIMEOUT
