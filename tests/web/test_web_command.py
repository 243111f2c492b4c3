"""`wizard serve` (the web pages) from the command line: refusals before listening, the
warning beyond loopback, and `--terminal` still choosing the terminal mode."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def wizard_serve(*words: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", "serve", *words],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


@pytest.mark.parametrize(("words", "sentence"), [
    (["no-such-tree"], "wizard: no tree file or bundled tree named 'no-such-tree' (bundled: paraneoplastic)\n"),
    (["tests/trees/example.yaml", "--print-command", "lp 'open"],
     "wizard: --print-command cannot be read: No closing quotation\n"),
    (["tests/trees/example.yaml", "--public-url", "ftp://x"],
     "wizard: --public-url must look like http://host:port or https://host, not 'ftp://x'\n"),
])
def test_unusable_options_are_one_sentence_and_exit_2(words: list[str], sentence: str) -> None:
    done = wizard_serve(*words)
    assert (done.returncode, done.stderr) == (2, sentence)


def test_beyond_loopback_warns_then_a_taken_port_is_one_sentence() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = wizard_serve("tests/trees/example.yaml", "--host", "0.0.0.0", "--port", str(port))
    warning, refusal = done.stderr.splitlines()
    assert warning.startswith("wizard: warning: listening on 0.0.0.0 lets anyone")
    assert refusal.startswith(f"wizard: cannot listen on 0.0.0.0:{port}")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_pages_by_default_and_the_terminal_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr("wizard.web.serve.serve_pages_mode", lambda *a, **k: seen.append("pages") or 0)
    monkeypatch.setattr("wizard.web.serve.serve", lambda *a, **k: seen.append("terminal") or 0)
    assert main(["serve", "tests/trees/example.yaml", "--kiosk", "--theme", "high-contrast"]) == 0
    assert main(["serve", "tests/trees/example.yaml", "--terminal"]) == 0
    assert seen == ["pages", "terminal"]
