"""Summary -> plain text: for terminals, printers and screen readers (no markup at all).

It renders the one outline (outline.py), so it lists what every other output lists, in the same
order, under the same headings. The outline has already stripped control characters from tree
text, which is all plain text needs: nothing in it is read as markup.
"""

from __future__ import annotations

import textwrap

from wizard.model.summary import Summary
from wizard.render.outline import Entry, Line, Paragraph, Section, build_outline
from wizard.render.words import t

WIDTH = 78
INDENT = "    "


def wrap_whole(text: str, width: int = WIDTH, first: str = "", rest: str = "") -> list[str]:
    """Words wrapped at spaces only: never inside a word or at its hyphens, so an address
    (https://example.org/long-path) stays whole on its line, even one longer than the width,
    and a copied or printed link still works."""
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=first,
                         subsequent_indent=rest, break_on_hyphens=False, break_long_words=False)


def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(wrap_whole(paragraph, WIDTH, indent, indent) or [""])
    return lines


def _bullet(text: str, marker: str, indent: str = "") -> list[str]:
    """A list item whose following lines line up under its first word."""
    return wrap_whole(text, WIDTH, indent + marker, indent + " " * len(marker))


def _heading(text: str, underline: str) -> list[str]:
    return ["", text, underline * len(text)]


def _line(line: Line, indent: str) -> list[str]:
    if line.items:
        return [f"{indent}{line.label}:"] + [
            wrapped for item in line.items for wrapped in _bullet(item, "  - ", indent)
        ]
    return _wrap(f"{line.label}: {line.text}" if line.label else line.text, indent)


def _entry(entry: Entry) -> list[str]:
    if entry.kind == "urgent_line":
        return _bullet(entry.title, "! ")
    if entry.kind == "option":
        words = t("option_line", name=entry.title, brief=entry.detail) if entry.detail else None
        return _bullet(words or entry.title, "- ")
    if entry.kind == "others":
        return _bullet(entry.title, "- ")
    if entry.kind == "caution":
        return _bullet(t("caution_line", name=entry.title, text=entry.detail), "! ")
    if entry.kind == "sign":
        contacts = [item for line in entry.lines for item in line.items]
        return _bullet(entry.title, "- ") + [
            text for item in contacts for text in _bullet(item, "  - ", "  ")
        ]
    if entry.kind == "write_in":
        return ["", *_wrap(entry.title)]
    if entry.kind == "bring":
        return _bullet(entry.title, "[ ] ")
    if entry.kind == "answer":
        return _bullet(f"{entry.title} {entry.detail}", "- ")
    if entry.kind == "source":
        words = entry.title + (f", {entry.detail}" if entry.detail else "")
        return _bullet(words + (f": {entry.url}" if entry.url else ""), "- ")
    if entry.kind == "question":
        lines = _bullet(entry.title, "[ ] ")
        return lines + [text for line in entry.lines for text in _line(line, INDENT)]
    if entry.kind == "urgent":
        lines = ["", *_bullet(entry.title, "! ")]
        return lines + [text for line in entry.lines for text in _line(line, "  ")]
    lines = ["", *_bullet(entry.title, "* ")]
    return lines + [text for line in entry.lines for text in _line(line, INDENT)]


def _section(section: Section) -> list[str]:
    lines = _heading(section.heading, "!" if section.id == "urgent" else "-")
    previous: type | None = None
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines += ["", *_wrap(block.text)] if previous is not None else _wrap(block.text)
        else:
            lines += _entry(block)
        previous = type(block)
    return lines


def render_text(summary: Summary) -> str:
    outline = build_outline(summary)
    lines = [outline.title, "=" * len(outline.title), outline.subtitle]
    for section in outline.sections:
        lines += _section(section)
    return "\n".join(lines) + "\n"
