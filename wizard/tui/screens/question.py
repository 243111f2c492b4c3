"""A question: a single choice or a multi-select, with its help and a message line.

What is ticked, whether an answer is allowed and where it leads are the session's to say: the
screen keeps only the ticks shown (built with `Session.toggle`), asks `Session.validate` before
accepting a tick, and shows `AnswerError` messages in words on the page, never as a beep.
What the page says (prompt, pick rule, answers with their keys, urgent advice) is the shared
page view's (wizard/render/pageview.py). Every answer has one key (1-9, then letters); when the
list is longer than the screen, a line under it says how many answers are below.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from wizard.model.machine import AnswerError, Session
from wizard.render.pageview import OPTION_KEYS
from wizard.render.words import refusal, t, t_count
from wizard.tui.config import AppConfig
from wizard.tui.messages import AnswerGiven
from wizard.tui.screens.base import WalkScreen
from wizard.tui.widgets.answer_list import AnswerList
from wizard.tui.widgets.tree_markdown import TreeMarkdown
from wizard.tui.widgets.tree_text import literal


class QuestionScreen(WalkScreen):
    """One choice or multi node; the app replaces it once the session moves on."""

    AUTO_FOCUS = "AnswerList"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "toggle_help", t("help"), key_display="?"),
        *(Binding(key, f"number({n})", show=False) for n, key in enumerate(OPTION_KEYS)),
    ]

    def __init__(self, session: Session, config: AppConfig) -> None:
        super().__init__(session, config)
        self.multi = self.node.traits.many
        self.ticked: tuple[str, ...] = session.preselected
        """For a multi-select: the answers ticked so far. It starts from the session's
        pre-selection and changes only through `Session.toggle`."""

    def compose_page(self) -> ComposeResult:
        view = self.view
        with VerticalScroll(id="question", classes="-urgent" if view.urgent else ""):
            yield Static(literal(view.heading), id="prompt")
            if view.rule:
                yield Static(view.rule, id="hint", markup=False)
            yield from self.urgent_advice()
            with Vertical(id="help") as help_box:  # filled when first shown (`_help`)
                help_box.display = False
                help_box.border_title = t("help")
        with Vertical(id="answers-box"):
            yield AnswerList(view.options, multi=self.multi, id="answers")
            yield Static("", id="more-below", markup=False)
        yield Static("", id="message", markup=False)
        with Horizontal(classes="actions"):
            yield Button(t("continue"), id="continue", variant="primary", compact=True,
                         action="screen.go_on")
            yield Button(t("back"), id="back", compact=True, action="screen.go_back")

    def on_mount(self) -> None:
        answers = self.answers
        self.watch(answers, "scroll_y", self._show_more_below, init=False)
        self.watch(answers, "virtual_size", self._show_more_below, init=False)
        self.watch(answers, "size", self._show_more_below, init=False)
        self.call_after_refresh(self._show_more_below)

    def _show_more_below(self) -> None:
        """The cue under the list when answers are below the fold ("↓ 2 more answers below").

        Called after a refresh and by watchers, so it can come when the screen has already been
        replaced and its widgets removed (a fast answer, a live reload): then there is no cue to
        draw.
        """
        lists, cues = self.query(AnswerList), self.query("#more-below").results(Static)
        cue = next(cues, None)
        if not lists or cue is None:
            return
        below = lists.first().hidden_below()
        cue.update(t_count("more_below", below) if below else "")
        cue.set_class(bool(below), "shown")

    # -- what the person did ------------------------------------------------------------------
    @property
    def answers(self) -> AnswerList:
        return self.query_one(AnswerList)

    def say(self, message: str) -> None:
        """Show a message (or clear it, with an empty string) under the answers."""
        line = self.query_one("#message", Static)
        line.update(literal(t("warning_line", message=message) if message else ""))
        line.set_class(bool(message), "shown")

    def pick(self, option_id: str) -> None:
        """Answer a single choice; the app shows whatever comes next."""
        self.submit((option_id,))

    def submit(self, option_ids: tuple[str, ...]) -> None:
        """Check the answer here (its message belongs on this page), then tell the app."""
        try:
            self.session.validate(self.node, option_ids)
        except AnswerError as error:
            self.say(refusal(error))
            return
        self.post_message(AnswerGiven(self.node.id, option_ids))

    def toggle(self, option_id: str) -> None:
        """Tick or untick; a tick the session would refuse (over the maximum) is not made."""
        if self.session.current.id != self.node.id:  # input queued for a page already left
            return
        ticked = self.session.toggle(self.ticked, option_id)
        try:
            self.session.validate(self.node, ticked)
        except AnswerError as error:
            if len(ticked) > len(self.ticked):
                self.say(refusal(error))
                return
        self.say("")
        self.ticked = ticked
        self.answers.show_chosen(ticked)

    def action_go_on(self) -> None:
        """Continue: submit the ticks, or pick the highlighted single choice."""
        if self.multi:
            self.submit(self.ticked)
        elif (option_id := self.answers.highlighted_id) is not None:
            self.pick(option_id)

    @on(AnswerList.Picked)
    def _picked(self, event: AnswerList.Picked) -> None:
        self.pick(event.option_id)

    @on(AnswerList.Toggled)
    def _toggled(self, event: AnswerList.Toggled) -> None:
        self.toggle(event.option_id)

    @on(AnswerList.Submitted)
    def _submitted(self) -> None:
        self.action_go_on()

    def action_number(self, index: int) -> None:
        """An answer's key: pick that answer (single choice) or tick it (multi-select)."""
        if index >= len(self.node.options):
            return
        self.answers.point_at(index)
        option_id = self.node.options[index].id
        if self.multi:
            self.toggle(option_id)
        else:
            self.pick(option_id)

    def _help(self) -> ComposeResult:
        """The help under the prompt: the question's own help, the draft notice, the keys."""
        node, view = self.node, self.view
        if node.help:  # Markdown, as authors write it; the view's paragraphs are plain
            yield TreeMarkdown(node.help, id="help-text")
        if view.draft:
            yield Static(view.draft, id="help-draft", markup=False)
        yield Static(view.keys_help, id="help-keys", markup=False)

    def action_toggle_help(self) -> None:
        """Show or hide the help under the prompt (the question's own help and the keys).

        Its widgets are made the first time it is shown: most pages are answered without it,
        and a hidden Markdown widget still costs its parse and its styles on every page change
        (see docs/performance.md)."""
        box = self.query_one("#help")
        if not box.children:
            box.mount_all(self._help())
        box.display = not box.display
        if box.display:  # on a short terminal the help may start below the fold
            self.call_after_refresh(box.scroll_visible, animate=False)
