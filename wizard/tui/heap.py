"""Keeping what lives for the whole session out of the garbage collector's way.

A full (oldest-generation) collection scans every container object alive: Textual's classes and
styles, the loaded tree, the session. None of those become garbage while the app runs, yet each
full collection during the first paint or a page change walks all of them again; measured, that
was about a sixth of the CPU time of the first screen and a third of a page change.
`gc.freeze()` moves everything alive into a permanent generation that collections skip.

A collection first, so that garbage already waiting (in the tests, earlier apps) is freed rather
than frozen with the rest; and when the app ends, `let_go` gives the collector back what was
frozen, so an app (and its tree) made and ended in a longer-lived process, as in the tests, is
freed like anything else.
"""

from __future__ import annotations

import gc


def keep_for_the_session() -> None:
    """Collect once, then freeze what is left: call when long-lived objects have been made."""
    gc.collect()
    gc.freeze()


def let_go() -> None:
    """The session is over: what was frozen may be collected again."""
    gc.unfreeze()
