"""Generated trees: every valid one walks to an outcome; no input, however broken, crashes."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.model.loader import check_text
from wizard.model.machine import Session

FACTS = ["f0", "f1", "f2", "f3"]


@st.composite
def conditions(draw: st.DrawFn, depth: int = 0) -> Any:
    if depth > 1 or draw(st.booleans()):
        return draw(st.sampled_from([*FACTS, "always"]))
    op = draw(st.sampled_from(["all", "any", "not"]))
    if op == "not":
        return {"not": draw(conditions(depth + 1))}
    return {op: draw(st.lists(conditions(depth + 1), min_size=1, max_size=3))}


def forward_nodes(draw: st.DrawFn, count: int, most_options: int,
                  red_flag: str | None = None) -> dict[str, Any]:
    """The nodes of a DAG: node i links only forward, always falls back to i+1, and the last is
    an outcome. The first question sets every fact somewhere, so conditions always read set
    facts; `red_flag`, when given, is raised by the first option of the second question."""
    names = [f"n{i}" for i in range(count)]
    nodes: dict[str, Any] = {
        "n0": {
            "kind": "multi",
            "prompt": "Facts?",
            "options": [{"id": f, "label": f"Label {f}", "sets": [f]} for f in FACTS]
            + [{"id": "none", "label": "None", "exclusive": True}],
            "next": "n1",
        }
    }
    for i in range(1, count - 1):
        later = names[i + 1 :]
        kind = draw(st.sampled_from(["info", "choice", "multi"]))
        node: dict[str, Any] = {"kind": kind, "prompt": f"Question {i}?"}
        if i > 1 and draw(st.integers(0, 3)) == 0:
            node["when"] = draw(conditions())
        if kind != "info":
            options = []
            for k in range(draw(st.integers(min_value=1, max_value=most_options))):
                option: dict[str, Any] = {"id": f"o{k}", "label": f"Option {i}.{k}"}
                if draw(st.booleans()):
                    option["sets"] = [draw(st.sampled_from(FACTS))]
                if red_flag and k == 0 and i == 1:
                    option["red_flag"] = red_flag
                # The first option always uses the node's `next`, so i+1 stays reachable.
                if kind == "choice" and k > 0 and draw(st.integers(0, 2)) == 0:
                    option["next"] = draw(st.sampled_from(later))
                options.append(option)
            node["options"] = options
        routes: list[dict[str, Any]] = []
        if draw(st.booleans()):
            routes.append({"when": draw(conditions()), "go": draw(st.sampled_from(later))})
        routes.append({"go": names[i + 1]})
        node["next"] = routes if len(routes) > 1 else routes[0]["go"]
        nodes[names[i]] = node
    nodes[names[-1]] = {"kind": "outcome", "title": "Done", "text": "The end."}
    return nodes


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    """A forward-only tree of 3 to 12 nodes with one treatment."""
    nodes = forward_nodes(draw, draw(st.integers(min_value=3, max_value=12)), most_options=4)
    return {
        "format": 1,
        "id": "generated",
        "title": "Generated",
        "version": "1",
        "review": {"last_reviewed": "2026-01-01", "next_review": "2027-01-01"},
        "disclaimer": "Test only.",
        "start": "n0",
        "nodes": nodes,
        "groups": [{"id": "g", "title": "G"}],
        "treatments": {"t": {"name": "T", "group": "g", "about": "A", "when": draw(conditions())}},
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_data=trees(), data=st.data())
def test_generated_valid_trees_always_walk_to_an_outcome(
    tree_data: dict[str, Any], data: st.DataObject
) -> None:
    tree, diagnostics = check_text(yaml.safe_dump(tree_data, sort_keys=False), "gen.yaml")
    assert tree is not None, [str(d) for d in diagnostics if d.is_error]
    session = Session(tree)
    for _ in range(len(tree.nodes) + 1):
        if session.finished:
            break
        node = session.current
        if node.kind == "info":
            picks: list[str] = []
        elif node.kind == "choice":
            picks = [data.draw(st.sampled_from([o.id for o in node.options]))]
        else:
            plain = [o.id for o in node.options if not o.exclusive]
            picks = data.draw(st.lists(st.sampled_from(plain), min_size=1, unique=True))
        session.answer(picks)
    assert session.finished
    session.summary()  # builds without error


JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(junk=JUNK)
def test_generated_wrong_structures_are_refused_without_crashing(junk: Any) -> None:
    tree, diagnostics = check_text(yaml.safe_dump(junk), "junk.yaml")
    assert tree is None
    assert diagnostics and all(d.is_error or d.severity == "warning" for d in diagnostics)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    tree, diagnostics = check_text(text, "text.yaml")
    assert tree is None
    assert any(d.is_error for d in diagnostics)
    assert all(str(d).startswith("text.yaml:") for d in diagnostics)


BREAKAGES = [
    lambda t: t.pop("start"),
    lambda t: t["nodes"].pop("n1"),
    lambda t: t["nodes"]["n1"].update(next="nowhere"),
    lambda t: t["nodes"]["n0"].update(kind="quiz"),
    lambda t: t["nodes"]["n0"]["options"].append({"id": "f0", "label": "again"}),
    lambda t: t["treatments"]["t"].update(when="no_such_fact"),
    lambda t: t.update(format="1"),
    lambda t: t["nodes"]["n0"].update(extra=1),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_data=trees(), breakage=st.sampled_from(BREAKAGES))
def test_generated_invalid_trees_are_refused_with_a_diagnostic(
    tree_data: dict[str, Any], breakage: Any
) -> None:
    breakage(tree_data)
    tree, diagnostics = check_text(yaml.safe_dump(tree_data, sort_keys=False), "bad.yaml")
    assert tree is None
    assert any(d.is_error and d.line >= 1 for d in diagnostics)
