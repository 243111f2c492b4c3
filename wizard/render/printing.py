"""Printing a summary at a kiosk: pipe plain text to the operator's print command.

A kiosk writes nothing to disk, so printing is the one way a visitor takes the summary home.
The operator names the command (`--print-command lp`); the app never guesses one. The command
is split like a shell would (`shlex.split`) but run without a shell, so nothing in the summary
or the command line can start a second program. It runs in its own session with no terminal
(the app owns the terminal), gets the summary on standard input, and is given a time limit, so
a stuck printer cannot freeze the kiosk. Every outcome is a sentence for the visitor.

No Textual here: the app's summary screen and the web pages (wizard.web.app) each hold one
`Printer`, await `Printer.send` and show `PrintOutcome.message`. A `Printer` is the kiosk's
guard on paper: one job per visitor at a time (a second press while one runs is refused, not
queued), at most `PRINTS_PER_MINUTE` jobs a minute from everyone together, and every print
process ended (terminated, then killed) when its time is up or its job is cancelled, so a stuck
or abandoned job never lingers.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from wizard.render.words import t

PRINT_TIMEOUT = 30.0
"""Seconds a print command may take before the kiosk gives up on it."""

PRINTS_PER_MINUTE = 6
"""Jobs one kiosk sends to its printer in any 60 seconds, all visitors together."""

END_GRACE = 2.0
"""Seconds a print process has to stop after it is asked to (SIGTERM) before it is killed."""

PAGE_LINES = 66
"""Lines of plain text on one printed sheet (11 inches at 6 lines an inch, as line printers print
text). The summary's first part fits in this many (tests/content/test_first_page.py);
`render_text(..., page_break=True)` starts the details on the next sheet with a form feed. CUPS's
text filter keeps half-inch margins, which leaves 60 lines on Letter and 64 on A4 at its default
6 lines an inch, and 77 characters across A4: the README tells a kiosk's operator the `lp`
options (`-o lpi=6.7 -o cpi=10.5`) that give at least 66 lines of 78 on both."""


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to one print request, in words for the visitor."""

    ok: bool
    message: str


def parse_print_command(command: str) -> list[str]:
    """The command as argv; ValueError (a sentence) when it is empty or its quotes do not close.

    The command line checks this at start-up, so an operator's typo stops the kiosk before a
    visitor ever presses Print.
    """
    try:
        words = shlex.split(command)
    except ValueError as error:
        raise ValueError(t("print_command_unreadable", error=str(error))) from None
    if not words:
        raise ValueError(t("print_command_empty"))
    return words


async def send_to_printer(command: str, text: str, timeout: float = PRINT_TIMEOUT) -> PrintOutcome:
    """Run `command` with `text` on its standard input and say whether it worked.

    Exit code 0 means the printer took it; anything else (a code, a missing program, a time
    out) is reported as a sentence that tells the visitor to ask a member of staff.
    """
    staff = t("ask_staff")
    try:
        argv = parse_print_command(command)
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError):
        return PrintOutcome(False, t("printer_unreachable", staff=staff))
    try:
        await asyncio.wait_for(process.communicate(text.encode("utf-8")), timeout)
    except TimeoutError:
        return PrintOutcome(False, t("printer_timeout", staff=staff))
    except OSError:  # the command ended before reading everything (a broken pipe)
        await process.wait()
    finally:  # timed out or cancelled (the visitor left, the server stops): end it
        await _end(process)
    if process.returncode == 0:
        return PrintOutcome(True, t("printed"))
    return PrintOutcome(False, t("printer_failed", staff=staff))


async def _end(process: asyncio.subprocess.Process) -> None:
    """Stop a print process that is still running: SIGTERM, then SIGKILL after END_GRACE.

    The signal goes to the process's whole group (it leads its own session), so a wrapper
    script's children stop too. Shielded, so a job cancelled while it waits here still sees
    its process gone."""
    if process.returncode is not None:
        return

    async def stop() -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), END_GRACE)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            await process.wait()

    await asyncio.shield(stop())


@dataclass
class Printer:
    """One kiosk's printer: who is printing now and when the last jobs started.

    `visitor` is whatever tells visitors apart (the web's visit id; the terminal kiosk has one
    visitor at a time and passes one name). `clock` only needs differences, so a test passes
    a clock it moves by hand.
    """

    command: str
    clock: Callable[[], float] = time.monotonic
    per_minute: int = PRINTS_PER_MINUTE
    timeout: float = PRINT_TIMEOUT
    busy: set[str] = field(default_factory=set)
    started: deque[float] = field(default_factory=deque)

    def refusal(self, visitor: str) -> str | None:
        """The sentence that refuses a new job now, or None when it may start."""
        if visitor in self.busy:
            return t("printer_busy")
        now = self.clock()
        while self.started and now - self.started[0] >= 60.0:
            self.started.popleft()
        if len(self.started) >= self.per_minute:
            return t("printer_too_many")
        return None

    async def send(self, visitor: str, text: str) -> PrintOutcome:
        """Print `text` for `visitor` unless refused; the job counts from the moment it starts."""
        refused = self.refusal(visitor)
        if refused is not None:
            return PrintOutcome(False, refused)
        self.busy.add(visitor)
        self.started.append(self.clock())
        try:
            return await send_to_printer(self.command, text, self.timeout)
        finally:
            self.busy.discard(visitor)
