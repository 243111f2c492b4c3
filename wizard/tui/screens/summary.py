"""The end of the walk: the summary, and Save, Copy, Change an answer, Start over.

What is offered comes from the run's capabilities (wizard/tui/config.py): Save, Copy, Print,
"I'm done" (a clean slate for the next person), each item's rule and "What if…".

Save shows the folder first (screens/save.py), asks before replacing (screens/overwrite.py) and
leaves the writing to wizard/render/saving.py; what happened is one sentence in the line above the
buttons, never a notification that could cover them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Static

from wizard.model.machine import Session
from wizard.model.teach_back import teach_back_for
from wizard.render.printing import Printer
from wizard.render.saving import SummaryFiles, default_files, free_files, write_summary
from wizard.render.words import t, t_count
from wizard.tui.check_messages import CheckRequested
from wizard.tui.config import AppConfig
from wizard.tui.messages import FolderChosen, StartOverRequested
from wizard.tui.screens.base import WalkScreen
from wizard.tui.screens.overwrite import OverwriteChoice, OverwriteModal
from wizard.tui.widgets.summary_view import SummaryView
from wizard.tui.widgets.take_home import TakeHomeBox
from wizard.tui.widgets.tree_text import literal

KIOSK_VISITOR = "terminal"
"""The terminal has one visitor at a time: one name for the printer's one-job-at-a-time rule."""


