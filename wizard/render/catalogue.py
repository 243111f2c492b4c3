"""The interface catalogues: Babel's extractor for the vocabulary, and building a language's
.po from a {english: translation} mapping. Tooling for `make locale` and the tests; the program
itself reads only the compiled .mo files with the standard library's gettext (no Babel at run
time, nothing compiled when it starts).

Each message is `msgctxt` = the vocabulary key, `msgid` = the English in wizard/render/words.py,
so a changed English sentence makes its translation fuzzy on `pybabel update`, and two keys with
the same English may be translated differently.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
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


def build_po(language: str, source: str, mapping: Mapping[str, str], old: Any = None) -> Any:
    """A babel Catalog for `language`: every vocabulary entry, translated from the old
    catalogue where its English is unchanged, else from `mapping` (English -> translation)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale=language.replace("-", "_"), domain="messages",
                      project="triage-wizard", charset="utf-8")  # fmt: skip
    for line, key, english in words_with_lines(source):
        text = ""
        if old is not None:
            previous = old.get(english, context=key)
            if previous is not None and previous.string and not previous.fuzzy:
                text = previous.string
        text = text or mapping.get(english, "")
        catalog.add(english, text, locations=[(WORDS_FILE, line)], context=key)
    return catalog
