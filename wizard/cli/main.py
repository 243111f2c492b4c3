"""The command line: `wizard [run|check|walk|graph|schema|trees|ask|paths|diff|export|serve]`.

This module parses the arguments and hands them to the command's own module (wizard/cli/),
imported only when that command runs, so `check`, `walk`, `graph`, `schema` and `trees` start
fast and Textual is imported only by the commands that draw a screen. No command lets a Python
traceback reach the user for bad input: every failure becomes one sentence on stderr and an exit
code from wizard/exits.py.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from wizard import __version__
from wizard.cli.output import (
    OUTPUT_ERRORS,
    UsageError,
    drop_output,
    say_error,
    tolerant_output,
)
from wizard.exits import Exit
from wizard.model.limits import MAX_LEARNERS, SEARCH_STATES
from wizard.model.plain import strip_control
from wizard.render.kiosk import IDLE_TIMEOUT, LONGEST_IDLE, SHORTEST_IDLE
from wizard.tui.themes import THEME_NAMES

WALK_FORMATS = ("text", "markdown", "json", "html", "fhir")


def _command(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command's function, imported from wizard/cli/<module>.py when the command runs."""

    def run(args: argparse.Namespace) -> int:
        function: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"wizard.cli.{module}"), name
        )
        return function(args)

    return run


cmd_run = _command("run", "cmd_run")
cmd_check = _command("check", "cmd_check")
cmd_walk = _command("walk", "cmd_walk")
cmd_graph = _command("about", "cmd_graph")
cmd_schema = _command("about", "cmd_schema")
cmd_trees = _command("about", "cmd_trees")
cmd_ask = _command("ask", "cmd_ask")
cmd_paths = _command("paths", "cmd_paths")
cmd_translate = _command("translate", "cmd_translate")
cmd_diff = _command("diff", "cmd_diff")
cmd_serve = _command("serve", "cmd_serve")
cmd_export = _command("export", "cmd_export")
cmd_quiz = _command("quiz", "cmd_quiz")


# -- numbers on the command line ------------------------------------------------------------------
_WHOLE = re.compile(r"[+-]?[0-9]{1,20}\Z")  # ASCII digits only, and short enough for int()


