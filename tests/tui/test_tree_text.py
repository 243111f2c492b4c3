"""Tree text is data: a hostile tree's words show literally in the app, and nothing in them acts.

tests/trees/hostile.yaml puts Textual markup (`[@click=app.quit]`, `[@click=app.suspend_process]`),
an unbalanced closing tag (`Drug [/]`), brackets (`Rituximab [Rituxan]`) and Markdown links,
images and HTML into every kind of text a tree holds. A Pilot walks the whole session (welcome,
pages, the red-flag alert, the summary, and the educator's tree panel and "What if") and checks
that each string is on the screen as written, that no click action other than the app's own
"go back to this question" links is anywhere on the screen, that clicking on the hostile text runs
nothing, and that the app neither quits nor crashes. Control characters added in memory never
reach the screen.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tests.tui.modes.drive import drawn_text
from tests.tui.pilots import click, press, shown_text, to_summary
from wizard.model.loader import load_tree
from wizard.model.machine import Session
from wizard.model.plain import find_control
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.educator import what_if
from wizard.tui.launch import create_app
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.red_flag import RedFlagModal
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.what_if import WhatIfScreen, change_lines
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.tree_panel import TreePanel

HOSTILE = Path(__file__).parents[1] / "trees" / "hostile.yaml"
SHELL = "[@click=app.suspend_process]Open a shell[/]"
LEAVE = "[@click=app.quit]Leave[/]"
CLOSER = "Drug [/]"
BRACKETS = "Rituximab [Rituxan]"
SIZE = (160, 50)  # wide enough that no hostile string wraps, with the educator's panel
OWN_LINK = re.compile(r"app\.jump_to\('[a-z0-9_]+'\)")
"""The only click action tree text may sit under: the app's own "back to this question"."""


@pytest.fixture(scope="module")
def hostile_tree() -> Tree:
    return load_tree(HOSTILE)


# -- reading and clicking the screen ------------------------------------------------------------
def shows(app: WizardApp, *texts: str) -> None:
    """Each text is on the screen, exactly as written."""
    screen = drawn_text(app)
    missing = [text for text in texts if text not in screen]
    assert not missing, f"not shown literally: {missing}"


def leaves(app: WizardApp) -> Iterator[tuple[Widget, list[str], list[list[Any]]]]:
    """Each widget shown on the top screen: its drawn lines, and the styles of each line's
    segments (where click actions live)."""
    for widget in app.screen.walk_children(with_self=False):
        if not isinstance(widget, Widget) or not widget.display or not widget.region:
            continue
        width, height = widget.region.size
        strips = widget.render_lines(Region(0, 0, width, height))
        yield (
            widget,
            [strip.text for strip in strips],
            [[s.style for s in strip] for strip in strips],
        )


def click_actions(app: WizardApp) -> set[str]:
    """Every click action drawn anywhere on the top screen."""
    return {
        str(style.meta["@click"])
        for _, _, lines in leaves(app)
        for styles in lines
        for style in styles
        if style is not None and "@click" in style.meta
    }


def no_foreign_actions(app: WizardApp) -> None:
    """Nothing on the screen is clickable but the app's own links back to a question."""
    foreign = {action for action in click_actions(app) if not OWN_LINK.fullmatch(action)}
    assert not foreign, f"tree text became click actions: {foreign}"


def find(app: WizardApp, text: str) -> tuple[int, int] | None:
    """Where `text` starts on the top screen (only where it is drawn and not covered)."""
    for widget, lines, _ in leaves(app):
        for y, line in enumerate(lines):
            x = line.find(text)
            if x < 0:
                continue
            at = (widget.region.x + x + 1, widget.region.y + y)  # the '@' of '[@click=...]'
            under, _ = app.screen.get_widget_at(*at)
            if under is widget:
                return at
    return None


