"""`wizard walk TREE --answer NODE=OPTION ...`: answer from the command line, print the summary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from wizard.cli.language import open_in_language
from wizard.cli.output import Form, UsageError, say
from wizard.exits import Exit
from wizard.model.errors import did_you_mean
from wizard.model.tree import Tree
from wizard.render.words import refusal, t

_FORMS: dict[str, Form] = {"json": "json", "fhir": "json", "html": "html"}


def parse_answers(raw: Sequence[str], tree: Tree) -> dict[str, list[str]]:
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

    tree = open_in_language(args.tree, args.lang)
    answers = parse_answers(args.answer or [], tree)
    try:
        session = walk(tree, answers)
    except MissingAnswer as missing:
        node = missing.node
        options = ", ".join(t("walk_option", id=o.id, label=o.label) for o in node.options)
        say(t("walk_stops", node=node.id, prompt=node.prompt, options=options), sys.stderr)
        return Exit.INCOMPLETE
    except AnswerError as error:
        raise UsageError(t("walk_refused", error=refusal(error))) from None
    unused = sorted(set(answers) - {a.node for a in session.history})
    if unused:
        say(t("walk_unused", nodes=", ".join(unused)), sys.stderr)
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
    say(render(summary), end="", form=_FORMS.get(args.format, "text"))
    return Exit.OK
