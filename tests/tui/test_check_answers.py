"""Check your answers in the terminal: after the last answer (before the summary) and from the
summary, a key per answer that asks that question again and comes back, keeping the answers that
still fit and naming the ones that no longer do. Keys go in through `press` (pilots.py): no test
waits on the wall clock."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.pilots import confirm_answers, marked, press, walk_page
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.launch import create_app
from wizard.tui.screens.check import CheckRow, CheckScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.summary import SummaryScreen

TO_THE_END = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")
"""The example tree's route to its end (the snapshot test's "check" keys): a pet (an alert,
read with Enter), a fern, yellow leaves and brown tips, dry air."""


def rows(app: WizardApp) -> list[str]:
    return [str(row.render()) for row in app.screen.query(CheckRow)]


async def test_the_last_answer_leads_to_the_check_listing_every_answer(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        screen = walk_page(app)
        assert isinstance(screen, CheckScreen)  # not the summary yet
        assert app.session.finished and screen.no_longer == ()
        answered = app.session.answered
        assert [a.node for a in answered] == ["danger", "kind", "symptoms", "humidity"]
        shown = rows(app)
        assert shown == [
            " 1  Is any of this happening right now?: A pet ate the leaves",
            " 2  What kind of plant is it?: A fern",
            " 3  What do you see?: Yellow leaves, Brown tips",
            " 4  Is the air in the room dry?: Yes, it is dry",
        ]
        await press(pilot, "enter")  # "Show my summary" has the focus
        assert isinstance(walk_page(app), SummaryScreen)
        await press(pilot, "a")  # from the summary, back to the same check
        assert isinstance(walk_page(app), CheckScreen)
        assert rows(app) == shown
        await press(pilot, "enter")
        assert isinstance(walk_page(app), SummaryScreen)


async def test_back_from_the_check_is_the_last_question(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END, "escape")
        assert walk_page(app).node.id == "humidity"
        await press(pilot, "2")  # a different last answer: the check again, then the summary
        await confirm_answers(pilot)
        assert app.session.answered[-1].options == ("moist",)


async def test_a_key_changes_that_answer_and_comes_back(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        assert isinstance(walk_page(app), CheckScreen)
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
        assert "humidity" not in {a.node for a in app.session.answered}
        await press(pilot, "a")  # what no longer fitted was said once, and is not said again
        assert isinstance(walk_page(app), CheckScreen)
        assert not app.screen.query("#check-no-longer")


async def test_a_change_from_the_summary_comes_back_to_the_check(example_tree: Tree) -> None:
    app = create_app(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_THE_END)
        await confirm_answers(pilot)
        await press(pilot, "a")
        check = walk_page(app)
        assert isinstance(check, CheckScreen)
        await press(pilot, check.key_for("symptoms"))
        assert walk_page(app).node.id == "symptoms"
        await press(pilot, "1", "down", "enter")  # yellow leaves off; Enter on the ticked brown tips
        assert isinstance(walk_page(app), CheckScreen)
        assert [a.options for a in app.session.answered if a.node == "symptoms"] == [("brown",)]
        assert "humidity" in {a.node for a in app.session.answered}  # a fern still asks it
        await confirm_answers(pilot)
