"""The quiz mode of the app (`wizard quiz`): one learner, one `QuizRun`, one screen at a time.

Like the walk's app, this is the one place that maps "where the run is" to "which screen shows"
(`show`); the screens post what the learner did (quiz_messages.py) and never touch the run.
Results are written only if the learner asked for a file (`--results`), when the last case is
revealed.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from wizard.model.quiz import Quiz, QuizError, QuizRun
from wizard.render.words import t
from wizard.tui.quiz_messages import (
    NextCaseRequested,
    Predicted,
    QuizAgainRequested,
    QuizBack,
    RevealRequested,
)
from wizard.tui.screens.quiz_question import QuizQuestionScreen
from wizard.tui.screens.quiz_reveal import QuizRevealScreen
from wizard.tui.screens.quiz_score import QuizScoreScreen
from wizard.tui.themes import build_themes


class QuizApp(App[None]):
    ENABLE_COMMAND_PALETTE = False
    TITLE = t("app_title")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", t("quit"), show=False, priority=True),
        Binding("q", "quit", t("quit")),
    ]

    def __init__(self, quiz: Quiz, results: Path | None = None, theme: str = "default") -> None:
        super().__init__()
        for each in build_themes():
            self.register_theme(each)
        self.theme = theme
        self.quiz = quiz
        self.run_ = QuizRun(quiz)
        self.results = results
        self.saved = ""
        self.sub_title = t("quiz_title", tree=quiz.tree.title)

    def on_mount(self) -> None:
        self.show()

    def heading(self) -> str:
        total = str(len(self.quiz.cases))
        return t("quiz_case", number=str(self.run_.case_index + 1), total=total)

    def show(self) -> None:
        """The screen for where the run is now."""
        run = self.run_
        if run.finished or not self.quiz.cases:
            screen: QuizScoreScreen | QuizRevealScreen | QuizQuestionScreen = QuizScoreScreen(
                run, self.saved or ("" if self.quiz.cases else t("quiz_no_cases"))
            )
        elif run.revealed:
            last = run.case_index == len(self.quiz.cases) - 1
            screen = QuizRevealScreen(self.heading(), run.results[-1], last)
        elif run.question is None:
            screen = QuizRevealScreen(self.heading(), None, False)
        else:
            screen = QuizQuestionScreen(run.case, self.heading(), run.question, run.picked)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(Predicted)
    def _predicted(self, message: Predicted) -> None:
        try:
            self.run_.predict(message.choice_ids)
        except QuizError as error:
            if isinstance(self.screen, QuizQuestionScreen):
                self.screen.refuse(t(f"quiz_refuse_{error.reason}"))
            return
        self.show()

    @on(QuizBack)
    def _back(self) -> None:
        if self.run_.back():
            self.show()
        elif isinstance(self.screen, QuizQuestionScreen):
            self.screen.refuse(t("quiz_back_first"))

    @on(RevealRequested)
    def _reveal(self) -> None:
        if self.run_.revealed or self.run_.question is not None:
            return
        self.run_.reveal()
        if self.run_.case_index == len(self.quiz.cases) - 1:
            self._save()
        self.show()

    @on(NextCaseRequested)
    def _next(self) -> None:
        if self.run_.revealed:
            self.run_.next_case()
            self.show()

    @on(QuizAgainRequested)
    def _again(self) -> None:
        self.run_ = QuizRun(self.quiz)
        self.saved = ""
        self.show()

    def _save(self) -> None:
        if self.results is not None:
            from wizard.render.quiz_results import write_results

            self.saved = write_results(self.run_, self.results)


def create_quiz_app(quiz: Quiz, results: Path | None = None) -> QuizApp:
    """The quiz app; used by `wizard quiz` and by the tests."""
    return QuizApp(quiz, results)
