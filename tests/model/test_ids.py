"""Ids fit their documented pattern entirely: a final newline is not a harmless extra.

Python's `$` also matches just before a final newline, so an id "fire\\n" once passed `check`,
crashed the app when answered and left a kiosk at a shell with the visitor's answers on screen.
"""

from __future__ import annotations

import pytest

from tests.helpers import diagnose
from wizard.model import spec


def _errors(text: str) -> list[str]:
    return [line for line in diagnose(text) if ": error: " in line]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{id: fire, label: Smoke", '{id: "fire\\n", label: Smoke'),  # option id
        ("id: garden", 'id: "garden\\n"'),  # tree id
        ("  welcome:\n", '  "welcome\\n":\n'),  # node id (a map key)
        ("next: danger", 'next: "danger\\n"'),  # node reference
        ("sets: [fern]", 'sets: ["fern\\n"]'),  # fact name
        ("last_reviewed: 2026-11-21", 'last_reviewed: "2026-11-21\\n"'),  # date
        ("  rhs: {title", '  "rhs\\n": {title'),  # item id (a map key)
    ],
)
def test_an_id_ending_in_a_newline_is_an_error(example_text: str, old: str, new: str) -> None:
    assert old in example_text
    assert _errors(example_text) == []
    found = _errors(example_text.replace(old, new, 1))
    # Refused for its shape, not only because the other ids no longer find it.
    assert any(word in line for line in found for word in ("lowercase", "YYYY-MM-DD")), found


@pytest.mark.parametrize("value", ["abc\n", "abc\r\n", "\nabc", "ab c", "Abc", "", "abc\n\n"])
def test_the_patterns_take_only_the_whole_text(value: str) -> None:
    for pattern in (spec.NODE_ID, spec.ITEM_ID, spec.FACT):
        assert not spec.fits(pattern, value), (pattern, value)
    assert spec.fits(spec.NODE_ID, "abc_1")
    assert spec.fits(spec.ITEM_ID, "abc-1")
    assert not spec.fits(spec.DATE, "2026-11-21\n")
