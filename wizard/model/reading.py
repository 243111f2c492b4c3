"""Reading level: how hard each text a person reads in a tree is (Flesch-Kincaid grade).

Only `wizard check` asks for this, so textstat (and the NLTK it imports, about 0.2 s) is imported
here, inside `check_reading`, never when a tree is merely loaded. textstat counts syllables with
NLTK's CMU dictionary and downloads it on first use; a checker must never touch the network, so
the count always uses textstat's offline counter (Pyphen hyphenation), which also gives the same
grades on every machine, whatever NLTK data happens to be installed.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import mean
from typing import Any

from wizard.model.errors import Diagnostic
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
    """(where the thing is written, what it is, its text) for every text a person reads.

    Sources are citations, not prose, and are left out.
    """
    top = Mark(tree.path, 1, 1)
    yield top, "the title", tree.title
    yield top, "the description", tree.description
    yield top, "the disclaimer", tree.disclaimer
    for node in tree.nodes.values():
        who = f"node '{node.id}'"
        for key in ("prompt", "title", "text", "help"):
            yield node.mark, f"the {key} of {who}", getattr(node, key)
        for option in node.options:
            yield option.mark, f"the label of option '{option.id}' of {who}", option.label
            yield option.mark, f"the help of option '{option.id}' of {who}", option.help
    for group in tree.groups:
        yield group.mark, f"the title of group '{group.id}'", group.title
        yield group.mark, f"the about of group '{group.id}'", group.about
    for treatment in tree.treatments.values():
        who = f"treatment '{treatment.id}'"
        for key in ("name", "brief", "about", "given"):
            yield treatment.mark, f"the {key} of {who}", getattr(treatment, key)
        for n, effect in enumerate(treatment.side_effects.common, 1):
            yield treatment.mark, f"common side effect {n} of {who}", effect
        for n, effect in enumerate(treatment.side_effects.serious, 1):
            yield treatment.mark, f"serious side effect {n} of {who}", effect
        for note in treatment.notes:
            yield note.mark, f"a note of {who}", note.text
    for resource in tree.resources.values():
        who = f"resource '{resource.id}'"
        for key in ("name", "brief", "about"):
            yield resource.mark, f"the {key} of {who}", getattr(resource, key)
        for note in resource.notes:
            yield note.mark, f"a note of {who}", note.text
    for flag in tree.red_flags.values():
        yield flag.mark, f"the title of red flag '{flag.id}'", flag.title
        yield flag.mark, f"the advice of red flag '{flag.id}'", flag.advice
    for question in tree.questions:
        yield question.mark, "a question", question.text
    for treatment in tree.treatments.values():
        for brief in treatment.briefs:
            yield brief.mark, f"a brief of treatment '{treatment.id}'", brief.text
    if tree.safety_net is not None:
        net = tree.safety_net
        yield net.mark, "the heading of 'safety_net'", net.heading
        yield net.mark, "the intro of 'safety_net'", net.intro
        yield net.mark, "the write_in of 'safety_net'", net.write_in
        for sign in net.signs:
            yield sign.mark, "a sign of 'safety_net'", sign.text
    if tree.bring is not None:
        yield tree.bring.mark, "the heading of 'bring'", tree.bring.heading
        yield tree.bring.mark, "the intro of 'bring'", tree.bring.intro
        for thing in tree.bring.items:
            yield thing.mark, "an item of 'bring'", thing.text


@contextlib.contextmanager
def _offline(textstat: Any) -> Iterator[None]:
    """textstat counting syllables with Pyphen alone, so it never downloads NLTK data.

    textstat 0.7.5+ looks the CMU dictionary up through `get_cmudict`; with it answering None,
    every word goes to the Pyphen fallback. Older versions count with Pyphen alone.
    """
    counts = getattr(getattr(textstat, "backend", None), "counts", None)
    module = getattr(counts, "_count_syllables", None)
    if module is None or not hasattr(module, "get_cmudict"):
        yield
        return
    original = module.get_cmudict
    module.get_cmudict = lambda lang: None
    try:
        yield
    finally:
        module.get_cmudict = original


def _textstat() -> Any:
    """textstat, without paying for importing NLTK (about 0.2 s, most of `wizard check`).

    textstat imports NLTK only to reach the CMU dictionary, which `_offline` never lets it use.
    So while textstat is imported, `nltk` is a stand-in module that loads the real NLTK only if
    something reads from it (PEP 562's module `__getattr__`); the stand-in leaves `sys.modules`
    at once, so any later `import nltk` gets the real one. (The standard library's `LazyLoader`
    would be the tool, but on Python 3.11 the import statement itself reads the lazy module's
    `__spec__` and so loads it.)
    """
    if "textstat" in sys.modules or "nltk" in sys.modules:
        import textstat

        return textstat

    def real_nltk(name: str) -> Any:
        return getattr(importlib.import_module("nltk"), name)

    stand_in = types.ModuleType("nltk")
    stand_in.__getattr__ = real_nltk  # type: ignore[method-assign]
    sys.modules["nltk"] = stand_in
    try:
        import textstat
    finally:
        if sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]
    return textstat


def _grades(texts: list[str]) -> list[float]:
    textstat = _textstat()
    with _offline(textstat):
        return [float(textstat.flesch_kincaid_grade(text)) for text in texts]


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
    grades = [max(grade, 0.0) for grade in _grades([text for _, _, text in found])]
    limit = tree.reading_grade
    warnings = tuple(
        Diagnostic(
            mark.file,
            mark.line,
            mark.col,
            "warning",
            f"{where} reads at grade {grade:.1f}, above this tree's 'reading_grade' of "
            f"{limit}; use shorter sentences and everyday words",
        )
        for (mark, where, _), grade in zip(found, grades, strict=True)
        if grade > limit
    )
    return ReadingReport(warnings, mean(grades), len(grades))
