"""`wizard graph`, `wizard schema`, `wizard trees`: about trees, not walks through them."""

from __future__ import annotations

import argparse
import sys

from wizard.cli.open import open_tree
from wizard.cli.output import say
from wizard.exits import Exit
from wizard.model.bundled import bundled_trees
from wizard.model.tree import Tree


def cmd_graph(args: argparse.Namespace) -> int:
    from wizard.render.graph import render_graph

    say(render_graph(open_tree(args.tree), args.format))
    return Exit.OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from wizard.model.schema import tree_schema

    say(json.dumps(tree_schema(), indent=2))
    return Exit.OK


def cmd_trees(args: argparse.Namespace) -> int:
    from wizard.model.loader import check_file

    rows = []
    for path in bundled_trees():
        tree, diagnostics = check_file(path)
        if tree is None:
            errors = sum(d.is_error for d in diagnostics)
            rows.append((path.stem, f"(cannot be used: {errors} error(s))", "", "", ""))
        else:
            rows.append(
                (tree.id, tree.title, tree.version, _last_review(tree), _languages(tree))
            )
    if not rows:
        print("no bundled trees found", file=sys.stderr)
        return Exit.OK
    header = ("id", "title", "version", "last review", "languages")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        say(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    return Exit.OK


def _last_review(tree: Tree) -> str:
    """`2026-11-21`, or `2026-11-21 (changed 2026-12-05)` when the content changed after it:
    staff choosing a tree see what a patient will read, that the review is not current."""
    changed = tree.review.unreviewed_change
    last = tree.review.last_reviewed
    return f"{last} (changed {changed})" if changed else last


def _languages(tree: Tree) -> str:
    """`en, es (draft)`: the tree's own language, then each overlay's and its review state."""
    from wizard.model.errors import TreeError
    from wizard.model.translation import load_overlay, overlays_beside

    words = [tree.language]
    for language, path in overlays_beside(tree.path).items():
        try:
            overlay = load_overlay(path)
        except TreeError:
            words.append(f"{language} (cannot be used)")
            continue
        state = "draft" if overlay.draft else f"reviewed {overlay.date}"
        words.append(f"{language} ({state})")
    return ", ".join(words)
