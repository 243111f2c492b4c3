"""Breadcrumbs, changing an earlier answer, start over, quit, help, themes and resizing."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static

from tests.tui.pilots import confirm_answers, marked, press, settle, to_summary
from wizard.tui.app import WizardApp
from wizard.tui.screens.confirm import ConfirmModal
from wizard.tui.screens.help import HelpModal
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.themes import THEME_NAMES

TO_SUMMARY = ("enter", "enter", "3", "enter", "1", "2", "1", "enter")  # cactus, weekly, yellow


def treatments(app: WizardApp) -> list[str]:
    assert isinstance(app.screen, SummaryScreen)
    return [listed.item.name for listed in app.screen.summary.treatments]


async def test_changing_an_earlier_answer_changes_the_summary(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        assert treatments(app) == ["Water less"]
        app.action_jump_to("kind")  # what a click on the breadcrumb does
        await settle(pilot)
        assert app.screen.node.id == "kind"
        assert marked(app)[0] == "› 1 ● A cactus"
        await press(pilot, "2")  # a fern now; the symptoms question remembers its answer
        assert app.screen.node.id == "symptoms"
        assert marked(app)[0].endswith("[x] Yellow leaves")
        await press(pilot, "enter")
        assert app.screen.node.id == "humidity"  # asked about ferns, not about cacti
        await to_summary(pilot, "1")  # the end of the route again: check, then the summary
        assert treatments(app) == ["Water less", "Raise the humidity"]
        assert app.screen.summary.treatments[0].notes == (
            "Most leafy plants like damp soil but not wet soil.",
            "A fern dries out fast. Do not let its soil dry right through.",
        )


async def test_summary_answer_links_go_back_to_that_question(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        answers = app.screen.query_one("#summary-answers")
        answers.scroll_visible(animate=False)  # the answers come after the items they led to
        await pilot.pause()
        line = str(answers.render()).splitlines()[1]
        assert await pilot.click(answers, offset=(line.index("change") + 1, 1))
        await settle(pilot)
        assert app.screen.node.id == "kind"


async def test_start_over_asks_then_clears_everything(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ConfirmModal)
        await press(pilot, "n")
        assert isinstance(app.screen, SummaryScreen)
        await press(pilot, "ctrl+r", "y")
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.session.history
        assert app.session.facts == frozenset()
        assert app.session.current.id == "welcome"
        await press(pilot, "enter", "enter")
        assert app.screen.node.id == "danger"
        assert all("[ ]" in row for row in marked(app))  # nothing remembered


async def test_quit_asks_once_a_session_is_under_way(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "q")
        assert isinstance(app.screen, ConfirmModal)
        await press(pilot, "escape")
        assert isinstance(app.screen, QuestionScreen)
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmModal)
        await press(pilot, "ctrl+q")  # no second dialog on top of the first
        assert len(app.screen_stack) == 3
        await press(pilot, "y")
        assert not app.is_running


async def test_quit_on_the_welcome_screen_needs_no_question(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "q")
        assert not app.is_running


async def test_help_lists_the_keys(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpModal)
        console = Console(width=70, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#keys", Static).content)
        text = console.export_text()
        assert any(
            line.split() == ["Ctrl+R", "Start", "over", "(asks", "first)"]
            for line in text.splitlines()
        )
        assert "Save it as Markdown" in text
        await press(pilot, "ctrl+r")  # nothing underneath reacts while the help is open
        assert isinstance(app.screen, HelpModal)
        await press(pilot, "escape")
        assert isinstance(app.screen, WelcomeScreen)
        await press(pilot, "f1", "enter")
        assert isinstance(app.screen, WelcomeScreen)


async def test_themes_cycle_without_losing_anything(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "1", "2")
        assert app.theme == "default"
        seen = []
        for _ in THEME_NAMES:
            await press(pilot, "ctrl+t")
            seen.append(app.theme)
        assert seen == ["light", "high-contrast", "default"]
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.ticked == ("fire", "pets")


async def test_resizing_mid_session_loses_nothing(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "3", "enter", "2", "1", "2")
        before = marked(app)
        for size in ((60, 20), (120, 40), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.size == size
            assert marked(app) == before
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.ticked == ("yellow", "brown")
        await press(pilot, "enter", "1")
        await confirm_answers(pilot)
        assert isinstance(app.screen, SummaryScreen)


def test_unknown_theme_is_refused(example_tree: object) -> None:
    import pytest

    from wizard.tui.launch import create_app

    with pytest.raises(ValueError, match="high-contrast"):
        create_app(example_tree, theme="neon")  # type: ignore[arg-type]
