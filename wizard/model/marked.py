"""The YAML data a tree file is read into: dicts and lists that remember where each key and
value was written, so every diagnostic can point at a line and column.

Its own module so that the loader (which makes them) and the builder (which reads them) both
depend on it, and not on each other.
"""

from __future__ import annotations

from typing import Any

import yaml

YamlMark = yaml.Mark


class MarkedDict(dict[str, Any]):
    """A mapping from the file, with where it, each key and each value were written."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: YamlMark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, YamlMark] = {}
        self.value_marks: dict[str, YamlMark] = {}


class MarkedList(list[Any]):
    """A sequence from the file, with where it and each item were written."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: YamlMark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: list[YamlMark] = []
