"""`wizard quiz [TREE]` (the Textual quiz) and `wizard ask --quiz` (plain lines): the options
they share, read once here, and the quiz they build."""

from __future__ import annotations

import argparse
import io
import secrets
import sys
from pathlib import Path

from wizard.cli.language import open_in_language
from wizard.cli.output import UsageError
from wizard.exits import Exit
from wizard.model.quiz import Quiz, build_quiz
from wizard.model.tree import Tree


def results_path(typed: str | None) -> Path | None:
    if typed is None:
        return None
    path = Path(typed)
    if not typed.strip() or path.is_dir():
        raise UsageError("--results needs a file name, such as results.json")
    if not path.parent.is_dir():
        raise UsageError(f"--results: the folder {path.parent} does not exist")
    return path


def make_quiz(args: argparse.Namespace, tree: Tree | None = None) -> Quiz:
    """The quiz the arguments ask for (on `tree`, when the caller opened it already). Without
    --seed, a fresh one from the system's randomness (never the clock), shown with the results
    so the same quiz can be run again."""
    tree = tree or open_in_language(args.tree, args.lang)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    return build_quiz(tree, seed=seed, cases=args.cases)


def cmd_quiz(args: argparse.Namespace) -> int:
    results = results_path(args.results)
    quiz = make_quiz(args)
    from wizard.cli.output import utf8_terminal
    from wizard.tui.quiz_app import create_quiz_app  # Textual is imported here and only here

    utf8_terminal()
    create_quiz_app(quiz, results).run()
    return Exit.OK


def cmd_ask_quiz(args: argparse.Namespace) -> int:
    from wizard.ask.quiz import run_quiz

    results = results_path(args.results)
    return run_quiz(make_quiz(args), sys.stdin or io.StringIO(""), sys.stdout, results)
