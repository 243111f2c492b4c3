"""Pausing Python's cyclic garbage collector while large acyclic structures are built.

Loading a big tree allocates hundreds of thousands of containers; each allocation burst makes the
collector scan the whole young-to-old heap again, which turns a linear load into a much slower,
super-linear one. Nothing built here forms reference cycles that need the collector, so it is
paused for the duration and resumed afterwards (reference counting still frees everything).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
