"""Input that arrives faster than pages change: queued keys never act on the wrong page, and a
dialog closes once. (Both were found by the monkey test.)"""

from __future__ import annotations

from pathlib import Path

from textual import events

from tests.tui.pilots import page, press, settle
from wizard.model.tree import Tree
from wizard.render.saving import default_files, free_files
from wizard.tui.app import WizardApp
from wizard.tui.screens.confirm import ConfirmModal
from wizard.tui.screens.help import HelpModal
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.widgets.answer_list import prefix


def send(app: WizardApp, *keys: str) -> None:
    """Queue keys the way the terminal driver does, without waiting in between."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_a_dialog_answered_twice_closes_once(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "ctrl+r")
        assert isinstance(app.screen, ConfirmModal)
        send(app, "enter", "y")  # Enter presses the focused "Keep my answers"; y says yes
        await settle(pilot)
        # Nothing was popped twice: Textual's base screen, and one page above it.
        assert len(app.screen_stack) == 2
        assert isinstance(page(app), (WelcomeScreen, QuestionScreen))


async def test_keys_queued_behind_a_page_change_do_not_act_twice(
    example_app: WizardApp,
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter")
        assert isinstance(app.screen, InfoScreen)
        info = app.screen
        send(app, "enter", "enter", "enter")
        await settle(pilot)
        assert [answer.node for answer in app.session.history] == ["welcome"]
        assert app.screen.node.id == "danger"
        # Input still queued for the page the app has left is dropped, not applied to "danger"
        # (where an empty answer would raise), nor used to go back from it.
        info.action_go_on()
        info.action_go_back()
        await settle(pilot)
        assert app.session.current.id == "danger"
        assert isinstance(app.screen, QuestionScreen)


async def test_help_opens_outside_questions(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "question_mark")
        assert isinstance(app.screen, HelpModal)
        await press(pilot, "down", "pagedown", "enter")
        assert isinstance(app.screen, InfoScreen)


def test_markers_are_characters_not_colours() -> None:
    assert prefix("1", multi=True, chosen=True, pointed=True) == "› 1 [x]"
    assert prefix("2", multi=True, chosen=False, pointed=False) == "  2 [ ]"
    assert prefix("3", multi=False, chosen=True, pointed=False) == "  3 ●"
    assert prefix("a", multi=False, chosen=False, pointed=False) == "  a ○"  # after 1-9, letters
    assert prefix("", multi=False, chosen=False, pointed=False) == "    ○"  # past the last key


def test_new_names_skip_every_file_there(example_tree: Tree, tmp_path: Path) -> None:
    from wizard.model.machine import walk

    answers = {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["weekly"]}
    summary_of = walk(example_tree, {**answers, "symptoms": ["spots"]}).summary()
    first = default_files(tmp_path, summary_of)
    assert first.markdown.name == "garden-summary.md"
    (tmp_path / "garden-summary-2.html").write_text("", encoding="utf-8")
    assert free_files(tmp_path, summary_of).markdown.name == "garden-summary-3.md"
