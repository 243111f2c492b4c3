"""What the "Check your answers" page (screens/check.py) and the summary tell the app.

Screens post these and the app, the one owner of the session, acts on them, so no screen imports
or calls the app (the same rule as messages.py).
"""

from __future__ import annotations

from textual.message import Message


class CheckRequested(Message):
    """From the summary: show "Check your answers" again."""


class ChangeRequested(Message):
    """Ask the question `node_id` again; once answered, come back to "Check your answers"."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id


class SummaryRequested(Message):
    """The answers are checked: show the summary."""
