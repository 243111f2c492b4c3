"""Red flags: an alert the moment the answer is given, one per flag, repeated on the summary."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.modes.drive import drawn_text
from tests.tui.pilots import page, press, settle, shown_text, to_summary
from wizard.tui.app import WizardApp
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.red_flag import RedFlagModal
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.widgets.summary_view import tidy


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
        await to_summary(pilot, "2", "1", "enter", "2")
        assert isinstance(app.screen, SummaryScreen)
        view = app.screen.query_one("#summary")
        children = list(view.children)
        glance = next(i for i, w in enumerate(children) if "heading" in w.classes)
        assert isinstance(children[glance], Static)
        assert str(children[glance].render()) == "At a glance"  # the first section
        first = children[glance + 1]  # ... and its first line
        assert isinstance(first, Static) and "urgent" in first.classes
        assert str(first.render()) == "Urgent: A pet may be poisoned"
        card = view.query_one(".card.urgent", Static)  # then the alert with its advice
        assert card.border_title == "⚠ URGENT"
        assert str(card.render()).startswith("Urgent: A pet may be poisoned")


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


def urgent_cards(app: WizardApp) -> list[str]:
    """The red-flag cards on the page itself (not in a dialog), as the words they show."""
    cards = page(app).query(".urgent-advice")
    assert all(card.border_title == "⚠ URGENT" for card in cards)
    return [str(card.render()) for card in cards]


async def test_the_page_under_the_alert_keeps_its_advice(example_app: WizardApp) -> None:
    """Issue 8: closing the alert does not take the advice off the screen."""
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "1", "2", "enter")
        assert isinstance(app.screen, RedFlagModal)
        await press(pilot, "enter", "enter")  # both alerts read and closed
        assert not isinstance(app.screen, RedFlagModal)
        assert app.screen.node.id == "kind"
        assert urgent_cards(app) == [
            "Urgent: Possible fire\nSwitch off the lamp at the wall and move the plant away.",
            "Urgent: A pet may be poisoned\nCall a vet now and take the plant with you.",
        ]
        drawn = drawn_text(app)
        for words in ("Urgent: Possible fire", "Switch off the lamp", "Call a vet now"):
            assert words in drawn, words
        assert "What kind of plant is it?" in drawn  # the question is still there too
        await press(pilot, "1")  # the next page was not raised by a red flag: no card
        assert urgent_cards(app) == []
        await press(pilot, "escape")  # back: the advice is there again, with no second alert
        assert not isinstance(app.screen, RedFlagModal)
        assert app.screen.node.id == "kind"
        assert len(urgent_cards(app)) == 2


async def test_a_question_without_red_flags_has_no_urgent_card(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "3", "enter")
        assert app.screen.node.id == "kind"
        assert urgent_cards(app) == []


async def test_the_bundled_pause_page_shows_the_advice_it_asks_to_follow(
    bundled_app: WizardApp,
) -> None:
    """The bundled tree's page after a red flag says "follow the advice on the screen"."""
    app = bundled_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "1", "enter")
        assert isinstance(app.screen, RedFlagModal)
        await press(pilot, "enter")
        assert isinstance(app.screen, InfoScreen)
        (flag,) = app.session.red_flags
        assert urgent_cards(app) == [f"Urgent: {flag.title}\n{tidy(flag.advice)}"]
        drawn = drawn_text(app)
        assert f"Urgent: {flag.title}" in drawn
        assert " ".join(tidy(flag.advice).split()[:4]) in drawn  # its first line
        await press(pilot, "enter", "escape")  # on, then back to this page
        assert isinstance(app.screen, InfoScreen)
        assert urgent_cards(app) == [f"Urgent: {flag.title}\n{tidy(flag.advice)}"]
