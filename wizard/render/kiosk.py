"""How long a shared screen waits for its visitor: one place for the kiosk's timings.

The terminal kiosk (wizard/tui/kiosk.py), the web kiosk (wizard/web/app.py) and the command
line's `--idle-timeout` (run and serve alike) read these, so a change of policy is one edit and
the front ends can never disagree about when a visitor is forgotten.
"""

from __future__ import annotations

IDLE_TIMEOUT = 90.0
"""Seconds without input before "Still there?" asks."""

COUNTDOWN = 30.0
"""Seconds "Still there?" waits before the visitor's answers are wiped."""

SHORTEST_IDLE = 1.0
"""The web pages count idle time in whole seconds, so anything shorter became 0, which a page
reads as "never reset": a kiosk that never forgets its visitor."""

LONGEST_IDLE = 86_400.0
"""A day: longer is a mistake, not a policy."""
