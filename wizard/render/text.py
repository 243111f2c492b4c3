"""Summary -> plain text: for terminals, printers and screen readers (no markup at all).

It renders the one outline (outline.py), so it lists what every other output lists, in the same
order, under the same headings. The outline has already stripped control characters from tree
text, which is all plain text needs: nothing in it is read as markup.
"""

from __future__ import annotations

import textwrap

from wizard.model.summary import Summary
from wizard.render.outline import (
    FIRST_PAGE,
    Entry,
    Line,
    Outline,
    Paragraph,
    Section,
    build_outline,
)
from wizard.render.words import t

WIDTH = 78
"""Columns of plain text: a printer's 80 at 10 characters an inch, less a margin."""
INDENT = "    "
_KEEP = "\u00a0°"
"""A space that does not break (textwrap breaks only at ASCII whitespace), put back after."""
FORM_FEED = "\f"
"""Starts a new sheet on a printer (and a new page in `less` or `pr`)."""


def wrap_whole(text: str, width: int = WIDTH, first: str = "", rest: str = "") -> list[str]:
    """Words wrapped at spaces only: never inside a word or at its hyphens, so an address
    (https://example.org/long-path) stays whole on its line, even one longer than the width,
    and a copied or printed link still works. A temperature stays whole too: "38 °C", never
    "38" at the end of one line and "°C" at the start of the next."""
    words = " ".join(text.split()).replace(" °", _KEEP)
    return [
        line.replace(_KEEP, " °")
        for line in textwrap.wrap(words, width, initial_indent=first, subsequent_indent=rest,
                                  break_on_hyphens=False, break_long_words=False)
    ]


def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(wrap_whole(paragraph, WIDTH, indent, indent) or [""])
    return lines


def _bullet(text: str, marker: str, indent: str = "") -> list[str]:
    """A list item whose following lines line up under its first word."""
    return wrap_whole(text, WIDTH, indent + marker, indent + " " * len(marker))


def _heading(text: str, mark: str) -> list[str]:
    """The heading on a rule of `mark`s across the page: "-- At a glance -----". One line,
    with no blank line above it and no underline below, so the first page fits one printed
    sheet; the rule sets each section apart."""
    return [f"{mark * 2} {text} ".ljust(WIDTH, mark) if len(text) < WIDTH - 6
            else f"{mark * 2} {text} {mark * 2}"]


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
        return _wrap(entry.title)
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


def section_lines(section: Section) -> list[str]:
    """One section as lines of text: its heading, then what it holds. A section's lines never
    depend on the sections around it, so a page can be measured section by section."""
    lines: list[str] = []
    previous: type | None = None
    for block in section.blocks:
        if isinstance(block, Paragraph):
            gap = previous is not None and block.role not in ("more", "outcome")
            lines += ["", *_wrap(block.text)] if gap else _wrap(block.text)
        else:
            lines += _entry(block)
        previous = type(block)
    if lines[:1] == [""]:  # the heading's rule already sets the first card apart
        del lines[0]
    return _heading(section.heading, "!" if section.id == "urgent" else "-") + lines


def text_parts(summary: Summary) -> tuple[list[str], list[str]]:
    """The summary's lines in two parts: the first page (the title, then the sections of
    `FIRST_PAGE`), which stands alone, and the details that follow it."""
    outline = build_outline(summary)
    first = title_lines(outline)
    details: list[str] = []
    for section in outline.sections:
        part = first if section.id in FIRST_PAGE and not details else details
        part.extend(section_lines(section))
    return first, details


def title_lines(outline: Outline) -> list[str]:
    """The title, underlined, and the subtitle: the top of the first page."""
    return [outline.title, "=" * len(outline.title), outline.subtitle]


def render_text(summary: Summary, *, page_break: bool = False) -> str:
    """The summary as plain text. `page_break`: a form feed starts the details on a new sheet
    (for a printer: the first page then stands alone, as `PAGE_LINES` lines at most)."""
    first, details = text_parts(summary)
    if page_break and details:
        details = [FORM_FEED + details[0], *details[1:]]
    return "\n".join([*first, *details]) + "\n"
