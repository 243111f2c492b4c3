"""Thousands of random keys and clicks (fixed seed): no exception, and the app never drifts
from the session: every answer kept is valid for its node, and the page shown is the session's
current node (or the welcome page, with nothing answered).

Bounded by the number of events, never by time: after each burst the app settles (every queued
message handled, see tests/tui/pilots.py), so the run is the same on a fast or a busy machine."""

from __future__ import annotations

import random
from pathlib import Path

from textual import events

from tests.tui.pilots import key_event, page, settle
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app
from wizard.tui.screens.base import WalkScreen
from wizard.tui.screens.check import CheckScreen
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen

SEED = 1234
EVENTS = 2000
SIZE = (60, 20)
# Every key the app binds, and some it does not. Quitting is left out: it would end the run.
KEYS = (
    *("enter",) * 6,
    *("space", "up", "down") * 3,
    *(str(n) for n in range(1, 10)),
    "escape",
    "backspace",
    "question_mark",
    "f1",
    "ctrl+r",
    "ctrl+t",
    "y",
    "n",
    "s",
    "c",
    "tab",
    "shift+tab",
    "home",
    "end",
    "pageup",
    "pagedown",
    "x",
    "a",
)


def check_consistent(app: WizardApp) -> None:
    session = app.session
    for answer in session.history:
        session.validate(session.tree.nodes[answer.node], answer.options)
    shown = page(app)
    if isinstance(shown, WelcomeScreen):
        assert not app.started
        assert not session.history
        return
    assert app.started
    assert isinstance(shown, WalkScreen), shown
    assert shown.node.id == session.current.id
    assert isinstance(shown, (SummaryScreen, CheckScreen)) == session.finished


def click_events(x: int, y: int) -> list[events.MouseEvent]:
    """A click as the terminal driver posts it: the app makes the Click from down and up."""
    return [
        kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        for kind in (events.MouseDown, events.MouseUp)
    ]


async def test_monkey(example_tree: Tree, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    app = create_app(example_tree, save_dir=tmp_path)
    app.animation_level = "none"  # scrolling animations would only slow the run down

    def stay(*_: object, **__: object) -> None:
        """Quit can be clicked in the footer (and confirmed by a random click): stay on."""

    app.exit = stay  # type: ignore[method-assign]
    summaries = 0
    async with app.run_test(size=SIZE) as pilot:
        sent = 0
        while sent < EVENTS:
            # Events go to the app the way the terminal driver sends them, one to three at a
            # time (a quick typist's keys queue up), then the app settles and is checked.
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.25:
                    for event in click_events(rng.randrange(SIZE[0]), rng.randrange(SIZE[1])):
                        app.post_message(event)
                else:
                    app.post_message(key_event(rng.choice(KEYS)))
                sent += 1
            await settle(pilot)
            check_consistent(app)
            summaries += isinstance(page(app), SummaryScreen)
        assert app.is_running
        del app.exit  # let run_test end the app
    assert summaries > 0, "the random walk never reached the summary"
