"""Time as the kiosk reads it: one seam, so tests move time on by hand instead of waiting.

The kiosk's idle check, its "Still there?" countdown, the admin PIN's back-off and the key
budget all ask a `Clock` for the time, never `time.monotonic` directly. The program passes
`time.monotonic`; a test passes a clock it advances itself, so a 90-second idle timeout or a
30-minute brute-force attempt takes no real time and gives the same result on a busy machine.
"""

from __future__ import annotations

from collections.abc import Callable

Clock = Callable[[], float]
"""Seconds on a clock that never goes back (like `time.monotonic`); only differences matter."""
