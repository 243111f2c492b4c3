"""A whole session on the example tree with the mouse only: buttons, answers, breadcrumbs."""

from __future__ import annotations

from tests.tui.pilots import click, click_answer, confirm_answers, marked, settle
from wizard.tui.app import WizardApp
from wizard.tui.screens.check import CheckScreen
from wizard.tui.screens.help import HelpModal
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen


async def test_mouse_walk_to_summary_and_back(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await click(pilot, "#start")
        await click(pilot, "#continue")  # the tree's own welcome page
        assert app.screen.node.id == "danger"
        await click_answer(pilot, 0)
        await click_answer(pilot, 2)  # "none of these" clears the others
        assert marked(app)[0].endswith("[ ] Smoke from the lamp")
        assert marked(app)[2].endswith("[x] None of these (on its own)")
        await click(pilot, "#continue")
        assert app.screen.node.id == "kind"
        await click_answer(pilot, 0)  # a click picks a single choice at once
        assert app.screen.node.id == "cactus_water"
        await click_answer(pilot, 2)
        await click_answer(pilot, 3)  # spots
        await click(pilot, "#continue")
        await confirm_answers(pilot, by_mouse=True)  # Check your answers, then the summary
        assert isinstance(app.screen, SummaryScreen)
        assert [t.item.name for t in app.screen.summary.treatments] == [
            "Keep doing what you do",
            "Move it to better light",
        ]
        # The breadcrumb is a row of links: click the first answer to go back to it.
        assert await pilot.click("#crumbs", offset=(len("Your answers: ") + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.node.id == "danger"
        assert marked(app)[2].endswith("[x] None of these (on its own)")
        await click(pilot, "#back")
        await click(pilot, "#back")
        assert isinstance(app.screen, WelcomeScreen)


async def test_summary_buttons(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await click(pilot, "#start")
        await click(pilot, "#continue")
        await click_answer(pilot, 2)
        await click(pilot, "#continue")
        await click_answer(pilot, 1)  # fern
        await click_answer(pilot, 4)  # nothing of these
        await click(pilot, "#continue")
        await click_answer(pilot, 1)  # humidity: no
        await confirm_answers(pilot, by_mouse=True)
        assert isinstance(app.screen, SummaryScreen)
        await click(pilot, "#change")
        assert isinstance(app.screen, CheckScreen)
        await click(pilot, "CheckRow:last-of-type")
        assert app.screen.node.id == "humidity"
        await click_answer(pilot, 0)
        assert isinstance(app.screen, CheckScreen)
        await click(pilot, "#show-summary")
        assert isinstance(app.screen, SummaryScreen)
        assert "Raise the humidity" in [t.item.name for t in app.screen.summary.treatments]
        await click(pilot, "#restart")
        await click(pilot, "#yes")
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.session.history


async def test_welcome_key_bar_is_clickable(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(60, 20)) as pilot:
        text = str(app.screen.query_one(".key-bar").render())
        assert await pilot.click(".key-bar", offset=(text.index("Help"), 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        await click(pilot, "#close")
        assert await pilot.click(".key-bar", offset=(text.index("Start"), 0))
        await settle(pilot)
        assert app.started
        assert app.screen.node.id == "welcome"


async def test_footer_keys_are_clickable(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await click(pilot, "#start")
        await click(pilot, "#continue")
        assert app.screen.node.id == "danger"
        await click(pilot, "FooterKey")  # the first key in the footer: Esc Back
        assert app.screen.node.id == "welcome"
