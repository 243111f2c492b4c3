"""Helpers the test modules import (fixtures live in conftest.py)."""

from __future__ import annotations

from wizard.model.loader import check_text


def diagnose(text: str, file: str = "t.yaml") -> list[str]:
    """Every diagnostic for a tree given as text, as the strings `wizard check` prints."""
    return [str(d) for d in check_text(text, file)[1]]
