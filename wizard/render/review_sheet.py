"""The review sheet a clinician signs before a translation is called reviewed.

Why a sheet: a reviewer who opens the overlay file sees YAML keys, not the guide, and could miss
the one text that matters. The sheet sets every English text beside its translation, red flags
first (they tell people to call for help), marks what only the translation says (numbers) and
what is missing, and ends with the fingerprint the overlay records (`review.sheet`) so the
signed words and the shown words are provably the same.
"""

from __future__ import annotations

from wizard.model.translation import (
    Overlay,
    added_numbers,
    broken_shapes,
    review_fingerprint,
    tree_texts,
)
from wizard.model.tree import Tree


def _cell(text: str) -> str:
    """A table cell: Markdown tables cannot hold a line break or a bare `|`."""
    return " ".join(text.replace("|", "\\|").split()) or " "


def review_sheet(tree: Tree, overlay: Overlay) -> str:
    """The sheet as Markdown: English and translation side by side, every text, red flags first,
    then the signature block and the `review:` lines to copy into the overlay."""
    texts = tree_texts(tree)
    order = [k for k in texts if k.startswith("red_flags.")]
    order += [k for k in texts if not k.startswith("red_flags.")]
    fingerprint = review_fingerprint(tree, overlay)
    lines = [
        f"# Review sheet: {tree.title} ({tree.id} {tree.version}) in '{overlay.language}'",
        "",
        f"Overlay: {overlay.path}. Sheet fingerprint: **{fingerprint}**.",
        "",
        "Read each translation beside its English. Check that it says the same thing: the same",
        "numbers, the same urgency, nothing added or left out. Red flags come first.",
        "",
        "| # | Text | English | Translation | Check |",
        "|---|---|---|---|---|",
    ]
    for number, key in enumerate(order, 1):
        english = texts[key]
        entry = overlay.entries.get(key)
        text = entry.text if entry is not None else ""
        notes: list[str] = []
        if not text.strip():
            notes.append("MISSING: the English is shown")
        elif entry is not None and entry.en != english:
            notes.append("STALE: the English changed; the English is shown")
        else:
            notes.extend(broken_shapes(english, text))
            if extra := added_numbers(english, text):
                notes.append(f"numbers only in the translation: {', '.join(extra)}")
        lines.append(f"| {number} | {_cell(key)} | {_cell(english)} | {_cell(text)} | "
                     f"{_cell('; '.join(notes))} |")
    lines += [
        "",
        "## Signature",
        "",
        f"I have read all {len(order)} texts above and the translation says what the English says.",
        "",
        "Name: ______________________  Role: ______________________",
        "",
        "Date (YYYY-MM-DD): __________  Signature: ______________________",
        "",
        "Then record it in the overlay:",
        "",
        "```yaml",
        "review: {status: reviewed, reviewed_by: NAME, role: ROLE, date: YYYY-MM-DD, "
        f"sheet: {fingerprint}}}",
        "```",
        "",
    ]
    return "\n".join(lines)
