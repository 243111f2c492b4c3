"""Reading level: how hard each text a person reads in a tree is (Flesch-Kincaid grade).

Only `wizard check` asks for this. The formula is computed here, syllables counted with Pyphen's
hyphenation dictionary: offline, the same on every machine, and without textstat, whose NLTK
cost 0.2 s to import, pulled in five more packages and wanted the network for a dictionary.
(textstat stays in the tests, for the Fernández Huerta score of Spanish text.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wizard.model.errors import Diagnostic
from wizard.model.texts import GRADED, person_texts
from wizard.model.tree import Mark, Tree

SHORT = 6  # words: below this (labels, list items) the formula means little; no warning
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+)\s+", re.MULTILINE)


@dataclass(frozen=True)
class ReadingReport:
    """The warnings for texts above the tree's limit, and the tree's mean grade.

    Both look only at texts of six words or more (`SHORT`): on a label of two long words the
    formula gives a grade that means nothing. `mean` is None when there are no such texts or the
    tree is not in English (the formula is for English); `texts` counts the texts graded.
    """

    diagnostics: tuple[Diagnostic, ...]
    mean: float | None
    texts: int


def plain(text: str) -> str:
    """The text as a person reads it: Markdown links, emphasis and bullets removed."""
    text = _LINK.sub(r"\1", text).replace("**", "").replace("__", "").replace("`", "")
    return " ".join(_BULLET.sub("", text).split())


def tree_texts(tree: Tree) -> Iterator[tuple[Mark, str, str]]:
    """(where the thing is written, what it is, its text) for every sentence a person reads:
    the spec's prose fields (wizard/model/texts.py). Names, addresses and sources' titles are
    not prose, and are left out."""
    for text in person_texts(tree, GRADED):
        yield text.mark, text.what, text.text


# Words and sentences as textstat 0.7 counted them, so grades stayed where they were when the
# checker moved off textstat: an apostrophe stays only in a contraction ("don't", "it's").
_STRAY_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _STRAY_APOSTROPHE.sub("", text)).split()


def _sentences(text: str) -> int:
    """Sentences of three words or more (a "2." or "e.g." is no sentence), at least one."""
    found = _SENTENCE.findall(text)
    return max(1, sum(len(_words(sentence)) > 2 for sentence in found))


@functools.cache
def _hyphenator() -> Any:
    """Pyphen's US English hyphenation dictionary: offline, and the same on every machine."""
    import pyphen  # only `wizard check` grades; loading the dictionary costs a few ms

    return pyphen.Pyphen(lang="en_US")


@functools.cache
def _syllables(word: str) -> int:
    """Pyphen's hyphenation points plus one. Cached: a tree's texts repeat the same few hundred
    words thousands of times, and Pyphen rebuilds its answer list on every call."""
    return len(_hyphenator().positions(word)) + 1


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`: 0.39 x words per sentence + 11.8 x syllables per
    word - 15.59, syllables counted as Pyphen's hyphenation points plus one per word.

    The formula is a few lines, so it is written here rather than taken from textstat, which
    imports NLTK (and, to count syllables, downloads its CMU dictionary); Pyphen is the
    syllable counter textstat itself falls back on.
    """
    words = _words(text)
    if not words:
        return 0.0
    syllables = sum(_syllables(word.lower()) for word in words)
    return 0.39 * len(words) / _sentences(text) + 11.8 * syllables / len(words) - 15.59


def check_reading(tree: Tree) -> ReadingReport:
    """A warning for each text of six words or more above the tree's `reading_grade`, and the
    mean grade of those texts."""
    if tree.language.split("-")[0].split("_")[0].lower() != "en":
        return ReadingReport((), None, 0)
    found = [(mark, where, plain(text)) for mark, where, text in tree_texts(tree) if text]
    found = [(mark, where, text) for mark, where, text in found if len(text.split()) >= SHORT]
    if not found:
        return ReadingReport((), None, 0)
    # Below grade 0 the formula says only "very easy"; such a text counts as grade 0.
    grades = [max(grade(text), 0.0) for _, _, text in found]
    limit = tree.reading_grade
    warnings = tuple(
        Diagnostic(
            mark.file,
            mark.line,
            mark.col,
            "warning",
            f"{where} reads at grade {level:.1f}, above this tree's 'reading_grade' of "
            f"{limit}; use shorter sentences and everyday words",
        )
        for (mark, where, _), level in zip(found, grades, strict=True)
        if level > limit
    )
    # sum/len, not statistics.mean: importing statistics (fractions, decimal, random) cost
    # `wizard check` more than the grading itself (docs/performance.md).
    return ReadingReport(warnings, sum(grades) / len(grades), len(grades))
