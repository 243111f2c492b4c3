"""The end of a case: first "ready" (Back still goes to the last prediction), then, once
revealed, the guide's answers with their reasons and the case's score (Back no longer works)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from wizard.model.quiz import CaseResult
from wizard.render.quiz import feedback
from wizard.render.words import t
from wizard.tui.quiz_messages import NextCaseRequested, QuizBack, RevealRequested
from wizard.tui.widgets.tree_text import literal


class QuizRevealScreen(Screen[None]):
    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", t("back")),
        Binding("enter", "go_on", t("continue")),
    ]

    def __init__(self, heading: str, result: CaseResult | None, last: bool) -> None:
        super().__init__()
        self.heading = heading
        self.result = result
        self.last = last

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="quiz-case"):
            yield Static(self.heading, id="quiz-heading", markup=False)
            if self.result is None:
                yield Static(t("quiz_ready"), id="quiz-ready", markup=False)
            else:
                yield from self._revealed(self.result)
        with Horizontal(classes="actions"):
            if self.result is None:
                yield Button(t("quiz_reveal"), id="go-on", variant="primary", compact=True,
                             action="screen.go_on")
                yield Button(t("back"), id="back", compact=True, action="screen.back")
            else:
                words = t("quiz_finish" if self.last else "quiz_next")
                yield Button(words, id="go-on", variant="primary", compact=True,
                             action="screen.go_on")

    def _revealed(self, result: CaseResult) -> ComposeResult:
        for marked in result.marks:
            view = feedback(result.case, marked)
            yield Static(literal(view.question), classes="quiz-asked")
            yield Static(
                literal(view.verdict), classes="quiz-verdict " + ("-right" if marked.correct
                                                                  else "-wrong")
            )  # fmt: skip
            for part in (view.guide_says, view.you_picked, view.missed, view.wrong):
                if part:
                    yield Static(literal(part), classes="quiz-part")
            for choice in view.choices:
                if choice.right or choice.picked:
                    mark = "✓" if choice.right else "✗"
                    yield Static(
                        literal(f"{mark} {choice.words}: {choice.why}"), classes="quiz-why"
                    )
        score = t("quiz_case_score", score=str(result.score), total=str(result.total))
        yield Static(score, id="quiz-case-score", markup=False)

    def action_back(self) -> None:
        if self.result is None:  # never after the reveal
            self.post_message(QuizBack())

    def action_go_on(self) -> None:
        self.post_message(RevealRequested() if self.result is None else NextCaseRequested())
