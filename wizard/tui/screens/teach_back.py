"""Teach-back, offered on the summary (k): a few questions about the person's own summary.

Never forced: Escape goes back to the summary at any time. A wrong answer shows that part of
the summary again, in other words (wizard/render/teach_back.py), and asks again. The answers live
in this screen's run alone, so closing it, or a kiosk's wipe, forgets them.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from wizard.model.summary import Summary
from wizard.model.teach_back import TeachBackRun, teach_back_for
from wizard.model.tree import Option
from wizard.render.pageview import option_views
from wizard.render.teach_back import reminder
from wizard.render.words import t, t_count
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.tree_text import literal


class TeachBackScreen(Screen[None]):
    CSS_PATH = "teach_back.tcss"
    AUTO_FOCUS = "AnswerList"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("teach_back_to_summary")),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary
        self.teach = TeachBackRun(teach_back_for(summary))
        self.reminder: list[str] = []
        """That part of the summary, in other words, after a wrong answer."""

    def compose(self) -> ComposeResult:
        """The page for where the run is; rebuilt after each answer (`recompose`)."""
        question = self.teach.question
        with VerticalScroll(id="teach"):
            yield Static(t("teach_offer"), id="teach-heading", markup=False)
            yield Static(t("teach_intro"), id="teach-intro", markup=False)
            if question is None:
                done = t_count("teach_done", len(self.teach.questions))
                yield Static(done, id="teach-number", markup=False)
            else:
                total = str(len(self.teach.questions))
                number = t("teach_question", number=str(self.teach.index + 1), total=total)
                yield Static(number, id="teach-number", markup=False)
                yield Static(literal(question.prompt), id="teach-prompt")
                if self.reminder:
                    lines = [t("teach_wrong"), *self.reminder, "", t("teach_try_again")]
                    yield Static(literal("\n".join(lines)), id="teach-reminder")
        if question is not None:
            with Vertical(id="answers-box"):
                options = [Option(o.id, o.label) for o in question.options]
                yield AnswerList(option_views(options), multi=False, id="answers")
        with Horizontal(classes="actions"):
            yield Button(t("teach_back_to_summary"), id="close", compact=True)

    async def _show(self, reminder_lines: list[str]) -> None:
        self.reminder = reminder_lines
        await self.recompose()
        focus = self.query(AnswerList) or self.query("#close")
        focus.first().focus()

    def action_number(self, number: int) -> None:
        if not self.query(AnswerList):
            return
        answers = self.query_one(AnswerList)
        if number <= answers.option_count:
            answers.point_at(number - 1)
            answers.action_space()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(AnswerList.Picked)
    async def _picked(self, event: AnswerList.Picked) -> None:
        event.stop()
        question = self.teach.question
        if question is None:
            return
        right = self.teach.answer(event.option_id)
        await self._show([] if right else reminder(self.summary, question))

    @on(Button.Pressed, "#close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()
