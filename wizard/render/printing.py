"""Printing a summary at a kiosk: pipe plain text to the operator's print command.

A kiosk writes nothing to disk, so printing is the one way a visitor takes the summary home.
The operator names the command (`--print-command lp`); the app never guesses one. The command
is split like a shell would (`shlex.split`) but run without a shell, so nothing in the summary
or the command line can start a second program. It runs in its own session with no terminal
(the app owns the terminal), gets the summary on standard input, and is given a time limit, so
a stuck printer cannot freeze the kiosk. Every outcome is a sentence for the visitor.

No Textual here: the app's summary screen and the web pages (wizard.web.app) await
`send_to_printer` and show `PrintOutcome.message`.
"""

from __future__ import annotations

import asyncio
import shlex
from dataclasses import dataclass

from wizard.render.words import t

PRINT_TIMEOUT = 30.0
"""Seconds a print command may take before the kiosk gives up on it."""


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
        process.kill()
        await process.wait()
        return PrintOutcome(False, t("printer_timeout", staff=staff))
    except OSError:  # the command ended before reading everything (a broken pipe)
        await process.wait()
    if process.returncode == 0:
        return PrintOutcome(True, t("printed"))
    return PrintOutcome(False, t("printer_failed", staff=staff))
