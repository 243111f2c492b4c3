"""How one run of the Textual app behaves: built once, before the app, and read by every screen.

Screens take it when they are made and read what it allows; they never ask which mode is on.
It imports no Textual, so the command line can build it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wizard.render.saving import default_save_dir
from wizard.tui.themes import DEFAULT_THEME


@dataclass(frozen=True)
class AppConfig:
    """How this run of the app behaves.

    The modes set these (see `create_app`): a kiosk (wizard/tui/kiosk.py) cannot quit, save or
    copy, forgets an idle visitor, and may print; the educator view shows the tree beside each
    page, the rule behind each item, and "what if". Screens read the flags, not the mode.
    """

    theme: str = DEFAULT_THEME
    save_dir: Path = field(default_factory=default_save_dir)
    """Where Save offers to put the summary first (the person can change it before saving)."""
    can_quit: bool = True
    can_save: bool = True
    can_copy: bool = True
    kiosk: bool = False
    educator: bool = False
    idle_timeout: float = 90.0
    """Kiosk: seconds without input before "Still there?"."""
    countdown: float = 30.0
    """Kiosk: seconds "Still there?" waits before wiping the visitor's session."""
    print_command: str | None = None
    """Offer Print, piping the plain-text summary to this command (see render/printing.py)."""
    admin_pin: str | None = None
    """Kiosk: the PIN that, after the admin key, closes the app; None: no way out by keys."""
