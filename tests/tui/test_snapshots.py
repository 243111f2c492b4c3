"""What each kind of screen looks like, at 80x24 and 60x20, in the default and high-contrast
themes. Update after a deliberate change with `pytest tests/tui --snapshot-update`, and look at
the SVGs before committing them (the report pytest prints links the changed ones).

Keys go in through `press` (tests/tui/pilots.py), which lets the app settle after each by the
order of events; the plugin's own `press=` waits for the process to look idle instead, which a
busy machine can cut short."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.pilots import press
from wizard.model.tree import Tree
from wizard.tui.launch import create_app

SCREENS: dict[str, tuple[str, ...]] = {
    "welcome": (),
    "info": ("enter",),
    "multi": ("enter", "enter"),
    "choice": ("enter", "enter", "3", "enter"),
    "multi_max_message": ("enter", "enter", "3", "enter", "2", "1", "2", "3", "4"),
    "multi_min_message": ("enter", "enter"),  # then Continue with nothing ticked (below)
    "red_flag": ("enter", "enter", "2", "enter"),
    # The last answer leads to "Check your answers"; Enter there to the summary.
    "summary": ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1", "enter"),
    "check": ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1"),
    "help": ("question_mark",),
}
SIZES = {"80x24": (80, 24), "60x20": (60, 20)}
THEMES = ("default", "high-contrast")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(
    snap_compare: Callable[..., bool], example_tree: Tree, screen: str, size: str, theme: str
) -> None:
    app: Any = create_app(example_tree, theme=theme)

    async def keys(pilot: Pilot[None]) -> None:
        await press(pilot, *SCREENS[screen])
        if screen == "multi_min_message":
            # What Continue does, without the button's pressed look (a timer of Textual's,
            # which a snapshot would catch or not depending on the machine's speed).
            app.screen.action_go_on()
            await press(pilot)

    assert snap_compare(app, run_before=keys, terminal_size=SIZES[size])
