"""One quiz question: the case's person, the question, and the choices to pick or tick.

The screen keeps only what is ticked; whether a prediction fits is the `QuizRun`'s to say, and
its refusal is shown in words on the page (the app sends it back through `refuse`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from wizard.model.quiz import Prediction, QuizCase
from wizard.model.tree import Option
from wizard.render.pageview import option_views
from wizard.render.quiz import choice_words, question_words, story
from wizard.render.words import t
from wizard.tui.quiz_messages import Predicted, QuizBack
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.tree_text import literal


class QuizQuestionScreen(Screen[None]):
    AUTO_FOCUS = "AnswerList"
    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", t("back")),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self, case: QuizCase, heading: str, question: Prediction, picked: tuple[str, ...]
    ) -> None:
        super().__init__()
        self.case = case
        self.heading = heading
        self.question = question
        self.ticked = picked

    def compose(self) -> ComposeResult:
        question = self.question
        with VerticalScroll(id="quiz-case"):
            yield Static(self.heading, id="quiz-heading", markup=False)
            yield Static(literal(story(self.case)), id="quiz-story")
            yield Static(literal(question_words(self.case, question)), id="quiz-question")
            yield Static(t("quiz_keys"), id="quiz-keys", markup=False)
        choices = [Option(c.id, choice_words(c)) for c in question.choices]
        with Vertical(id="answers-box"):
            yield AnswerList(
                option_views(choices, self.ticked), multi=question.several, id="answers"
            )
        yield Static("", id="message", markup=False)
        with Horizontal(classes="actions"):
            yield Button(t("quiz_predict"), id="predict", variant="primary", compact=True)
            yield Button(t("back"), id="back", compact=True, action="screen.back")

    def refuse(self, message: str) -> None:
        line = self.query_one("#message", Static)
        line.update(literal(t("warning_line", message=message)))
        line.set_class(True, "shown")

    def action_number(self, number: int) -> None:
        answers = self.query_one(AnswerList)
        if number <= answers.option_count:
            answers.point_at(number - 1)
            answers.action_space()

    def action_back(self) -> None:
        self.post_message(QuizBack())

    @on(AnswerList.Picked)
    def _picked(self, event: AnswerList.Picked) -> None:
        event.stop()
        self.post_message(Predicted((event.option_id,)))

    @on(AnswerList.Toggled)
    def _toggled(self, event: AnswerList.Toggled) -> None:
        event.stop()
        if event.option_id in self.ticked:
            self.ticked = tuple(c for c in self.ticked if c != event.option_id)
        else:
            self.ticked = (*self.ticked, event.option_id)
        self.query_one(AnswerList).show_chosen(self.ticked)

    @on(AnswerList.Submitted)
    def _submitted(self, event: AnswerList.Submitted) -> None:
        event.stop()
        self.post_message(Predicted(self.ticked))

    @on(Button.Pressed, "#predict")
    def _predict(self, event: Button.Pressed) -> None:
        event.stop()
        if self.question.several:
            self.post_message(Predicted(self.ticked))
        else:
            highlighted = self.query_one(AnswerList).highlighted_id
            self.post_message(Predicted((highlighted,) if highlighted else ()))
