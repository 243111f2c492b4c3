"""Single choice and multi-select behaviour: markers, digits, min/max messages, exclusive."""

from __future__ import annotations

from tests.tui.pilots import click, marked, press, shown_text
from wizard.render.words import pick_rule as pick_hint
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.answer_list import AnswerList

SYMPTOMS = ("enter", "enter", "3", "enter", "2")


async def test_max_is_enforced_with_a_message(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *SYMPTOMS)
        assert app.screen.node.id == "symptoms"
        assert shown_text(app, "#hint") == "Pick 1 to 3."
        await press(pilot, "1", "2", "3", "4")
        assert shown_text(app, "#message") == "⚠ Please pick no more than 3."
        assert app.screen.query_one("#message").display
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.ticked == ("yellow", "brown", "droop")
        assert marked(app)[3].endswith("[ ] Spots")
        await press(pilot, "3")  # untick one: the message goes
        assert not app.screen.query_one("#message").display
        await press(pilot, "4", "enter")
        assert app.session.answered[-1].options == ("yellow", "brown", "spots")


async def test_min_is_enforced_with_a_message(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *SYMPTOMS)
        await click(pilot, "#continue")
        assert app.screen.node.id == "symptoms"
        assert shown_text(app, "#message") == "⚠ Please pick at least one answer."
        app.screen.query_one(AnswerList).focus()
        await press(pilot, "1", "enter")  # tick, then Enter on the ticked answer goes on
        assert app.screen.node.id == "humidity"


async def test_enter_ticks_the_highlighted_answer_then_goes_on(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *SYMPTOMS, "down", "enter")  # Brown tips, highlighted: ticked
        assert isinstance(app.screen, QuestionScreen) and app.screen.ticked == ("brown",)
        await press(pilot, "down", "enter")  # Drooping too
        assert app.screen.ticked == ("brown", "droop")
        await press(pilot, "enter")  # on a ticked answer: go on
        assert app.session.answered[-1].options == ("brown", "droop")


async def test_exclusive_option_clears_and_is_cleared(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *SYMPTOMS, "1", "2")
        await press(pilot, "5")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.ticked == ("nothing",)
        assert [row[4:7] for row in marked(app)] == ["[ ]"] * 4 + ["[x]"]
        await press(pilot, "2")
        assert app.screen.ticked == ("brown",)


async def test_digits_beyond_the_options_do_nothing(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "3", "enter", "9")
        assert app.screen.node.id == "kind"
        await press(pilot, "up", "enter")  # the cursor wraps to the last answer
        assert app.screen.node.id == "photo"


async def test_help_toggles_under_the_prompt(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter")
        box = app.screen.query_one("#help")
        assert not box.display
        await press(pilot, "question_mark")
        assert box.display
        assert "These need action today." in str(app.screen.query_one("#help-text").source)
        await press(pilot, "f1")
        assert not box.display


def test_pick_hint_words() -> None:
    assert pick_hint(1, 5, 5) == "Pick all that apply."
    assert pick_hint(2, 5, 5) == "Pick at least 2."
    assert pick_hint(1, 3, 5) == "Pick 1 to 3."
    assert pick_hint(2, 2, 5) == "Pick 2."
