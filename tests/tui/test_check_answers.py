"""Check your answers in the terminal: from the summary, a key per answer that asks
that question again and comes back, keeping the answers that still fit and naming the ones that
no longer do. Keys go in through `press` (pilots.py): no test waits on the wall clock."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.pilots import marked, press, walk_page
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app
from wizard.tui.screens.check import CheckRow, CheckScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen

TO_THE_END = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1", "a")
"""The example tree's route to its summary (the snapshot test's "summary" keys), then the
summary's key for Check your answers."""


def rows(app: WizardApp) -> list[str]:
    return [str(row.render()) for row in app.screen.query(CheckRow)]


async def test_the_check_lists_every_answer_with_its_key(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END[:-1])
        assert isinstance(walk_page(app), SummaryScreen)
        await press(pilot, "a")
        screen = walk_page(app)
        assert isinstance(screen, CheckScreen)
        shown = rows(app)
        assert len(shown) == len(app.session.answered) >= 2
        assert [row.split()[0] for row in shown] == [str(n) for n in range(1, len(shown) + 1)]
        await press(pilot, "enter")
        assert isinstance(walk_page(app), SummaryScreen)
        await press(pilot, "a")  # from the summary, back to the check
        assert isinstance(walk_page(app), CheckScreen)


async def test_a_key_changes_that_answer_and_comes_back(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        before = app.session.answered
        last = before[-1].node
        key = walk_page(app).key_for(last)  # type: ignore[attr-defined]
        await press(pilot, key)
        asked = walk_page(app)
        assert isinstance(asked, QuestionScreen)
        assert asked.node.id == last
        await press(pilot, "2")  # a different answer to the last question (a digit answers)
        assert isinstance(walk_page(app), CheckScreen)
        after = app.session.answered
        assert [a.node for a in after] == [a.node for a in before]
        assert after[:-1] == before[:-1]  # the other answers are kept
        assert after[-1] != before[-1]


async def test_back_from_the_question_keeps_every_answer(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        before = app.session.history
        await press(pilot, "1", "escape")
        assert isinstance(walk_page(app), CheckScreen)
        assert app.session.history == before


async def test_answers_that_no_longer_fit_are_named(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        nodes = app.guide.nodes
        headings = {a.node: nodes[a.node].heading for a in app.session.answered}
        check = walk_page(app)
        assert isinstance(check, CheckScreen)
        await press(pilot, check.key_for("kind"), "1")  # a fern becomes a cactus: a new route
        assert walk_page(app).node.id == "cactus_water"  # the new question comes first
        await press(pilot, "2")
        assert walk_page(app).node.id == "symptoms"  # its earlier answer is offered again
        assert marked(app)[1].endswith("[x] Brown tips")  # as answered before
        await press(pilot, "2", "up", "enter")  # no brown tips now; Enter on a ticked answer
        assert isinstance(walk_page(app), CheckScreen)
        kept = {a.node for a in app.session.answered}
        assert {"kind", "cactus_water", "symptoms"} <= kept
        gone = [node for node in headings if node not in kept]
        assert gone == ["humidity"]  # a cactus without brown tips is not asked about the air
        note = str(app.screen.query_one("#check-no-longer", Static).render())
        assert "no longer fit" in note
        named = [str(s.render()) for s in app.screen.query(".check-gone")]
        assert named == [f"- {headings[node]}" for node in gone]
        await press(pilot, "enter")
        assert isinstance(walk_page(app), SummaryScreen)
        assert not app.screen.query("#check-no-longer")
