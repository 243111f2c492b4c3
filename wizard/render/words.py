"""The words the summary says to a person: every heading and label, in one place.

Every output (text, Markdown, HTML, JSON and the summary screen) takes its words from here through
`t`, so they cannot drift apart, and a translation later replaces this one table (the keys stay,
`t` becomes a gettext lookup). Templates name their blanks (`{title}`); what fills them is data
and is never read as a template itself.
"""

from __future__ import annotations

from collections.abc import Callable

WORDS: dict[str, str] = {
    # section headings, in outline order
    "glance": "At a glance",
    "urgent": "URGENT: get help now",
    "treatments": "Treatments",
    "resources": "Help with coping",
    "questions": "Questions to ask your care team",
    "answers": "What you told us",
    "sources": "Sources",
    "note": "Please note",
    # one-line entries of "At a glance"
    "urgent_line": "Urgent: {title}",
    "option_line": "{name}: {brief}",
    # labels of an item's lines
    "examples": "Examples",
    "about": "What it is",
    "given": "How it is given",
    "common": "Common side effects",
    "serious": "Serious side effects (tell your care team at once)",
    "note_for_you": "Note for you",
    "rule": "Listed when",
    "because": "Why this is listed",
    "cites": "Sources",
    "contact": "Contact",
    "web": "Web",
    # sentences
    "subtitle": "{tree}, content version {version}",
    "nothing_listed": "Nothing in this guide is listed for these answers.",
    "reviewed": "Content reviewed {last}; next review due {next}.",
    "change": "change",
    "urgent_badge": "⚠ URGENT",
    # why an item is listed (reasons.py); the JSON's `because` holds these sentences too
    "for_everyone": "Listed for everyone who uses this guide.",
    "you_said": "You said: {label}",
    "rule_always": "always listed",
    "rule_answer": "'{label}'",
    "rule_not": "not {rule}",
    "rule_and": " and ",
    "rule_or": " or ",
    "rule_group": "({rule})",
    "question_line": "Question: {text}",
}


def t(key: str, **blanks: str) -> str:
    """The words for `key`, with its named blanks filled in."""
    words = WORDS[key]
    return words.format(**blanks) if blanks else words


def fill(key: str, escape: Callable[[str], str], **parts: str) -> str:
    """The words for `key` escaped for a markup language, with ready-made markup in its blanks.

    The words are escaped (a translation may hold a `<` or `*`), the parts are not: the caller
    made them, from tree text it escaped itself.
    """
    marks = {name: f"\x00{number}\x00" for number, name in enumerate(parts)}
    text = escape(t(key, **marks))
    for name, mark in marks.items():
        text = text.replace(mark, parts[name])
    return text
