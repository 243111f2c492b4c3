"""`create_app`: the one way the command line and the tests make the Textual app.

Its own module so that the app does not import its kiosk subclass (which imports the app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.tui.app import WizardApp
from wizard.tui.config import AppConfig

if TYPE_CHECKING:
    from wizard.model.tree import Tree
    from wizard.tui.clock import Clock


def create_app(
    tree: Tree, config: AppConfig | None = None, *, clock: Clock | None = None, **options: Any
) -> WizardApp:
    """The app for one tree, as `config` says; used by `wizard run` and by the tests.

    Without a config, `options` are `AppConfig.for_mode`'s (kiosk, educator, theme, save_dir,
    idle_timeout, countdown, print_command, admin_pin, watch); ValueError for an unknown theme.
    A kiosk's timing reads `clock` (default `time.monotonic`; tests pass one they move by hand).
    """
    if config is None:
        config = AppConfig.for_mode(**options)
    elif options:
        raise TypeError("create_app takes a config or options, not both")
    if config.kiosk:
        from wizard.tui.kiosk import KioskApp  # only a kiosk pays for importing it

        return KioskApp(tree, config) if clock is None else KioskApp(tree, config, clock)
    if config.watch:
        from wizard.tui.live import LiveApp  # live preview for tree authors (`run --watch`)

        return LiveApp(tree, config)
    return WizardApp(tree, config)
