"""Educators' "What if…": change one earlier answer and see what the summary gains and loses.

Three steps on one page: pick an answered question, pick a different answer, read the result
("+ Added …", "− Dropped …" in words, then the whole new summary). The work is done on a fork of
the session (`wizard.tui.educator.what_if`), so the person's own answers and summary never change.

Questions, answers and what changes are the tree's words: they go in as `Content` or `Text`, never
as markup strings (`wizard.tui.widgets.tree_text`).

A full-page ModalScreen rather than a Screen: the app closes dialogs before it shows another
page (start over, a kiosk reset), so this page can never be left behind under the next one.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from wizard.model.machine import AnswerError, Session
from wizard.tui.educator import WhatIf, answering_at, labels_of, shorten, what_if
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.summary_view import SummaryView
from wizard.tui.widgets.tree_text import literal, plain

PICK_QUESTION = (
    "Pick one of your answers to try a different one. Your own answers stay as they are."
)


def change_lines(result: WhatIf) -> Content:
    """The difference in words: what would be added and dropped, or that nothing changes."""
    node = result.node
    lines = [
        Content.assemble(
            "If you had answered ",
            literal(labels_of(node, result.after), "bold"),
            " instead of ",
            literal(labels_of(node, result.before), "bold"),
            literal(f" to “{node.heading}”:"),
        )
    ]
    lines += [Content.assemble(("+ Added: ", "bold"), literal(w)) for w in result.change.added]
    lines += [Content.assemble(("− Dropped: ", "bold"), literal(w)) for w in result.change.dropped]
    if result.change.unchanged:
        lines.append(Content("= Nothing on the summary would change."))
    if result.stopped_at is not None:
        question = result.stopped_at.heading
        lines.append(
            literal(
                f"The new route reaches a question you have not answered (“{question}”), so "
                "the summary below lists what the answers so far support."
            )
        )
    return Content("\n").join(lines)


class WhatIfScreen(ModalScreen[None]):
    """Escape goes back one step, and from the first step back to the summary."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["walk.tcss", "what_if.tcss"]  # summary styles too
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(id="what-if")
        self.session = session
        self.step = "question"
        self.node_id: str | None = None
        self.ticked: tuple[str, ...] = ()
        self.result: WhatIf | None = None
        """The last result shown (for the tests)."""

    def compose(self) -> ComposeResult:
        yield Static("What if…", id="what-if-title", markup=False)
        yield Static(PICK_QUESTION, id="what-if-hint", markup=False)
        yield Vertical(id="what-if-body")
        yield Static("", id="what-if-message", markup=False)
        with Horizontal(classes="actions"):
            yield Button("Continue", id="what-if-continue", variant="primary", compact=True)
            yield Button("Back", id="what-if-back", compact=True)
            yield Button("Back to my summary", id="what-if-close", compact=True)

    def on_mount(self) -> None:
        self.show_questions()

    # -- the three steps -----------------------------------------------------------------------
    def _show(self, step: str, hint: str, *widgets: Static | OptionList | SummaryView) -> None:
        self.step = step
        self.say("")
        self.query_one("#what-if-hint", Static).update(hint)
        self.query_one("#what-if-continue").display = step == "answer" and self._multi
        body = self.query_one("#what-if-body")
        body.remove_children()
        body.mount_all(widgets)
        if widgets:
            self.call_after_refresh(widgets[-1].focus)

    def show_questions(self) -> None:
        """Step 1: the questions answered on this route, each with the answer given."""
        rows = []
        for answer in self.session.answered:
            node = self.session.tree.nodes[answer.node]
            text = plain(shorten(node.heading, 60))
            text.append_text(plain(f" — {labels_of(node, answer.options)}", "bold"))
            rows.append(Option(text, id=answer.node))
        self.node_id = None
        self._show("question", PICK_QUESTION, OptionList(*rows, id="what-if-questions"))

    def show_answers(self, node_id: str) -> None:
        """Step 2: that question's answers, with the one given selected."""
        self.node_id = node_id
        node = self.session.tree.nodes[node_id]
        given = next(a.options for a in self.session.answered if a.node == node_id)
        self.ticked = given
        multi_hint = "Tick a different set of answers, then Continue."
        hint = multi_hint if self._multi else "Pick a different answer."
        self._show(
            "answer",
            hint,
            Static(literal(node.heading), id="what-if-prompt"),
            AnswerList(node.options, multi=self._multi, chosen=given, id="what-if-answers"),
        )

    def show_result(self, option_ids: tuple[str, ...]) -> None:
        """Step 3: what the changed answer adds and drops, then the whole new summary."""
        assert self.node_id is not None
        try:
            result = what_if(self.session, self.node_id, option_ids)
        except AnswerError as error:
            self.say(str(error))
            return
        self.result = result
        self._show(
            "result",
            "Your own answers have not changed.",
            self._change_box(result),
            SummaryView(result.summary, id="summary", rules=True, changeable=False),
        )

    @staticmethod
    def _change_box(result: WhatIf) -> Static:
        box = Static(change_lines(result), id="what-if-change")
        box.border_title = "What would change"
        return box

    # -- what the person did ---------------------------------------------------------------------
    @property
    def _multi(self) -> bool:
        return self.node_id is not None and self.session.tree.nodes[self.node_id].traits.many

    def say(self, message: str) -> None:
        line = self.query_one("#what-if-message", Static)
        line.update(literal(f"⚠ {message}" if message else ""))
        line.set_class(bool(message), "shown")

    def _try(self, option_ids: tuple[str, ...]) -> None:
        given = next(a.options for a in self.session.answered if a.node == self.node_id)
        if tuple(sorted(option_ids)) == tuple(sorted(given)):
            self.say("That is the answer you gave. Pick a different one to see what changes.")
            return
        self.show_result(option_ids)

    @on(OptionList.OptionSelected, "#what-if-questions")
    def _question_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.show_answers(event.option.id)

    @on(AnswerList.Picked)
    def _picked(self, event: AnswerList.Picked) -> None:
        self._try((event.option_id,))

    @on(AnswerList.Toggled)
    def _toggled(self, event: AnswerList.Toggled) -> None:
        assert self.node_id is not None
        self.ticked = answering_at(self.session, self.node_id).toggle(self.ticked, event.option_id)
        self.say("")
        self.query_one(AnswerList).show_chosen(self.ticked)

    @on(AnswerList.Submitted)
    def _submitted(self) -> None:
        self._try(self.ticked)

    @on(Button.Pressed, "#what-if-continue")
    def _continue(self, event: Button.Pressed) -> None:
        event.stop()
        self._try(self.ticked)

    @on(Button.Pressed, "#what-if-back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    @on(Button.Pressed, "#what-if-close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.close()

    def close(self) -> None:
        """Back to the summary, once (a key and a click can arrive together)."""
        if self.is_active:
            self.dismiss()

    def action_back(self) -> None:
        """One step back; from the list of questions, back to the summary."""
        if self.step == "question":
            self.close()
        else:
            self.show_questions()
