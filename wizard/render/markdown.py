"""Summary -> Markdown: what Save writes next to the HTML page.

It renders the one outline (outline.py). Tree text is data: it enters the Markdown only through
`_escape`, which backslash-escapes everything Markdown could read as a link, an image, HTML,
emphasis, code or a block (heading, quote, list), so `![](https://x)` stays those characters.
The only links are `url`s of sources and resources, and only http(s), mailto and tel ones
(`outline.safe_url`); any other address is shown as text.
"""

from __future__ import annotations

import re

from wizard.model.summary import Summary
from wizard.render.outline import (
    LINE_KINDS,
    Entry,
    Line,
    Paragraph,
    Section,
    build_outline,
    safe_url,
)
from wizard.render.words import fill

# Every character CommonMark (and GitHub's tables and strikethrough) gives a meaning inline, and
# what GitHub-flavoured renderers turn into links by themselves: `://`, `www.` and the `@` of an
# address (escaping the one character breaks the pattern and shows the same text).
_INLINE = re.compile(r"([\\`*_\[\]<>&#|~!@]|:(?=//)|(?<=www)\.)", re.IGNORECASE)
# What makes a line a block: a list item (-, +, 1. 1)), a setext underline (=), a heading or quote
# (already escaped above).
_LIST_MARK = re.compile(r"^([-+=])")
_NUMBER_MARK = re.compile(r"^(\d+)([.)])")
# List-like entries: one line each, rendered as one Markdown list.
_LIST_KINDS = LINE_KINDS


def _escape(text: str) -> str:
    """Tree text as literal Markdown: one line, every special character escaped."""
    flat = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _NUMBER_MARK.sub(r"\1\\\2", _LIST_MARK.sub(r"\\\1", flat))


def _paragraphs(text: str) -> list[str]:
    return [_escape(p) for p in text.strip().split("\n\n") if p.strip()]


def _link(url: str) -> str:
    """An autolink when the address is safe to follow, else the address as text."""
    safe = safe_url(url)
    return f"<{safe}>" if safe is not None else _escape(url)


def _line(line: Line) -> list[str]:
    label = f"**{_escape(line.label)}:**" if line.label else ""
    if line.items:
        return [label, "", *[f"- {_escape(item)}" for item in line.items], ""]
    text = _link(line.text) if line.url else _escape(line.text)
    if line.role == "note":
        return [f"> {label} {text}", ""]
    return [f"{label} {text}".strip(), ""]


def _list_item(entry: Entry) -> list[str]:
    title = _escape(entry.title)
    if entry.kind == "urgent_line":
        return [f"- **{title}**"]
    if entry.kind == "option":
        if not entry.detail:
            return [f"- **{title}**"]
        return [
            "- " + fill("option_line", _escape, name=f"**{title}**", brief=_escape(entry.detail))
        ]
    if entry.kind == "others":
        return [f"- {title}"]
    if entry.kind == "caution":
        words = fill("caution_line", _escape, name=f"**{title}**", text=_escape(entry.detail))
        return [f"- {words}"]
    if entry.kind == "sign":
        contacts = [f"  - {_escape(item)}" for line in entry.lines for item in line.items]
        return [f"- {title}", *contacts]
    if entry.kind == "write_in":
        return [f"- {title}"]
    if entry.kind == "bring":
        return [f"- [ ] {title}"]
    if entry.kind == "answer":
        return [f"- {title} **{_escape(entry.detail)}**"]
    if entry.kind == "source":
        publisher = f", {_escape(entry.detail)}" if entry.detail else ""
        where = f" {_link(entry.url)}" if entry.url else ""
        return [f"- {title}{publisher}{where}"]
    sub = [
        f"  - {_escape(line.label)}: {_escape(line.text)}" for line in entry.lines if not line.items
    ]
    return [f"- [ ] {title}", *sub]


def _card(entry: Entry) -> list[str]:
    if entry.kind == "urgent":
        lines = [f"> **{_escape(entry.title)}**  "]
        lines += [f"> {_escape(line.text)}" for line in entry.lines]
        return [*lines, ""]
    lines = [f"### {_escape(entry.title)}", ""]
    for line in entry.lines:
        lines += _line(line)
    return lines


def _section(section: Section) -> list[str]:
    lines = [f"## {_escape(section.heading)}", ""]
    listing = False
    for block in section.blocks:
        is_list = isinstance(block, Entry) and block.kind in _LIST_KINDS
        if listing and not is_list:
            lines.append("")
        listing = is_list
        if isinstance(block, Paragraph):
            text = _paragraphs(block.text)
            if block.role == "reviewed":
                text = [f"*{p}*" for p in text]
            lines += [line for p in text for line in (p, "")]
        elif is_list:
            lines += _list_item(block)
        else:
            lines += _card(block)
    return lines + ([""] if listing else [])


def render_markdown(summary: Summary) -> str:
    outline = build_outline(summary)
    lines = [f"# {_escape(outline.title)}", "", f"*{_escape(outline.subtitle)}*", ""]
    for section in outline.sections:
        lines += _section(section)
    return "\n".join(lines)
