"""`wizard diff OLD NEW`: what a new edition of a tree changes, route by route."""

from __future__ import annotations

import argparse

from wizard.cli.open import open_tree
from wizard.cli.output import say
from wizard.exits import Exit


def cmd_diff(args: argparse.Namespace) -> int:
    from wizard.model.diff import diff_trees
    from wizard.model.paths import iter_paths
    from wizard.render.diff import RENDERERS

    old, new = open_tree(args.old), open_tree(args.new)
    more: dict[tuple[tuple[str, tuple[str, ...]], ...], None] = {}
    if args.full:
        # The search already compares every route; --full also walks the routes `paths
        # --multi each` lists, so the report names what changes on each of them.
        for tree in (old, new):
            for number, route in enumerate(iter_paths(tree, multi="each")):
                if number == args.limit:
                    break
                more.setdefault(tuple((s.node, s.options) for s in route.steps), None)
    how = "every route `paths --multi each` lists" if args.full else ""
    diff = diff_trees(old, new, states=args.states, more=more, more_how=how)
    say(RENDERERS[args.format](diff), end="")
    if not diff.equal:
        return Exit.PROBLEMS
    return Exit.OK if diff.complete else Exit.INCOMPLETE
