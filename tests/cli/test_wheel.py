"""A plain install of the built wheel, with no extras, gives every command the README shows.

The wheel goes into a fresh virtual environment holding only what the program needs: uv.lock's
packages without the `test` extra, which uv derives from the declared dependencies, installed
--offline from the cache `make test` filled when it set up this venv (no test reads the
network); `uv pip check` then confirms the wheel's own requirements are met. So the test proves
the declared dependencies are enough, not that this venv has them. Each command then runs from
a folder outside the checkout, and none may print a traceback.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT
from tests.terminal import BOUND, Terminal

# One worker builds and installs the wheel once for every test here (`make test` runs pytest-xdist
# with --dist loadgroup).
pytestmark = pytest.mark.xdist_group("wheel")


@dataclass(frozen=True)
class Installed:
    env: Path
    wizard: Path
    python: Path
    elsewhere: Path

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(self.wizard), *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=self.elsewhere,
            timeout=120,
        )
        assert "Traceback" not in result.stderr + result.stdout, (args, result.stderr)
        return result


UV = Path(sys.executable).parent / "uv"  # `make test` installs uv into the venv first


def uv(*args: str) -> subprocess.CompletedProcess[str]:
    assert UV.exists(), "uv is not in this venv: run the tests with `make test`"
    done = subprocess.run([str(UV), "--no-config", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(dist.glob("*.whl"))
    env_dir = tmp / "env"
    venv.create(env_dir, with_pip=False, system_site_packages=False)
    python = env_dir / "bin" / "python"
    needs = tmp / "pylock.toml"  # the program's packages, at the lock's versions
    uv("export", "--frozen", "--format", "pylock.toml", "--no-emit-project", "-o", str(needs))
    uv("pip", "install", "--quiet", "--offline", "--python", str(python), "-r", str(needs))
    uv("pip", "install", "--quiet", "--offline", "--no-deps", "--python", str(python), str(wheel))
    uv("pip", "check", "--python", str(python))
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return Installed(env_dir, env_dir / "bin" / "wizard", python, elsewhere)


def test_the_installed_copy_finds_its_bundled_trees(installed: Installed) -> None:
    located = subprocess.run(
        [str(installed.python), "-c", "import wizard.model.bundled as b; print(b.bundled_dir())"],
        capture_output=True, text=True, cwd=installed.elsewhere, timeout=60,
    )
    assert str(installed.env) in located.stdout  # the installed copy, not the checkout
    assert "stop before the end" in installed.run("walk", "-a", "red_flags=none").stderr
    assert "paraneoplastic" in installed.run("trees").stdout


# (arguments, standard input, exit code, words the output holds): every command in the README.
COMMANDS: list[tuple[tuple[str, ...], str, int, str]] = [
    (("--version",), "", 0, "wizard"),
    (("run", "--help"), "", 0, "--kiosk"),
    (("check", str(EXAMPLE)), "", 0, ""),
    (("check", "--strict", str(EXAMPLE)), "", 0, ""),
    (("check", str(EXAMPLE.parent)), "", 0, ""),  # warnings only (its hostile and cover trees)
    (("walk", str(EXAMPLE), "-a", "danger=none", "-a", "kind=fern", "-a", "symptoms=nothing",
      "-a", "humidity=dry"), "", 0, "Helping a tired houseplant"),
    (("walk", str(EXAMPLE), "-a", "danger=none", "-a", "kind=fern", "-a", "symptoms=nothing",
      "-a", "humidity=dry", "--format", "json"), "", 0, '"tree"'),
    (("walk", str(EXAMPLE), "-a", "danger=none", "--format", "html"), "", 3, ""),
    (("ask", str(EXAMPLE)), "\n3\n2\n1\n1\n", 0, "Content reviewed"),
    (("ask",), "", 3, ""),
    (("paths", str(EXAMPLE)), "", 0, "routes through"),
    (("paths", "--format", "json"), "", 0, "["),
    (("paths", str(EXAMPLE), "--cover"), "", 0, "routes"),
    (("diff", str(EXAMPLE), str(EXAMPLE)), "", 0, ""),
    (("export", str(EXAMPLE), "--format", "fhir"), "", 0, '"Questionnaire"'),
    (("walk", str(EXAMPLE), "-a", "danger=none", "-a", "kind=fern", "-a", "symptoms=nothing",
      "-a", "humidity=dry", "--format", "fhir"), "", 0, '"QuestionnaireResponse"'),
    (("graph",), "", 0, "flowchart"),
    (("graph", str(EXAMPLE), "--format", "dot"), "", 0, "digraph"),
    (("schema",), "", 0, "draft-07"),
    (("trees",), "", 0, "paraneoplastic"),
    (("serve", "--help"), "", 0, "--kiosk"),
    (("serve", "--terminal", "--help"), "", 0, "--max-sessions"),
]


@pytest.mark.parametrize(("args", "stdin", "code", "words"), COMMANDS, ids=lambda v: str(v)[:40])
def test_every_readme_command_runs_from_a_bare_install(
    installed: Installed, args: tuple[str, ...], stdin: str, code: int, words: str
) -> None:
    result = installed.run(*args, stdin=stdin)
    assert result.returncode == code, (args, result.stderr)
    assert words in result.stdout, (args, result.stdout[:500])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(installed: Installed) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    process = subprocess.Popen(
        [str(installed.wizard), "serve", "--port", str(port)],
        cwd=installed.elsewhere, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def test_serve_answers_a_browser_and_stops_cleanly(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    url = f"http://127.0.0.1:{port}/"
    end = time.monotonic() + BOUND  # a bound only a hung server reaches, not a measurement
    while True:
        assert process.poll() is None, process.communicate()[1]
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                status, page = answer.status, answer.read().decode("utf-8", "replace")
            break
        except OSError:
            assert time.monotonic() < end, "the server never answered"
            time.sleep(0.1)
    assert status == 200
    assert "<html" in page.lower()
    process.send_signal(signal.SIGINT)  # Ctrl+C at the console
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in out + err, err


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_the_app_opens_in_a_terminal_and_quits(installed: Installed) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color", "HOME": str(installed.elsewhere),
           "WIZARD_TODAY": os.environ["WIZARD_TODAY"]}
    with Terminal([str(installed.wizard)], env, installed.elsewhere) as term:
        term.wait_for(b"Start")
        term.send(b"q")  # nothing answered yet: q quits at once
        assert term.wait_exit() == 0
    assert b"Traceback" not in term.screen
