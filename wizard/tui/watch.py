"""Noticing that a tree file was saved, and reading it again: live preview's engine half.

Why polling: a tree is one small file, and asking for its size, modification time and inode a
couple of times a second costs nothing, works the same on every platform and file system
(network drives, containers, editors that save by renaming), and needs no extra dependency;
a notification library (watchfiles) would add a compiled package for no visible gain. The
caller decides when to poll (the app uses a Textual timer; tests call `poll` directly).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wizard.model.errors import Diagnostic
from wizard.model.loader import check_file
from wizard.model.tree import Tree

Signature = tuple[int, int, int]


def signature(path: Path) -> Signature | None:
    """What changes when the file is saved; None while it is missing (mid-save, renamed)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass(frozen=True)
class Reload:
    """A new reading of the file: the tree when it has no errors, and every diagnostic."""

    tree: Tree | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def problems(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


class TreeFile:
    """One watched tree file. `poll` reads it again only when it has changed since last time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = signature(path)

    def poll(self) -> Reload | None:
        """The file read and checked again if it changed (and exists), else None."""
        now = signature(self.path)
        if now is None or now == self._seen:
            return None
        self._seen = now
        tree, diagnostics = check_file(self.path)
        return Reload(tree, tuple(diagnostics))
