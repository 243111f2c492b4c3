"""Control characters never survive into what a person reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wizard.model.plain import find_control, strip_control


def test_escape_sequences_are_removed() -> None:
    hostile = "Rituximab\x1b]0;pwned\x07 \x1b]52;c;ZWNobw==\x07\x9b2J"
    assert strip_control(hostile) == "Rituximab]0;pwned ]52;c;ZWNobw==2J"
    assert find_control(hostile) == 9


def test_tabs_newlines_and_ordinary_text_stay() -> None:
    text = "Line one\n\tLine two: 38 °C, café, ①"
    assert strip_control(text) == text
    assert find_control(text) is None


def test_bidi_overrides_are_control() -> None:
    assert find_control("abc\u202edef") == 3


@given(st.text())
def test_stripped_text_is_clean(text: str) -> None:
    assert find_control(strip_control(text)) is None
