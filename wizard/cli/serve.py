"""`wizard serve [TREE]`: the guide as web pages, or with `--terminal` the terminal app in a
browser tab (both in wizard/web/serve.py)."""

from __future__ import annotations

import argparse


def cmd_serve(args: argparse.Namespace) -> int:
    from wizard.cli.language import open_in_language, refuse_draft
    from wizard.cli.run import refuse_overdue
    from wizard.render.words import language
    from wizard.web.serve import serve, serve_pages_mode

    tree = open_in_language(args.tree, args.lang)
    if args.kiosk and not args.allow_overdue:
        refuse_overdue(tree)
    if args.kiosk and not args.allow_draft_translation:
        refuse_draft(tree)
    if not args.terminal:
        return serve_pages_mode(
            args.tree, host=args.host, port=args.port, kiosk=args.kiosk,
            idle_timeout=args.idle_timeout, print_command=args.print_command, theme=args.theme,
            public_address=args.public_url, language=language())
    run_options: list[str] = []
    if args.allow_overdue:
        run_options += ["--allow-overdue"]
    if args.allow_draft_translation:
        run_options += ["--allow-draft-translation"]
    run_options += ["--lang", language()]
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
