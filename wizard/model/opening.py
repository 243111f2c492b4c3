"""Open the tree a person named: a file, or a bundled tree's id. The one way every command and
front end does it, so the same name gets the same tree or the same sentence everywhere.

The refusals are sentences for a person (`CannotOpen`): a FIFO, device or folder is refused by
name (the loader's regular-file checks), an unknown id gets "did you mean" and the bundled ids,
and a broken tree lists its first errors and says how to see them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from wizard.model.bundled import bundled_trees, resolve_tree
from wizard.model.errors import TreeError, did_you_mean
from wizard.model.loader import load_tree, not_regular
from wizard.model.tree import Tree

MAX_ERRORS_SHOWN = 20


class CannotOpen(ValueError):
    """A tree that cannot be opened, said in words for the person who named it."""


class Opened(NamedTuple):
    tree: Tree
    path: Path


def tree_path(name: str | None) -> Path:
    """The file a TREE argument names (None: the default bundled tree), checked to be a file
    that can be read; CannotOpen otherwise."""
    path = resolve_tree(name)
    kind = not_regular(path)
    if kind is not None:
        raise CannotOpen(f"{path}: this is {kind}, not a tree file")
    if not path.exists() and name is not None and not Path(name).suffix:
        known = [p.stem for p in bundled_trees()]
        raise CannotOpen(
            f"no tree file or bundled tree named '{name}'{did_you_mean(name, known)}"
            + (f" (bundled: {', '.join(known)})" if known else "")
        )
    return path


def open_tree(name: str | None) -> Opened:
    """The tree a TREE argument names, loaded and checked; CannotOpen with the reason."""
    path = tree_path(name)
    try:
        return Opened(load_tree(path), path)
    except TreeError as error:
        lines = [str(d) for d in error.diagnostics if d.is_error][:MAX_ERRORS_SHOWN]
        raise CannotOpen(
            "the tree cannot be used:\n" + "\n".join(lines) + f"\n(run: wizard check {path})"
        ) from None
