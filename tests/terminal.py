"""A program on a pseudo-terminal, driven the way a person at a terminal would, for the tests that
must go through a real terminal driver (the kiosk's shell keys, the installed app)."""

from __future__ import annotations

import os
import pty
import select
import time
from pathlib import Path
from types import TracebackType

BOUND = 120.0
"""Most seconds to wait for a screen or an exit: an upper bound that only a hung app reaches,
never a measurement (each wait ends as soon as what it waits for is there)."""


class Terminal:
    """A child process on a pseudo-terminal, and what it has drawn so far."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        self.screen = b""
        self.code: int | None = None

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Kill the app if a test left it running, reap it, and close the terminal."""
        if self.exit_code() is None:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

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
