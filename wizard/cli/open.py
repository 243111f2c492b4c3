"""The command line's way to open a TREE argument: wizard/model/opening.py, whose refusal
becomes a usage error (exit 2). Every command that takes a tree opens it here."""

from __future__ import annotations

from wizard.cli.output import UsageError
from wizard.model.tree import Tree


def open_tree(name: str | None) -> Tree:
    from wizard.model.opening import CannotOpen, open_tree

    try:
        return open_tree(name).tree
    except CannotOpen as error:
        raise UsageError(str(error)) from None
