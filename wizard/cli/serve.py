"""`wizard serve [TREE]`: the app in a web browser (wizard/web/serve.py)."""

from __future__ import annotations

import argparse


def cmd_serve(args: argparse.Namespace) -> int:
    from wizard.web.serve import serve

    run_options: list[str] = []
    if args.idle_timeout is not None:
        run_options += ["--idle-timeout", str(args.idle_timeout)]
    if args.print_command is not None:
        run_options += ["--print-command", args.print_command]
    if args.theme is not None:
        run_options += ["--theme", args.theme]
    return serve(
        args.tree, host=args.host, port=args.port, kiosk=args.kiosk, run_options=run_options,
        max_sessions=args.max_sessions, public_address=args.public_url,
    )
