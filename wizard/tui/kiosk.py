"""Kiosk mode: the app on a shared screen, used by strangers one after another.

What a kiosk must guarantee, and where each guarantee comes from:

- Nobody leaves the app or reaches a shell. Textual puts the terminal in raw mode with signals
  off (no ISIG), so ctrl+c, ctrl+z and ctrl+\\ arrive as keys, never as SIGINT, SIGTSTP or
  SIGQUIT; `TEXTUAL_ALLOW_SIGNALS` would turn them back on, so the kiosk removes it from its
  environment. As keys, Textual binds ctrl+q to quit (priority) and ctrl+c to "help quit" (a
  notice) and "copy"; the app binds q to quit; ctrl+p opens the command palette (already off in
  this app). The kiosk binds every one of them, at the app with priority, to an action that does
  nothing, so no notice, no dialog and no palette appear. The way out for staff is the admin key
  (ADMIN_KEY) followed by the PIN in `WIZARD_ADMIN_PIN`; with no PIN set the key does nothing.
  A signal from the operator (SIGTERM, SIGINT with `kill`) still stops the program.
- The next visitor sees nothing of the last one. After `idle_timeout` seconds without input, a
  countdown asks "Still there?"; when it runs out (or the visitor presses "I'm done", or starts
  over) `forget_visitor` drops every screen and the session itself, and opens a new welcome
  screen: no answer, fact, summary, scroll position, dialog or notice survives.
- Nothing is written to disk: Save and Copy are not offered (the config says so to the summary
  screen), links are never opened (every Markdown widget has `open_links=False`, and the
  config's `can_open_links` is off, so `open_url` does nothing) and Textual's screenshot action
  is off. Printing goes to the operator's print command only (see wizard.render.printing).
"""

from __future__ import annotations

import os
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType

from wizard.tui.app import WizardApp
from wizard.tui.config import AppConfig
from wizard.tui.screens.admin_pin import AdminPinModal
from wizard.tui.screens.still_there import StillThereModal
from wizard.tui.screens.welcome import WelcomeScreen

if TYPE_CHECKING:
    from wizard.model.tree import Tree

ADMIN_KEY = "ctrl+x"
"""Opens the admin PIN dialog (only when a PIN is set). Not F12: browsers keep F12 for their
developer tools, and the kiosk also runs in a browser (`wizard serve --kiosk`)."""

BLOCKED_KEYS = ("ctrl+q", "ctrl+c", "super+c", "ctrl+z", "ctrl+backslash", "ctrl+p")
"""Keys that quit, suspend, copy or open the palette elsewhere; here they do nothing."""


class KioskApp(WizardApp):
    """The wizard with no way out for visitors and a clean slate for each of them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(",".join(BLOCKED_KEYS), "ignore", show=False, priority=True),
        # Not a priority binding, so q can still be typed into the admin PIN.
        Binding("q", "ignore", show=False),
        Binding(ADMIN_KEY, "admin", show=False, priority=True),
    ]

    def __init__(self, tree: Tree, config: AppConfig) -> None:
        os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)  # keep ctrl+c/z/\ keys, never signals
        super().__init__(tree, config)
        self.add_class("-kiosk")
        self._last_input = monotonic()
        self.resets = 0
        """How many times a visitor's session has been wiped (for the log and the tests)."""

    # -- input ---------------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """Every key and mouse action counts as someone being there.

        While "Still there?" shows, a key only cancels the countdown (it is not also applied to
        the page, where it could pick an answer); a click cancels it and goes to the dialog.
        """
        if isinstance(event, events.InputEvent | events.Paste):
            self._last_input = monotonic()
            waiting = self.screen if isinstance(self.screen, StillThereModal) else None
            if waiting is not None and isinstance(event, events.Key):
                waiting.close(True)
                return
            await super().on_event(event)
            if waiting is not None and isinstance(event, events.MouseDown):
                waiting.close(True)
            return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The kiosk's own keys work everywhere, dialogs included, so they always swallow."""
        if action in ("ignore", "admin"):
            return True
        return super().check_action(action, parameters)

    def action_ignore(self) -> None:
        """A key a kiosk visitor must not use: do nothing, and show nothing."""

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Textual's screenshot action writes a file; a kiosk writes nothing."""

    def action_admin(self) -> None:
        """Ask for the admin PIN; the right one closes the app. No PIN set: nothing happens."""
        pin = self.config.admin_pin
        if not pin or isinstance(self.screen, AdminPinModal):
            return

        def done(right: bool | None) -> None:
            if right:
                self.exit()

        self.push_screen(AdminPinModal(pin), done)

    # -- idle visitors ----------------------------------------------------------------------------
    def on_mount(self) -> None:
        """Look for an idle visitor a few times per timeout (at least once a second)."""
        step = min(1.0, max(self.config.idle_timeout / 4, 0.05))
        self.set_interval(step, self._check_idle)

    def _left_behind(self) -> bool:
        """True when the screen shows anything a visitor did: a walk, a dialog, their colours."""
        return self.started or len(self.screen_stack) > 2 or self.theme != self.config.theme

    def _check_idle(self) -> None:
        """Named so as not to collide with Textual's Idle event handler (`on_idle`)."""
        if isinstance(self.screen, StillThereModal):
            return
        if not self._left_behind():
            self._last_input = monotonic()
            return
        if monotonic() - self._last_input >= self.config.idle_timeout:
            self.ask_still_there()

    def ask_still_there(self) -> None:
        """Show the countdown; when it runs out, forget the visitor."""

        def done(still_here: bool | None) -> None:
            self._last_input = monotonic()
            if still_here is False:
                self.forget_visitor()

        self.push_screen(StillThereModal(self.config.countdown), done)

    def forget_visitor(self) -> None:
        """Wipe everything the last visitor did and open a fresh welcome screen.

        Not `Session.restart()` under the old pages: every screen above Textual's base screen
        is removed (their widgets, scroll positions and answers with them), the session is
        dropped (a new one is made on first use), notices are cleared and the kiosk's colours
        come back. What is left cannot show or lead back to anything of theirs.
        """
        self.resets += 1
        self.log.info("kiosk: visitor's session cleared")
        self._session = None
        self.started = False
        self.clear_notifications()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(WelcomeScreen(self.guide, self.config))
        if self.theme != self.config.theme:
            self.theme = self.config.theme
        self.remove_class("-tree-on", "-tree-off")
        self._last_input = monotonic()

    def start_over(self) -> None:
        """Start over at a kiosk is the same clean slate as a reset."""
        self.forget_visitor()
