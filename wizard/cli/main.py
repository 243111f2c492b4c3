"""The command line: `wizard [run|check|walk|graph|schema|trees|...]`.

Textual is imported only by the commands that draw a screen, so `check`, `walk`, `graph`,
`schema` and `trees` start fast. No command lets a Python traceback reach the user for bad
input: every failure becomes one sentence on stderr and an exit code from the contract.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from wizard import __version__
from wizard.model.bundled import bundled_trees, resolve_tree
from wizard.model.errors import Diagnostic, TreeError, did_you_mean
from wizard.model.plain import strip_control
from wizard.model.tree import Tree
from wizard.render.words import refusal, t
from wizard.tui.themes import THEME_NAMES

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2
EXIT_INCOMPLETE = 3
EXIT_OUTPUT = 4  # standard output closed, a broken pipe, or a full disk: the output is incomplete
WALK_FORMATS = ("text", "markdown", "json", "html")


class UsageError(Exception):
    """A sentence for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


def _load(name: str | None) -> Tree:
    from wizard.model.loader import load_tree, not_regular

    path = resolve_tree(name)
    kind = not_regular(path)
    if kind is not None:
        raise UsageError(f"{path}: this is {kind}, not a tree file")
    if not path.exists() and name is not None and not Path(name).suffix:
        known = [p.stem for p in bundled_trees()]
        raise UsageError(
            f"no tree file or bundled tree named '{name}'{did_you_mean(name, known)}"
            + (f" (bundled: {', '.join(known)})" if known else "")
        )
    try:
        return load_tree(path)
    except TreeError as error:
        lines = [str(d) for d in error.diagnostics if d.is_error][:20]
        raise UsageError(
            "the tree cannot be used:\n" + "\n".join(lines) + f"\n(run: wizard check {path})"
        ) from None


def _print(text: str, stream: TextIO | None = None, end: str = "\n") -> None:
    """Everything the commands print goes through here: text from a tree or typed by the user
    is data, so control characters (terminal sequences) are dropped on the way out."""
    out = stream if stream is not None else sys.stdout
    print(strip_control(text), end=end, file=out)


# -- check -------------------------------------------------------------------------------------
def _tree_files(paths: Sequence[str]) -> tuple[list[Path], list[Diagnostic]]:
    """The files to check, and a warning for each thing in a folder that is not a regular file.

    A FIFO or device named on the command line is refused (exit 2); one found in a folder is
    skipped with a warning, since reading it could wait forever or never end.
    """
    from wizard.model.loader import not_regular

    files: list[Path] = []
    skipped: list[Diagnostic] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")])
            if not found:
                raise UsageError(f"{name}: no .yaml tree files in this folder")
            for file in found:
                kind = not_regular(file)
                if kind is None:
                    files.append(file)
                else:
                    message = f"this is {kind}, not a tree file; skipped"
                    skipped.append(Diagnostic(str(file), 1, 1, "warning", message))
        elif path.exists():
            kind = not_regular(path)
            if kind is not None:
                raise UsageError(f"{name}: this is {kind}, not a tree file")
            files.append(path)
        else:
            raise UsageError(f"{name}: no such file or folder")
    return files, skipped


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.model.loader import check_file

    files, diagnostics = _tree_files(args.paths)
    for path in files:
        diagnostics.extend(check_file(path)[1])
    for diagnostic in sorted(diagnostics):
        _print(str(diagnostic))
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    failed = errors or (args.strict and warnings)
    verdict = "problems found" if failed else "ok"
    print(
        f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s): {verdict}",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if failed else EXIT_OK


# -- walk --------------------------------------------------------------------------------------
def _parse_answers(raw: Sequence[str], tree: Tree) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}
    for item in raw:
        node_id, sep, options = item.partition("=")
        node_id = node_id.strip()
        if not sep or not node_id:
            raise UsageError(t("walk_answer_shape", item=item))
        node = tree.nodes.get(node_id)
        if node is None:
            hint = did_you_mean(node_id, tree.nodes)
            raise UsageError(t("walk_no_node", item=item, node=node_id, hint=hint))
        if node_id in answers:
            raise UsageError(t("walk_twice", item=item, node=node_id))
        picked = [o.strip() for o in options.split(",") if o.strip()]
        known = [o.id for o in node.options]
        for option_id in picked:
            if option_id not in known:
                raise UsageError(
                    t(
                        "walk_no_option",
                        item=item,
                        option=option_id,
                        node=node_id,
                        hint=did_you_mean(option_id, known),
                        options=", ".join(known),
                    )
                )
        answers[node_id] = picked
    return answers


