"""`wizard ask [TREE]`: plain-text prompts on standard input and output (wizard/ask/)."""

from __future__ import annotations

import argparse
import io
import sys

from wizard.cli.language import open_in_language
from wizard.cli.output import UsageError


def cmd_ask(args: argparse.Namespace) -> int:
    if args.quiz:
        from wizard.cli.quiz import cmd_ask_quiz

        return cmd_ask_quiz(args)
    if args.cases is not None or args.seed is not None or args.results is not None:
        raise UsageError("--cases, --seed and --results go with --quiz")
    from wizard.ask.session import run_ask

    # A closed standard input (`<&-`) is input that has already ended.
    return run_ask(open_in_language(args.tree, args.lang), sys.stdin or io.StringIO(""), sys.stdout)
