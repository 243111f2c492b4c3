"""`wizard run [TREE]` (the default command): the Textual app, configured once from the
parsed arguments (`app_config`), which is all the app and its screens are told."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.output import UsageError
from wizard.exits import Exit

if TYPE_CHECKING:
    from wizard.model.takehome import TakeHome
    from wizard.model.tree import Tree
    from wizard.tui.config import AppConfig


def env_flag(name: str) -> bool:
    """An on/off environment variable: 1, true, yes or on (any case) turn it on."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def save_dir(typed: str | None) -> Path | None:
    """`--save-dir`: the folder Save offers first; None for the default (wizard/render/saving.py).
    A missing folder is fine (the save dialog offers to create it); a file is not."""
    if typed is None:
        return None
    if not typed.strip():
        raise UsageError("--save-dir needs a folder")
    from wizard.render.saving import FolderError, choose_folder

    try:
        return choose_folder(typed, home=Path.cwd()).folder  # relative to where you are
    except FolderError as error:
        raise UsageError(f"--save-dir: {error}") from None


def refuse_overdue(tree: Tree) -> None:
    """A kiosk shows content to strangers: it does not start on content past its review date."""
    from wizard.model.governance import overdue

    why = overdue(tree)
    if why is not None:
        raise UsageError(
            f"the kiosk will not start: {why} (staff who have checked it can pass "
            "--allow-overdue)"
        )


def _take_home(args: argparse.Namespace, kiosk: bool,
               tree: Tree | None) -> tuple[TakeHome | None, str]:
    """`--public-url` at a terminal kiosk: the take-home codes, sealed with WIZARD_SECRET for
    the clinic's `wizard serve` at that address. UsageError when a code could not open there:
    not a kiosk, an address that is not one, or no shared secret to seal it with."""
    address = getattr(args, "public_url", None)
    if address is None or tree is None:
        return None, ""
    from wizard.model.sealed import SECRET_ENV, shared_secret, tree_version
    from wizard.model.takehome import TakeHome
    from wizard.render.words import t
    from wizard.web.serve import check_limits

    if not kiosk:
        raise UsageError(t("run_public_url_kiosk"))
    try:
        check_limits(1, address)
        secret = shared_secret()
    except ValueError as error:  # UnicodeEncodeError too: a secret that is not text
        raise UsageError(str(error) if not isinstance(error, UnicodeError)
                         else t("secret_not_utf8")) from None
    if secret is None:
        raise UsageError(t("run_public_url_secret", name=SECRET_ENV))
    return TakeHome(secret, tree, tree_version(tree)), address.rstrip("/")


def app_config(args: argparse.Namespace, tree: Tree | None = None) -> AppConfig:
    """The run's configuration, from the arguments and the WIZARD_KIOSK and WIZARD_ADMIN_PIN
    environment variables; UsageError for an option that cannot be used."""
    from wizard.tui.config import AppConfig

    kiosk = args.kiosk or env_flag("WIZARD_KIOSK")
    if args.watch and kiosk:
        raise UsageError("--watch is for tree authors and cannot be used in a kiosk")
    if args.print_command is not None:
        from wizard.render.printing import parse_print_command

        try:
            parse_print_command(args.print_command)
        except ValueError as error:
            raise UsageError(str(error)) from None
    admin_pin = os.environ.get("WIZARD_ADMIN_PIN") or None
    if kiosk and admin_pin is not None:  # a PIN the box cannot hold would lock staff in
        from wizard.tui.pin import pin_problem

        if (problem := pin_problem(admin_pin)) is not None:
            raise UsageError(problem)
    take_home, public_url = _take_home(args, kiosk, tree)
    return AppConfig.for_mode(
        take_home=take_home,
        public_url=public_url,
        theme=args.theme,
        save_dir=save_dir(args.save_dir),
        save_fhir=args.save_fhir,
        kiosk=kiosk,
        educator=args.educator,
        idle_timeout=args.idle_timeout,
        print_command=args.print_command,
        admin_pin=admin_pin,
        watch=args.watch,
    )


def cmd_run(args: argparse.Namespace) -> int:
    from wizard.cli.language import open_in_language, refuse_draft

    tree = open_in_language(args.tree, args.lang)
    kiosk = args.kiosk or env_flag("WIZARD_KIOSK")
    if kiosk and not args.allow_overdue:
        refuse_overdue(tree)
    if kiosk and not args.allow_draft_translation:
        refuse_draft(tree)
    config = app_config(args, tree)
    from wizard.cli.output import utf8_terminal
    from wizard.tui import launch  # Textual is imported here and only here

    utf8_terminal()
    launch.create_app(tree, config).run()
    return Exit.OK
