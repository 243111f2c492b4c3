"""`wizard ask [TREE]`: plain-text prompts on standard input and output (wizard/ask/)."""

from __future__ import annotations

import argparse
import io
import sys

from wizard.cli.language import open_in_language


def cmd_ask(args: argparse.Namespace) -> int:
    if args.quiz:
        from wizard.cli.quiz import cmd_ask_quiz

        return cmd_ask_quiz(args)
    from wizard.ask.session import run_ask

    # A closed standard input (`<&-`) is input that has already ended.
    return run_ask(open_in_language(args.tree, args.lang), sys.stdin or io.StringIO(""), sys.stdout)
