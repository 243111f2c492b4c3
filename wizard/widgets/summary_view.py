"""The summary as widgets: urgent alerts first, then what was said, treatments, support,
questions for the care team, sources and the disclaimer.

Built straight from the engine's `Summary` (the same data the Markdown, HTML and text renderers
read), so the screen lists exactly what a saved file lists, in the same order, with the same
reasons. Headings and labels are words ("Urgent", "Why this is listed"), never colour alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.model.summary import Listed, Summary
from wizard.model.tree import Resource, Source, Treatment


def tidy(text: str) -> str:
    """Paragraphs kept, line breaks inside a paragraph (YAML folding) joined with spaces."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


def field(label: str, text: str) -> Content:
    """'Label: text' with the label in bold."""
    return Content.assemble((f"{label}: ", "bold"), tidy(text))


def bullets(label: str, items: Sequence[str]) -> Content:
    """A bold label, then one '• item' line each."""
    lines = [Content.styled(f"{label}:", "bold")]
    lines += [Content(f"  • {tidy(item)}") for item in items]
    return Content("\n").join(lines)


def cite(source_ids: Sequence[str], sources: Mapping[str, Source]) -> str:
    """Source ids as their titles, for the 'Sources:' line of an item."""
    return "; ".join(sources[s].title if s in sources else s for s in source_ids)


def why(listed: Listed[Any], *, rules: bool = False) -> list[Content]:
    """Why an item is listed: the answers behind it, and for educators the rule itself."""
    parts = [field("Listed when", listed.rule)] if rules else []
    if listed.because:
        parts.append(field("Why this is listed", "; ".join(listed.because)))
    return parts


def treatment_content(
    listed: Listed[Treatment], sources: Mapping[str, Source], *, rules: bool = False
) -> Content:
    """Everything about one treatment: what it is, how given, side effects, notes, why, sources."""
    item = listed.item
    parts: list[Content] = []
    if item.examples:
        parts.append(field("Examples", ", ".join(item.examples)))
    parts.append(field("What it is", item.about))
    if item.given:
        parts.append(field("How it is given", item.given))
    if item.side_effects.common:
        parts.append(bullets("Common side effects", item.side_effects.common))
    if item.side_effects.serious:
        serious = item.side_effects.serious
        parts.append(bullets("Serious side effects (tell your care team)", serious))
    for note in listed.notes:
        parts.append(field("For you", note))
    parts += why(listed, rules=rules)
    if listed.sources:
        parts.append(field("Sources", cite(listed.sources, sources)))
    return Content("\n").join(parts)


def resource_content(
    listed: Listed[Resource], sources: Mapping[str, Source], *, rules: bool = False
) -> Content:
    """One coping or support resource: what it is, how to reach it, why it is listed."""
    item = listed.item
    parts = [Content(tidy(item.about))]
    if item.contact:
        parts.append(field("Contact", item.contact))
    if item.url:
        parts.append(field("Web", item.url))
    for note in listed.notes:
        parts.append(field("For you", note))
    parts += why(listed, rules=rules)
    if listed.sources:
        parts.append(field("Sources", cite(listed.sources, sources)))
    return Content("\n").join(parts)


def card(content: Content, title: str, classes: str = "card") -> Static:
    """A bordered block with its name in the border."""
    widget = Static(content, classes=classes)
    widget.border_title = title
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

    def __init__(
        self,
        summary: Summary,
        *,
        id: str | None = None,
        rules: bool = False,
        changeable: bool = True,
    ) -> None:
        super().__init__(id=id)
        self.summary = summary
        self.rules = rules
        self.changeable = changeable

    def compose(self) -> ComposeResult:
        yield from self._red_flags()
        summary = self.summary
        yield Static(Content(summary.title), id="summary-title")
        if summary.outcome is not None and summary.outcome.text:
            yield paragraph(summary.outcome.text)
        yield from self._answers()
        yield from self._treatments()
        yield from self._resources()
        yield from self._questions()
        yield from self._sources()
        yield heading("Please note")
        yield paragraph(summary.disclaimer, "paragraph disclaimer")

    def _red_flags(self) -> Iterator[Static]:
        for flag in self.summary.red_flags:
            text = Content.assemble((f"Urgent: {flag.title}", "bold"), "\n", tidy(flag.advice))
            yield card(text, "⚠ URGENT", "card urgent")

    def _answers(self) -> Iterator[Static]:
        if not self.summary.answers:
            return
        yield heading("What you told us")
        lines = [
            Content.assemble(
                f"• {answer.prompt} ",
                (", ".join(answer.labels), "bold"),
                "  ",
                Content.from_markup(f"[@click=app.jump_to('{answer.node}')]change[/]")
                if self.changeable
                else "",
            )
            for answer in self.summary.answers
        ]
        yield Static(Content("\n").join(lines), id="summary-answers")

    def _treatments(self) -> Iterator[Static]:
        sources = self.summary.tree.sources
        if not self.summary.groups:
            yield heading("Treatments")
            yield paragraph("Nothing in this guide is listed for these answers.")
        for group in self.summary.groups:
            yield heading(group.group.title)
            if group.group.about:
                yield paragraph(group.group.about)
            for listed in group.treatments:
                yield card(treatment_content(listed, sources, rules=self.rules), listed.item.name)

    def _resources(self) -> Iterator[Static]:
        if not self.summary.resources:
            return
        sources = self.summary.tree.sources
        yield heading("Help with coping")
        for listed in self.summary.resources:
            yield card(resource_content(listed, sources, rules=self.rules), listed.item.name)

    def _questions(self) -> Iterator[Static]:
        if not self.summary.questions:
            return
        yield heading("Questions to ask your care team")
        lines = []
        for question in self.summary.questions:
            lines.append(Content(f"[ ] {tidy(question.item.text)}"))
            if self.rules:
                lines += [Content("    ").append(part) for part in why(question, rules=True)]
        yield Static(Content("\n").join(lines), classes="paragraph")

    def _sources(self) -> Iterator[Static]:
        if not self.summary.sources:
            return
        yield heading("Sources")
        lines = []
        for source in self.summary.sources:
            text = f"• {source.title}"
            if source.publisher:
                text += f", {source.publisher}"
            if source.url:
                text += f": {source.url}"
            lines.append(Content(text))
        yield Static(Content("\n").join(lines), classes="paragraph")
