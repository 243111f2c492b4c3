"""The summary as widgets: the one outline (wizard.render.outline) drawn on screen.

The screen, the saved files, the clipboard and `wizard walk` all render that same outline, so the
screen lists exactly what a saved file lists, in the same order, under the same headings, with the
same words. Headings and labels are words ("Urgent", "Why this is listed"), never colour alone.

Tree text is data: it reaches Textual only as `Content` built from plain strings (never parsed
as markup), border titles included, so `[@click=app.quit]` in a tree is shown, not obeyed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from wizard.model.summary import Summary
from wizard.render.outline import (
    LINE_KINDS,
    Entry,
    Line,
    Outline,
    Paragraph,
    Section,
    build_outline,
)
from wizard.render.words import t

# Entries shown one line each, a run of them in one block; the others are cards.
_LINE_KINDS = LINE_KINDS
_OPENING = ("glance", "urgent")
"""The outline's sections that open a summary: nothing a front end adds comes before them."""


def tidy(text: str) -> str:
    """Paragraphs kept, line breaks inside a paragraph (YAML folding) joined with spaces."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


def field(label: str, text: str) -> Content:
    """'Label: text' with the label in bold; no label, just the text."""
    if not label:
        return Content(tidy(text))
    return Content.assemble((f"{label}: ", "bold"), tidy(text))


def bullets(label: str, items: Sequence[str]) -> Content:
    """A bold label, then one '• item' line each."""
    lines = [Content.styled(f"{label}:", "bold")]
    lines += [Content(f"  • {tidy(item)}") for item in items]
    return Content("\n").join(lines)


def line_content(line: Line) -> Content:
    return bullets(line.label, line.items) if line.items else field(line.label, line.text)


def card(content: Content, title: str, classes: str = "card") -> Static:
    """A bordered block with its name in the border (as Content: a name is never markup)."""
    widget = Static(content, classes=classes)
    widget.border_title = Content(title)
    return widget


def heading(text: str) -> Static:
    return Static(Content(text), classes="heading")


def paragraph(text: str, classes: str = "paragraph") -> Static:
    return Static(Content(tidy(text)), classes=classes)


class SummaryView(VerticalScroll):
    """The whole summary, scrolled with arrows, PgUp/PgDn or the mouse wheel.

    `rules`: show the rule behind each item (educators). `changeable`: each answer links back
    to its question; off for a summary that is not the person's own ("what if").
    """

    DEFAULT_CSS = """
    SummaryView .subtitle { color: $text-muted; }
    SummaryView .glance-urgent { text-style: bold; color: $text-error; }
    """

    def __init__(
        self,
        summary: Summary,
        *,
        id: str | None = None,
        rules: bool = False,
        changeable: bool = True,
        after_opening: Sequence[Widget] = (),
    ) -> None:
        super().__init__(id=id)
        self.summary = summary
        self.after_opening = tuple(after_opening)
        """Shown after the summary's opening ("At a glance", then anything urgent in full), so
        nothing comes before what is urgent: a kiosk's take-home code."""
        self.rules = rules
        self.changeable = changeable
        self.outline: Outline = build_outline(summary, rules=rules)

    def compose(self) -> ComposeResult:
        yield Static(Content(self.outline.title), id="summary-title")
        yield Static(Content(self.outline.subtitle), classes="subtitle")
        sections = self.outline.sections
        opening = max((i + 1 for i, s in enumerate(sections[:2]) if s.id in _OPENING), default=0)
        for index, section in enumerate(sections):
            if index == opening:
                yield from self.after_opening
            yield from self._section(section)
        if opening >= len(sections):
            yield from self.after_opening

    def _section(self, section: Section) -> Iterator[Static]:
        yield heading(section.heading)
        run: list[Entry] = []
        for block in section.blocks:
            if isinstance(block, Entry) and block.kind in _LINE_KINDS:
                if block.kind == "urgent_line":
                    yield from self._lines(section, run)
                    run = []
                    yield Static(Content(block.title), classes="glance-urgent urgent")
                else:
                    run.append(block)
                continue
            yield from self._lines(section, run)
            run = []
            if isinstance(block, Paragraph):
                css = ("paragraph", "disclaimer") if block.role == "disclaimer" else ("paragraph",)
                yield paragraph(block.text, " ".join(css))
            elif block.kind == "urgent":
                body = Content.assemble((block.title, "bold"), "\n")
                body = body + Content("\n").join(line_content(line) for line in block.lines)
                yield card(body, t("urgent_badge"), "card urgent")
            else:
                body = Content("\n").join(line_content(line) for line in block.lines)
                yield card(body, block.title)
        yield from self._lines(section, run)

    def _lines(self, section: Section, entries: list[Entry]) -> Iterator[Static]:
        """A run of one-line entries as one block of lines."""
        if not entries:
            return
        lines: list[Content] = []
        for entry in entries:
            lines.append(self._one_line(entry))
            if entry.kind == "question":
                lines += [Content("    ").append(line_content(line)) for line in entry.lines]
        widget_id = "summary-answers" if section.id == "answers" else None
        yield Static(Content("\n").join(lines), classes="lines", id=widget_id)

    def _one_line(self, entry: Entry) -> Content:
        if entry.kind == "option":
            name = Content.styled(entry.title, "bold")
            if not entry.detail:
                return Content("• ").append(name)
            return Content.assemble("• ", name, ": ", entry.detail)
        if entry.kind in ("question", "bring"):
            return Content(f"[ ] {entry.title}")
        if entry.kind == "caution":
            return Content.assemble(("! ", "bold"), (entry.title, "bold"), ": ", entry.detail)
        if entry.kind in ("others", "write_in"):
            return Content(f"• {entry.title}" if entry.kind == "others" else entry.title)
        if entry.kind == "sign":
            contacts = [f"\n    – {item}" for line in entry.lines for item in line.items]
            return Content(f"• {entry.title}" + "".join(contacts))
        if entry.kind == "answer":
            change = Content("")
            if self.changeable:
                # the node id is an id ([a-z0-9_]), quoted as a Python string for the action
                change = Content.assemble("  ", (t("change"), f"@click=app.jump_to({entry.id!r})"))
            return Content.assemble(f"• {entry.title} ", (entry.detail, "bold"), change)
        text = f"• {entry.title}"
        if entry.detail:
            text += f", {entry.detail}"
        if entry.url:
            text += f": {entry.url}"
        return Content(text)