def cmd_walk(args: argparse.Namespace) -> int:
    from wizard.model.machine import AnswerError, MissingAnswer, walk

    tree = _load(args.tree)
    answers = _parse_answers(args.answer or [], tree)
    try:
        session = walk(tree, answers)
    except MissingAnswer as missing:
        node = missing.node
        options = ", ".join(t("walk_option", id=o.id, label=o.label) for o in node.options)
        _print(t("walk_stops", node=node.id, prompt=node.prompt, options=options), sys.stderr)
        return EXIT_INCOMPLETE
    except AnswerError as error:
        raise UsageError(t("walk_refused", error=refusal(error))) from None
    unused = sorted(set(answers) - {a.node for a in session.history})
    if unused:
        _print(t("walk_unused", nodes=", ".join(unused)), sys.stderr)
    summary = session.summary()
    if args.format == "json":
        from wizard.render.json import render_json as render
    elif args.format == "markdown":
        from wizard.render.markdown import render_markdown as render
    elif args.format == "html":
        from wizard.render.html import render_html as render
    else:
        from wizard.render.text import render_text as render
    _print(render(summary), end="")
    return EXIT_OK


# -- graph, schema, trees ------------------------------------------------------------------------
def cmd_graph(args: argparse.Namespace) -> int:
    from wizard.render.graph import render_graph

    _print(render_graph(_load(args.tree), args.format))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from wizard.model.schema import tree_schema

    _print(json.dumps(tree_schema(), indent=2))
    return EXIT_OK


