"""Whole sessions on the example tree with the keyboard only."""

from __future__ import annotations

from tests.tui.pilots import confirm_answers, marked, page, press, shown_text
from wizard.tui.app import WizardApp
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.widgets.summary_view import SummaryView


async def test_keyboard_walk_to_summary(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, InfoScreen)
        assert app.screen.node.id == "welcome"
        await press(pilot, "enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.node.id == "danger"
        assert shown_text(app, "#prompt") == "Is any of this happening right now?"
        await press(pilot, "3", "enter")
        assert app.screen.node.id == "kind"
        await press(pilot, "2")  # a digit picks a single choice at once
        assert app.screen.node.id == "symptoms"
        await press(pilot, "1", "down", "down", "space")
        assert marked(app)[:3] == [
            "  1 [x] Yellow leaves",
            "  2 [ ] Brown tips",
            "› 3 [x] Drooping",
        ]
        await press(pilot, "enter")
        assert app.screen.node.id == "humidity"
        await press(pilot, "down", "enter")
        await confirm_answers(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert app.session.finished
        names = [t.item.name for t in app.screen.summary.treatments]
        assert names == ["Water less", "Move it to better light"]
        assert app.screen.query_one(SummaryView).summary is app.screen.summary


async def test_progress_and_breadcrumb_follow_the_session(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter")
        # the first question is Question 1: pages to read (the welcome) are not counted
        assert shown_text(app, "#top-progress") == "Question 1 of about 5"
        assert not app.screen.query_one("#breadcrumb").display
        await press(pilot, "3", "enter", "1")
        progress = app.session.progress()
        assert (progress.step, progress.fewest, progress.most) == (3, 5, 5)
        assert shown_text(app, "#top-progress") == "Question 3 of 5"  # every route: as long
        assert shown_text(app, "#crumbs") == "Your answers: None of these › A cactus"


async def test_back_restores_the_earlier_answer(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "2", "enter")  # a pet: red flag
        await press(pilot, "enter")  # read the alert
        await press(pilot, "3")  # not sure -> the photo page
        assert app.screen.node.id == "photo"
        await press(pilot, "escape")
        assert app.screen.node.id == "kind"
        assert marked(app)[2] == "› 3 ● Not sure"
        await press(pilot, "backspace")
        assert app.screen.node.id == "danger"
        assert marked(app)[1] == "› 2 [x] A pet ate the leaves"
        assert isinstance(page(app), QuestionScreen)
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.session.history
        await press(pilot, "enter", "enter")
        assert app.screen.node.id == "danger"


async def test_info_page_continues_with_enter(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "3", "enter", "3")
        assert isinstance(app.screen, InfoScreen)
        assert shown_text(app, "#prompt") == "Take a photo"
        assert app.screen.query_one("#info-text")
        await press(pilot, "enter")
        assert app.screen.node.id == "symptoms"
