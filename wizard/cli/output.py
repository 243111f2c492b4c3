"""What the commands print, and how a failed write ends: one sentence, never a traceback.

Text from a tree or typed by the user is data, so control characters (terminal sequences) are
dropped on the way out.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import Literal, TextIO

from wizard.exits import Exit
from wizard.model.plain import strip_control


class UsageError(Exception):
    """A sentence for the user and the exit code that goes with it (wizard/exits.py)."""

    def __init__(self, message: str, code: int = Exit.UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


Form = Literal["text", "json", "yaml", "html"]
"""What a printed text is, which says how to write a character the output cannot hold."""


def say(text: str, stream: TextIO | None = None, end: str = "\n", form: Form = "text") -> None:
    """Print, with control characters dropped (standard output unless `stream` is given).

    When the output's encoding cannot hold a character (`LC_ALL=C`, an old console), JSON,
    YAML (whose non-ASCII text is all in double-quoted strings) and HTML write it as their own
    escape, so the file still says exactly the same; plain text shows '?' (tolerant_output).
    """
    out = stream if stream is not None else sys.stdout
    text = strip_control(text)
    if form != "text":
        text = _escaped(text, getattr(out, "encoding", None) or "utf-8", form)
    print(text, end=end, file=out)


def _escaped(text: str, encoding: str, form: Form) -> str:
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    handler = "xmlcharrefreplace" if form == "html" else f"wizard-{form}"
    try:
        return text.encode(encoding, handler).decode(encoding)
    except (UnicodeError, LookupError):  # an odd encoding: plain ASCII escapes always fit
        return text.encode("ascii", handler).decode("ascii")


def _escape(error: UnicodeError, escape: Callable[[int], str]) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chars = error.object[error.start:error.end]
    return "".join(escape(ord(char)) for char in chars), error.end


def _json_escape(code: int) -> str:
    """JSON writes a character beyond U+FFFF as its UTF-16 pair."""
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _yaml_escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


codecs.register_error("wizard-json", lambda error: _escape(error, _json_escape))
codecs.register_error("wizard-yaml", lambda error: _escape(error, _yaml_escape))


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
        # `LC_ALL=C` gives standard output "surrogateescape", which fails on any other text
        if reconfigure is not None and getattr(stream, "errors", "") in (
            "strict", "surrogateescape"
        ):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def utf8_terminal() -> None:
    """Before a full-screen app draws: a terminal stream in ASCII becomes UTF-8.

    Under `LC_ALL=C` with `PYTHONUTF8=0` Python's streams are ASCII, and Textual, writing its
    screen to them, drew each border line and accent as a backslash escape (`\\u2502`: six
    columns for one), so every line wrapped wrong. The C locale says nothing about the terminal
    (it is what a container, an ssh session or a service gets when no locale is set), and
    terminals, the Linux console included, decode UTF-8; that is why Python itself takes
    UTF-8 for the C locale unless told otherwise (PEP 538, PEP 540). Only ASCII is changed: a
    legacy locale such as Latin-1 describes its terminal, so it is kept.
    """
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is None or not _is_ascii(getattr(stream, "encoding", None)):
            continue
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if stream.isatty():
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def _is_ascii(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "").name == "ascii"
    except LookupError:
        return False


def drop_output() -> None:
    """After a failed write, what is still buffered goes nowhere, so Python's own flush at exit
    cannot fail again and print a traceback of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, ValueError, OSError):
        pass
