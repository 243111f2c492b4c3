"""Plain language: every text a person reads in the PNS tree scores as easy reading.

Flesch-Kincaid grade (the checker's, `wizard.model.reading.grade`) must be at most 9 on average over all user-facing texts, and at
most 12 for any single text. Very short texts (labels, list items of a few words) are left out of
the per-text maximum, where the formula means little, but they still count towards the mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from statistics import mean
from typing import Any

import pytest
import yaml

TREE = Path(__file__).parents[2] / "trees" / "paraneoplastic.yaml"

# Keys whose string values are shown to the person.
TEXT_KEYS = frozenset(
    {
        "prompt",
        "help",
        "label",
        "text",
        "about",
        "given",
        "advice",
        "disclaimer",
        "description",
        "title",
        "brief",
    }
)
# Keys whose list items are shown to the person (side effects).
LIST_KEYS = frozenset({"common", "serious"})
# Top-level sections that are not read as prose (citations, not plain-language text).
SKIPPED_SECTIONS = frozenset({"sources"})

MEAN_LIMIT = 9.0
MAX_LIMIT = 12.0
SHORT = 6  # texts with fewer words than this are left out of the per-text maximum


def collect_texts(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every user-facing text in the parsed YAML."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not where and key in SKIPPED_SECTIONS:
                continue
            here = f"{where}.{key}" if where else str(key)
            if key in TEXT_KEYS and isinstance(value, str):
                yield here, value
            elif key in LIST_KEYS and isinstance(value, list):
                for n, item in enumerate(value):
                    if isinstance(item, str):
                        yield f"{here}[{n}]", item
            else:
                yield from collect_texts(value, here)
    elif isinstance(data, list):
        for n, item in enumerate(data):
            ident = item.get("id") if isinstance(item, dict) else None
            yield from collect_texts(item, f"{where}[{ident if ident else n}]")


def plain(text: str) -> str:
    """The text as a person reads it: Markdown emphasis and list bullets removed."""
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE)
    return " ".join(text.split())


def words(text: str) -> int:
    return len(text.split())


@pytest.fixture(scope="module")
def grade() -> Any:
    """The grade `wizard check` gives: Flesch-Kincaid with Pyphen's syllables, offline."""
    from wizard.model.reading import grade

    return grade


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    data = yaml.safe_load(TREE.read_text(encoding="utf-8"))
    found = [(where, plain(text)) for where, text in collect_texts(data)]
    return [(where, text) for where, text in found if text]


@pytest.fixture(scope="module")
def scores(texts: list[tuple[str, str]], grade: Any) -> list[tuple[float, str, str]]:
    return [(float(grade(text)), where, text) for where, text in texts]


def test_collects_the_texts_a_person_reads(texts: list[tuple[str, str]]) -> None:
    where = {w.split("[")[0].split(".")[0] for w, _ in texts}
    assert {"disclaimer", "nodes", "treatments", "resources", "red_flags", "questions"} <= where
    assert len(texts) > 200
    assert not any(w.startswith("sources") for w, _ in texts)


def test_mean_grade_is_at_most_9(scores: list[tuple[float, str, str]]) -> None:
    average = mean(score for score, _, _ in scores)
    worst = sorted(scores, reverse=True)[:8]
    report = "\n".join(f"  {score:5.1f}  {where}: {text[:90]}" for score, where, text in worst)
    assert average <= MEAN_LIMIT, (
        f"mean Flesch-Kincaid grade {average:.2f} > {MEAN_LIMIT} over {len(scores)} texts; "
        f"hardest:\n{report}"
    )


def test_no_single_text_above_grade_12(scores: list[tuple[float, str, str]]) -> None:
    too_hard = sorted(
        (item for item in scores if words(item[2]) >= SHORT and item[0] > MAX_LIMIT),
        reverse=True,
    )
    report = "\n".join(f"  {score:5.1f}  {where}: {text[:90]}" for score, where, text in too_hard)
    assert not too_hard, f"{len(too_hard)} text(s) above grade {MAX_LIMIT}:\n{report}"


def test_short_texts_stay_short_and_clear(texts: list[tuple[str, str]]) -> None:
    """Labels and list items carry no run-on sentences."""
    for where, text in texts:
        if where.endswith(".label"):
            assert words(text) <= 20, f"{where}: label too long ({words(text)} words): {text}"


def test_sentences_are_short(texts: list[tuple[str, str]]) -> None:
    """No sentence runs past 30 words."""
    long: list[str] = []
    for where, text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if words(sentence) > 30:
                long.append(f"  {where}: {sentence}")
    assert not long, "sentences over 30 words:\n" + "\n".join(long)
