"""The documented limits of the authors' tools (`paths`, `paths --cover`, `diff`) and of a
classroom, in one place.

Why: each of these tools explores routes, whose number grows as the product of the options; a
tree author's typo (a question with 600 options) must cost seconds, never minutes or gigabytes.
Each tool stops at its limit and says so in one sentence; README and docs/tree-format.md state
the same numbers. Imported by the command line's option parser, so it imports nothing.
"""

from __future__ import annotations

SEARCH_STATES = 20_000
"""`diff`: the most search states (both editions' places and what they can still show) one diff
explores (`--states`); past it the search stops and says the result is not exhaustive."""
MULTI_KINDS = 10
"""`diff`: at one multi-select question, the most kinds of options (options that differ in the
facts they set or the red flags they raise) whose every combination is tried: 2^10 answers."""
FOUND_MOST = 50
"""`diff`: the most differing routes kept for the report (the search stops at that many)."""

MAX_LEARNERS = 500
"""Learners predicting one case, at most, by default (`--max-learners`): a lecture theatre."""
