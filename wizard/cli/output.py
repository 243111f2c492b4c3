"""What the commands print, and how a failed write ends: one sentence, never a traceback.

Text from a tree or typed by the user is data, so control characters (terminal sequences) are
dropped on the way out.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TextIO

from wizard.exits import Exit
from wizard.model.plain import strip_control


class UsageError(Exception):
    """A sentence for the user and the exit code that goes with it (wizard/exits.py)."""

    def __init__(self, message: str, code: int = Exit.UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


def say(text: str, stream: TextIO | None = None, end: str = "\n") -> None:
    """Print, with control characters dropped (standard output unless `stream` is given)."""
    out = stream if stream is not None else sys.stdout
    print(strip_control(text), end=end, file=out)


def say_error(message: str) -> None:
    """One sentence on standard error, if there is a standard error to say it on."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(f"wizard: {strip_control(message)}", file=sys.stderr, flush=True)


# A write to standard output fails with these: the reader went away (EPIPE), the disk is full
# (ENOSPC, EDQUOT, EFBIG), the descriptor is closed (EBADF) or the terminal is gone (EIO).
OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EDQUOT", "EFBIG", "EBADF", "EIO")
    if hasattr(errno, name)
)


def tolerant_output() -> None:
    """A character the output's encoding cannot show (`PYTHONIOENCODING=ascii`, an old console)
    becomes '?' instead of ending the program."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def drop_output() -> None:
    """After a failed write, what is still buffered goes nowhere, so Python's own flush at exit
    cannot fail again and print a traceback of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, ValueError, OSError):
        pass
