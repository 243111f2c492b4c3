"""The bundled Spanish translation: plain language by a Spanish readability formula, and the
emergency numbers and helplines right for Spanish-speaking readers in the US and in Spain,
each labelled by country.

Readability: textstat's Fernández Huerta score (`textstat.set_lang("es")`; higher is easier;
60-70 "normal", 70-80 "bastante fácil", 80-90 "fácil"). Texts of six words or more are graded
(sources' titles are cited as published, not written by us). Threshold: a mean of at least 70
("bastante fácil", roughly the reading level the English aims at), and no more than 5% of texts
below 50 ("algo difícil"). Measured when written: mean 78.8 over 348 texts, 10 below 50.

Numbers checked against public pages (2026-11): 911 (US) and 112 (Spain and the EU) emergency;
the American Cancer Society's 1-800-227-2345 answers day and night, also in Spanish; the
Asociación Española Contra el Cáncer's Infocáncer line, 900 100 036, is free and open day and
night.
"""

from __future__ import annotations

import textstat

from wizard.model.translation import tree_texts
from wizard.model.tree import Tree

MEAN_AT_LEAST = 70.0
HARD_BELOW = 50.0
MOST_HARD = 0.05


def test_spanish_reads_plainly(spanish_tree: Tree) -> None:
    textstat.set_lang("es")
    try:
        texts = [text for key, text in tree_texts(spanish_tree).items()
                 if len(text.split()) >= 6 and not key.startswith("sources.")]
        scores = [textstat.fernandez_huerta(text) for text in texts]
    finally:
        textstat.set_lang("en_US")
    assert len(texts) > 300
    assert sum(scores) / len(scores) >= MEAN_AT_LEAST
    assert sum(score < HARD_BELOW for score in scores) <= MOST_HARD * len(scores)


def test_emergency_numbers_are_labelled_by_country(spanish_tree: Tree) -> None:
    texts = tree_texts(spanish_tree)
    emergency = [text for text in texts.values() if "911" in text or "112" in text]
    assert len(emergency) >= 8
    for text in emergency:
        assert "911 en Estados Unidos" in text
        assert "112 en España" in text


def test_helplines_for_the_us_and_spain(spanish_tree: Tree) -> None:
    texts = tree_texts(spanish_tree)
    acs = texts["resources.american-cancer-society.contact"]
    assert acs.startswith("Estados Unidos:") and "1-800-227-2345" in acs and "español" in acs
    assert "En España" in texts["disclaimer"] and "900 100 036" in texts["disclaimer"]