def cmd_trees(args: argparse.Namespace) -> int:
    from wizard.model.loader import check_file

    rows = []
    for path in bundled_trees():
        tree, diagnostics = check_file(path)
        if tree is None:
            errors = sum(d.is_error for d in diagnostics)
            rows.append((path.stem, f"(cannot be used: {errors} error(s))", "", ""))
        else:
            rows.append((tree.id, tree.title, tree.version, tree.review.last_reviewed))
    if not rows:
        print("no bundled trees found", file=sys.stderr)
        return EXIT_OK
    header = ("id", "title", "version", "last review")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        _print(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    return EXIT_OK


def cmd_ask(args: argparse.Namespace) -> int:
    import io

    from wizard.ask.session import run_ask

    # A closed standard input (`<&-`) is input that has already ended.
    return run_ask(_load(args.tree), sys.stdin or io.StringIO(""), sys.stdout)


def cmd_paths(args: argparse.Namespace) -> int:
    from wizard.cli.paths import render_paths
    from wizard.model.paths import enumerate_paths

    routes = enumerate_paths(_load(args.tree), limit=args.limit, multi=args.multi)
    _print(render_paths(routes, args.format), end="")
    return EXIT_OK


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


# -- run ---------------------------------------------------------------------------------------
def _env_flag(name: str) -> bool:
    """An on/off environment variable: 1, true, yes or on (any case) turn it on."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _save_dir(typed: str | None) -> Path | None:
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


def cmd_run(args: argparse.Namespace) -> int:
    tree = _load(args.tree)
    kiosk = args.kiosk or _env_flag("WIZARD_KIOSK")
    if args.print_command is not None:
        from wizard.tui.printing import parse_print_command

        try:
            parse_print_command(args.print_command)
        except ValueError as error:
            raise UsageError(str(error)) from None
    save_dir = _save_dir(args.save_dir)
    from wizard.tui.app import create_app  # Textual is imported here and only here

    app = create_app(
        tree,
        theme=args.theme,
        save_dir=save_dir,
        kiosk=kiosk,
        educator=args.educator,
        idle_timeout=args.idle_timeout,
        print_command=args.print_command,
        admin_pin=os.environ.get("WIZARD_ADMIN_PIN") or None,
    )
    app.run()
    return EXIT_OK


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


def _seconds(option: str, high: float) -> Callable[[str], float]:
    """An argparse `type` for seconds above 0 and at most high (nan and inf refused)."""

    def parse(word: str) -> float:
        try:
            value = float(word) if len(word) <= 40 else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and 0 < value <= high):
            raise argparse.ArgumentTypeError(
                f"{option} must be a number of seconds above 0 and at most {high:g}, "
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
MAX_SESSIONS = _whole("--max-sessions", 1, 1000)
IDLE_SECONDS = _seconds("--idle-timeout", 86_400)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one sentence on one line (exit 2), not a usage
    block; `--help` still shows the full usage."""

    def error(self, message: str) -> NoReturn:
        # "argument --port: --port must be ..." -> "--port must be ..."
        message = re.sub(r"^argument (\S+): (?=\1 )", "", message)
        self.exit(
            EXIT_UNUSABLE,
            strip_control(f"{self.prog}: {message} (see: {self.prog} --help)\n"),
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
    run.add_argument("--theme", choices=THEME_NAMES, default=None)
    run.add_argument(
        "--kiosk",
        action="store_true",
        help="for a shared screen: no quitting, idle visitors are wiped, nothing is saved "
        "(also WIZARD_KIOSK=1; staff leave with ctrl+x and the PIN in WIZARD_ADMIN_PIN)",
    )
    run.add_argument(
        "--educator",
        action="store_true",
        help="show the whole tree beside each page, the rule behind each item, and 'what if'",
    )
    run.add_argument(
        "--idle-timeout",
        type=IDLE_SECONDS,
        default=90.0,
        metavar="SECONDS",
        help="kiosk: seconds without input before 'Still there?' (default 90)",
    )
    run.add_argument(
        "--print-command",
        metavar="CMD",
        help="offer Print, piping the summary as plain text to CMD (e.g. lp)",
    )
    run.add_argument(
        "--save-dir",
        metavar="DIR",
        help="the folder Save offers first (default: ~/Documents, else your home folder)",
    )
    run.set_defaults(func=cmd_run)

    check = commands.add_parser("check", help="check tree files or folders for problems")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--strict", action="store_true", help="count warnings as problems")
    check.set_defaults(func=cmd_check)

    walk = commands.add_parser("walk", help="answer from the command line; print the summary")
    walk.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    walk.add_argument("--answer", "-a", action="append", metavar="NODE=OPT[,OPT...]")
    walk.add_argument("--format", "-f", choices=WALK_FORMATS, default="text")
    walk.set_defaults(func=cmd_walk)

    graph = commands.add_parser("graph", help="print the tree as a diagram")
    graph.add_argument("tree", nargs="?")
    graph.add_argument("--format", "-f", choices=("mermaid", "dot"), default="mermaid")
    graph.set_defaults(func=cmd_graph)

    schema = commands.add_parser("schema", help="print the JSON Schema of tree files")
    schema.set_defaults(func=cmd_schema)

    trees = commands.add_parser("trees", help="list the bundled trees")
    trees.set_defaults(func=cmd_trees)

    ask = commands.add_parser("ask", help="plain-text prompts, for screen readers and scripts")
    ask.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    ask.set_defaults(func=cmd_ask)

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
    paths.set_defaults(func=cmd_paths)

    serve = commands.add_parser("serve", help="the same app in a web browser")
    serve.add_argument("tree", nargs="?", help="a tree file or a bundled tree's id")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=PORT, default=8000)
    serve.add_argument("--kiosk", action="store_true", help="serve the kiosk mode")
    serve.add_argument(
        "--idle-timeout", type=IDLE_SECONDS, metavar="SECONDS", help="passed to run"
    )
    serve.add_argument("--print-command", metavar="CMD", help="passed to run")
    serve.add_argument("--theme", choices=THEME_NAMES, help="passed to run")
    serve.add_argument("--max-sessions", type=MAX_SESSIONS, default=20, metavar="N",
                       help="most browser tabs (app processes) at once")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address visitors open, e.g. behind a proxy")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    commands = {"run", "check", "walk", "graph", "schema", "trees", "serve", "ask", "paths"}
    if not words or (words[0] not in commands and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "run")  # `wizard`, `wizard --theme light`, `wizard mytree.yaml`
    try:
        args = parser.parse_args(words)
    except SystemExit as stop:  # --help, --version, or a usage mistake already said
        return stop.code if isinstance(stop.code, int) else EXIT_UNUSABLE
    _tolerant_output()
    if sys.stdout is None and args.command not in ("run", "serve", None):
        _say_error("standard output is closed, so there is nowhere to write to")
        return EXIT_OUTPUT
    try:
        code: int = args.func(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not at exit with a traceback
        return code
    except UsageError as error:
        _say_error(str(error))
        return error.code
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        _drop_output()
        if error.errno != errno.EPIPE:  # a reader that stops early (`| head`) is not news
            _say_error(f"the output could not all be written ({os.strerror(error.errno or 0)})")
        return EXIT_OUTPUT


# A write to standard output fails with these: the reader went away (EPIPE), the disk is full
# (ENOSPC, EDQUOT, EFBIG), the descriptor is closed (EBADF) or the terminal is gone (EIO).
_OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EDQUOT", "EFBIG", "EBADF", "EIO")
    if hasattr(errno, name)
)


def _tolerant_output() -> None:
    """A character the output's encoding cannot show (`PYTHONIOENCODING=ascii`, an old console)
    becomes '?' instead of ending the program."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _drop_output() -> None:
    """After a failed write, what is still buffered goes nowhere, so Python's own flush at exit
    cannot fail again and print a traceback of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, ValueError, OSError):
        pass


def _say_error(message: str) -> None:
    """One sentence on standard error, if there is a standard error to say it on."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(f"wizard: {strip_control(message)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
