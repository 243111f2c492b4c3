"""What the quiz's pages tell the quiz app (and the teach-back page its summary screen).

Screens post these and the app, the one owner of the `QuizRun`, acts on them, so no screen
imports or calls the app (the same rule as the walk's messages.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message


class Predicted(Message):
    """The learner's prediction for the question on show."""

    def __init__(self, choice_ids: Sequence[str]) -> None:
        super().__init__()
        self.choice_ids = tuple(choice_ids)


class QuizBack(Message):
    """Back to the previous prediction of this case (only before the reveal)."""


class RevealRequested(Message):
    """Show the guide's answers for the case."""


class NextCaseRequested(Message):
    """On to the next case, or to the score after the last."""


class QuizAgainRequested(Message):
    """The same quiz again from the first case (same seed)."""