class SummaryScreen(WalkScreen):
    """Shows `Session.summary()`; long content scrolls inside the page, the buttons stay."""

    AUTO_FOCUS = "#summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "save", t("save"), show=False),  # the buttons name their keys
        Binding("c", "copy", t("copy"), show=False),
        Binding("p", "print", t("print"), show=False),
        Binding("w", "what_if", t("what_if"), show=False),
        Binding("k", "teach_back", t("teach_offer"), show=False),
        Binding("a", "check_answers", t("check_from_summary"), show=False),
    ]

    def __init__(
        self, session: Session, config: AppConfig, save_folder: Path | None = None,
        printer: Printer | None = None,
    ) -> None:
        super().__init__(session, config)
        self.printer = printer
        """The app's one printer (it outlives this screen, so its limits hold across visits)."""
        self.save_folder = save_folder or config.save_dir
        """Where Save offers to put the files: the last folder chosen in this run."""
        self.summary = session.summary()
        self.saved: SummaryFiles | None = None
        """The files written by the last Save that worked, for the tests."""

    def where(self) -> str:
        return t_count("summary_progress", len(self.summary.answers))

    def compose_page(self) -> ComposeResult:
        config = self.config
        yield SummaryView(self.summary, id="summary", rules=config.shows_rules,
                          after_opening=self._take_home())
        yield Static("", id="status", markup=False)
        with Horizontal(classes="actions"):
            if config.offers_done:
                yield Button(t("done_kiosk"), id="done", variant="primary", compact=True)
            if config.can_save:
                yield Button(t("save_key"), id="save", variant="primary", compact=True,
                             action="screen.save")
            if config.can_copy:
                yield Button(t("copy_key"), id="copy", compact=True, action="screen.copy")
            if config.can_print:
                yield Button(t("print_key"), id="print", compact=True, action="screen.print")
            if config.can_what_if:
                yield Button(t("what_if_key"), id="what-if", compact=True,
                             action="screen.what_if")
            if teach_back_for(self.summary):  # offered, never forced (screens/teach_back.py)
                yield Button(t("teach_offer_key"), id="teach-back", compact=True,
                             action="screen.teach_back")
            yield Button(t("check_from_summary_key"), id="change", compact=True,
                         action="screen.check_answers")
            yield Button(t("start_over"), id="restart", compact=True)

    def _take_home(self) -> list[TakeHomeBox]:
        """A kiosk with `--public-url`: the code and QR code that open this summary on a phone
        (widgets/take_home.py); nothing without one, so never a code that cannot open."""
        if self.config.take_home is None or not self.config.public_url:
            return []
        code, address = self.config.take_home.link(self.session, self.config.public_url)
        return [TakeHomeBox(code, address)]

    def tell(self, message: str) -> None:
        """Say what just happened (saved where, copied) in the line above the buttons."""
        status = self.query_one("#status", Static)
        status.update(literal(message))
        status.set_class(bool(message), "shown")

    # -- Save ---------------------------------------------------------------------------------
    def action_save(self) -> None:
        """Show where the files will go (the person may change it), then save Markdown and
        HTML; if files are already there, ask first: replace, new name, or cancel."""
        if not self.config.can_save:
            return
        from wizard.tui.screens.save import SaveModal

        def folder_chosen(folder: Path | None) -> None:
            if folder is None:
                self.tell(t("not_saved"))
                return
            self.save_folder = folder  # offered again next time, here and on later pages
            self.post_message(FolderChosen(folder))
            self._save_in(folder)

        files = default_files(self.save_folder, self.summary, self.config.save_fhir)
        self.app.push_screen(SaveModal(files), folder_chosen)

    def _save_in(self, folder: Path) -> None:
        files = default_files(folder, self.summary, self.config.save_fhir)
        if not files.exist:
            self._write(files)
            return

        def chosen(choice: OverwriteChoice | None) -> None:
            if choice == "replace":
                self._write(files)
            elif choice == "rename":
                self._write(free_files(folder, self.summary, self.config.save_fhir))
            else:
                self.tell(t("not_saved"))

        self.app.push_screen(OverwriteModal(files.describe()), chosen)

    def _write(self, files: SummaryFiles) -> None:
        """Write the pair; say in one sentence, in the line above the buttons, what happened.
        On a failure the summary stays as it is, to try again (or Copy)."""
        outcome = write_summary(files, self.summary)
        if outcome.ok:
            self.saved = files
        self.tell(outcome.message)

    # -- Copy ---------------------------------------------------------------------------------
    def action_copy(self) -> None:
        """Copy as plain text, which pastes anywhere (email, notes)."""
        if not self.config.can_copy:
            return
        from wizard.render.text import render_text

        self.app.copy_to_clipboard(render_text(self.summary))
        self.tell(t("copied"))

    # -- Print, What if, I'm done -------------------------------------------------------------
    def action_print(self) -> None:
        """Pipe the plain-text summary to the operator's print command, without waiting for it
        (a slow printer never freezes the page), and say how it went. A press while a copy is
        printing, or past the printer's limit per minute, is refused in a sentence: 40 presses
        are one copy, not 40 (never `exclusive`, which would cancel the job that runs)."""
        printer = self.printer
        if printer is None:
            return
        refused = printer.refusal(KIOSK_VISITOR)
        if refused is not None:
            self.tell(refused)
            return
        self.tell(t("printing"))
        self.run_worker(self._print(printer), group="print")

    async def _print(self, printer: Printer) -> None:
        from wizard.render.text import render_text

        outcome = await printer.send(KIOSK_VISITOR, render_text(self.summary, page_break=True))
        self.tell(outcome.message)

    def action_what_if(self) -> None:
        """Educators: change one answer on a copy of the session and compare the summaries."""
        if not self.config.can_what_if:
            return
        from wizard.tui.screens.what_if import WhatIfScreen

        self.app.push_screen(WhatIfScreen(self.session))

    def action_teach_back(self) -> None:
        """Check what you understood: the tree's own questions about this summary."""
        if not teach_back_for(self.summary):
            return
        from wizard.tui.screens.teach_back import TeachBackScreen

        self.app.push_screen(TeachBackScreen(self.summary))

    @on(Button.Pressed, "#done")
    def _done(self, event: Button.Pressed) -> None:
        """Kiosk: the visitor is finished; start over at once (the kiosk wipes everything)."""
        event.stop()
        self.post_message(StartOverRequested(ask_first=False))

    def action_check_answers(self) -> None:
        """Check your answers (screens/check.py): every answer, each with a key to change it."""
        self.post_message(CheckRequested())

    @on(Button.Pressed, "#restart")
    def _restart(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(StartOverRequested())
