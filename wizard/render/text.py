"""Summary -> plain text: for terminals, printers and screen readers (no markup at all)."""

from __future__ import annotations

import textwrap

from wizard.model.summary import Listed, Summary
from wizard.model.tree import Treatment

WIDTH = 78


def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(
            textwrap.wrap(
                " ".join(paragraph.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
            )
            or [""]
        )
    return lines


def _bullet(text: str, marker: str) -> list[str]:
    """A list item whose following lines line up under its first word."""
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=marker, subsequent_indent=" " * len(marker)
    )


def _heading(text: str, underline: str) -> list[str]:
    return ["", text, underline * len(text)]


def _treatment(listed: Listed[Treatment], names: dict[str, str]) -> list[str]:
    t = listed.item
    lines = ["", f"* {t.name}"]
    if t.examples:
        lines += _wrap("Examples: " + ", ".join(t.examples), "    ")
    lines += _wrap(t.about, "    ")
    if t.given:
        lines += _wrap("How it is given: " + t.given, "    ")
    for heading, effects in (
        ("Common side effects:", t.side_effects.common),
        ("Serious side effects (tell your care team at once):", t.side_effects.serious),
    ):
        if effects:
            lines += ["    " + heading]
            for effect in effects:
                lines += _bullet(effect, "      - ")
    for note in listed.notes:
        lines += _wrap("Note for you: " + note, "    ")
    if listed.because:
        lines += _wrap("Why this is listed: " + "; ".join(listed.because), "    ")
    if listed.sources:
        lines += _wrap("Sources: " + "; ".join(names.get(s, s) for s in listed.sources), "    ")
    return lines


def render_text(summary: Summary) -> str:
    tree = summary.tree
    names = {s.id: s.title for s in summary.sources}
    lines = [summary.title, "=" * len(summary.title), tree.title + f" (content {tree.version})"]
    if summary.red_flags:
        lines += _heading("URGENT: get help now", "!")
        for flag in summary.red_flags:
            lines += ["", f"! {flag.title}", *_wrap(flag.advice, "  ")]
    if summary.answers:
        lines += _heading("What you told us", "-")
        for answer in summary.answers:
            lines += _wrap(f"- {answer.prompt} {', '.join(answer.labels)}")
    if summary.outcome is not None and summary.outcome.text:
        lines += ["", *_wrap(summary.outcome.text)]
    for group in summary.groups:
        lines += _heading(group.group.title, "-")
        if group.group.about:
            lines += _wrap(group.group.about)
        for listed in group.treatments:
            lines += _treatment(listed, names)
    if summary.resources:
        lines += _heading("Help with coping", "-")
        for r in summary.resources:
            lines += ["", f"* {r.item.name}", *_wrap(r.item.about, "    ")]
            if r.item.contact:
                lines += _wrap("Contact: " + r.item.contact, "    ")
            if r.item.url:
                lines += _wrap("Web: " + r.item.url, "    ")
            for note in r.notes:
                lines += _wrap("Note for you: " + note, "    ")
    if summary.questions:
        lines += _heading("Questions to ask your care team", "-")
        for q in summary.questions:
            lines += _wrap("[ ] " + q.item.text, "")
    if summary.sources:
        lines += _heading("Sources", "-")
        for s in summary.sources:
            lines += _wrap(
                f"- {s.title}"
                + (f", {s.publisher}" if s.publisher else "")
                + (f": {s.url}" if s.url else "")
            )
    lines += _heading("Please note", "-")
    lines += _wrap(summary.disclaimer)
    lines += [
        "",
        f"Content reviewed {tree.review.last_reviewed}; next review due {tree.review.next_review}.",
    ]
    return "\n".join(lines) + "\n"