def _whole(option: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse `type` for a whole number from low to high, refused in one sentence."""

    def parse(word: str) -> int:
        text = word.strip()
        if not _WHOLE.match(text) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(
                f"{option} must be a whole number from {low} to {high}, not '{_shown(word)}'"
            )
        return int(text)

    return parse


def _seconds(option: str, high: float, low: float = 0.0) -> Callable[[str], float]:
    """An argparse `type` for seconds above 0 (at least `low` when given) and at most high
    (nan and inf refused)."""

    def parse(word: str) -> float:
        try:
            value = float(word) if len(word) <= 40 else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and 0 < value <= high and value >= low):
            floor = f"at least {low:g}" if low else "above 0"
            raise argparse.ArgumentTypeError(
                f"{option} must be a number of seconds {floor} and at most {high:g}, "
                f"not '{_shown(word)}'"
            )
        return value

    return parse


def _shown(word: str) -> str:
    """A user's word, short and inert, for quoting it back in a message."""
    word = strip_control(word)
    return word if len(word) <= 40 else word[:40] + "..."


PORT = _whole("--port", 1, 65535)
ROUTE_LIMIT = _whole("--limit", 1, 1_000_000)
STATES = _whole("--states", 1, 10_000_000)
MAX_SESSIONS = _whole("--max-sessions", 1, 1000)
PER_CLIENT = _whole("--max-connections-per-client", 1, 100_000)
HEADER_SECONDS = _seconds("--header-timeout", 3600)
BODY_SECONDS = _seconds("--body-timeout", 3600)
IDLE_SECONDS = _seconds("--idle-timeout", LONGEST_IDLE, low=SHORTEST_IDLE)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one sentence on one line (exit 2), not a usage
    block; `--help` still shows the full usage."""

    def error(self, message: str) -> NoReturn:
        # "argument --port: --port must be ..." -> "--port must be ..."
        message = re.sub(r"^argument (\S+): (?=\1 )", "", message)
        self.exit(
            Exit.UNUSABLE,
            strip_control(f"{self.prog}: {message} (see: {self.prog} --help)\n"),
        )


def _language_option(command: argparse.ArgumentParser) -> None:
    """`--lang`, the same on every command that speaks to a person."""
    command.add_argument(
        "--lang", metavar="LANG",
        help="the language, e.g. es (default: from LANG etc., else the tree's)",
    )


def _screen_options(command: argparse.ArgumentParser) -> None:
    """The options `run` and `serve` share (kiosk, review date, draft, idle time, print, theme),
    declared once so the two can never differ in name, default or meaning; `serve --terminal`
    passes them on to each tab's `wizard run`."""
    command.add_argument("--theme", choices=THEME_NAMES, default=None,
                         help="the colours a person starts with (they can change them)")
    command.add_argument(
        "--kiosk", action="store_true",
        help="for a shared screen: nobody can quit or reach a shell, idle visitors are wiped, "
        "nothing is saved (run: also WIZARD_KIOSK=1; staff leave with ctrl+x and the PIN in "
        "WIZARD_ADMIN_PIN)",
    )
    command.add_argument("--allow-overdue", action="store_true",
                         help="kiosk: start even though the tree is past its review date")
    command.add_argument(
        "--allow-draft-translation", action="store_true",
        help="kiosk: start even though the translation is a draft no clinician has reviewed",
    )
    command.add_argument(
        "--idle-timeout", type=IDLE_SECONDS, default=IDLE_TIMEOUT, metavar="SECONDS",
        help=f"kiosk: seconds without input before 'Still there?' (default {IDLE_TIMEOUT:g})",
    )
    command.add_argument("--print-command", metavar="CMD",
                         help="offer Print, piping the summary as plain text to CMD (e.g. lp)")
    command.add_argument(
        "--public-url", metavar="URL",
        help="serve: the address visitors open, e.g. behind a proxy; a kiosk's summary then "
        "offers a take-home code opened there (run --kiosk: the address of the clinic's "
        "wizard serve, which shares WIZARD_SECRET)",
    )


def _quiz_options(command: argparse.ArgumentParser) -> None:
    """`--cases`, `--seed` and `--results`, the same wherever a quiz runs."""
    _case_options(command)
    command.add_argument(
        "--results", metavar="FILE",
        help="save the results there at the end: .json (with xAPI statements), .md or .html",
    )


def _case_options(command: argparse.ArgumentParser) -> None:
    """`--cases` and `--seed`: which cases a quiz asks, for one learner or a whole room."""
    command.add_argument(
        "--cases", type=_whole("--cases", 1, 10_000), metavar="N",
        help="how many cases (default all)",
    )
    command.add_argument(
        "--seed", type=_whole("--seed", 0, 2**63), metavar="S",
        help="the same seed gives the same cases in the same order (default: a new one)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wizard",
        description="Walks you through a decision tree, one question at a time.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="open the guided session (the default)")
    run.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    _screen_options(run)
    run.add_argument(
        "--educator",
        action="store_true",
        help="show the whole tree beside each page, the rule behind each item, and 'what if'",
    )
    run.add_argument(
        "--save-dir",
        metavar="DIR",
        help="the folder Save offers first (default: ~/Documents, else your home folder)",
    )
    run.add_argument(
        "--watch",
        action="store_true",
        help="live preview for tree authors: reload the tree file each time it is saved",
    )
    run.add_argument(
        "--save-fhir",
        action="store_true",
        help="Save also writes the answers as a FHIR QuestionnaireResponse (.fhir.json)",
    )
    _language_option(run)
    run.set_defaults(func=cmd_run)

    check = commands.add_parser("check", help="check tree files or folders for problems")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--strict", action="store_true",
                       help="count warnings as problems (notes never are)")
    check.set_defaults(func=cmd_check)

    walk = commands.add_parser("walk", help="answer from the command line; print the summary")
    walk.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    walk.add_argument("--answer", "-a", action="append", metavar="NODE=OPT[,OPT...]")
    walk.add_argument("--format", "-f", choices=WALK_FORMATS, default="text")
    _language_option(walk)
    walk.set_defaults(func=cmd_walk)

    graph = commands.add_parser("graph", help="print the tree as a diagram")
    graph.add_argument("tree", nargs="?")
    graph.add_argument("--format", "-f", choices=("mermaid", "dot"), default="mermaid")
    graph.set_defaults(func=cmd_graph)

    export = commands.add_parser("export", help="write the tree for other systems (FHIR)")
    export.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    export.add_argument(
        "--format", "-f", choices=("fhir",), default="fhir", help="fhir: a FHIR R4 Questionnaire"
    )
    export.set_defaults(func=cmd_export)

    schema = commands.add_parser("schema", help="print the JSON Schema of tree files")
    schema.set_defaults(func=cmd_schema)

    trees = commands.add_parser("trees", help="list the bundled trees")
    trees.set_defaults(func=cmd_trees)

    ask = commands.add_parser("ask", help="plain-text prompts, for screen readers and scripts")
    ask.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    _language_option(ask)
    ask.add_argument("--quiz", action="store_true", help="the case quiz, as plain prompts")
    _quiz_options(ask)
    ask.set_defaults(func=cmd_ask)

    quiz = commands.add_parser("quiz", help="predict what the guide says for a case, and score")
    quiz.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    _language_option(quiz)
    _quiz_options(quiz)
    quiz.set_defaults(func=cmd_quiz)

    paths = commands.add_parser("paths", help="every route through the single-choice questions")
    paths.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    paths.add_argument("--format", "-f", choices=("table", "json"), default="table")
    paths.add_argument("--limit", type=ROUTE_LIMIT, default=10_000, help="most routes to list")
    paths.add_argument(
        "--multi",
        choices=("fixed", "each"),
        default="fixed",
        help="multi-select questions: answered one fixed way, or each option in turn",
    )
    paths.add_argument(
        "--cover",
        action="store_true",
        help="a few routes that together reach every option, page, item, red flag and question "
        "(ignores --limit and --multi)",
    )
    paths.set_defaults(func=cmd_paths)

    diff = commands.add_parser("diff", help="what a new edition of a tree changes, route by route")
    diff.add_argument("old", help="the earlier tree: a file or a bundled tree's id")
    diff.add_argument("new", help="the new tree: a file or a bundled tree's id")
    diff.add_argument("--format", "-f", choices=("text", "markdown"), default="text")
    diff.add_argument(
        "--full",
        action="store_true",
        help="also walk the routes `paths --multi each` lists, to name what changes on each "
        "(the search compares every route without it)",
    )
    diff.add_argument(
        "--limit", type=ROUTE_LIMIT, default=10_000, help="--full: most routes per version"
    )
    diff.add_argument(
        "--states",
        type=STATES,
        default=SEARCH_STATES,
        help=f"most search states before the diff stops and says it is not exhaustive "
        f"(default {SEARCH_STATES:,})",
    )
    diff.set_defaults(func=cmd_diff)

    translate = commands.add_parser(
        "translate", help="print a skeleton translation overlay of a tree (trees/ID.LANG.yaml)"
    )
    translate.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    translate.add_argument("--lang", required=True, help="the language, e.g. es")
    translate.add_argument("--from", dest="mapping", metavar="JSON",
                           help="a JSON object of English text to its translation")
    translate.add_argument("--review", action="store_true",
                           help="print the review sheet of the overlay beside the tree (English "
                           "and translation side by side, red flags first) for a clinician to "
                           "sign")
    translate.add_argument("--fresh", action="store_true",
                           help="ignore the overlay already beside the tree")
    translate.set_defaults(func=cmd_translate)

    serve = commands.add_parser("serve", help="the guide as web pages in a browser")
    serve.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    serve.add_argument("--terminal", action="store_true",
                       help="serve the terminal app itself (one process per tab) instead")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=PORT, default=8000)
    _screen_options(serve)
    serve.add_argument("--max-sessions", type=MAX_SESSIONS, default=20, metavar="N",
                       help="--terminal: most browser tabs (app processes) at once")
    serve.add_argument(
        "--max-connections-per-client", type=PER_CLIENT, default=32, metavar="N",
        help="connections open at once from one address; behind a proxy, every visitor's "
        "(default 32)")
    serve.add_argument("--header-timeout", type=HEADER_SECONDS, default=10.0, metavar="SECONDS",
                       help="time to send a request's head (default 10)")
    serve.add_argument("--body-timeout", type=BODY_SECONDS, default=30.0, metavar="SECONDS",
                       help="time to send a request's body (default 30)")
    _language_option(serve)
    serve.add_argument("--quiz", action="store_true",
                       help="the case quiz as web pages, each learner on their own")
    serve.add_argument(
        "--classroom", action="store_true",
        help="a class predicts together: cases on the educator's screen, learners on phones",
    )
    serve.add_argument(
        "--max-learners", type=_whole("--max-learners", 1, 5000), default=MAX_LEARNERS,
        metavar="N", help=f"classroom: the most learners one room takes (default {MAX_LEARNERS})",
    )
    _case_options(serve)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "run", "check", "walk", "graph", "schema", "trees", "serve", "ask", "paths", "diff"
    }
    commands.update(("export", "translate", "quiz"))
    if not words or (words[0] not in commands and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "run")  # `wizard`, `wizard --theme light`, `wizard mytree.yaml`
    try:
        args = parser.parse_args(words)
    except SystemExit as stop:  # --help, --version, or a usage mistake already said
        return stop.code if isinstance(stop.code, int) else Exit.UNUSABLE
    tolerant_output()
    if sys.stdout is None and args.command not in ("run", "serve", None):
        say_error("standard output is closed, so there is nowhere to write to")
        return Exit.OUTPUT
    try:
        code: int = args.func(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not at exit with a traceback
        return code
    except UsageError as error:
        say_error(str(error))
        return error.code
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise
        drop_output()
        if error.errno != errno.EPIPE:  # a reader that stops early (`| head`) is not news
            say_error(f"the output could not all be written ({os.strerror(error.errno or 0)})")
        return Exit.OUTPUT
