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
- A stranger cannot guess the PIN by script: `PinGuard` (wizard/tui/pin.py) makes each try after
  the first few wait longer, across dialogs and visitors.
- A keyboard-emulating device cannot freeze the kiosk: keys beyond a person's pace are dropped
  before they are queued (`KeyBudget`), so 100 KB of typed keys cost next to nothing.

All of it reads time from one `Clock` (wizard/tui/clock.py), ticked by one app timer (`tick`), so
tests move time on by hand.
"""

from __future__ import annotations

import os
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from wizard.tui.app import WizardApp
from wizard.tui.clock import Clock
from wizard.tui.config import AppConfig
from wizard.tui.pin import PinGuard
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

KEY_BURST = 60
"""Keys taken at once (a person typing quickly, or holding an arrow key down for two seconds)."""
KEYS_PER_SECOND = 30.0
"""Keys taken per second after a burst: faster than a key held down repeats."""


class KeyBudget:
    """A token bucket for keys: `KEY_BURST` at once, then `KEYS_PER_SECOND` by the clock.

    No page uses more keys than a person can type; a device that types 100 KB without paste
    brackets would otherwise queue 100,000 key events, each handled in turn (tens of seconds of
    a frozen screen, hundreds of megabytes held). Keys over the budget are refused as they are
    posted, before they are queued, so a flood costs a comparison per key.
    """

    def __init__(self, clock: Clock, burst: int = KEY_BURST, rate: float = KEYS_PER_SECOND):
        self._clock = clock
        self._burst = float(burst)
        self._rate = rate
        self._tokens = float(burst)
        self._at = clock()
        self.dropped = 0
        """Keys refused so far (for the log and the tests)."""

    def take(self) -> bool:
        """True when one more key may be handled now; False (and counted) when it is dropped."""
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        self.dropped += 1
        return False


class KioskApp(WizardApp):
    """The wizard with no way out for visitors and a clean slate for each of them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(",".join(BLOCKED_KEYS), "ignore", show=False, priority=True),
        # Not a priority binding, so q can still be typed into the admin PIN.
        Binding("q", "ignore", show=False),
        Binding(ADMIN_KEY, "admin", show=False, priority=True),
    ]

    def __init__(self, tree: Tree, config: AppConfig, clock: Clock = monotonic) -> None:
        os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)  # keep ctrl+c/z/\ keys, never signals
        super().__init__(tree, config)
        self.add_class("-kiosk")
        self.clock = clock
        if self.printer is not None:
            self.printer.clock = clock
        self._last_input = clock()
        self.keys = KeyBudget(clock)
        self.pin_guard = PinGuard(config.admin_pin, clock) if config.admin_pin else None
        self.resets = 0
        """How many times a visitor's session has been wiped (for the log and the tests)."""

    def check_message_enabled(self, message: Message) -> bool:
        """Drop keys beyond a person's pace as they are posted (see `KeyBudget`)."""
        if isinstance(message, events.Key) and not self.keys.take():
            return False
        return super().check_message_enabled(message)

    # -- input ---------------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """Every key and mouse action counts as someone being there.

        While "Still there?" shows, a key only cancels the countdown (it is not also applied to
        the page, where it could pick an answer); a click cancels it and goes to the dialog.
        """
        if isinstance(event, events.InputEvent | events.Paste):
            self._last_input = self.clock()
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
        guard = self.pin_guard
        if guard is None or isinstance(self.screen, AdminPinModal):
            return

        def done(right: bool | None) -> None:
            if right:
                self.exit()

        self.push_screen(AdminPinModal(guard), done)

    # -- idle visitors ----------------------------------------------------------------------------
    def on_mount(self) -> None:
        """Tick a few times per timeout or countdown (at least once a second)."""
        shortest = min(self.config.idle_timeout, self.config.countdown)
        self.set_interval(min(1.0, max(shortest / 4, 0.05)), self.tick)

    def tick(self) -> None:
        """Read the clock: count "Still there?" down, or ask it when the visitor is idle.

        The app's timer calls this; tests call it after moving their clock on. The timer can
        still fire while the app is closing, after its last screen is gone: then there is no
        visitor left to count down for.
        """
        if not self.screen_stack:
            return
        if isinstance(self.screen, StillThereModal):
            self.screen.tick()
        else:
            self._check_idle()

    def _left_behind(self) -> bool:
        """True when the screen shows anything a visitor did: a walk, a dialog, their colours."""
        return self.started or len(self.screen_stack) > 2 or self.theme != self.config.theme

    def _check_idle(self) -> None:
        """Named so as not to collide with Textual's Idle event handler (`on_idle`)."""
        if isinstance(self.screen, StillThereModal):
            return
        if not self._left_behind():
            self._last_input = self.clock()
            return
        if self.clock() - self._last_input >= self.config.idle_timeout:
            self.ask_still_there()

    def ask_still_there(self) -> None:
        """Show the countdown; when it runs out, forget the visitor."""

        def done(still_here: bool | None) -> None:
            self._last_input = self.clock()
            if still_here is False:
                self.forget_visitor()

        self.push_screen(StillThereModal(self.config.countdown, self.clock), done)

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
        self.forget_checking()
        self.clear_notifications()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(WelcomeScreen(self.guide, self.config))
        if self.theme != self.config.theme:
            self.theme = self.config.theme
        self.remove_class("-tree-on", "-tree-off")
        self._last_input = self.clock()

    def start_over(self) -> None:
        """Start over at a kiosk is the same clean slate as a reset."""
        self.forget_visitor()
