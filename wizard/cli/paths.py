"""`wizard paths`: the routes from wizard/model/paths.py, printed as an aligned table or JSON.

Why here: the enumeration is engine logic (no text for people); how the routes are printed
belongs to the command line.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Iterable, Iterator, Sequence

from wizard.cli.open import open_tree
from wizard.cli.output import Form, say
from wizard.exits import Exit
from wizard.model.cover import build_cover
from wizard.model.paths import Item, Route, RouteList
from wizard.model.tree import Tree

FORMATS = ("table", "json")
MULTI_RULES: dict[str, str] = {
    "fixed": (
        "each multi-select question is answered one fixed way: its 'none of these' (exclusive) "
        "option, else its first option (its first `min` options when it needs more)"
    ),
    "each": "each option of a multi-select question is explored on its own (no combinations)",
    "cover": (
        "chosen by the cover search, several options at once where that reaches more "
        "(wizard/model/cover.py)"
    ),
}
COVERED = (
    "these routes together pick every option, show every page, list every treatment and "
    "resource, raise every red flag and ask every care-team question that any answers reach"
)
ANSWERING = (
    "choice questions: every option; info pages continue; nodes whose `when` does not hold "
    "are skipped"
)


def cmd_paths(args: argparse.Namespace) -> int:
    from wizard.model.paths import cover_paths, iter_paths

    tree = open_tree(args.tree)
    form: Form = "json" if args.format == "json" else "text"
    if args.cover:
        say(render_paths(cover_paths(tree), args.format), end="", form=form)
        return Exit.OK
    for part in stream_paths(tree, iter_paths(tree, multi=args.multi), args.format,
                             args.limit, args.multi):  # fmt: skip
        say(part, end="", form=form)
    return Exit.OK


# -- streaming ----------------------------------------------------------------------------------
BLOCK = 200
"""Table rows aligned together: the table is printed in blocks of this many routes, so the first
routes appear at once and memory never holds more than one block, whatever `--limit` says."""


def stream_paths(
    tree: Tree, routes: Iterable[Route], fmt: str, limit: int, multi: str
) -> Iterator[str]:
    """Every route, as text to print, as the enumeration finds it: at most `limit` routes, then
    one sentence when more exist. Nothing grows with the number of routes but the count, so
    `--limit 1000000` costs the memory of one route (JSON) or one block of rows (table)."""
    questions = {q.text: f"Q{n}" for n, q in enumerate(tree.questions, 1)}
    listed: set[str] = set()
    count, truncated = 0, False
    about = {
        "tree": {"id": tree.id, "title": tree.title, "version": tree.version},
        "multi": multi,
        "limit": limit,
        "rules": {"answers": ANSWERING, "multi": MULTI_RULES.get(multi)},
    }
    if fmt == "json":
        yield json.dumps(about, indent=2, ensure_ascii=False)[:-2] + ',\n  "routes": ['
    else:
        yield (
            f"# The routes through {tree.title} ({tree.id} {tree.version}), as they are found.\n"
            f"# Answers: {ANSWERING}.\n# Multi-select: {MULTI_RULES[multi]}.\n"
        )
    block: list[tuple[str, ...]] = []
    for route in routes:
        if count == limit:
            truncated = True
            break
        count += 1
        listed.update(route.questions)
        if fmt == "json":
            text = json.dumps(_route_json(route), indent=2, ensure_ascii=False)
            yield ("\n" if count == 1 else ",\n") + textwrap.indent(text, "    ")
            continue
        block.append(_table_row(count, route, questions))
        if len(block) == BLOCK:
            yield _table_block(block)
            block = []
    if fmt == "json":
        yield f'\n  ],\n  "count": {count},\n  "truncated": {json.dumps(truncated)}\n}}\n'
        return
    if block:
        yield _table_block(block)
    lines = [f"# {count} route{'s' if count != 1 else ''}."]
    if truncated:
        lines.append(
            f"# Stopped at the limit of {limit} routes: more routes exist and are not listed."
        )
    if questions:
        never = _never_listed(RouteList([], tree, multi, limit, False)) if (
            set(questions) - listed
        ) else set()
        lines += ["", "Questions to ask the care team:"]
        lines += [f"  {number}  {text}{_question_note(text, listed, never)}"
                  for text, number in questions.items()]
    yield "\n".join(lines) + "\n"


_TABLE_HEADER = (
    "route", "outcome", "answers", "treatments", "resources", "questions", "red flags"
)  # fmt: skip


def _table_row(number: int, route: Route, questions: dict[str, str]) -> tuple[str, ...]:
    return (
        str(number),
        route.outcome,
        route.answers,
        " ".join(i.id for i in route.treatments) or "-",
        " ".join(i.id for i in route.resources) or "-",
        " ".join(questions.get(q, "?") for q in route.questions) or "-",
        " ".join(i.id for i in route.red_flags) or "-",
    )


def _table_block(rows: list[tuple[str, ...]]) -> str:
    """One block of rows under its own header, aligned within the block."""
    rows = [_TABLE_HEADER, *rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_TABLE_HEADER))]
    return "\n" + "\n".join(_row(row, widths) for row in rows) + "\n"


# -- rendering ----------------------------------------------------------------------------------
def render_paths(routes: Sequence[Route], fmt: str) -> str:
    """The routes as an aligned text table (with a legend for the questions) or as JSON."""
    if fmt == "json":
        return _render_json(routes)
    if fmt == "table":
        return _render_table(routes)
    raise ValueError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")


def _about(routes: Sequence[Route]) -> dict[str, object]:
    """What the header says: the tree, how answers were chosen, whether the cap was reached."""
    if not isinstance(routes, RouteList):
        return {"tree": None, "multi": None, "limit": None, "truncated": False}
    tree = routes.tree
    return {
        "tree": {"id": tree.id, "title": tree.title, "version": tree.version},
        "multi": routes.multi,
        "limit": routes.limit,
        "truncated": routes.truncated,
    }


def _header(routes: Sequence[Route]) -> list[str]:
    about = _about(routes)
    tree = about["tree"]
    count = f"{len(routes)} route{'s' if len(routes) != 1 else ''}"
    title = f"{tree['title']} ({tree['id']} {tree['version']})" if isinstance(tree, dict) else ""
    lines = [f"# {count} through {title}" if title else f"# {count}"]
    lines.append(f"# Answers: {ANSWERING}.")
    if about["multi"] is not None:
        lines.append(f"# Multi-select: {MULTI_RULES[str(about['multi'])]}.")
    cover = routes.cover if isinstance(routes, RouteList) else None
    if cover is not None:
        lines.append(f"# Cover: {COVERED} ({len(cover.covered)} of {len(cover.targets)}).")
        if cover.unreachable:
            missing = len(cover.unreachable)
            lines.append(
                f"# {missing} thing{'s' if missing != 1 else ''} no answers reach: "
                "listed at the end."
            )
    if about["truncated"]:
        lines.append(
            f"# Stopped at the limit of {about['limit']} routes: more routes exist and are not "
            "listed."
        )
    return lines


def _question_numbers(routes: Sequence[Route]) -> dict[str, str]:
    """Short names for the questions in the table: Q1, Q2 ... in the tree's order (so a number
    no route lists is a question no answers reach), else in the order first met."""
    texts: list[str] = []
    if isinstance(routes, RouteList):
        texts = [q.text for q in routes.tree.questions]
    for route in routes:
        texts += [text for text in route.questions if text not in texts]
    return {text: f"Q{n}" for n, text in enumerate(dict.fromkeys(texts), 1)}


def _render_table(routes: Sequence[Route]) -> str:
    numbers = _question_numbers(routes)
    listed = {text for route in routes for text in route.questions}
    never = _never_listed(routes) if set(numbers) - listed else set()
    header = ("route", "outcome", "answers", "treatments", "resources", "questions", "red flags")
    rows = [header] + [
        (
            str(n),
            route.outcome,
            route.answers,
            " ".join(i.id for i in route.treatments) or "-",
            " ".join(i.id for i in route.resources) or "-",
            " ".join(numbers[q] for q in route.questions) or "-",
            " ".join(i.id for i in route.red_flags) or "-",
        )
        for n, route in enumerate(routes, 1)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [*_header(routes), ""]
    lines += [_row(row, widths) for row in rows]
    if numbers:
        lines += ["", "Questions to ask the care team:"]
        lines += [f"  {number}  {text}{_question_note(text, listed, never)}"
                  for text, number in numbers.items()]
    cover = routes.cover if isinstance(routes, RouteList) else None
    if cover is not None and cover.unreachable:
        lines += ["", "No answers reach these:"]
        lines += [f"  {target} ({target.label})" for target in cover.unreachable]
    return "\n".join(lines) + "\n"


def _never_listed(routes: Sequence[Route]) -> set[str]:
    """The care-team questions no answers can list, from the cover search: a question missing
    from the routes shown may still be listed by a route not shown (a multi-select answered
    another way, or a route past the cap), and the table must not say otherwise."""
    if not isinstance(routes, RouteList):
        return set()
    cover = routes.cover or build_cover(routes.tree)
    questions = routes.tree.questions
    unreachable = {t.key for t in cover.unreachable if t.kind == "question"}
    reachable = {q.text for n, q in enumerate(questions, 1) if f"Q{n}" not in unreachable}
    return {q.text for q in questions} - reachable


def _question_note(text: str, listed: set[str], never: set[str]) -> str:
    if text in listed:
        return ""
    if text in never:
        return "  (no answers can list this)"
    return "  (not on these routes; `wizard paths --cover` has one that lists it)"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def _render_json(routes: Sequence[Route]) -> str:
    document: dict[str, object] = {
        **_about(routes),
        "rules": {"answers": ANSWERING, "multi": MULTI_RULES.get(str(_about(routes)["multi"]))},
        "count": len(routes),
        "routes": [_route_json(route) for route in routes],
    }
    cover = routes.cover if isinstance(routes, RouteList) else None
    if cover is not None:
        document["cover"] = {
            "targets": len(cover.targets),
            "covered": len(cover.covered),
            "unreachable": [
                {"kind": t.kind, "key": t.key, "label": t.label} for t in cover.unreachable
            ],
        }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _route_json(route: Route) -> dict[str, object]:
    def items(listed: tuple[Item, ...]) -> list[dict[str, str]]:
        return [{"id": i.id, "name": i.name} for i in listed]

    return {
        "answers": [
            {"node": s.node, "options": list(s.options), "labels": list(s.labels)}
            for s in route.steps
        ],
        "outcome": {"id": route.outcome, "title": route.outcome_title},
        "treatments": items(route.treatments),
        "resources": items(route.resources),
        "questions": list(route.questions),
        "red_flags": items(route.red_flags),
    }
