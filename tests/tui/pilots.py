"""Helpers that drive the app the way a person would, and read back what it shows.

Keys are posted to the app the way the terminal driver posts them, then the helpers wait for the
app to *settle*: every message queued so far has been handled by the app and the widgets of its
screen, and so have the ones those handlers queued, until the screen stops changing. That is an
order of events, not a length of time: Pilot's own waits ("until the process looks idle" by
comparing CPU and wall time) can end early on a machine busy with other work.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from wizard.tui.app import WizardApp
from wizard.tui.screens.base import WalkScreen
from wizard.tui.screens.check import CheckRow, CheckScreen
from wizard.tui.screens.summary import SummaryScreen
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


SETTLE_ROUNDS = 100
"""Most rounds `settle` waits for the screen to stop changing (a count, never a time)."""
CHARACTERS = {
    "space": " ",
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "backspace": "\x7f",
    "question_mark": "?",
    "full_stop": ".",
}
NAMES = {character: name for name, character in CHARACTERS.items() if len(name) > 1}


def key_event(key: str) -> events.Key:
    """A key as the terminal driver posts it: `key` is Textual's name ("enter", "ctrl+r", "a")."""
    key = NAMES.get(key, key)  # "?" is posted as "question_mark", as the driver does
    character = CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, character)


def _shape(app: App[None]) -> tuple[object, ...]:
    """What settling watches: which screen is on top, how deep the stack is, how many widgets
    the screen holds, which has focus, and how many messages still wait anywhere."""
    screen = app.screen
    widgets = screen.walk_children(with_self=True)
    waiting = app.message_queue_size + sum(widget.message_queue_size for widget in widgets)
    return (id(screen), len(app.screen_stack), len(widgets), id(app.focused), waiting)


async def settle(pilot: Pilot[None]) -> None:
    """Let the app handle what is queued and what that queues in turn, until nothing is left.

    Each round is `pilot.pause(0)`: it returns once the app and every widget on the screen have
    handled the messages queued before it, then redraws what changed. Handling a message can
    queue more (a key becomes a button press, then a change of screen, then compose and mount),
    so rounds go on until no message waits and the screen's shape has held for two rounds.
    """
    app = pilot.app
    if not app.is_running:
        return
    shape, steady = _shape(app), 0
    for _ in range(SETTLE_ROUNDS):
        await pilot.pause(0)
        await pilot.wait_for_animation()
        if not app.is_running:  # it quit (the admin PIN, say): nothing left to settle
            return
        now = _shape(app)
        steady = steady + 1 if now == shape and now[-1] == 0 else 0
        if steady >= 2:
            return
        shape = now
    raise AssertionError(f"the app was still changing after {SETTLE_ROUNDS} rounds")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each (screens switch)."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await settle(pilot)


async def click(pilot: Pilot[None], selector: str) -> None:
    """Click a widget on the top screen (a button, usually) and let the app settle."""
    assert await pilot.click(selector), f"nothing to click at {selector}"
    await settle(pilot)


async def click_answer(pilot: Pilot[None], index: int) -> None:
    """Click the answer at `index` in the answer list, by where it is drawn."""
    answers = pilot.app.screen.query_one(AnswerList)
    answers.scroll_to_highlight()
    line = answers._index_to_line[index] - answers.scroll_offset.y  # where OptionList drew it
    top = answers.styles.border_top[0] != ""
    assert 0 <= line < answers.scrollable_content_region.height, "answer not in view"
    assert await pilot.click(answers, offset=(6, line + int(top)))
    await settle(pilot)


def shown_text(app: WizardApp, selector: str) -> str:
    """The plain text a Static on the top screen shows."""
    return str(app.screen.query_one(selector, Static).render())  # Content -> its plain text


def marked(app: WizardApp) -> list[str]:
    """The answer rows as drawn (pointer, number, marker, label), for checking markers."""
    answers = app.screen.query_one(AnswerList)
    return [answers.row_text(index) for index in range(answers.option_count)]


async def confirm_answers(pilot: Pilot[None], *, by_mouse: bool = False) -> None:
    """What a person does after the last answer: "Check your answers" is the page shown, it
    lists every answer given, in order, and Enter (its focused "Show my summary"; a click on it
    `by_mouse`) goes on to the summary. Fails when any of that is not so, or an alert is still
    open above the check."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    check = app.screen
    assert isinstance(check, CheckScreen), f"{check} instead of Check your answers"
    assert [row.node_id for row in check.query(CheckRow)] == [
        answer.node for answer in app.session.answered
    ]
    if by_mouse:
        await click(pilot, "#show-summary")
    else:
        await press(pilot, "enter")
    assert isinstance(app.screen, SummaryScreen), f"{app.screen} instead of the summary"


async def to_summary(pilot: Pilot[None], *keys: str) -> None:
    """Press the keys of a route to its end, then confirm the answers (`confirm_answers`)."""
    await press(pilot, *keys)
    await confirm_answers(pilot)
