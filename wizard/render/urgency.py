"""The vocabulary's urgency words, per language, for checking translated red flags.

Why from the vocabulary: the words that make an alert urgent are interface words a translator
of the catalogue already chose ("now" -> "ahora"), so a tree's translation is held to the same
words the rest of the interface uses, and a new language brings its own with its catalogue.
"""

from __future__ import annotations

from wizard.render.words import speaking, t


def urgency_words(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words that say a red flag is urgent, phrases that say something is not) in `language`.

    A language without a catalogue gets the English, so its red flags must keep English urgent
    words: nothing unchecked passes for want of a word list."""
    with speaking(language):
        return _split(t("urgency_words")), _split(t("calm_words"))


def _split(words: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in words.split(",") if word.strip())
