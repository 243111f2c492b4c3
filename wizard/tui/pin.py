"""The kiosk's admin PIN: how long it may be, and how guessing it is slowed down.

No Textual here, so the command line checks the PIN before starting the app, and the back-off
is tested with a clock the test moves.

Why a back-off: the PIN dialog closes after three wrong tries, but the admin key opens it again
at once, so a script typing PINs could try all 10,000 four-digit PINs in under half an hour.
After `FREE_TRIES` wrong tries in a row, every further wrong try makes the next one wait, twice
as long each time (`FIRST_WAIT`, then double, up to `LONGEST_WAIT`). A try made while waiting is
refused without being compared. The right PIN clears the count. The count lives in the app, not
the dialog, and survives a visitor's reset, so closing the dialog does not start it over.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from math import ceil

from wizard.model.plain import find_control
from wizard.render.words import t, t_count
from wizard.tui.clock import Clock

MAX_LENGTH = 64
"""The most characters the PIN box holds (its Input's `max_length`); a longer PIN could never
be typed, so the program refuses it at start."""
FREE_TRIES = 3
FIRST_WAIT = 30.0
LONGEST_WAIT = 3600.0


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be used as the admin PIN (one sentence), or None when it can."""
    try:
        pin.encode("utf-8")
    except UnicodeEncodeError:  # bytes the shell exported that are not UTF-8: no key types them
        return t("pin_not_utf8")
    if len(pin) > MAX_LENGTH:
        return t("pin_too_long", length=str(len(pin)), most=str(MAX_LENGTH))
    if find_control(pin) is not None or "\n" in pin or "\t" in pin:
        return t("pin_control")
    return None


def wait_words(seconds: float) -> str:
    """'45 seconds', '1 minute', '3 minutes' (rounded up: never says 'now' too early)."""
    whole = max(1, ceil(seconds))
    if whole < 60:
        return t_count("seconds", whole)
    return t_count("minutes", ceil(whole / 60))


@dataclass
class PinGuard:
    """Checks typed PINs against the admin PIN, slowing guessing down after wrong tries."""

    pin: str
    clock: Clock
    failures: int = 0
    """Wrong tries in a row (tries refused while waiting do not count)."""
    _next_try: float = field(default=0.0, repr=False)

    def wait(self) -> float:
        """Seconds until a PIN may be tried again; 0 when it may be tried now."""
        return max(0.0, self._next_try - self.clock())

    def attempt(self, typed: str) -> bool | None:
        """True: the right PIN. False: wrong. None: not tried, because it is too soon."""
        if self.wait() > 0:
            return None
        if hmac.compare_digest(typed.encode("utf-8"), self.pin.encode("utf-8")):
            self.failures = 0
            self._next_try = 0.0
            return True
        self.failures += 1
        if self.failures >= FREE_TRIES:
            extra = self.failures - FREE_TRIES
            delay = LONGEST_WAIT if extra >= 20 else min(LONGEST_WAIT, FIRST_WAIT * 2**extra)
            self._next_try = self.clock() + delay
        return False
