"""Educator mode: the tree panel, the rules behind each item, and "what if"."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.modes.drive import drawn_text, stack_text, wait_for
from tests.tui.pilots import click, press, settle, to_summary
from wizard.model.tree import Tree
from wizard.render.reasons import rule
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.what_if import WhatIfScreen
from wizard.tui.widgets.tree_panel import TreePanel

# none of the dangers; cactus; waters weekly; drooping -> humidity (fern or brown) is skipped
CACTUS = ("enter", "enter", "3", "enter", "1", "2", "3", "enter")
# none; fern; yellow + brown; dry air
FERN = ("enter", "enter", "3", "enter", "2", "1", "2", "enter", "1")


def educator(tree: Tree) -> WizardApp:
    return create_app(tree, educator=True)


def panel(app: WizardApp) -> TreePanel:
    return app.screen.query_one(TreePanel)


def row_of(app: WizardApp, node_id: str) -> str:
    found = [str(n.label) for n in panel(app).root.children if n.data == node_id]
    assert len(found) == 1, node_id
    return found[0]


def options_of(app: WizardApp, node_id: str) -> list[str]:
    (row,) = [n for n in panel(app).root.children if n.data == node_id]
    return [str(option.label) for option in row.children]


async def test_the_panel_lists_every_node_and_follows_the_route(example_tree: Tree) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(120, 30)) as pilot:
        await press(pilot, "enter", "enter")
        assert isinstance(app.screen, QuestionScreen)
        assert panel(app).display
        ids = [n.data for n in panel(app).root.children]
        assert ids == list(example_tree.nodes)
        assert row_of(app, "danger").startswith("◆ ") and "◀ here" in row_of(app, "danger")
        cursor = panel(app).cursor_node
        assert cursor is not None and cursor.data == "danger"
        assert row_of(app, "welcome").startswith("✓ ")
        await to_summary(pilot, *CACTUS[2:])
        assert isinstance(app.screen, SummaryScreen)
        for done in ("welcome", "danger", "kind", "cactus_water", "symptoms"):
            assert row_of(app, done).startswith("✓ "), done
        assert options_of(app, "kind") == ["✓ A cactus", "○ A fern", "○ Not sure → Take a photo"]
        assert row_of(app, "humidity").startswith("⤼ ")
        assert row_of(app, "humidity").endswith("(skipped)")
        assert row_of(app, "photo").startswith("· ")
        assert "◀ here" in row_of(app, "done")
        assert "(skipped)" in drawn_text(app)


async def test_the_panel_hides_on_narrow_terminals_and_ctrl_e_toggles_it(
    example_tree: Tree,
) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter")
        assert not panel(app).display
        await press(pilot, "ctrl+e")
        assert panel(app).display
        await press(pilot, "3", "enter")  # the next page keeps the choice
        assert panel(app).display
        await press(pilot, "ctrl+e")
        assert not panel(app).display
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert not panel(app).display  # hidden on purpose stays hidden


async def test_no_panel_outside_educator_mode(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(120, 30)) as pilot:
        await press(pilot, "enter", "enter", "ctrl+e")
        assert not app.screen.query(TreePanel)


async def test_the_summary_shows_each_rule_and_the_answers_behind_it(example_tree: Tree) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, *FERN)
        assert isinstance(app.screen, SummaryScreen)
        text = stack_text(app)
        for listed in app.screen.summary.treatments:
            worded = rule(listed, app.screen.summary.fact_labels)
            assert f"Listed when: {worded}" in " ".join(text.split())
        assert "Listed when: ('Yes, it is dry' and not 'A cactus')" in text
        assert "You said: Yes, it is dry" in text


async def test_what_if_shows_added_and_dropped_and_keeps_the_real_session(
    example_tree: Tree,
) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, *FERN)
        summary_page = app.screen
        assert isinstance(summary_page, SummaryScreen)
        before = (app.session.history, app.session.facts, summary_page.summary)
        await click(pilot, "#what-if")
        what_if = app.screen
        assert isinstance(what_if, WhatIfScreen)
        questions = what_if.query_one("#what-if-questions", OptionList)
        rows = [str(questions.get_option_at_index(i).prompt) for i in range(questions.option_count)]
        assert rows[1] == "What kind of plant is it? — A fern"
        await press(pilot, "down", "enter")  # the second answered question: the kind of plant
        await press(pilot, "down", "enter")  # A fern -> Not sure
        await wait_for(pilot, lambda: what_if.result is not None)
        text = drawn_text(app)
        assert "+ Added: Move it to better light" in text
        assert "− Dropped: Water less" in text
        assert "− Dropped: Raise the humidity" in text
        assert "instead of A fern" in text
        assert "have not answered" in stack_text(app)  # the new route stops at "Take a photo"
        await press(pilot, "escape", "end", "enter")  # back; now the last question: humidity
        await press(pilot, "down", "enter")  # Yes, it is dry -> No
        assert what_if.result is not None
        assert what_if.result.change.dropped == ("Raise the humidity",)
        assert what_if.result.change.added == ()
        await press(pilot, "escape", "escape")
        assert app.screen is summary_page
        assert (app.session.history, app.session.facts, app.session.summary()) == before


async def test_what_if_refuses_the_same_answer(example_tree: Tree) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, *FERN)
        await press(pilot, "w", "down", "enter", "down", "enter")
        screen = app.screen
        assert isinstance(screen, WhatIfScreen)
        # back to the list, and keep the answer given for the kind of plant
        await press(pilot, "escape", "down", "enter", "enter")
        assert screen.step == "answer"
        assert "the answer you gave" in drawn_text(app)


async def test_no_what_if_outside_educator_mode(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, *FERN)
        await press(pilot, "w")
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.query("#what-if")


def ticked(screen: WhatIfScreen) -> tuple[str, ...]:
    return screen.ticked


async def test_what_if_on_a_multi_select_uses_its_rules(example_tree: Tree) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_summary(pilot, *FERN)
        await press(pilot, "w", "down", "down", "enter")  # "What do you see?"
        screen = app.screen
        assert isinstance(screen, WhatIfScreen)
        assert ticked(screen) == ("yellow", "brown")
        await press(pilot, "down", "down", "space")  # also tick "Drooping"
        assert ticked(screen) == ("yellow", "brown", "droop")
        await press(pilot, "down", "down", "space")  # "Nothing of these" clears the others
        assert ticked(screen) == ("nothing",)
        await press(pilot, "up", "up", "space", "enter")  # Drooping alone
        assert screen.result is not None
        assert screen.result.after == ("droop",)
        assert "+ Added: Move it to better light" in drawn_text(app)
        assert app.session.summary().answers[2].options == ("yellow", "brown")


async def test_the_keys_list_names_the_educator_keys(example_tree: Tree) -> None:
    app = educator(example_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "question_mark")
        text = stack_text(app)
        assert "Show or hide the whole tree" in text and "What if" in text
