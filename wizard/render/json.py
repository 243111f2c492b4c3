"""Summary -> the JSON document of the contract (`wizard walk --format json`)."""

from __future__ import annotations

import json
from typing import Any

from wizard.model.summary import Summary


def summary_data(summary: Summary) -> dict[str, Any]:
    """The contract's shape; keys may be added, never renamed or dropped."""
    tree = summary.tree
    return {
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
                "examples": list(t.item.examples),
                "about": t.item.about,
                "given": t.item.given,
                "side_effects": {
                    "common": list(t.item.side_effects.common),
                    "serious": list(t.item.side_effects.serious),
                },
                "notes": list(t.notes),
                "because": list(t.because),
                "sources": list(t.sources),
            }
            for t in summary.treatments
        ],
        "resources": [
            {
                "id": r.item.id,
                "name": r.item.name,
                "about": r.item.about,
                "contact": r.item.contact,
                "url": r.item.url,
                "notes": list(r.notes),
                "because": list(r.because),
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
    }


def render_json(summary: Summary) -> str:
    return json.dumps(summary_data(summary), indent=2, ensure_ascii=False) + "\n"
