"""The child program of the page-change benchmarks: one app, one measured step, its CPU and wall
time.

`python tests/benchmarks/page_child.py SIDE STEP TREE [PAGES]` starts either the wizard (`app`) or
a bare Textual app (`bare`) headless, walks to just before STEP, waits as a reader would, then
measures one key press up to the next page being drawn and the app idle, and prints
`cpu=SECONDS` (user + system, this process) and `wall=SECONDS`. Each run is a fresh process, so a
first page change pays for whatever it imports, as it does for a person.

The bare app draws, with Textual's own widgets, the pages the wizard shows at the same steps: the
same heading, progress, pick rule, paragraphs, and the same options with their hints (PAGES, a
JSON list made by `bare_pages` from the tree before the child starts, so the bare child imports
nothing of the wizard).

STEP is `start` (Enter on the start screen: the first page of the walk) or `answer` (a digit on a
single-choice question: the next question). With PROFILE=FILE set, the step runs under cProfile
and the stats are written to FILE.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

READING_PAUSE = 0.4
"""Seconds the page stays up before the key press: a person reads before pressing anything."""


def bare_pages(tree_path: str, step: str) -> list[dict[str, Any]]:
    """What the wizard's pages say at the steps the benchmark goes through, from the shared page
    view: the first page of the walk, and for `answer` the single-choice question reached the
    way `to_the_step` reaches it and the page after its first answer."""
    from wizard.model.loader import load_tree
    from wizard.model.machine import Session
    from wizard.render.pageview import PageView, build_page

    session = Session(load_tree(tree_path))

    def page(view: PageView) -> dict[str, Any]:
        return {
            "title": session.tree.title,
            "progress": view.progress,
            "heading": view.heading,
            "rule": view.rule,
            "text": "\n\n".join((*view.paragraphs, *view.help)),
            "options": [[o.key, o.label, o.help] for o in view.options],
        }

    pages = [page(build_page(session))]
    if step == "answer":
        while session.current.kind != "choice":
            node = session.current
            session.answer(() if node.kind == "info" else (node.options[-1].id,))
        question = build_page(session)
        session.answer((question.options[0].id,))
        pages += [page(question), page(build_page(session))]
    return pages


def bare_app(pages: list[dict[str, Any]]) -> Any:
    """A bare Textual app whose pages hold what ours hold (a top bar, a prompt, Markdown text,
    an option list of the same answers and hints, buttons, a footer), switched with
    `switch_screen` on the same keys."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Button, Footer, Markdown, OptionList, Static

    class Page(Screen[None]):
        BINDINGS = [  # noqa: RUF012
            Binding("enter", "next", "Next"),
            Binding("1", "next", "Next", show=False),
        ]

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number
            self.page = pages[number]

        def compose(self) -> ComposeResult:
            page = self.page
            yield Static(f"{page['title']} · {page['progress']}", id="top", markup=False)
            yield Static(" › ".join(f"answer {n}" for n in range(self.number)), id="crumbs")
            with VerticalScroll():
                yield Static(page["heading"], id="prompt", markup=False)
                if page["rule"]:
                    yield Static(page["rule"], markup=False)
                if page["text"]:
                    yield Markdown(page["text"])
            if page["options"]:
                with Vertical():
                    yield OptionList(
                        *(
                            Text(f"  {key} ○ {label}" + (f"\n      {hint}" if hint else ""))
                            for key, label, hint in page["options"]
                        )
                    )
            yield Static("", id="message")
            with Horizontal():
                yield Button("Continue", variant="primary", compact=True)
                yield Button("Back", compact=True)
            yield Footer(compact=True)

        def action_next(self) -> None:
            if self.number + 1 < len(pages):
                self.app.switch_screen(Page(self.number + 1))

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
            self.app.switch_screen(Page(0))

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
        await pilot.press("1")  # onto the question: a first page change, as the wizard has had
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


async def main(side: str, step: str, tree_path: str, pages: str = "[]") -> None:
    if side == "app":
        from wizard.model.loader import load_tree
        from wizard.tui.launch import create_app

        app = create_app(load_tree(tree_path))
    else:
        app = bare_app(json.loads(pages))
    async with app.run_test() as pilot:
        await pilot.pause()
        await to_the_step(app, pilot, side, step)
        await asyncio.sleep(READING_PAUSE)
        await pilot.pause()
        before = app.screen
        key = "enter" if step == "start" else "1"
        profile = cProfile.Profile() if os.environ.get("PROFILE") else None
        started, wall_started = time.process_time(), time.perf_counter()
        if profile:
            profile.enable()
        await pilot.press(key)
        await pilot.pause()
        if profile:
            profile.disable()
        spent, wall = time.process_time() - started, time.perf_counter() - wall_started
        assert app.screen is not before or side == "bare", "the page did not change"
        if profile:
            profile.dump_stats(os.environ["PROFILE"])
    print(f"cpu={spent}")
    print(f"wall={wall}")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
