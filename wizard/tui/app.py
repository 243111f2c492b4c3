"""The Textual app: one session of a tree, shown one screen at a time.

The app owns the `Session` and is the one place that maps "where the session is" to "which screen
is showing" (`show_current`). Screens ask the session what to show and post what the person did
as messages (wizard/tui/messages.py) that the app acts on; none of them walks the tree or calls
the app. The command line and the tests build the app through `create_app` (launch.py), so both
run exactly the same thing.

Only the welcome screen is imported at start-up: the question, summary and modal screens (and
the summary renderers behind Save and Copy) are imported the first time they are needed, which
keeps the first paint close to that of a bare Textual app.
"""

from __future__ import annotations

from collections.abc import Sequence
from time import perf_counter
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from wizard.render.printing import Printer
from wizard.render.words import t
from wizard.tui.check_messages import ChangeRequested, CheckRequested, SummaryRequested
from wizard.tui.config import AppConfig
from wizard.tui.messages import (
    AnswerGiven,
    BackRequested,
    FolderChosen,
    StartOverRequested,
    StartRequested,
)
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.themes import build_themes, next_theme

if TYPE_CHECKING:
    from wizard.model.machine import Session
    from wizard.model.tree import RedFlag, Tree


WARM_UP_DELAY = 0.1
"""Seconds after the first screen is drawn before the walk is got ready: the welcome screen is
shown and answering input first; nobody has read it and pressed Start that soon."""


