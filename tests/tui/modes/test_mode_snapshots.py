"""What the modes look like: the kiosk welcome and its "Still there?" countdown, and the
educator's question page with and without room for the tree panel. Update after a deliberate
change with `pytest tests/tui/modes --snapshot-update`, and look at the SVGs first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tests.tui.modes.drive import ManualClock, advance, type_keys
from tests.tui.pilots import press
from wizard.model.tree import Tree
from wizard.tui.launch import create_app
from wizard.tui.screens.still_there import StillThereModal

ToSnapshot = Callable[..., bool]
QUESTION = ("enter", "enter", "3", "enter")


def keys(*names: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys before the snapshot, settling after each (tests/tui/pilots.py)."""

    async def run(pilot: Pilot[None]) -> None:
        await press(pilot, *names)

    return run


def test_kiosk_welcome(snap_compare: ToSnapshot, example_tree: Tree) -> None:
    app: Any = create_app(example_tree, kiosk=True)
    assert snap_compare(app, terminal_size=(80, 24))


def test_kiosk_still_there(snap_compare: ToSnapshot, example_tree: Tree) -> None:
    app: Any = create_app(example_tree, kiosk=True, idle_timeout=90, clock=ManualClock())

    async def wait_for_countdown(pilot: Pilot[None]) -> None:
        await type_keys(pilot, "enter", "enter")
        await advance(pilot, 90)
        assert isinstance(app.screen, StillThereModal)

    assert snap_compare(app, run_before=wait_for_countdown, terminal_size=(80, 24))


def test_educator_question_narrow(snap_compare: ToSnapshot, example_tree: Tree) -> None:
    app: Any = create_app(example_tree, educator=True)
    assert snap_compare(app, run_before=keys(*QUESTION), terminal_size=(80, 24))


def test_educator_question_narrow_with_panel(snap_compare: ToSnapshot, example_tree: Tree) -> None:
    app: Any = create_app(example_tree, educator=True)
    assert snap_compare(app, run_before=keys(*QUESTION, "ctrl+e"), terminal_size=(80, 24))


def test_educator_question_wide(snap_compare: ToSnapshot, example_tree: Tree) -> None:
    app: Any = create_app(example_tree, educator=True)
    assert snap_compare(app, run_before=keys(*QUESTION), terminal_size=(120, 30))
