"""What can go wrong with answers sealed to travel, and the edition they were sealed for.

Two things carry a person's answers away from the process that took them, sealed so nobody can
read or change them: a web page's state (wizard/web/state.py) and a take-home code
(wizard/model/takehome.py), which the terminal kiosk makes too. Both refuse what they cannot
use with the same four kinds of error, and both name the tree's edition by the same
fingerprint, so a code made at a terminal kiosk opens on the clinic's `wizard serve` of the same
file, and no other. Here, below every front end, so each can use them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from wizard.model.tree import Tree

DAY = 24 * 60 * 60.0
SECRET_ENV = "WIZARD_SECRET"
"""The secret every process behind one address shares (and a terminal kiosk with them)."""


class StateError(ValueError):
    """The state cannot be used; the message is for the log, not the visitor."""


class Tampered(StateError):
    """Not sealed with this server's key, or its contents make no sense for the tree."""


class Stale(StateError):
    """Sealed by this server, but for another version of the tree."""


class Expired(StateError):
    """Sealed by this server longer ago than a token lives."""


def tree_version(tree: Tree) -> str:
    """A short fingerprint of the tree's file (its id and version when it has no file)."""
    digest = hashlib.sha256()
    path = Path(tree.path)
    try:
        digest.update(path.read_bytes())
    except OSError:
        digest.update(f"{tree.id}\0{tree.version}".encode())
    return digest.hexdigest()[:16]


def shared_secret() -> bytes | None:
    """WIZARD_SECRET as bytes, or None when it is not set (UnicodeEncodeError for a value that
    is not text; the command line says so before anything starts)."""
    given = os.environ.get(SECRET_ENV, "")
    return given.encode("utf-8") if given else None