class WizardApp(App[None]):
    """Walks a person through one tree and ends with a summary they can keep."""

    CSS_PATH = "wizard.tcss"
    ENABLE_COMMAND_PALETTE = False
    TITLE = t("app_title")
    # Textual declares this as an instance variable, so it cannot be annotated ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    """Screens narrower than 100 columns have no room for the educator's tree panel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "request_quit", t("quit"), show=False, priority=True),
        Binding("q", "request_quit", t("quit")),
        Binding("question_mark,f1", "show_keys", t("help"), key_display="?"),
        Binding("ctrl+r", "start_over", t("start_over"), key_display="^r"),
        Binding("ctrl+t", "cycle_theme", t("colours"), key_display="^t"),
        Binding("ctrl+e", "toggle_tree_panel", t("tree"), key_display="^e"),
    ]

    def __init__(self, tree: Tree, config: AppConfig | None = None) -> None:
        self._started_at = perf_counter()
        super().__init__()
        self.guide = tree
        """The decision tree (App.tree is Textual's own widget tree)."""
        self.config = config or AppConfig()
        self._session: Session | None = None
        self.save_folder = self.config.save_dir
        """Where Save offers to put the summary: the last folder chosen, at first the config's."""
        self.started = False
        """False while the welcome screen shows: the person has not pressed Start yet."""
        self.startup_seconds: float | None = None
        self.checking = False
        """At the end of a route, show "Check your answers" (screens/check.py), not the summary:
        true once the last question is answered (as on the web pages and GOV.UK forms) and from
        the summary's "Check or change your answers", until the person asks for the summary
        (an answer changed from the check comes back to it)."""
        self._changing: tuple[Session, str] | None = None
        """While one answer is being changed from the check: the session as it was, and the
        question asked again (the app's session is a fork of it, at that question)."""
        self._earlier: tuple[str, ...] = ()
        """The questions answered before the last change, to say which no longer fit."""
        self.printer = Printer(self.config.print_command) if self.config.print_command else None
        """Print's one job at a time and limit per minute, kept for the app's whole life."""
        self._use_theme(self.config.theme)

    def _use_theme(self, name: str) -> None:
        """Register our themes and start in `name` without re-parsing the CSS.

        Setting `App.theme` re-parses every stylesheet (about 20 ms, a tenth of start-up); before
        the first parse there is nothing to redo, so the value is set quietly and the colour
        variables and light/dark classes are set up as `App.__init__` does for its own default.
        """
        for theme in build_themes():
            self.register_theme(theme)
        self.set_reactive(WizardApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.add_class(f"-theme-{name}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)

    @property
    def session(self) -> Session:
        """The person's session, made on first use: the welcome screen needs only the tree,
        so the state machine (and its import) stays out of the first paint."""
        if self._session is None:
            from wizard.model.machine import Session

            self._session = Session(self.guide)
        return self._session

    # -- start-up -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        """Open on the welcome screen, above Textual's blank base screen: pages replace each
        other with `switch_screen`, which cannot replace the base screen itself."""
        self.push_screen(WelcomeScreen(self.guide, self.config))

    def on_ready(self) -> None:
        """Log how long the first screen took to draw (the startup benchmark measures it too),
        then get the walk ready while the person reads the welcome screen."""
        self.startup_seconds = perf_counter() - self._started_at
        self.log.info(f"first screen drawn in {self.startup_seconds:.3f}s")
        self.set_timer(WARM_UP_DELAY, self._get_ready_for_the_walk)

    def _get_ready_for_the_walk(self) -> None:
        """Do once, off the key path, what the first page of the walk would otherwise pay for
        when Start is pressed: import the walk's screens (and Markdown behind them), build the
        session (and its state machine), and parse the walk's stylesheet.

        Then what exists now (Textual, the tree, the session, the screens' modules) is kept out
        of the garbage collector's way (wizard/tui/heap.py).
        """
        from wizard.tui.heap import keep_for_the_session
        from wizard.tui.screens import info, question, summary
        from wizard.tui.screens.base import WalkScreen

        del info, question, summary
        assert self.session is not None
        stylesheet = self.stylesheet
        for path in WalkScreen(self.session, self.config).css_path:
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
                stylesheet.reparse()
                stylesheet.update(self)
        keep_for_the_session()

    def on_unmount(self) -> None:
        """The app is ending: what the warm-up froze may be collected again."""
        from wizard.tui.heap import let_go

        let_go()

    # -- where the person is --------------------------------------------------------------------
    def show_current(self, raised: Sequence[RedFlag] = ()) -> None:
        """Show the screen for the session's current node, then any red flags just raised.

        The stack is always Textual's base screen, one page (the welcome screen or a step of
        the walk), and any dialogs above it. Red flags are pushed last-first so the first one
        raised is read first; the page under them keeps their advice (screens/base.py).
        """
        self._drop_modals()
        if not self.started:
            self.switch_screen(WelcomeScreen(self.guide, self.config))
            return
        traits = self.session.current.traits
        screen: Screen[None]
        if traits.ends and self.checking:
            from wizard.model.replay import left_out
            from wizard.tui.screens.check import CheckScreen

            screen = CheckScreen(self.session, self.config, left_out(self.session, self._earlier))
        elif traits.ends:
            from wizard.tui.screens.summary import SummaryScreen

            screen = SummaryScreen(self.session, self.config, self.save_folder, self.printer)
        elif not traits.question:
            from wizard.tui.screens.info import InfoScreen

            screen = InfoScreen(self.session, self.config)
        else:
            from wizard.tui.screens.question import QuestionScreen

            screen = QuestionScreen(self.session, self.config)
        self.switch_screen(screen)
        if raised:
            from wizard.tui.screens.red_flag import RedFlagModal

            for flag in reversed(raised):
                self.push_screen(RedFlagModal(flag))

    def _drop_modals(self) -> None:
        """Close any dialog still open, so a switch replaces the page, never a dialog."""
        while len(self.screen_stack) > 2 and isinstance(self.screen, ModalScreen):
            self.pop_screen()

    # -- what the person did --------------------------------------------------------------------
    # Pages pass the node they show. Input can be queued behind a change of page (a quick typist,
    # a double click), so a request from a page the app has already left is dropped, never
    # applied to whatever node is current by then.
    def _showing(self, node_id: str) -> bool:
        return self.started and self.session.current.id == node_id

    def start_session(self) -> None:
        """Leave the welcome screen for the first step of the tree."""
        if self.started:
            return
        self.started = True
        self.show_current()

    def submit_answer(self, node_id: str, option_ids: Sequence[str]) -> None:
        """Answer the node `node_id` (the current one) and move on.

        AnswerError reaches the calling page, which shows its message.
        """
        if not self._showing(node_id):
            return
        if self._changing is not None and self._changing[1] == node_id:
            self._changed(node_id, option_ids)
            return
        raised = self.session.answer(option_ids)
        if self.session.finished:  # the last answer: check them all before the summary
            self.checking = True
        self.show_current(raised)

    def _changed(self, node_id: str, option_ids: Sequence[str]) -> None:
        """The question asked again from the check is answered: the later answers that still
        fit are kept (model.replay.change_answer); questions the new route reaches that were
        never asked come first, then the check again. AnswerError reaches the page."""
        from wizard.model.replay import change_answer

        assert self._changing is not None
        original = self._changing[0]
        changed = change_answer(original, node_id, option_ids)
        self._changing = None
        self._earlier = tuple(answer.node for answer in original.history)
        self._session = changed.session
        self.checking = True
        self.show_current(changed.raised)

    def change_from_check(self, node_id: str) -> None:
        """Ask the question `node_id` again, on a fork of the session (Back, or Escape, returns
        to the check with every answer as it was)."""
        if not (self.started and self.session.finished and self.checking):
            return
        original = self.session
        asked = original.fork()
        if not asked.go_to(node_id):
            return
        self._changing = (original, node_id)
        self._session = asked
        self.show_current()

    def forget_checking(self) -> None:
        """Nothing of the check (the session as it was, what no longer fits) outlives a
        start over or a kiosk reset."""
        self.checking = False
        self._changing = None
        self._earlier = ()

    def step_back(self, node_id: str) -> None:
        """Back one step from `node_id` with the earlier answer selected; from the first step,
        back to the welcome screen."""
        if not self._showing(node_id):
            return
        if self._changing is not None and self._changing[1] == node_id:
            self._session = self._changing[0]  # back to the check, nothing changed
            self._changing = None
            self.show_current()
            return
        if not self.session.back():
            self.started = False
        self.show_current()

    def action_start_from_welcome(self) -> None:
        """The welcome screen's key bar: Enter, or a click on it."""
        self.start_session()

    def action_jump_to(self, node_id: str) -> None:
        """A breadcrumb (or a summary answer) was clicked: return to that question."""
        if self.started and self.session.go_to(node_id):
            self._changing = None  # the breadcrumb leaves the change for a walk on from there
            self.show_current()

    def start_over(self) -> None:
        """Forget every answer and return to the welcome screen."""
        self.session.restart()
        self.started = False
        self.forget_checking()
        self.show_current()

    # -- what the pages report (wizard/tui/messages.py) -----------------------------------------
    @on(StartRequested)
    def _start_requested(self, message: StartRequested) -> None:
        self.start_session()

    @on(AnswerGiven)
    def _answer_given(self, message: AnswerGiven) -> None:
        from wizard.model.machine import AnswerError

        try:
            self.submit_answer(message.node_id, message.option_ids)
        except AnswerError as error:  # the page checked first; a change of page came between
            self.log.warning(f"answer to {message.node_id} not taken: {error}")

    @on(BackRequested)
    def _back_requested(self, message: BackRequested) -> None:
        self.step_back(message.node_id)

    @on(StartOverRequested)
    def _start_over_requested(self, message: StartOverRequested) -> None:
        if message.ask_first:
            self.action_start_over()
        else:
            self.start_over()

    @on(CheckRequested)
    def _check_requested(self, message: CheckRequested) -> None:
        if self.started and self.session.finished:
            self._earlier = ()
            self.checking = True
            self.show_current()

    @on(ChangeRequested)
    def _change_requested(self, message: ChangeRequested) -> None:
        self.change_from_check(message.node_id)

    @on(SummaryRequested)
    def _summary_requested(self, message: SummaryRequested) -> None:
        if self.started and self.session.finished:
            self.checking = False
            self._earlier = ()
            self.show_current()

    @on(FolderChosen)
    def _folder_chosen(self, message: FolderChosen) -> None:
        self.save_folder = message.folder

    # -- app-wide keys ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a dialog is open, only quitting (to ask first), colours, and Tab and Shift+Tab
        (which move the focus within the dialog) work underneath."""
        if action == "request_quit" and not self.config.can_quit:
            return False
        if action == "toggle_tree_panel" and not self.config.shows_tree:
            return False
        top = self.screen
        if isinstance(top, ModalScreen):
            from wizard.tui.screens.confirm import ConfirmModal

            if action == "request_quit":
                return not isinstance(top, ConfirmModal)
            return action in ("cycle_theme", "focus_next", "focus_previous")
        return True

    def action_request_quit(self) -> None:
        """Quit; once something has been answered, ask first, since answers are not kept."""
        if not self.session.history:
            self.exit()
            return
        from wizard.tui.screens.confirm import ConfirmModal

        def done(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        self.push_screen(
            ConfirmModal(
                t("quit_title"),
                t("quit_text"),
                yes=t("quit"),
                no=t("keep_going"),
            ),
            done,
        )

    def action_start_over(self) -> None:
        """Start over from the welcome screen, after asking when there is something to lose."""
        if not self.session.history and not self.started:
            return
        from wizard.tui.screens.confirm import ConfirmModal

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.start_over()

        self.push_screen(
            ConfirmModal(
                t("start_over_title"),
                t("start_over_text"),
                yes=t("start_over"),
                no=t("keep_answers"),
            ),
            done,
        )

    def action_show_keys(self) -> None:
        """Show the key bindings in plain words."""
        from wizard.tui.screens.help import HelpModal

        self.push_screen(HelpModal(self.config))

    def action_toggle_tree_panel(self) -> None:
        """Educator: show or hide the tree panel; the choice holds for the pages that follow
        (the panel's own rule, wide or narrow, is in screens/walk.tcss)."""
        from wizard.tui.widgets.tree_panel import TreePanel

        panels = self.screen.query(TreePanel)
        if not panels:
            return
        show = not panels.first().display
        self.set_class(show, "-tree-on")
        self.set_class(not show, "-tree-off")

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Open a link only where the run allows it (never at a kiosk; Markdown from a tree
        already has `open_links=False`: this catches any other link)."""
        if not self.config.can_open_links:
            self.log.info(f"not opening {url}: links are off in this run")
            return
        super().open_url(url, new_tab=new_tab)

    def action_cycle_theme(self) -> None:
        """Switch to the next of the three themes; resizing or theming never loses answers."""
        self.theme = next_theme(self.theme)
        self.notify(t("theme_now", theme=self.theme), timeout=2)
