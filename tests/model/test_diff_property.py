"""`wizard diff` never misses, by property: on generated trees and generated edits (texts, rules,
facts set, options and items added or removed), `diff` says "different" exactly when walking
every route on both editions, every combination of every multi-select included, shows a
difference in a page, a red flag or the rendered summary."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from itertools import combinations
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from tests.model.test_generated import FACTS, conditions, forward_nodes
from wizard.model.diff import diff_trees
from wizard.model.loader import check_text
from wizard.model.machine import AnswerError, Session
from wizard.model.tree import Node, Tree
from wizard.render.markdown import render_markdown
from wizard.render.text import render_text

MOST_ROUTES = 3000  # per tree: the brute force below must stay quick


@st.composite
def small_trees(draw: st.DrawFn) -> dict[str, Any]:
    """A forward-only tree (test_generated's nodes) with items, notes, a resource, questions and
    a red flag, small enough to walk every route of by brute force."""
    nodes = forward_nodes(draw, draw(st.integers(min_value=3, max_value=5)), most_options=3,
                          red_flag="rf")
    treatments = {
        f"t{k}": {
            "name": f"Treatment {k}",
            "group": f"g{k % 2}",
            "about": f"About {k}.",
            "when": draw(conditions()),
            "notes": [{"when": draw(conditions()), "text": f"Note {k}."}],
        }
        for k in range(3)
    }
    return {
        "format": 1,
        "id": "generated",
        "title": "Generated",
        "version": "1",
        "review": {"last_reviewed": "2026-01-01", "next_review": "2027-01-01"},
        "disclaimer": "Test only.",
        "start": "n0",
        "nodes": nodes,
        "groups": [{"id": "g0", "title": "G0", "about": "Group zero."}, {"id": "g1", "title": "G1"}],
        "treatments": treatments,
        "resources": {"r": {"name": "R", "about": "Help.", "when": draw(conditions())}},
        "red_flags": {"rf": {"title": "Urgent", "advice": "Call now."}},
        "questions": [{"text": f"Ask {k}?", "when": draw(conditions())} for k in range(2)],
    }


def _questions(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in data["nodes"].values() if n.get("options")]


Edit = Callable[[dict[str, Any], st.DrawFn], None]


def _text(data: dict[str, Any], draw: st.DrawFn) -> None:
    places: list[tuple[dict[str, Any], str]] = [(data, "disclaimer")]
    places += [(n, "prompt") for n in data["nodes"].values() if "prompt" in n]
    places += [(o, "label") for n in _questions(data) for o in n["options"]]
    places += [(t, key) for t in data["treatments"].values() for key in ("name", "about")]
    places += [(t["notes"][0], "text") for t in data["treatments"].values()]
    places += [(g, "title") for g in data["groups"]] + [(data["groups"][0], "about")]
    places += [(q, "text") for q in data["questions"]]
    places += [(data["resources"]["r"], "about"), (data["red_flags"]["rf"], "advice")]
    places += [(data["nodes"][max(data["nodes"])], "text")]
    where, key = draw(st.sampled_from(places))
    where[key] = where[key] + " (new)"


def _rule(data: dict[str, Any], draw: st.DrawFn) -> None:
    guarded: list[dict[str, Any]] = [*data["treatments"].values(), *data["questions"]]
    guarded += [t["notes"][0] for t in data["treatments"].values()]
    guarded += [data["resources"]["r"]]
    guarded += [
        n for name, n in data["nodes"].items()
        if name not in ("n0", "n1") and n["kind"] != "outcome"
    ]  # fmt: skip
    draw(st.sampled_from(guarded))["when"] = draw(conditions())


def _equivalent_rule(data: dict[str, Any], draw: st.DrawFn) -> None:
    """A rule rewritten to mean the same: no route may change."""
    item = draw(st.sampled_from(list(data["treatments"].values())))
    item["when"] = {"all": [item["when"], "always"]}


def _sets(data: dict[str, Any], draw: st.DrawFn) -> None:
    option = draw(st.sampled_from([o for n in _questions(data) for o in n["options"]]))
    option["sets"] = draw(st.lists(st.sampled_from(FACTS), max_size=2, unique=True))


def _add_option(data: dict[str, Any], draw: st.DrawFn) -> None:
    node = draw(st.sampled_from(_questions(data)))
    node["options"].insert(
        draw(st.integers(0, len(node["options"]))),
        {"id": "added", "label": "Added", "sets": [draw(st.sampled_from(FACTS))]},
    )


def _remove_option(data: dict[str, Any], draw: st.DrawFn) -> None:
    node = draw(st.sampled_from(_questions(data)))
    if len(node["options"]) > 1:
        node["options"].pop(draw(st.integers(1, len(node["options"]) - 1)))


def _items(data: dict[str, Any], draw: st.DrawFn) -> None:
    if draw(st.booleans()):
        data["treatments"].pop(draw(st.sampled_from(sorted(data["treatments"]))))
    else:
        data["treatments"]["added"] = {
            "name": "Added", "group": "g1", "about": "New.", "when": draw(conditions()),
        }


def _nothing(data: dict[str, Any], draw: st.DrawFn) -> None:
    """A new edition that changes nothing a person reads."""
    data["reading_grade"] = 12


EDITS: list[Edit] = [
    _text, _rule, _equivalent_rule, _sets, _add_option, _remove_option, _items, _nothing,
]  # fmt: skip


# -- the brute force ----------------------------------------------------------------------------
def _answers(node: Node) -> Iterator[tuple[str, ...]]:
    ids = [o.id for o in node.options]
    if node.traits.page:
        yield ()
    elif node.traits.single:
        yield from ((i,) for i in ids)
    else:
        for size in range(1, len(ids) + 1):
            yield from combinations(ids, size)


def _page(node: Node) -> tuple[Any, ...]:
    """A page as written: everything a person reads on it."""
    options = tuple((o.id, o.label, o.help, o.exclusive) for o in node.options)
    return (node.kind, node.prompt, node.title, node.text, node.help, node.min, node.max, options)


def _shown(session: Session) -> str:
    summary = session.summary()
    return render_text(summary) + render_markdown(summary)


def every_route(tree: Tree) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Every answer sequence that reaches an outcome, every multi-select combination included."""
    routes: list[list[tuple[str, tuple[str, ...]]]] = []
    stack: list[tuple[Session, list[tuple[str, tuple[str, ...]]]]] = [(Session(tree), [])]
    while stack:
        session, steps = stack.pop()
        if session.finished:
            routes.append(steps)
            assume(len(routes) <= MOST_ROUTES)
            continue
        node = session.current
        for answer in _answers(node):
            twin = session.fork()
            try:
                twin.answer(answer)
            except AnswerError:
                continue
            stack.append((twin, [*steps, (node.id, answer)]))
    return routes


def _reads_differently(route: list[tuple[str, tuple[str, ...]]], one: Tree, other: Tree) -> bool:
    """Walk the route on both, in lock step: a page, a raised flag or the summary differs."""
    a, b = Session(one), Session(other)
    for _, answer in route:
        if b.finished or _page(a.current) != _page(b.current):
            return True
        raised_a = a.answer(answer)
        try:
            raised_b = b.answer(answer)
        except AnswerError:
            return True
        if [(f.title, f.advice) for f in raised_a] != [(f.title, f.advice) for f in raised_b]:
            return True
    return not b.finished or _shown(a) != _shown(b)


def _build(data: dict[str, Any]) -> Tree | None:
    return check_text(yaml.safe_dump(data, sort_keys=False), "gen.yaml")[0]


# No shrinking: each example walks every route by brute force, and shrinking one took minutes;
# a failure prints the generated tree and edit as they are.
@settings(
    max_examples=60, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)  # fmt: skip
@given(data=small_trees(), edit=st.sampled_from(EDITS), draw=st.data())
def test_diff_says_different_exactly_when_some_route_reads_differently(
    data: dict[str, Any], edit: Edit, draw: st.DataObject
) -> None:
    old = _build(data)
    assume(old is not None)
    edited = copy.deepcopy(data)
    edit(edited, draw.draw)
    new = _build(edited)
    assume(new is not None)
    assert old is not None and new is not None
    truth = any(_reads_differently(r, old, new) for r in every_route(old)) or any(
        _reads_differently(r, new, old) for r in every_route(new)
    )
    diff = diff_trees(old, new)
    assert (not diff.equal) == truth, (edit.__name__, [r.answers for r in diff.routes])
    if diff.equal:
        assert diff.complete, diff.why  # small trees: the search always finishes
