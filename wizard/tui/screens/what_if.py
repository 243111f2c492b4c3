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
from wizard.render.pageview import build_page
from wizard.render.words import pieces, refusal, t
from wizard.tui.educator import WhatIf, answering_at, labels_of, shorten, what_if
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.summary_view import SummaryView
from wizard.tui.widgets.tree_text import literal, plain


def change_lines(result: WhatIf) -> Content:
    """The difference in words: what would be added and dropped, or that nothing changes."""
    node = result.node
    blanks = {
        "after": literal(labels_of(node, result.after), "bold"),
        "before": literal(labels_of(node, result.before), "bold"),
        "question": literal(node.heading),
    }
    intro: list[Content] = []
    for text, blank in pieces("what_if_intro"):
        intro.append(Content(text))
        if blank:
            intro.append(blanks[blank])
    lines = [Content("").join(intro)]
    added, dropped = t("what_if_added"), t("what_if_dropped")
    lines += [Content.assemble((added, "bold"), literal(w)) for w in result.change.added]
    lines += [Content.assemble((dropped, "bold"), literal(w)) for w in result.change.dropped]
    if result.change.unchanged:
        lines.append(Content(t("what_if_nothing")))
    if result.stopped_at is not None:
        lines.append(literal(t("what_if_stopped", question=result.stopped_at.heading)))
    return Content("\n").join(lines)


class WhatIfScreen(ModalScreen[None]):
    """Escape goes back one step, and from the first step back to the summary."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["walk.tcss", "what_if.tcss"]  # summary styles too
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", t("back")),
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
        yield Static(t("what_if_title"), id="what-if-title", markup=False)
        yield Static(t("what_if_pick_question"), id="what-if-hint", markup=False)
        yield Vertical(id="what-if-body")
        yield Static("", id="what-if-message", markup=False)
        with Horizontal(classes="actions"):
            yield Button(t("continue"), id="what-if-continue", variant="primary", compact=True)
            yield Button(t("back"), id="what-if-back", compact=True, action="screen.back")
            yield Button(t("what_if_back"), id="what-if-close", compact=True,
                         action="screen.close")

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
        questions = OptionList(*rows, id="what-if-questions")
        self._show("question", t("what_if_pick_question"), questions)

    def show_answers(self, node_id: str) -> None:
        """Step 2: that question's answers, with the one given selected."""
        self.node_id = node_id
        node = self.session.tree.nodes[node_id]
        given = next(a.options for a in self.session.answered if a.node == node_id)
        self.ticked = given
        hint = t("what_if_tick_answers" if self._multi else "what_if_pick_answer")
        self._show(
            "answer",
            hint,
            Static(literal(node.heading), id="what-if-prompt"),
            AnswerList(
                build_page(answering_at(self.session, node_id), chosen=given).options,
                multi=self._multi,
                id="what-if-answers",
            ),
        )

    def show_result(self, option_ids: tuple[str, ...]) -> None:
        """Step 3: what the changed answer adds and drops, then the whole new summary."""
        assert self.node_id is not None
        try:
            result = what_if(self.session, self.node_id, option_ids)
        except AnswerError as error:
            self.say(refusal(error))
            return
        self.result = result
        self._show(
            "result",
            t("what_if_unchanged_answers"),
            self._change_box(result),
            SummaryView(result.summary, id="summary", rules=True, changeable=False,
                        fold=False),
        )

    @staticmethod
    def _change_box(result: WhatIf) -> Static:
        box = Static(change_lines(result), id="what-if-change")
        box.border_title = t("what_if_change")
        return box

    # -- what the person did ---------------------------------------------------------------------
    @property
    def _multi(self) -> bool:
        return self.node_id is not None and self.session.tree.nodes[self.node_id].traits.many

    def say(self, message: str) -> None:
        line = self.query_one("#what-if-message", Static)
        line.update(literal(t("warning_line", message=message) if message else ""))
        line.set_class(bool(message), "shown")

    def _try(self, option_ids: tuple[str, ...]) -> None:
        given = next(a.options for a in self.session.answered if a.node == self.node_id)
        if tuple(sorted(option_ids)) == tuple(sorted(given)):
            self.say(t("what_if_same"))
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

    def action_close(self) -> None:
        """Back to the summary, once (a key and a click can arrive together)."""
        if self.is_active:
            self.dismiss()

    def action_back(self) -> None:
        """One step back; from the list of questions, back to the summary."""
        if self.step == "question":
            self.action_close()
        else:
            self.show_questions()
