"""Before Save writes anything: where the files will go, shown as a whole path the person can
change, and the names of the two files.

The dialog only chooses the folder; the summary screen then asks before replacing files and
writes them (the rules are in wizard/render/saving.py, which has no Textual). A folder that does not
exist yet is created only after the person presses Save a second time, having read its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from wizard.render.saving import FolderError, SummaryFiles, choose_folder, make_folder
from wizard.render.words import t
from wizard.tui.screens.dialog import Dialog


class SaveModal(Dialog[Path | None]):
    """Returns the folder to save in (it exists by then), or None (cancel).

    The folder field has the focus with its whole path in it: Enter saves there, typing changes
    it. Escape cancels.
    """

    AUTO_FOCUS = "#folder"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("cancel"), show=False),
    ]

    def __init__(self, files: SummaryFiles) -> None:
        super().__init__()
        self.files = files
        self._create: Path | None = None
        """A missing folder the person has been told about; Save again creates it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="save") as dialog:
            dialog.border_title = t("save_title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self._files_text(), classes="dialog-text", markup=False)
                yield Static(t("save_folder"), classes="dialog-label", markup=False)
                yield Input(str(self.files.folder), id="folder", select_on_focus=False)
                yield Static("", id="save-message", classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-actions"):
                yield Button(t("save"), id="save-here", variant="primary", action="screen.save")
                yield Button(t("cancel"), id="cancel", action="screen.cancel")

    def _files_text(self) -> str:
        files = self.files
        if files.fhir is None:
            return t("save_files", markdown=files.markdown.name, html=files.html.name)
        return t(
            "save_files_fhir", markdown=files.markdown.name, html=files.html.name,
            fhir=files.fhir.name,
        )

    def say(self, message: str) -> None:
        """One sentence under the folder field (why not, or what Save will do next)."""
        line = self.query_one("#save-message", Static)
        line.update(message)
        line.set_class(bool(message), "shown")

    def action_save(self) -> None:
        """Check the typed folder; create it on the second Save if it is missing; close."""
        typed = self.query_one("#folder", Input).value
        try:
            choice = choose_folder(typed)
            if choice.missing:
                if self._create != choice.folder:
                    self._create = choice.folder
                    self.say(t("save_create", folder=str(choice.folder)))
                    return
                make_folder(choice.folder)
        except FolderError as error:
            self._create = None
            self.say(str(error))
            return
        self.close(choice.folder)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A changed path is a new question: forget a pending "create it"."""
        event.stop()
        if self._create is not None:
            self._create = None
            self.say("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.close(None)
