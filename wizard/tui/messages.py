"""What a page tells the app: the person did something that moves the walk.

Screens post these and the app (the one owner of the session and the screen stack) acts on them,
so no screen imports or calls the app. Each names the node its page shows: input can be queued
behind a change of page (a quick typist, a double click), and the app drops a request from a page
it has already left instead of applying it to whatever node is current by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.message import Message


class StartRequested(Message):
    """The welcome page's Start: leave it for the first step of the tree."""


class AnswerGiven(Message):
    """An answer the page has already checked with `Session.validate`."""

    def __init__(self, node_id: str, option_ids: Sequence[str]) -> None:
        super().__init__()
        self.node_id = node_id
        self.option_ids = tuple(option_ids)


class BackRequested(Message):
    """Back one step from `node_id`, with the earlier answer selected."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id


class StartOverRequested(Message):
    """Forget every answer; `ask_first`: confirm when there is something to lose."""

    def __init__(self, ask_first: bool = True) -> None:
        super().__init__()
        self.ask_first = ask_first


class FolderChosen(Message):
    """Save used this folder: offer it first next time, on later summary pages too."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
