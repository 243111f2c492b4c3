"""Reading level in `wizard check`: per-text warnings above `reading_grade`, the tree's mean,
and never a network access (textstat's offline syllable counter)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wizard.model.loader import check_text
from wizard.model.reading import check_reading, plain
from wizard.model.tree import Tree

pytest.importorskip("textstat")

HARD = (  # grade 13 with Pyphen's syllables
    "Your care team may recommend immunotherapy, which calms the overactive immune system, "
    "alongside treatment of any underlying tumour."
)
EASY = "Drink a glass of water. Sit down and rest for a bit."

TREE = """\
format: 1
id: words
title: Words
version: "1"
language: LANG
GRADE
review: {last_reviewed: 2026-01-01, next_review: 2027-01-01}
disclaimer: For tests only.
start: ask
nodes:
  ask:
    kind: choice
    prompt: PROMPT
    help: HELP
    options:
      - {id: a, label: Immunological manifestations, next: done}
  done: {kind: outcome, title: Done}
"""


def tree(prompt: str = EASY, help: str = EASY, grade: int | None = None, lang: str = "en") -> Tree:
    text = (
        TREE.replace("PROMPT", prompt)
        .replace("HELP", help)
        .replace("LANG", lang)
        .replace("GRADE", f"reading_grade: {grade}" if grade is not None else "")
    )
    built, diagnostics = check_text(text, "w.yaml")
    assert built is not None, diagnostics
    return built


def test_a_text_above_the_limit_is_a_warning_with_its_place() -> None:
    report = check_reading(tree(help=HARD))
    assert [str(d) for d in report.diagnostics] == [
        "w.yaml:12:5: warning: the help of node 'ask' reads at grade 13.1, above this tree's "
        "'reading_grade' of 9; use shorter sentences and everyday words"
    ]


def test_easy_texts_and_short_labels_pass() -> None:
    # The label is two long words (a very high grade) but too short for the formula to mean much.
    report = check_reading(tree())
    assert report.diagnostics == ()
    assert report.mean is not None and report.texts == 2  # the prompt and the help; the rest are too short


def test_the_tree_sets_its_own_limit() -> None:
    assert check_reading(tree(help=HARD, grade=18)).diagnostics == ()


def test_the_mean_counts_every_text() -> None:
    easy = check_reading(tree())
    hard = check_reading(tree(prompt=HARD, help=HARD))
    assert easy.mean is not None and hard.mean is not None and hard.mean > easy.mean


def test_a_tree_not_in_english_has_no_grade() -> None:
    report = check_reading(tree(help=HARD, lang="fr"))
    assert report.diagnostics == () and report.mean is None


def test_markdown_is_read_as_words() -> None:
    assert plain("- **Rest** and [see a doctor](https://example.org/a).\n- Drink.") == (
        "Rest and see a doctor. Drink."
    )


def test_grading_never_downloads_or_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without NLTK's CMU dictionary and without network: textstat would try
    `nltk.download`, which opens a socket. Neither may happen."""
    nltk: Any = pytest.importorskip("nltk")
    calls: list[str] = []

    def no_socket(*args: object, **kwargs: object) -> None:
        calls.append("socket")
        raise OSError("no network in this test")

    def no_download(*args: object, **kwargs: object) -> bool:
        calls.append("download")
        raise OSError("no downloads in this test")

    def not_installed(*args: object, **kwargs: object) -> None:
        calls.append("find")
        raise LookupError("cmudict is not installed here")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "find", not_installed)
    # Words no other test grades, so textstat's caches cannot answer for it.
    report = check_reading(tree(help="Zebrafish quietly photosynthesise marmalade. " + EASY))
    assert report.mean is not None
    assert "socket" not in calls and "download" not in calls and "find" not in calls


def test_loading_a_tree_does_not_import_textstat(example_path: Path) -> None:
    """Only `wizard check` grades texts: loading (run, walk, graph) stays fast."""
    code = (
        "import sys; from wizard.model.loader import load_tree; "
        f"load_tree({str(example_path)!r}); print('textstat' in sys.modules, 'nltk' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.split() == ["False", "False"]


def test_grading_does_not_load_nltk_and_leaves_the_real_one_importable(example_path: Path) -> None:
    """textstat imports NLTK only for the dictionary the checker never uses; `wizard check`
    must not pay for loading it, and a later `import nltk` must still get the real package."""
    code = (
        "import sys; from wizard.model.loader import load_tree; "
        "from wizard.model.reading import check_reading; "
        f"report = check_reading(load_tree({str(example_path)!r})); "
        "print(report.mean is not None, 'nltk' in sys.modules); "
        "import nltk; print(hasattr(nltk, 'download'), 'nltk.data' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.split() == ["True", "False", "True", "True"]
