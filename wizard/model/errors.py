"""Diagnostics: what is wrong with a tree, where, and how to mend it.

Every problem, from a YAML syntax error to a loop in the graph, becomes one `Diagnostic`, so the
checker can report them all at once, sorted by position, in the `file:line:col: severity: message`
form that editors and terminals turn into links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

# A note never makes `check` fail, even with --strict: it says what is coming (a review due).
Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem; ordered by file, line and column, so a list sorts into reading order."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class TreeError(Exception):
    """A tree that cannot be used; carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        errors = [d for d in self.diagnostics if d.is_error]
        first = str(errors[0]) if errors else "the tree cannot be used"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` did you mean 'x'?` suffix when a close match exists, else an empty string."""
    import difflib  # only when something is wrong: keeps it out of every start-up

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""
