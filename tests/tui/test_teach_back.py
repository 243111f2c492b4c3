"""Teach-back after the summary, driven by keys: offered, never forced, a wrong answer shows that
part of the summary again and asks again; a kiosk forgets it with the visitor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.tui.pilots import press, settle, shown_text
from wizard.model.machine import walk
from wizard.model.teach_back import teach_back_for
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.teach_back import TeachBackScreen

LEMS = {
    "red_flags": ["none"], "body_system": ["nervous"], "syndrome": ["lems"],
    "symptoms": ["weakness"], "antibody": ["surface"], "cancer_status": ["treating"],
    "treatments_taken": ["none"],
}  # fmt: skip


async def at_summary(pilot: Pilot[None], app: WizardApp, tree: Tree) -> None:
    """Put the app on the summary of the LEMS route, as if the person had answered it."""
    app._session = walk(tree, LEMS)
    app.started = True
    app.show_current()
    await settle(pilot)
    assert isinstance(app.screen, SummaryScreen)


def number_of(screen: TeachBackScreen, right: bool) -> str:
    question = screen.teach.question
    assert question is not None
    return str(next(n for n, o in enumerate(question.options, 1) if o.right == right))


async def test_a_whole_teach_back_by_keyboard(bundled_tree: Tree) -> None:
    app = create_app(bundled_tree)
    expected = teach_back_for(walk(bundled_tree, LEMS).summary())
    assert [q.id for q in expected] == ["lems-first-tablet", "amifampridine-tingling", "cancer-first"]
    async with app.run_test(size=(100, 40)) as pilot:
        await at_summary(pilot, app, bundled_tree)
        assert app.screen.query("#teach-back")  # offered
        await press(pilot, "k")
        screen = app.screen
        assert isinstance(screen, TeachBackScreen)
        assert shown_text(app, "#teach-number") == "Question 1 of 3"
        await press(pilot, number_of(screen, right=False))
        reminder = shown_text(app, "#teach-reminder")
        assert reminder.startswith("Not quite. Here is that part of your summary again")
        assert "different medicine" in reminder  # the author's other words
        assert "Amifampridine (3,4-diaminopyridine)" in reminder  # the summary's own card
        assert shown_text(app, "#teach-number") == "Question 1 of 3"  # asked again
        await press(pilot, number_of(screen, right=True))
        assert shown_text(app, "#teach-number") == "Question 2 of 3"
        assert not screen.query("#teach-reminder")
        await press(pilot, number_of(screen, right=True))
        await press(pilot, number_of(screen, right=True))
        assert shown_text(app, "#teach-number") == "Thank you. You went over 3 points of your summary."
        assert screen.teach.first_try == [False, True, True]
        await press(pilot, "escape")
        assert isinstance(app.screen, SummaryScreen)


async def test_teach_back_is_never_forced(bundled_tree: Tree) -> None:
    app = create_app(bundled_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await at_summary(pilot, app, bundled_tree)
        await press(pilot, "k")
        assert isinstance(app.screen, TeachBackScreen)
        await press(pilot, "escape")  # one key, back to the summary
        assert isinstance(app.screen, SummaryScreen)


async def test_a_kiosk_wipes_teach_back_answers_with_the_visitor(bundled_tree: Tree) -> None:
    app = create_app(bundled_tree, kiosk=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await at_summary(pilot, app, bundled_tree)
        await press(pilot, "k")
        screen = app.screen
        assert isinstance(screen, TeachBackScreen)
        await press(pilot, number_of(screen, right=False))
        app.start_over()
        await settle(pilot)
        assert not any(isinstance(s, TeachBackScreen) for s in app.screen_stack)
        assert app._session is None


def test_teach_back_snapshot(snap_compare: Callable[..., bool], bundled_tree: Tree) -> None:
    app: Any = create_app(bundled_tree)

    async def keys(pilot: Pilot[None]) -> None:
        await at_summary(pilot, app, bundled_tree)
        await press(pilot, "k")
        await press(pilot, number_of(app.screen, right=False))

    assert snap_compare(app, run_before=keys, terminal_size=(80, 30))
