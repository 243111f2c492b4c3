"""The exit codes every command returns (documented in README and the contract): one list.

Here, at the top of the package and importing nothing, because the command line and the front
ends below it (`ask`, `serve`) all return them.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """What the program's exit code says."""

    OK = 0
    """Done; for `check`, no problems found."""
    PROBLEMS = 1
    """`check` found problems (with `--strict`, warnings count)."""
    UNUSABLE = 2
    """Bad usage or input: a tree, option or address that cannot be used (one sentence said)."""
    INCOMPLETE = 3
    """The answers stopped before an outcome (`walk`, `ask`)."""
    OUTPUT = 4
    """Standard output closed, a broken pipe or a full disk: the output is incomplete."""
    INTERRUPTED = 130
    """Ctrl+C, as shells report SIGINT."""
