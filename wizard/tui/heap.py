"""Keeping what lives for the whole session out of the garbage collector's way.

A full (oldest-generation) collection scans every container object alive: Textual's classes and
styles, the loaded tree, the session, the screens' modules. None of those become garbage while
the app runs, yet each full collection during a page change walks all of them again.
`gc.freeze()` moves everything alive into a permanent generation that collections skip; the app
does it once the walk is ready (`WizardApp._get_ready_for_the_walk`), off the key path.

A collection first, so that garbage already waiting is freed rather than frozen with the rest;
and when the app ends, `let_go` gives the collector back what was frozen, so an app (and its
tree) made and ended in a longer-lived process, as in the tests, is freed like anything else.
(Freezing before the first screen was tried too: it saved nothing measurable there.)
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
