"""The child program of the page-change benchmarks: one app, one measured step, its CPU time.

`python tests/benchmarks/page_child.py SIDE STEP TREE` starts either the wizard (`app`) or a bare
Textual app drawing the same kinds of widgets (`bare`) headless, walks to just before STEP, waits
as a reader would, then measures the CPU time (user + system, this process) of one key press up
to the next page being drawn and idle, and prints `cpu=SECONDS`. Each run is a fresh process, so
a first page change pays for whatever it imports, as it does for a person.

STEP is `start` (Enter on the start screen: the first page of the walk) or `answer` (a digit on a
single-choice question: the next question). With PROFILE=FILE set, the step runs under cProfile
and the stats are written to FILE.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

READING_PAUSE = 0.4
"""Seconds the page stays up before the key press: a person reads before pressing anything."""


def bare_app() -> Any:
    """A bare Textual app whose pages hold what ours hold (bars, a prompt, Markdown text, an
    option list, buttons, a footer), switched with `switch_screen` on the same keys."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Button, Footer, Markdown, OptionList, Static

    text = "Some words of help about this step.\n\n- a point\n- another point\n"

    class Page(Screen[None]):
        BINDINGS = [  # noqa: RUF012
            Binding("enter", "next", "Next"),
            Binding("1", "next", "Next", show=False),
        ]

        def __init__(self, number: int, options: int) -> None:
            super().__init__()
            self.number, self.options = number, options

        def compose(self) -> ComposeResult:
            yield Static(f"Title · Question {self.number} of about 9", id="top")
            yield Static(" › ".join(f"answer {n}" for n in range(self.number)), id="crumbs")
            with VerticalScroll():
                yield Static(f"Question {self.number}?", id="prompt")
                yield Markdown(text)
            if self.options:
                with Vertical():
                    yield OptionList(*(f"{n}  Answer {n}" for n in range(1, self.options + 1)))
            yield Static("", id="message")
            with Horizontal():
                yield Button("Continue", variant="primary", compact=True)
                yield Button("Back", compact=True)
            yield Footer(compact=True)

        def action_next(self) -> None:
            self.app.switch_screen(Page(self.number + 1, 6))

    class Welcome(Screen[None]):
        BINDINGS = [Binding("enter", "start", "Start")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static("Title", id="title")
                yield Static("A disclaimer to read. " * 20, id="disclaimer")
                yield Static("Content version 1", id="version")
                yield Button("Start", variant="primary")
                yield Static("Press Enter or click Start to begin.")
            yield Static("Enter Start · ? Help · q Quit")

        def action_start(self) -> None:
            self.app.switch_screen(Page(1, 0))

    class Bare(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Welcome())

    return Bare()


async def to_the_step(app: Any, pilot: Any, side: str, step: str) -> None:
    """Walk to just before `step`: for `answer`, onto a single-choice question."""
    if step == "start":
        return
    if side == "bare":
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # a first question-to-question change, as the wizard has had
        await pilot.pause()
        return
    await pilot.press("enter")  # start: the tree's first info page
    await pilot.pause()
    while app.session.current.kind != "choice":
        node = app.session.current
        if node.kind == "info":
            await pilot.press("enter")
        else:  # a multi-select: its last answer ("none of these"), as the page would send it
            app.submit_answer(node.id, (node.options[-1].id,))
        await pilot.pause()


async def main(side: str, step: str, tree_path: str) -> None:
    if side == "app":
        from wizard.model.loader import load_tree
        from wizard.tui.launch import create_app

        app = create_app(load_tree(tree_path))
    else:
        app = bare_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await to_the_step(app, pilot, side, step)
        await asyncio.sleep(READING_PAUSE)
        await pilot.pause()
        before = app.screen
        key = "enter" if step == "start" else "1"
        profile = cProfile.Profile() if os.environ.get("PROFILE") else None
        started = time.process_time()
        if profile:
            profile.enable()
        await pilot.press(key)
        await pilot.pause()
        if profile:
            profile.disable()
        spent = time.process_time() - started
        assert app.screen is not before or side == "bare", "the page did not change"
        if profile:
            profile.dump_stats(os.environ["PROFILE"])
    print(f"cpu={spent}")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
