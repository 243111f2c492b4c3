"""Tree text is data: the one rule for which characters may reach a person's screen or file.

A tree author's text (or a visitor's typed answer) must never become a terminal sequence: an
escape character can retitle the terminal, write the clipboard or move the cursor. The checker
refuses such characters with file:line:col (`find_control`), and every output passes text
through `strip_control` as a second line of defence, so a tree that slipped past the checker
(for example one built in memory) is still inert.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional overrides
# and isolates, which can make text display in a different order than it is stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def find_control(text: str) -> int | None:
    """Index of the first control character in `text`, or None when the text is clean."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


def strip_control(text: str) -> str:
    """`text` without control characters; tabs and newlines stay."""
    return _CONTROL.sub("", text)