class Spy:
    """Stands in for every action and method hostile text names: records, does nothing."""

    def __init__(self, app: WizardApp) -> None:
        self.called: list[str] = []
        for name in ("action_quit", "action_suspend_process", "open_url"):
            setattr(app, name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        def record(*args: object, **kwargs: object) -> None:
            self.called.append(name)

        return record


async def click_each(pilot: Pilot[None], spy: Spy, *texts: str) -> None:
    """Click on each text where it is drawn; none may run anything (the page stays put)."""
    app = pilot.app
    for text in texts:
        where = find(app, text)
        assert where is not None, f"{text!r} is not drawn where it can be clicked"
        screen = app.screen
        assert await pilot.click(offset=where)
        await pilot.pause()
        assert spy.called == [], f"clicking {text!r} ran {spy.called}"
        assert app.is_running and app.screen is screen, f"clicking {text!r} changed the page"


def panel_rows(app: WizardApp) -> str:
    panel = app.screen.query_one(TreePanel)
    rows = [str(panel.root.label)]
    for node in panel.root.children:
        rows.append(str(node.label))
        rows += [str(child.label) for child in node.children]
    return "\n".join(rows)


# -- the walk up to the summary -----------------------------------------------------------------
@pytest.mark.parametrize("mode", ["educator", "kiosk"])
async def test_every_page_before_the_summary_shows_tree_text_literally(
    hostile_tree: Tree, mode: str
) -> None:
    app = create_app(hostile_tree, educator=mode == "educator", kiosk=mode == "kiosk")
    async with app.run_test(size=SIZE) as pilot:
        spy = Spy(app)
        shows(app, f"Title {LEAVE}", f"Description {BRACKETS}", f"Disclaimer {SHELL}")
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Title {LEAVE}", f"Disclaimer {SHELL}")

        await press(pilot, "enter")  # the info page: prompt, Markdown text and help
        assert isinstance(app.screen, InfoScreen)
        shows(
            app,
            f"Title {LEAVE}",  # the top bar
            f"Welcome {LEAVE}",
            "Read the leaflet (https://evil.example/leaflet) first.",
            "[image: tracker]",
            "Raw <b>html</b> here.",
            f"Info {SHELL}",
            f"Info help {BRACKETS} and https://evil.example/auto",
        )
        if app.config.shows_tree:
            assert f"◆ Welcome {LEAVE}" in panel_rows(app)
            assert f"Title {LEAVE}" in panel_rows(app)
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Welcome {LEAVE}", "the leaflet", "tracker", f"Info {SHELL}")

        await press(pilot, "enter", "question_mark")  # the multi-select, with its help open
        assert isinstance(app.screen, QuestionScreen)
        shows(
            app,
            f"Question {CLOSER}",
            f"Question help {LEAVE} and a link (https://evil.example/help)",
            f"Option {SHELL}",
            f"Option help {BRACKETS}",
            f"None {LEAVE}",
        )
        if app.config.shows_tree:
            assert f"○ None {LEAVE}" in panel_rows(app)
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Question {CLOSER}", f"Question help {LEAVE}", "a link")

        await press(pilot, "1")  # the red flag: an alert, then the page keeps its advice
        await click(pilot, "#continue")  # (the clicks above took the focus off the answers)
        assert isinstance(app.screen, RedFlagModal)
        advice = f"Advice {SHELL} and {CLOSER} and {BRACKETS}."
        assert shown_text(app, "#flag-title") == f"Urgent: Flag {LEAVE}"
        assert shown_text(app, "#flag-advice") == advice
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Urgent: Flag {LEAVE}", f"Advice {SHELL}")
        await press(pilot, "enter")
        assert isinstance(app.screen, InfoScreen)
        shows(app, f"Urgent: Flag {LEAVE}", advice, "Your answers: Option [@click=app.suspend_")
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Urgent: Flag {LEAVE}", advice)

        await press(pilot, "enter")  # a single choice
        assert isinstance(app.screen, QuestionScreen)
        shows(app, f"Which drug? {BRACKETS}", f"Other {CLOSER}")
        answers = app.screen.query_one(AnswerList)
        assert [answers.row_text(i) for i in (0, 1)] == [
            f"› 1 ○ {BRACKETS}",
            f"  2 ○ Other {CLOSER}",
        ]
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Which drug? {BRACKETS}")
        assert app.is_running and spy.called == []


async def test_what_if_steps_show_tree_text_literally(hostile_tree: Tree) -> None:
    """The educator's "What if" (opened here over a question page, since its third step also
    shows a summary: see the whole-session test for that)."""
    app = create_app(hostile_tree, educator=True)
    async with app.run_test(size=SIZE) as pilot:
        spy = Spy(app)
        await press(pilot, "enter", "enter", "1", "enter", "enter", "enter")
        app.push_screen(WhatIfScreen(app.session))
        await pilot.pause()
        shows(app, f"Question {CLOSER} — Option {SHELL}")
        no_foreign_actions(app)
        await press(pilot, "enter")  # that question: its prompt and its answers
        shows(app, f"Question {CLOSER}", f"Option {SHELL}", f"None {LEAVE}")
        assert app.screen.query_one(AnswerList).row_text(1).endswith(f"[ ] None {LEAVE} (on its own)")
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Question {CLOSER}")
        assert app.is_running and spy.called == []


def test_what_if_changes_are_literal(hostile_tree: Tree) -> None:
    session = Session(hostile_tree)
    for answer in ((), ("urgent",), (), ("other",)):
        session.answer(answer)
    result = what_if(session, "drug", ("ritux",))
    shown = change_lines(result)
    assert f"If you had answered {BRACKETS} instead of Other {CLOSER}" in shown.plain
    assert f"to “Which drug? {BRACKETS}”" in shown.plain
    assert not any("@click" in str(span.style) for span in shown.spans)


# -- the whole session, summary included --------------------------------------------------------
async def test_the_whole_session_shows_tree_text_literally(hostile_tree: Tree) -> None:
    """Through to the summary, then "What if". The summary's own widget (summary_view.py) is
    mended on another branch; this test holds it to the same rule as every other page."""
    app = create_app(hostile_tree, educator=True)
    async with app.run_test(size=(200, 120)) as pilot:
        spy = Spy(app)
        await to_summary(pilot, "enter", "enter", "1", "enter", "enter", "enter", "2")
        assert isinstance(app.screen, SummaryScreen)
        shows(
            app,
            f"Urgent: Flag {LEAVE}",
            f"Outcome {LEAVE}",
            f"Outcome text {CLOSER}",
            f"Group {SHELL}",
            f"About group {CLOSER}",
            BRACKETS,  # a treatment's name, in its card's border
            SHELL,
            LEAVE,
            CLOSER,
            f"Example {LEAVE}",
            f"About {SHELL}",
            f"Given {CLOSER}",
            f"Common {BRACKETS}",
            f"Serious {LEAVE}",
            f"Resource {SHELL}",
            f"Resource about {CLOSER}",
            f"Contact {BRACKETS}",
            f"Ask {BRACKETS}?",
            f"Source {LEAVE}",
            f"Publisher {CLOSER}",
        )
        no_foreign_actions(app)
        await click_each(pilot, spy, f"Outcome {LEAVE}", f"Group {SHELL}", f"Resource {SHELL}")

        await press(pilot, "w")  # What if: the questions, an answer, what would change
        assert isinstance(app.screen, WhatIfScreen)
        shows(app, f"Which drug? {BRACKETS} — Other {CLOSER}")
        await press(pilot, "down", "enter")  # the second question: which drug
        shows(app, f"Which drug? {BRACKETS}", f"Other {CLOSER}")
        await press(pilot, "up", "enter")  # "Other Drug [/]" -> "Rituximab [Rituxan]"
        assert app.screen.result is not None
        shows(app, f"If you had answered {BRACKETS} instead of Other {CLOSER}")
        no_foreign_actions(app)
        assert app.is_running and spy.called == []


# -- control characters -------------------------------------------------------------------------
POISON = {  # one character each, so the words read as before once it is removed
    "Rituximab": "Ritux\x1bimab",  # ESC, which starts every terminal sequence
    "Leave": "Le\x9bave",  # CSI, the one-byte form of ESC [
    "Drug": "Dr\u202eug",  # right-to-left override
    "Title": "Ti\x00tle",
    "Advice": "Adv\x1bice",
}


def poisoned(value: Any) -> Any:
    """`value` (a tree, or any part of one) with control characters hidden in its words."""
    if isinstance(value, str):
        for word, bad in POISON.items():
            value = value.replace(word, bad)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: poisoned(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changed)
    if isinstance(value, tuple):
        return tuple(poisoned(item) for item in value)
    if isinstance(value, Mapping):
        return {key: poisoned(item) for key, item in value.items()}
    return value


def no_control_drawn(app: WizardApp) -> None:
    for widget, lines, _ in leaves(app):
        for line in lines:
            assert find_control(line) is None, f"{widget!r} draws {line!r}"


async def test_control_characters_never_reach_the_screen(hostile_tree: Tree) -> None:
    tree = poisoned(hostile_tree)
    assert find_control(tree.nodes["drug"].prompt) is not None
    app = create_app(tree, educator=True)
    async with app.run_test(size=SIZE) as pilot:
        no_control_drawn(app)
        shows(app, f"Title {LEAVE}")
        for key in ("enter", "enter", "question_mark", "1", "enter"):
            await press(pilot, key)
            no_control_drawn(app)
        assert isinstance(app.screen, RedFlagModal)
        shows(app, f"Advice {SHELL} and {CLOSER} and {BRACKETS}.")
        await press(pilot, "enter")
        no_control_drawn(app)
        await press(pilot, "enter")
        no_control_drawn(app)
        shows(app, f"Which drug? {BRACKETS}", f"○ Other {CLOSER}")
        app.push_screen(WhatIfScreen(app.session))
        await pilot.pause()
        no_control_drawn(app)
        shows(app, f"Question {CLOSER} — Option {SHELL}")
