"""The command line: `wizard [run|check|walk|graph|schema|trees|...]`.

Textual is imported only by the commands that draw a screen, so `check`, `walk`, `graph`,
`schema` and `trees` start fast. No command lets a Python traceback reach the user for bad
input: every failure becomes one sentence on stderr and an exit code from the contract.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard import __version__
from wizard.bundled import bundled_trees, resolve_tree
from wizard.model.errors import Diagnostic, TreeError, did_you_mean
from wizard.model.tree import Tree
from wizard.themes import THEME_NAMES

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2
EXIT_INCOMPLETE = 3
WALK_FORMATS = ("text", "markdown", "json", "html")


class UsageError(Exception):
    """A sentence for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


def _load(name: str | None) -> Tree:
    from wizard.model.loader import load_tree

    path = resolve_tree(name)
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


# -- check -------------------------------------------------------------------------------------
def _tree_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")])
            if not found:
                raise UsageError(f"{name}: no .yaml tree files in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{name}: no such file or folder")
    return files


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.model.loader import check_file

    files = _tree_files(args.paths)
    diagnostics: list[Diagnostic] = []
    for path in files:
        diagnostics.extend(check_file(path)[1])
    for diagnostic in sorted(diagnostics):
        print(diagnostic)
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
            raise UsageError(f"--answer '{item}' must look like NODE=OPTION[,OPTION...]")
        node = tree.nodes.get(node_id)
        if node is None:
            raise UsageError(
                f"--answer {item}: there is no node '{node_id}'{did_you_mean(node_id, tree.nodes)}"
            )
        picked = [o.strip() for o in options.split(",") if o.strip()]
        known = [o.id for o in node.options]
        for option_id in picked:
            if option_id not in known:
                raise UsageError(
                    f"--answer {item}: '{option_id}' is not an option of '{node_id}'"
                    f"{did_you_mean(option_id, known)} (options: {', '.join(known)})"
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
        options = ", ".join(f"{o.id} ({o.label})" for o in node.options)
        print(
            f"wizard: the answers stop before the end, at '{node.id}': {node.prompt}\n"
            f"  options: {options}\n  add: --answer {node.id}=OPTION",
            file=sys.stderr,
        )
        return EXIT_INCOMPLETE
    except AnswerError as error:
        raise UsageError(f"--answer: {error}") from None
    unused = sorted(set(answers) - {a.node for a in session.history})
    if unused:
        print(
            f"wizard: note: the route did not reach {', '.join(unused)}; "
            "those answers were not used",
            file=sys.stderr,
        )
    summary = session.summary()
    if args.format == "json":
        from wizard.render.json import render_json as render
    elif args.format == "markdown":
        from wizard.render.markdown import render_markdown as render
    elif args.format == "html":
        from wizard.render.html import render_html as render
    else:
        from wizard.render.text import render_text as render
    sys.stdout.write(render(summary))
    return EXIT_OK


# -- graph, schema, trees ------------------------------------------------------------------------
def cmd_graph(args: argparse.Namespace) -> int:
    from wizard.render.graph import render_graph

    print(render_graph(_load(args.tree), args.format))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from wizard.model.schema import tree_schema

    print(json.dumps(tree_schema(), indent=2))
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
        print(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    return EXIT_OK


def cmd_ask(args: argparse.Namespace) -> int:
    from wizard.ask import run_ask

    return run_ask(_load(args.tree), sys.stdin, sys.stdout)


def cmd_paths(args: argparse.Namespace) -> int:
    from wizard.paths import enumerate_paths, render_paths

    routes = enumerate_paths(_load(args.tree), limit=args.limit, multi=args.multi)
    sys.stdout.write(render_paths(routes, args.format))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from wizard.serve import serve

    run_options: list[str] = []
    if args.idle_timeout is not None:
        run_options += ["--idle-timeout", str(args.idle_timeout)]
    if args.print_command is not None:
        run_options += ["--print-command", args.print_command]
    if args.theme is not None:
        run_options += ["--theme", args.theme]
    return serve(
        args.tree, host=args.host, port=args.port, kiosk=args.kiosk, run_options=run_options
    )


# -- run ---------------------------------------------------------------------------------------
def _env_flag(name: str) -> bool:
    """An on/off environment variable: 1, true, yes or on (any case) turn it on."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def cmd_run(args: argparse.Namespace) -> int:
    tree = _load(args.tree)
    kiosk = args.kiosk or _env_flag("WIZARD_KIOSK")
    if not args.idle_timeout > 0:  # also refuses nan
        raise UsageError("--idle-timeout must be a number of seconds above 0")
    if args.print_command is not None:
        from wizard.printing import parse_print_command

        try:
            parse_print_command(args.print_command)
        except ValueError as error:
            raise UsageError(str(error)) from None
    admin_pin = os.environ.get("WIZARD_ADMIN_PIN") or None
    if kiosk and admin_pin is not None:  # a PIN the box cannot hold would lock staff in
        from wizard.pin import pin_problem

        if (problem := pin_problem(admin_pin)) is not None:
            raise UsageError(problem)
    from wizard.app import create_app  # Textual is imported here and only here

    app = create_app(
        tree,
        theme=args.theme,
        kiosk=kiosk,
        educator=args.educator,
        idle_timeout=args.idle_timeout,
        print_command=args.print_command,
        admin_pin=admin_pin,
    )
    app.run()
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        type=float,
        default=90.0,
        metavar="SECONDS",
        help="kiosk: seconds without input before 'Still there?' (default 90)",
    )
    run.add_argument(
        "--print-command",
        metavar="CMD",
        help="offer Print, piping the summary as plain text to CMD (e.g. lp)",
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
    paths.add_argument("--limit", type=int, default=10_000, help="most routes to list")
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
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--kiosk", action="store_true", help="serve the kiosk mode")
    serve.add_argument("--idle-timeout", type=float, metavar="SECONDS", help="passed to run")
    serve.add_argument("--print-command", metavar="CMD", help="passed to run")
    serve.add_argument("--theme", choices=THEME_NAMES, help="passed to run")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    commands = {"run", "check", "walk", "graph", "schema", "trees", "serve", "ask", "paths"}
    if not words or (words[0] not in commands and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "run")  # `wizard`, `wizard --theme light`, `wizard mytree.yaml`
    args = parser.parse_args(words)
    try:
        code: int = args.func(args)
        return code
    except UsageError as error:
        print(f"wizard: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
