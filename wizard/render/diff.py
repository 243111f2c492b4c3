"""TreeDiff -> text or Markdown: what a reviewer reads to sign a new edition off.

One list of sections (`_sections`) is rendered two ways, so the two formats cannot drift. Tree
text is data: in Markdown it goes through the summary renderer's `_escape`, and the CLI strips
control characters from everything it prints.
"""

from __future__ import annotations

from collections.abc import Callable

from wizard.model.diff import CATEGORIES, TreeDiff, spans, what_differs
from wizard.render.markdown import _escape

FORMATS = ("text", "markdown")
_HEADINGS = {
    "treatment": "Treatments listed",
    "resource": "Resources listed",
    "red flag": "Red flags raised",
    "care-team question": "Questions to ask the care team",
    "step": "Pages and questions shown",
    "group heading": "Group headings shown",
    "note": "Notes shown on items",
}

Section = tuple[str, list[str]]


def _routes(numbers: tuple[int, ...], total: int) -> str:
    if len(numbers) == total:
        return f"on every route ({total})"
    word = "route" if len(numbers) == 1 else "routes"
    return f"on {word} {spans(numbers)} ({len(numbers)} of {total})"


def _sections(diff: TreeDiff, quote: Callable[[str], str], signs: bool) -> list[Section]:
    total = len(diff.routes)
    sections: list[Section] = []
    for category in CATEGORIES:
        lines = []
        for change in diff.changes:
            if change.category != category:
                continue
            verb = "added" if change.sign == "+" else "dropped"
            name = quote(change.label)
            shown = name if change.key == change.label else f"{quote(change.key)} ({name})"
            sign = f"{change.sign} " if signs else ""
            lines.append(f"{sign}{shown}: {verb} {_routes(change.routes, total)}")
        if lines:
            sections.append((_HEADINGS[category], lines))
    if diff.outcomes:
        sections.append((
            "Outcomes",
            [f"route {n}: {quote(old)} -> {quote(new)}" for n, old, new in diff.outcomes],
        ))
    named = {n for change in diff.changes for n in change.routes} | {n for n, _, _ in diff.outcomes}
    unnamed: dict[str, list[int]] = {}
    for r in diff.routes:
        if r.differs and r.number not in named:
            unnamed.setdefault(what_differs(r.old.view, r.new.view), []).append(r.number)
    reads = [f"{quote(what)}: {_routes(tuple(n), total)}" for what, n in unnamed.items()]
    if reads:
        sections.append(("Routes that read differently (first difference)", reads))
    if diff.others:
        sections.append((
            "Other parts changed (not compared route by route: check them by hand)",
            [quote(name) for name in diff.others],
        ))
    texts = []
    for text in diff.texts:
        where = quote(text.where)
        if text.old is None:
            texts.append(f"{where}: added: {quote(text.new or '')}")
        elif text.new is None:
            texts.append(f"{where}: removed: {quote(text.old)}")
        else:
            texts.append(f"{where}: {quote(text.old)} => {quote(text.new)}")
    if texts:
        heading = "Texts changed"
        if diff.unseen_texts and diff.complete:
            heading += " (no route shows these: nothing that lists them is ever listed)"
        sections.append((heading, texts))
    return sections


def _title(diff: TreeDiff) -> tuple[str, str]:
    old, new = diff.old, diff.new
    if not diff.equal:
        verdict = f"the versions differ on {len(diff.differing)} of them."
        if diff.others:
            verdict += f" They also differ in parts outside the routes: {', '.join(diff.others)}."
        if not diff.complete:
            verdict += f" Not every route was compared: {'; '.join(diff.why)}."
    elif diff.complete:
        verdict = "no differences: every route reads the same on both versions."
    else:
        verdict = (
            "no differences found on these routes, but NOT every route was compared, so this "
            f"is not a sign-off: {'; '.join(diff.why)}."
        )
    return (
        f"{old.title}: {old.version} ({old.path}) -> {new.version} ({new.path})",
        f"{total_routes(diff)} walked on both versions ({diff.how}): {verdict}",
    )


def total_routes(diff: TreeDiff) -> str:
    count = len(diff.routes)
    return f"{count} route{'s' if count != 1 else ''}"


def _legend(diff: TreeDiff, quote: Callable[[str], str]) -> list[str]:
    """The answers of every route a difference names (with where they did not fit)."""
    named = {n for change in diff.changes for n in change.routes}
    named |= {n for n, _, _ in diff.outcomes} | set(diff.differing)
    notes: dict[int, list[str]] = {}
    for number, note in diff.notes:
        notes.setdefault(number, []).append(note)
    lines = []
    for route in diff.routes:
        if route.number not in named:
            continue
        extra = f" ({'; '.join(notes[route.number])})" if route.number in notes else ""
        lines.append(f"{route.number}: {quote(route.answers or '(no questions)')}{extra}")
    return lines


def render_text(diff: TreeDiff) -> str:
    title, about = _title(diff)
    lines = [title, about]
    for heading, entries in _sections(diff, str, signs=True):
        lines += ["", heading]
        lines += [f"  {entry}" for entry in entries]
    legend = _legend(diff, str)
    if legend:
        lines += ["", "Routes named above (answers)"]
        lines += [f"  {line}" for line in legend]
    return "\n".join(lines) + "\n"


def render_markdown(diff: TreeDiff) -> str:
    title, about = _title(diff)
    lines = [f"# {_escape(title)}", "", _escape(about)]
    for heading, entries in _sections(diff, _escape, signs=False):
        lines += ["", f"## {heading}", ""]
        lines += [f"- {entry}" for entry in entries]
    legend = _legend(diff, _escape)
    if legend:
        lines += ["", "## Routes named above (answers)", ""]
        lines += [f"- {line}" for line in legend]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[TreeDiff], str]] = {
    "text": render_text,
    "markdown": render_markdown,
}
