"""`wizard diff OLD NEW`: what a new edition of a tree changes, route by route."""

from __future__ import annotations

import argparse

from wizard.cli.open import open_tree
from wizard.cli.output import say
from wizard.exits import Exit


def cmd_diff(args: argparse.Namespace) -> int:
    from wizard.model.diff import compare_trees, cover_routes
    from wizard.model.paths import enumerate_paths
    from wizard.render.diff import RENDERERS

    old, new = open_tree(args.old), open_tree(args.new)
    # The cover sets always: --full adds to them, so it never compares less than the default.
    routes = dict.fromkeys(cover_routes(old, new))
    how = "the cover sets of both versions"
    cut = False
    if args.full:
        for tree in (old, new):
            listed = enumerate_paths(tree, limit=args.limit, multi="each")
            cut = cut or bool(getattr(listed, "truncated", False))
            for route in listed:
                routes.setdefault(tuple((s.node, s.options) for s in route.steps), None)
        how += " and every route `paths --multi each` lists"
        if cut:
            how += f" (stopped at {args.limit} per version, so not every route is compared)"
    diff = compare_trees(old, new, list(routes), how, complete=not cut)
    say(RENDERERS[args.format](diff), end="")
    return Exit.OK if diff.equal else Exit.PROBLEMS
