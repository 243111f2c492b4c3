"""Summary -> Markdown: what Save writes, what Copy puts on the clipboard, and what the summary
screen shows, so a saved file reads exactly like the screen."""

from __future__ import annotations

from wizard.model.summary import Listed, Summary
from wizard.model.tree import Treatment


def _escape(text: str) -> str:
    """Keep tree text literal: a stray `*` or `#` in content must not become formatting."""
    return (
        " ".join(text.split())
        .replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("#", "\\#")
        .replace("<", "&lt;")
    )


def _paragraphs(text: str) -> list[str]:
    return [_escape(p) for p in text.strip().split("\n\n") if p.strip()]


def _treatment(listed: Listed[Treatment], names: dict[str, str]) -> list[str]:
    t = listed.item
    lines = [f"### {_escape(t.name)}", ""]
    if t.examples:
        lines += [f"*Examples:* {_escape(', '.join(t.examples))}", ""]
    lines += [*_paragraphs(t.about), ""]
    if t.given:
        lines += [f"**How it is given:** {_escape(t.given)}", ""]
    if t.side_effects.common:
        lines += [
            "**Common side effects:**",
            "",
            *[f"- {_escape(s)}" for s in t.side_effects.common],
            "",
        ]
    if t.side_effects.serious:
        lines += [
            "**Serious side effects (tell your care team at once):**",
            "",
            *[f"- {_escape(s)}" for s in t.side_effects.serious],
            "",
        ]
    for note in listed.notes:
        lines += [f"> **Note for you:** {_escape(note)}", ""]
    if listed.because:
        lines += [f"**Why this is listed:** {_escape('; '.join(listed.because))}", ""]
    if listed.sources:
        lines += [f"*Sources:* {_escape('; '.join(names.get(s, s) for s in listed.sources))}", ""]
    return lines


def render_markdown(summary: Summary) -> str:
    tree = summary.tree
    names = {s.id: s.title for s in summary.sources}
    lines = [
        f"# {_escape(summary.title)}",
        "",
        f"*{_escape(tree.title)}*, content version {_escape(tree.version)}",
        "",
    ]
    if summary.red_flags:
        lines += ["## ⚠ Urgent: get help now", ""]
        for flag in summary.red_flags:
            lines += [f"> **URGENT: {_escape(flag.title)}**  ", f"> {_escape(flag.advice)}", ""]
    if summary.answers:
        lines += ["## What you told us", ""]
        lines += [
            f"- {_escape(a.prompt)} **{_escape(', '.join(a.labels))}**" for a in summary.answers
        ]
        lines += [""]
    if summary.outcome is not None and summary.outcome.text:
        lines += [*_paragraphs(summary.outcome.text), ""]
    for group in summary.groups:
        lines += [f"## {_escape(group.group.title)}", ""]
        if group.group.about:
            lines += [*_paragraphs(group.group.about), ""]
        for listed in group.treatments:
            lines += _treatment(listed, names)
    if summary.resources:
        lines += ["## Help with coping", ""]
        for r in summary.resources:
            lines += [f"### {_escape(r.item.name)}", "", *_paragraphs(r.item.about), ""]
            if r.item.contact:
                lines += [f"**Contact:** {_escape(r.item.contact)}", ""]
            if r.item.url:
                lines += [f"**Web:** <{r.item.url}>", ""]
            for note in r.notes:
                lines += [f"> **Note for you:** {_escape(note)}", ""]
    if summary.questions:
        lines += ["## Questions to ask your care team", ""]
        lines += [f"- [ ] {_escape(q.item.text)}" for q in summary.questions]
        lines += [""]
    if summary.sources:
        lines += ["## Sources", ""]
        for s in summary.sources:
            where = f" <{s.url}>" if s.url else ""
            publisher = f", {_escape(s.publisher)}" if s.publisher else ""
            lines += [f"- {_escape(s.title)}{publisher}{where}"]
        lines += [""]
    lines += ["## Please note", "", *_paragraphs(summary.disclaimer), ""]
    lines += [
        f"*Content reviewed {tree.review.last_reviewed}; "
        f"next review due {tree.review.next_review}.*",
        "",
    ]
    return "\n".join(lines)
