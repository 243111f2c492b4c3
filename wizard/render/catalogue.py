"""The interface catalogues: Babel's extraction method for the vocabulary table, which
`pybabel extract` calls in `make locale` (and the tests read). The program itself reads only the
compiled .mo files with the standard library's gettext (no Babel at run time, nothing compiled
when it starts).

Each message is `msgctxt` = the vocabulary key, `msgid` = the English in wizard/render/words.py,
so a changed English sentence no longer matches its translation on `pybabel update` (which
`make locale` runs without fuzzy matching: the translation is dropped, and the catalogue test
names the key), and two keys with the same English may be translated differently.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import IO, Any

WORDS_FILE = "wizard/render/words.py"


def words_with_lines(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, key, English) for each entry of the WORDS table in words.py's source."""
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "WORDS"
            and isinstance(node.value, ast.Dict)
        ):
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Constant):
                    yield key.lineno, str(key.value), str(value.value)


def extract_words(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extraction method (babel.cfg): the vocabulary table as pgettext(key, English)."""
    for line, key, english in words_with_lines(fileobj.read().decode("utf-8")):
        yield line, "pgettext", (key, english), []
