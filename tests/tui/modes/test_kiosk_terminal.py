"""The kiosk in a real terminal (a pseudo-terminal): the keys that end or stop programs in a
shell (ctrl+c, ctrl+z, ctrl+\\, ctrl+d) and the app's own quit keys reach the app as keys and do
nothing, even when TEXTUAL_ALLOW_SIGNALS asks Textual to let the terminal turn them into
signals; the admin key and the PIN end it with exit code 0. Pilot tests cannot show this: they
never go through a terminal driver."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

KEYS = {
    "ctrl+c": b"\x03",
    "ctrl+z": b"\x1a",
    "ctrl+backslash": b"\x1c",
    "ctrl+d": b"\x04",
    "ctrl+q": b"\x11",
    "q": b"q",
    "ctrl+p": b"\x10",
}


def test_shell_keys_do_nothing_and_the_pin_ends_the_kiosk(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        "WIZARD_ADMIN_PIN": "4711",
        "WIZARD_TODAY": os.environ["WIZARD_TODAY"],  # a kiosk refuses an overdue tree
        "TEXTUAL_ALLOW_SIGNALS": "1",  # would turn ctrl+c into SIGINT; the kiosk drops it
    }
    with Terminal([sys.executable, "-m", "wizard", "run", "--kiosk"], env, tmp_path) as term:
        term.wait_for(b"Start")
        term.send(b"\r")  # into the walk: a page with answers to lose
        for key in KEYS.values():
            term.send(key)
        # Keys are handled in order: once the PIN box is drawn, every key above has been
        # handled, and none of them ended the app.
        term.send(b"\x18")  # ctrl+x: the admin key
        term.wait_for(b"Staff only")
        assert term.exit_code() is None, "a shell key ended the kiosk"
        term.send(b"0000\r")
        term.wait_for(b"not right")
        assert term.exit_code() is None
        term.send(b"4711\r")
        assert term.wait_exit() == 0
    assert list(tmp_path.iterdir()) == []
