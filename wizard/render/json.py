"""Summary -> the JSON document of the contract (`wizard walk --format json`).

The contract's fields stay as they were (keys may be added, never renamed or dropped). Added:
`at_a_glance` (urgent lines, the person's first choices in their order, and `others`: the
other options named on one line), `cautions`, `safety_net` (on every summary of a tree that has
one), `bring`, `review` (the review dates, `changed` when the content changed after the last
review, and the closing line saying so), and `outline` (every section's id, heading and
entries, in reading order), all read from the one outline the other outputs render. Every
string passes through `strip_control` on its way out (`_clean`).
"""

from __future__ import annotations

import json
from typing import Any

from wizard.model.plain import strip_control
from wizard.model.summary import Summary
from wizard.render.outline import Entry, Outline, Paragraph, build_outline
from wizard.render.reasons import because


def _clean(value: Any) -> Any:
    """The data with control characters stripped from every string in it."""
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _entries(outline: Outline, section_id: str) -> tuple[Entry, ...]:
    section = outline.section(section_id)
    return section.entries if section is not None else ()


def _outline_data(outline: Outline, summary: Summary) -> dict[str, Any]:
    entries = _entries(outline, "glance")
    net = outline.section("safety_net")
    intro = [b.text for b in net.blocks if isinstance(b, Paragraph)] if net is not None else []
    return {
        "at_a_glance": {
            "urgent": [e.title for e in entries if e.kind == "urgent_line"],
            "options": [
                {"id": e.id, "name": e.title, "brief": e.detail}
                for e in entries
                if e.kind == "option"
            ],
            "others": [{"id": o.item.id, "name": o.item.name} for o in summary.others],
        },
        "cautions": [
            {"id": e.id, "name": e.title, "text": e.detail} for e in _entries(outline, "cautions")
        ],
        "safety_net": None
        if net is None
        else {
            "heading": net.heading,
            "intro": intro[0] if intro else "",
            "signs": [
                {"text": e.title, "contacts": [i for line in e.lines for i in line.items]}
                for e in net.entries
                if e.kind == "sign"
            ],
            "write_in": summary.tree.safety_net.write_in if summary.tree.safety_net else "",
        },
        "bring": [e.title for e in _entries(outline, "bring")],
        "review": _review_data(outline, summary),
        "outline": [
            {
                "id": section.id,
                "heading": section.heading,
                "entries": [
                    {"kind": e.kind, "id": e.id, "title": e.title} for e in section.entries
                ],
            }
            for section in outline.sections
        ],
    }


def _review_data(outline: Outline, summary: Summary) -> dict[str, Any]:
    """The review dates and the closing line that states them: `changed` is the day the
    content changed after its last review (null when the review covers what is shown), so a
    program never reports reviewed content that was not."""
    review = summary.tree.review
    note = outline.section("note")
    blocks = note.blocks if note is not None else ()
    said = [b.text for b in blocks if isinstance(b, Paragraph) and b.role == "reviewed"]
    return {
        "last_reviewed": review.last_reviewed,
        "next_review": review.next_review,
        "changed": review.unreviewed_change or None,
        "text": said[0] if said else "",
    }


def summary_data(summary: Summary) -> dict[str, Any]:
    """The contract's shape, plus `at_a_glance` and `outline`."""
    tree = summary.tree
    data = {
        "tree": {"id": tree.id, "version": tree.version},
        "outcome": summary.outcome.id if summary.outcome is not None else None,
        "answers": [{"node": a.node, "options": list(a.options)} for a in summary.answers],
        "facts": sorted(summary.facts),
        "red_flags": [
            {"id": f.id, "title": f.title, "advice": f.advice} for f in summary.red_flags
        ],
        "treatments": [
            {
                "id": t.item.id,
                "name": t.item.name,
                "group": t.item.group,
                "brief": t.item.brief,
                "examples": list(t.item.examples),
                "about": t.item.about,
                "given": t.item.given,
                "side_effects": {
                    "common": list(t.item.side_effects.common),
                    "serious": list(t.item.side_effects.serious),
                },
                "notes": list(t.notes),
                "because": list(because(t)),
                "sources": list(t.sources),
            }
            for t in summary.treatments
        ],
        "resources": [
            {
                "id": r.item.id,
                "name": r.item.name,
                "brief": r.item.brief,
                "about": r.item.about,
                "contact": r.item.contact,
                "url": r.item.url,
                "notes": list(r.notes),
                "because": list(because(r)),
                "sources": list(r.sources),
            }
            for r in summary.resources
        ],
        "questions": [q.item.text for q in summary.questions],
        "sources": [
            {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}
            for s in summary.sources
        ],
        "disclaimer": summary.disclaimer,
        **_outline_data(build_outline(summary), summary),
    }
    return dict(_clean(data))


def render_json(summary: Summary) -> str:
    return json.dumps(summary_data(summary), indent=2, ensure_ascii=False) + "\n"
