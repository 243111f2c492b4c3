"""Reading level in `wizard check`: per-text warnings above `reading_grade`, the tree's mean,
the Flesch-Kincaid grade as textstat 0.7 gave it with Pyphen's syllables, and never a network
access."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wizard.model.loader import check_text
from wizard.model.reading import check_reading, grade, plain
from wizard.model.tree import Tree

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


def test_grading_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def no_socket(*args: object, **kwargs: object) -> None:
        calls.append("socket")
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    report = check_reading(tree(help="Zebrafish quietly photosynthesise marmalade. " + EASY))
    assert report.mean is not None and calls == []


SAMPLES = [
    HARD,
    EASY,
    "Don't stop the tablets on your own; it's safer to ask first. We'll talk it over.",
    "IVIg (immunoglobulin) is given by drip over 2-5 days, e.g. once a month.",
    "Anti-Hu antibodies: 'seropositive' means found. Ask your team what yours mean!",
    "Rest. Drink water. Call 999 if you cannot breathe.",
    "One two. Three four five six seven eight nine ten eleven twelve thirteen.",
    "Ça va? Naïve café-goers re-enter the coöperative's dining-room...",
    "",
    "...",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_grade_is_textstats_flesch_kincaid_with_pyphen_syllables(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grade the checker gave while it used textstat 0.7 (counting syllables with Pyphen,
    never with NLTK's dictionary), so trees' grades did not move when it stopped."""
    textstat: Any = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    textstat.set_lang("en_US")
    assert grade(text) == pytest.approx(float(textstat.flesch_kincaid_grade(text)), abs=1e-9)


def test_the_grade_counts_words_sentences_and_syllables() -> None:
    # 6 words, 1 sentence, 9 syllables (wa-ter, re-mem-ber): 0.39 x 6 + 11.8 x 9/6 - 15.59.
    assert grade("Drink water and remember to rest.") == pytest.approx(
        0.39 * 6 + 11.8 * 9 / 6 - 15.59)
    assert grade("") == 0.0 and grade("?!") == 0.0


def test_loading_a_tree_does_not_import_the_grader(example_path: Path) -> None:
    """Only `wizard check` grades texts: loading (run, walk, graph) stays fast."""
    code = (
        "import sys; from wizard.model.loader import load_tree; "
        f"load_tree({str(example_path)!r}); print('pyphen' in sys.modules, 'wizard.model.reading' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.split() == ["False", "False"]


def test_grading_imports_neither_textstat_nor_nltk(example_path: Path) -> None:
    """Even where the tests installed them, `wizard check` pays for Pyphen alone."""
    code = (
        "import sys; from wizard.model.loader import load_tree; "
        "from wizard.model.reading import check_reading; "
        f"report = check_reading(load_tree({str(example_path)!r})); "
        "print(report.mean is not None, 'pyphen' in sys.modules, 'textstat' in sys.modules, "
        "'nltk' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.split() == ["True", "True", "False", "False"]
