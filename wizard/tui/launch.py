"""`create_app`: the one way the command line and the tests make the Textual app.

Its own module so that the app does not import its kiosk subclass (which imports the app).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.render.saving import default_save_dir
from wizard.tui.app import WizardApp
from wizard.tui.config import AppConfig
from wizard.tui.themes import DEFAULT_THEME, THEME_NAMES

if TYPE_CHECKING:
    from wizard.model.tree import Tree


def create_app(
    tree: Tree,
    *,
    theme: str | None = None,
    save_dir: Path | None = None,
    kiosk: bool = False,
    educator: bool = False,
    idle_timeout: float = 90.0,
    countdown: float = 30.0,
    print_command: str | None = None,
    admin_pin: str | None = None,
) -> WizardApp:
    """The app for one tree; used by `wizard run` and by the tests.

    A kiosk starts in the high-contrast theme unless `theme` says otherwise. Raises ValueError
    for a theme name that is not one of `THEME_NAMES`.
    """
    name = theme or ("high-contrast" if kiosk else DEFAULT_THEME)
    if name not in THEME_NAMES:
        raise ValueError(f"unknown theme '{name}'; choose one of: {', '.join(THEME_NAMES)}")
    config = AppConfig(
        theme=name,
        save_dir=save_dir or default_save_dir(),
        can_quit=not kiosk,
        can_save=not kiosk,
        can_copy=not kiosk,
        kiosk=kiosk,
        educator=educator,
        idle_timeout=idle_timeout,
        countdown=countdown,
        print_command=print_command,
        admin_pin=admin_pin,
    )
    if kiosk:
        from wizard.tui.kiosk import KioskApp  # only a kiosk pays for importing it

        return KioskApp(tree, config)
    return WizardApp(tree, config)
