"""The kiosk in a real terminal (a pseudo-terminal): the keys that end or stop programs in a
shell (ctrl+c, ctrl+z, ctrl+\\, ctrl+d) and the app's own quit keys reach the app as keys and do
nothing, even when TEXTUAL_ALLOW_SIGNALS asks Textual to let the terminal turn them into
signals; the admin key and the PIN end it with exit code 0. Pilot tests cannot show this: they
never go through a terminal driver."""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pty = pytest.importorskip("pty")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

BOUND = 120.0
"""Most seconds to wait for a screen or an exit: an upper bound that only a hung app reaches,
never a measurement (each wait ends as soon as what it waits for is there)."""
KEYS = {
    "ctrl+c": b"\x03",
    "ctrl+z": b"\x1a",
    "ctrl+backslash": b"\x1c",
    "ctrl+d": b"\x04",
    "ctrl+q": b"\x11",
    "q": b"q",
    "ctrl+p": b"\x10",
}


class Terminal:
    """A child process on a pseudo-terminal, and what it has drawn so far."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        self.screen = b""
        self.code: int | None = None

    def read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, text: bytes, seconds: float = BOUND) -> None:
        end = time.monotonic() + seconds
        while text not in self.screen and time.monotonic() < end and self.exit_code() is None:
            self.read(0.05)
        self.read(0.05)  # whatever the app drew just before it ended
        assert text in self.screen, f"{text!r} never drawn"

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def wait_exit(self, seconds: float = BOUND) -> int | None:
        """The exit code, once the app has ended (None if it is still running after `seconds`)."""
        end = time.monotonic() + seconds
        while (code := self.exit_code()) is None and time.monotonic() < end:
            self.read(0.05)
        return code

    def exit_code(self) -> int | None:
        """The exit code once the app has ended (reaped once), else None."""
        if self.code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid != 0:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code


def test_shell_keys_do_nothing_and_the_pin_ends_the_kiosk(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        "WIZARD_ADMIN_PIN": "4711",
        "TEXTUAL_ALLOW_SIGNALS": "1",  # would turn ctrl+c into SIGINT; the kiosk drops it
    }
    term = Terminal([sys.executable, "-m", "wizard", "run", "--kiosk"], env, tmp_path)
    try:
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
    finally:
        if term.exit_code() is None:
            os.kill(term.pid, 9)
            os.waitpid(term.pid, 0)
        os.close(term.fd)
    assert list(tmp_path.iterdir()) == []
