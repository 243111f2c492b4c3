"""The quiz's end: the score, each case's score, the seed to repeat it, and where the results
went (only if the learner asked for a file)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from wizard.model.quiz import QuizRun
from wizard.render.words import t
from wizard.tui.quiz_messages import QuizAgainRequested
from wizard.tui.widgets.tree_text import literal


class QuizScoreScreen(Screen[None]):
    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "again", t("quiz_again"))]

    def __init__(self, run: QuizRun, saved: str) -> None:
        super().__init__()
        self.run_ = run
        self.saved = saved

    def compose(self) -> ComposeResult:
        right, asked = self.run_.score
        total = len(self.run_.quiz.cases)
        with VerticalScroll(id="quiz-case"):
            yield Static(t("quiz_results"), id="quiz-heading", markup=False)
            yield Static(t("quiz_score", score=str(right), total=str(asked)), id="quiz-score",
                         markup=False)  # fmt: skip
            for number, result in enumerate(self.run_.results, 1):
                case = t("quiz_case", number=str(number), total=str(total))
                score = t("quiz_case_score", score=str(result.score), total=str(result.total))
                yield Static(literal(f"{case}: {score}"), classes="quiz-part")
            yield Static(t("quiz_seed", seed=str(self.run_.quiz.seed)), markup=False)
            if self.saved:
                yield Static(literal(self.saved), id="quiz-saved")
        with Horizontal(classes="actions"):
            yield Button(t("quiz_again"), id="again", variant="primary", compact=True,
                         action="screen.again")

    def action_again(self) -> None:
        self.post_message(QuizAgainRequested())
