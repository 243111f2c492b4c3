"""On the summary screen the details fold: the first page's sections stay open, each section after
them is a fold (Textual's Collapsible) that a person opens by keyboard, Tab to its title then
Enter or Space, or all at once with o; a line above them says so, and so does the key list."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._collapsible import CollapsibleTitle

from tests.tui.pilots import press, to_summary
from wizard.render.outline import FIRST_PAGE
from wizard.render.words import t
from wizard.tui.app import WizardApp
from wizard.tui.screens.help import HelpModal, keys_for
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.widgets.summary_view import SummaryView

TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")  # pets, fern


def view_of(app: WizardApp) -> SummaryView:
    screen = app.screen
    assert isinstance(screen, SummaryScreen)
    return screen.query_one(SummaryView)


async def test_the_details_are_folded_below_the_first_page(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        view = view_of(app)
        details = [s for s in view.outline.sections if s.id not in FIRST_PAGE]
        folds = view.folds
        assert [str(fold.title) for fold in folds] == [s.heading for s in details]
        assert folds and all(fold.collapsed for fold in folds)
        headings = [str(w.render()) for w in view.query(".heading").results(Static)]
        assert headings == [s.heading for s in view.outline.sections if s.id in FIRST_PAGE]
        hint = view.query_one(".details-hint", Static)
        assert str(hint.render()) == t("details_hint")
        assert view.children.index(hint) == view.children.index(folds[0]) - 1


async def test_tab_then_enter_or_space_opens_a_fold_and_o_opens_them_all(
    example_app: WizardApp,
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        view = view_of(app)
        first, second, *_ = view.folds
        while not isinstance(app.focused, CollapsibleTitle):
            await press(pilot, "tab")
        assert app.focused.parent is first
        await press(pilot, "enter")
        assert not first.collapsed and second.collapsed
        await press(pilot, "enter")
        assert first.collapsed
        await press(pilot, "tab")
        assert isinstance(app.focused, CollapsibleTitle) and app.focused.parent is second
        await press(pilot, "space")
        assert not second.collapsed and first.collapsed
        await press(pilot, "o")  # some are shut: o opens every one
        assert not any(fold.collapsed for fold in view.folds)
        await press(pilot, "o")  # all open: o folds them again
        assert all(fold.collapsed for fold in view.folds)
        assert isinstance(app.screen, SummaryScreen)  # no key left the summary


async def test_the_keys_to_open_the_details_are_in_the_help(example_app: WizardApp) -> None:
    app = example_app
    rows = dict(next(rows for heading, rows in keys_for(app.config)
                     if heading == t("keys_summary")))
    assert rows["o"] == t("keys_open_details")
    assert rows[t("keys_fold_keys")] == t("keys_fold")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpModal)
