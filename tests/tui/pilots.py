"""Helpers that drive the app the way a person would, and read back what it shows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from wizard.tui.app import WizardApp
from wizard.tui.screens.base import WalkScreen
from wizard.tui.widgets.answer_list import AnswerList


def page(app: WizardApp) -> Screen[object]:
    """The page under any open dialogs."""
    for screen in reversed(app.screen_stack):
        if not isinstance(screen, ModalScreen):
            return screen
    raise AssertionError("no page on the screen stack")


def walk_page(app: WizardApp) -> WalkScreen:
    screen = page(app)
    assert isinstance(screen, WalkScreen), screen
    return screen


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each (screens switch)."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def click(pilot: Pilot[None], selector: str) -> None:
    """Click a widget on the top screen (a button, usually) and let the app settle."""
    assert await pilot.click(selector), f"nothing to click at {selector}"
    await pilot.pause()


async def click_answer(pilot: Pilot[None], index: int) -> None:
    """Click the answer at `index` in the answer list, by where it is drawn."""
    answers = pilot.app.screen.query_one(AnswerList)
    answers.scroll_to_highlight()
    line = answers._index_to_line[index] - answers.scroll_offset.y  # where OptionList drew it
    top = answers.styles.border_top[0] != ""
    assert 0 <= line < answers.scrollable_content_region.height, "answer not in view"
    assert await pilot.click(answers, offset=(6, line + int(top)))
    await pilot.pause()


def shown_text(app: WizardApp, selector: str) -> str:
    """The plain text a Static on the top screen shows."""
    return str(app.screen.query_one(selector, Static).render())  # Content -> its plain text


def marked(app: WizardApp) -> list[str]:
    """The answer rows as drawn (pointer, number, marker, label), for checking markers."""
    answers = app.screen.query_one(AnswerList)
    return [answers.row_text(index) for index in range(answers.option_count)]
