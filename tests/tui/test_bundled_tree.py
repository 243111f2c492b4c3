"""Whole sessions on the bundled tree: the app shows what the engine's own walk gives."""

from __future__ import annotations

from tests.tui.pilots import click, click_answer, confirm_answers, marked, press
from wizard.model.machine import walk
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.screens.check import CheckScreen
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.red_flag import RedFlagModal
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.widgets.summary_view import SummaryView


async def test_keyboard_session_matches_the_engine(
    bundled_app: WizardApp, bundled_tree: Tree
) -> None:
    app = bundled_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter")
        node = app.screen.node
        assert node.kind == "multi"
        exclusive = next(i for i, o in enumerate(node.options) if o.exclusive)
        # "None of these right now" comes last, after every urgent sign (ten of them since the
        # second edition, so it has no digit): reach it with End.
        assert exclusive == len(node.options) - 1
        await press(pilot, "end", "space", "enter")
        while not isinstance(app.screen, SummaryScreen):
            screen = app.screen
            if isinstance(screen, (RedFlagModal, InfoScreen)):
                await press(pilot, "enter")
            elif isinstance(screen, CheckScreen):
                await confirm_answers(pilot)
            else:
                assert isinstance(screen, QuestionScreen)
                count = len(screen.node.options)
                # Take the last answer that is not "none of these" (rows past 9 have no digit).
                index = max(i for i, o in enumerate(screen.node.options) if not o.exclusive)
                await press(pilot, "end" if index == count - 1 else "home")
                if index != count - 1:
                    await press(pilot, *["down"] * index)
                await press(pilot, "space" if screen.node.kind == "multi" else "enter")
                if screen.node.kind == "multi":
                    await press(pilot, "enter")
        history = {a.node: a.options for a in app.session.history if a.options}
        expected = walk(bundled_tree, history).summary()
        summary = app.screen.summary
        assert [t.item.id for t in summary.treatments] == [t.item.id for t in expected.treatments]
        assert [r.item.id for r in summary.resources] == [r.item.id for r in expected.resources]
        assert summary.questions == expected.questions
        assert len(app.screen.query(".card").nodes) == len(summary.treatments) + len(
            summary.resources
        )


async def test_mouse_session_with_a_red_flag(bundled_app: WizardApp) -> None:
    app = bundled_app
    async with app.run_test(size=(80, 24)) as pilot:
        await click(pilot, "#start")
        await click(pilot, "#continue")
        await click_answer(pilot, 0)
        assert marked(app)[0].startswith("› 1 [x]")
        await click(pilot, "#continue")
        assert isinstance(app.screen, RedFlagModal)
        flag = app.session.red_flags[0]
        await click(pilot, "#read")
        steps = 0
        while not isinstance(app.screen, SummaryScreen):
            steps += 1
            assert steps < 40, "the walk does not end"
            screen = app.screen
            if isinstance(screen, RedFlagModal):
                await click(pilot, "#read")
            elif isinstance(screen, InfoScreen):
                await click(pilot, "#continue")
            elif isinstance(screen, CheckScreen):
                await confirm_answers(pilot, by_mouse=True)
            else:
                assert isinstance(screen, QuestionScreen)
                await click_answer(pilot, 0)
                if screen.node.kind == "multi":
                    await click(pilot, "#continue")
        view = app.screen.query_one(SummaryView)
        children = list(view.children)
        glance = next(i for i, w in enumerate(children) if "heading" in w.classes)
        first = children[glance + 1]  # the first line of "At a glance"
        assert "urgent" in first.classes
        assert flag.title in str(first.render())


async def test_long_lists_scroll_and_give_every_answer_a_key(bundled_app: WizardApp) -> None:
    app = bundled_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter")
        assert isinstance(app.screen, QuestionScreen) and len(app.screen.node.options) == 11
        cue = app.screen.query_one("#more-below")
        assert cue.display and str(cue.render()).startswith("↓ ")  # "None of these" is below
        assert marked(app)[10].endswith("None of these right now (on its own)")
        await press(pilot, "b", "enter")  # the 11th answer by its key; Enter on it goes on
        assert app.session.answered[-1].options == ("none",)
        nervous = next(i for i, o in enumerate(app.screen.node.options) if o.id == "nervous")
        await press(pilot, str(nervous + 1))
        assert isinstance(app.screen, QuestionScreen)
        rows = marked(app)
        assert len(rows) > 9
        assert rows[9].startswith("  a ○ ")  # after 1-9, letters
        await press(pilot, "end")
        answers = app.screen.query_one("#answers")
        assert answers.scroll_offset.y > 0  # scrolled to show the last answer
        await press(pilot, "enter")
        assert app.session.answered[-1].options == (
            app.session.tree.nodes["syndrome"].options[-1].id,
        )
