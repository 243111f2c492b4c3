"""Red flags: an alert the moment the answer is given, one per flag, repeated on the summary."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.pilots import page, press, settle, shown_text
from wizard.app import WizardApp
from wizard.screens.red_flag import RedFlagModal
from wizard.screens.summary import SummaryScreen


async def test_each_red_flag_raises_an_alert_in_order(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "1", "2", "enter")
        assert isinstance(app.screen, RedFlagModal)
        assert shown_text(app, "#flag-title") == "Urgent: Possible fire"
        assert "Switch off the lamp" in shown_text(app, "#flag-advice")
        assert page(app).node.id == "kind"  # the walk has moved on underneath
        await press(pilot, "escape")  # Escape does not dismiss an urgent alert
        assert isinstance(app.screen, RedFlagModal)
        await press(pilot, "enter")
        assert isinstance(app.screen, RedFlagModal)
        assert shown_text(app, "#flag-title") == "Urgent: A pet may be poisoned"
        assert await pilot.click("#read")
        await settle(pilot)
        assert not isinstance(app.screen, RedFlagModal)
        assert app.screen.node.id == "kind"


async def test_summary_repeats_red_flags_at_the_top(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "2", "enter", "enter")
        await press(pilot, "2", "1", "enter", "2")
        assert isinstance(app.screen, SummaryScreen)
        first = app.screen.query_one("#summary").children[0]
        assert isinstance(first, Static)
        assert "urgent" in first.classes
        assert first.border_title == "⚠ URGENT"
        assert str(first.render()).startswith("Urgent: A pet may be poisoned")


async def test_changing_the_answer_drops_the_flag(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "2", "enter", "enter", "escape")
        assert app.screen.node.id == "danger"
        await press(pilot, "enter")  # the same answer again: the session raises it again
        assert isinstance(app.screen, RedFlagModal)
        await press(pilot, "enter", "escape", "3", "enter")  # change it: no flag
        assert not isinstance(app.screen, RedFlagModal)
        assert app.screen.node.id == "kind"
        assert app.session.red_flags == ()
