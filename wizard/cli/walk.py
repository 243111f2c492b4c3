"""`wizard walk TREE --answer NODE=OPTION ...`: answer from the command line, print the summary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from wizard.cli.open import open_tree
from wizard.cli.output import UsageError, say
from wizard.exits import Exit
from wizard.model.errors import did_you_mean
from wizard.model.tree import Tree


def parse_answers(raw: Sequence[str], tree: Tree) -> dict[str, list[str]]:
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
        if node_id in answers:
            raise UsageError(
                f"--answer {item}: '{node_id}' is already answered by an earlier --answer; "
                f"give all its options once, as --answer {node_id}=OPTION[,OPTION...]"
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

    tree = open_tree(args.tree)
    answers = parse_answers(args.answer or [], tree)
    try:
        session = walk(tree, answers)
    except MissingAnswer as missing:
        node = missing.node
        options = ", ".join(f"{o.id} ({o.label})" for o in node.options)
        say(
            f"wizard: the answers stop before the end, at '{node.id}': {node.prompt}\n"
            f"  options: {options}\n  add: --answer {node.id}=OPTION",
            sys.stderr,
        )
        return Exit.INCOMPLETE
    except AnswerError as error:
        raise UsageError(f"--answer: {error}") from None
    unused = sorted(set(answers) - {a.node for a in session.history})
    if unused:
        say(
            f"wizard: note: the route did not reach {', '.join(unused)}; "
            "those answers were not used",
            sys.stderr,
        )
    summary = session.summary()
    if args.format == "json":
        from wizard.render.json import render_json as render
    elif args.format == "markdown":
        from wizard.render.markdown import render_markdown as render
    elif args.format == "html":
        from wizard.render.html import render_html as render
    elif args.format == "fhir":
        from wizard.render.fhir import render_response as render
    else:
        from wizard.render.text import render_text as render
    say(render(summary), end="")
    return Exit.OK
