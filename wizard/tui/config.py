"""How one run of the Textual app behaves: built once, before the app, and read by every screen.

The modes become capabilities in one place (`AppConfig.for_mode`); screens take the config when
they are made and read what it allows (can_save, can_print, shows_tree ...), never which mode
is on. It imports no Textual, so the command line builds it from the parsed arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.render.kiosk import COUNTDOWN, IDLE_TIMEOUT
from wizard.render.saving import default_save_dir
from wizard.render.words import t
from wizard.tui.themes import DEFAULT_THEME, THEME_NAMES

if TYPE_CHECKING:  # only a kiosk with --public-url makes one (cli/run.py): the first screen of
    # every other run would import cryptography (8 MiB) and the state machine for a type name
    from wizard.model.takehome import TakeHome

KIOSK_THEME = "high-contrast"
"""A kiosk starts in this theme unless one is named: read from a distance, in any light."""


@dataclass(frozen=True)
class AppConfig:
    """What this run of the app offers.

    A kiosk (wizard/tui/kiosk.py) cannot quit, save, copy or open links, offers "I'm done",
    forgets an idle visitor, and may print; the educator view shows the tree beside each page,
    the rule behind each item, and "what if".
    """

    theme: str = DEFAULT_THEME
    save_dir: Path = field(default_factory=default_save_dir)
    """Where Save offers to put the summary first (the person can change it before saving)."""
    can_quit: bool = True
    can_save: bool = True
    save_fhir: bool = False
    """Save also writes the answers as a FHIR QuestionnaireResponse (`<tree>-summary.fhir.json`)."""
    can_copy: bool = True
    can_open_links: bool = True
    """Whether a link may open a browser (tree text never makes links; this is for any other)."""
    offers_done: bool = False
    """The summary offers "I'm done": a clean slate for the next person, at once."""
    shows_tree: bool = False
    """The whole tree beside each page (ctrl+e shows or hides it)."""
    shows_rules: bool = False
    """The summary shows the rule behind each item."""
    can_what_if: bool = False
    """The summary offers "What if…": one answer changed, on a copy, and the summaries compared."""
    print_command: str | None = None
    """Offer Print, piping the plain-text summary to this command (render/printing.py)."""
    kiosk: bool = False
    """Which app runs (the kiosk app, with its blocked keys and idle reset): for `create_app`
    only; screens read the capabilities above."""
    watch: bool = False
    """Which app runs: the live preview for tree authors (`run --watch`, wizard/tui/live.py)."""
    idle_timeout: float = IDLE_TIMEOUT
    """Kiosk: seconds without input before "Still there?"."""
    countdown: float = COUNTDOWN
    """Kiosk: seconds "Still there?" waits before wiping the visitor's session."""
    admin_pin: str | None = None
    """Kiosk: the PIN that, after the admin key, closes the app; None: no way out by keys."""
    take_home: TakeHome | None = None
    """Kiosk with `--public-url`: the summary shows a take-home code and its QR code, which
    open the same summary through the clinic's `wizard serve` there (model/takehome.py)."""
    public_url: str = ""
    """Where that `wizard serve` is: the address in the QR code starts with it."""

    @property
    def can_print(self) -> bool:
        return bool(self.print_command)

    @classmethod
    def for_mode(
        cls,
        *,
        kiosk: bool = False,
        educator: bool = False,
        theme: str | None = None,
        save_dir: Path | None = None,
        save_fhir: bool = False,
        idle_timeout: float = IDLE_TIMEOUT,
        countdown: float = COUNTDOWN,
        print_command: str | None = None,
        admin_pin: str | None = None,
        watch: bool = False,
        take_home: TakeHome | None = None,
        public_url: str = "",
    ) -> AppConfig:
        """The configuration for a mode and its options: the one place a mode becomes what
        the screens may offer. ValueError for a theme name not in `THEME_NAMES`."""
        name = theme or (KIOSK_THEME if kiosk else DEFAULT_THEME)
        if name not in THEME_NAMES:
            raise ValueError(t("unknown_theme", name=name, names=", ".join(THEME_NAMES)))
        return cls(
            theme=name,
            save_dir=save_dir or default_save_dir(),
            can_quit=not kiosk,
            can_save=not kiosk,
            save_fhir=save_fhir,
            can_copy=not kiosk,
            can_open_links=not kiosk,
            offers_done=kiosk,
            shows_tree=educator,
            shows_rules=educator,
            can_what_if=educator,
            print_command=print_command,
            kiosk=kiosk,
            watch=watch,
            idle_timeout=idle_timeout,
            countdown=countdown,
            admin_pin=admin_pin,
            take_home=take_home if kiosk and public_url else None,
            public_url=public_url if kiosk else "",
        )
