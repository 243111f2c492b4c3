"""`wizard translate TREE --lang LANG [--from MAPPING.json]`: a skeleton overlay on standard
output, every text of the tree with its English, filled from a {english: translation} mapping
(and from the existing overlay beside the tree, where its English is still current)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wizard.cli.open import open_tree
from wizard.cli.output import UsageError, say
from wizard.exits import Exit
from wizard.model.errors import TreeError
from wizard.model.tree import Tree


def _mapping(name: str | None) -> dict[str, str]:
    """The --from file: read as trees are (a regular file only, never beyond the size cap, so
    /dev/zero or a FIFO is refused, not read for ever), then parsed as JSON, too deep or not."""
    if name is None:
        return {}
    from wizard.model.loader import read_text

    try:
        text = read_text(Path(name))
    except TreeError as error:
        why = error.diagnostics[0].message if error.diagnostics else "cannot be read"
        raise UsageError(f"--from {name}: {why}") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise UsageError(f"--from {name}: the JSON is nested too deeply") from None
    except ValueError as error:
        raise UsageError(f"--from {name}: cannot be read as JSON ({error})") from None
    if not isinstance(data, dict):
        raise UsageError(f"--from {name}: must be a JSON object of English to translation")
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _review(tree: Tree, language: str) -> int:
    """Print the review sheet of the overlay in `language` beside the tree."""
    from wizard.model.translation import load_overlay, overlays_beside
    from wizard.render.review_sheet import review_sheet

    path = overlays_beside(tree.path).get(language)
    if path is None:
        raise UsageError(f"this tree has no '{language}' translation to review; start one with "
                         f"wizard translate {tree.path} --lang {language}")
    try:
        overlay = load_overlay(path)
    except TreeError as error:
        raise UsageError(f"the translation cannot be read: {error} (run: wizard check "
                         f"{path})") from None
    say(review_sheet(tree, overlay), end="")
    return Exit.OK


def cmd_translate(args: argparse.Namespace) -> int:
    from wizard.model.translation import LANGUAGE, load_overlay, overlays_beside, skeleton

    if not LANGUAGE.match(args.lang):
        raise UsageError(f"--lang must be a language tag such as es or pt-BR, not '{args.lang}'")
    tree = open_tree(args.tree)
    if args.review:
        return _review(tree, args.lang)
    old = None
    existing = overlays_beside(tree.path).get(args.lang)
    if existing is not None and not args.fresh:
        try:
            old = load_overlay(existing)
        except TreeError:
            old = None  # a broken overlay is started afresh; `wizard check` says why
    say(skeleton(tree, args.lang, _mapping(args.mapping), old), end="", form="yaml")
    return Exit.OK
