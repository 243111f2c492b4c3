"""Teach-back in words: the question's reminder is that part of the person's own summary,
taken from the one outline every output draws (outline.py), after the author's `explain`.
"""

from __future__ import annotations

from wizard.model.plain import strip_control
from wizard.model.summary import Summary
from wizard.model.tree import TeachBack
from wizard.render.outline import build_outline
from wizard.render.words import t


def reminder(summary: Summary, question: TeachBack) -> list[str]:
    """The same point in other words (the author's `explain`), then the summary's own entry:
    its title, short line and labelled lines, as plain text."""
    lines = [strip_control(" ".join(question.explain.split()))]
    kind, _, ref = question.about.partition(":")
    section_kind = {"treatment": "treatment", "resource": "resource", "red_flag": "urgent"}[kind]
    for section in build_outline(summary).sections:
        for entry in section.entries:
            if entry.kind != section_kind or entry.id != ref:
                continue
            lines.append(entry.title + (f": {entry.detail}" if entry.detail else ""))
            for line in entry.lines:
                if line.role == "rule" or line.label in (t("because"), t("cites")):
                    continue  # why it is listed, and sources: not the point asked about
                if line.items:
                    lines.append(f"{line.label}: " + "; ".join(line.items))
                elif line.text:
                    lines.append(f"{line.label}: {line.text}" if line.label else line.text)
            return lines
    return lines
