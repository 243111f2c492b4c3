"""`wizard paths`: every route through a tree, with its outcome and what its summary lists.

Route counts for the example tree are worked out by hand in each test's docstring, from the tree
(tests/trees/example.yaml), not from the code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.cli.paths import render_paths
from wizard.model.loader import load_tree
from wizard.model.machine import walk
from wizard.model.paths import enumerate_paths
from wizard.model.tree import Tree

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> Tree:
    return load_tree(ROOT / "tests" / "trees" / "example.yaml")


@pytest.fixture(scope="module")
def bundled() -> Tree:
    return load_tree(ROOT / "trees" / "paraneoplastic.yaml")


def test_fixed_rule_routes_of_the_example_counted_by_hand(example: Tree) -> None:
    """danger (multi) -> "none". kind=cactus -> cactus_water: 3 options -> symptoms (multi) ->
    "nothing" -> humidity skipped (neither fern nor brown): 3 routes. kind=fern -> symptoms ->
    humidity (fern): 2 options: 2 routes. kind=unsure -> photo page -> symptoms -> humidity
    skipped: 1 route. 3 + 2 + 1 = 6."""
    routes = enumerate_paths(example)
    assert [r.answers for r in routes] == [
        "danger=none kind=cactus cactus_water=daily symptoms=nothing",
        "danger=none kind=cactus cactus_water=weekly symptoms=nothing",
        "danger=none kind=cactus cactus_water=monthly symptoms=nothing",
        "danger=none kind=fern symptoms=nothing humidity=dry",
        "danger=none kind=fern symptoms=nothing humidity=moist",
        "danger=none kind=unsure symptoms=nothing",
    ]
    assert {r.outcome for r in routes} == {"done"}


def test_items_listed_per_route(example: Tree) -> None:
    """daily sets overwater -> "Water less"; monthly sets fine_water -> "Keep doing what you
    do"; fern + dry air (not a dry lover) -> "Raise the humidity"; unsure sets unknown -> "Move
    it to better light" and the question "What kind of plant is this?". The shop and the light
    question are listed for everyone; no route of this rule raises a red flag."""
    routes = enumerate_paths(example)
    assert [[t.name for t in r.treatments] for r in routes] == [
        ["Water less"], [], ["Keep doing what you do"], ["Raise the humidity"], [],
        ["Move it to better light"],
    ]
    assert all([i.id for i in r.resources] == ["shop"] for r in routes)
    assert [len(r.questions) for r in routes] == [1, 1, 1, 1, 1, 2]
    assert "What kind of plant is this?" in routes[5].questions
    assert all("How much light does it need?" in r.questions for r in routes)
    assert all(r.red_flags == () for r in routes)


def test_each_rule_routes_of_the_example_counted_by_hand(example: Tree) -> None:
    """Each multi option on its own. danger: fire, pets, none = 3 ways. Then per danger answer:
    cactus: 3 waterings x symptoms (5 options; brown also asks humidity: 2) = 3 x (4 + 2) = 18;
    fern: 5 symptoms x humidity 2 = 10; unsure: 4 + 2 = 6. 3 x (18 + 10 + 6) = 102."""
    routes = enumerate_paths(example, multi="each")
    assert len(routes) == 102
    assert len({r.answers for r in routes}) == 102
    pets = [r for r in routes if r.answers.startswith("danger=pets ")]
    assert len(pets) == 34
    assert all([f.id for f in r.red_flags] == ["pets"] for r in pets)
    assert all("vet" in [i.id for i in r.resources] for r in pets)


def test_each_rule_reaches_every_item_of_the_example(example: Tree) -> None:
    routes = enumerate_paths(example, multi="each")
    assert {t.id for r in routes for t in r.treatments} == set(example.treatments)
    assert {i.id for r in routes for i in r.resources} == set(example.resources)
    assert {q for r in routes for q in r.questions} == {q.text for q in example.questions}
    assert {f.id for r in routes for f in r.red_flags} == set(example.red_flags)


def test_each_route_is_what_walk_gives_for_its_answers(example: Tree) -> None:
    for route in enumerate_paths(example, multi="each"):
        summary = walk(example, {s.node: s.options for s in route.steps}).summary()
        assert summary.outcome is not None and summary.outcome.id == route.outcome
        assert [t.item.id for t in summary.treatments] == [t.id for t in route.treatments]


def test_limit_caps_the_routes_and_says_so(example: Tree) -> None:
    routes = enumerate_paths(example, limit=4)
    assert len(routes) == 4
    assert "Stopped at the limit of 4 routes" in render_paths(routes, "table")
    assert json.loads(render_paths(routes, "json"))["truncated"] is True


def test_limit_equal_to_the_count_is_not_reported_as_reached(example: Tree) -> None:
    routes = enumerate_paths(example, limit=6)
    assert len(routes) == 6
    assert "limit" not in render_paths(routes, "table")
    assert json.loads(render_paths(routes, "json"))["truncated"] is False


@pytest.mark.parametrize("limit", [0, -5])
def test_limit_below_one_lists_none_and_says_so(example: Tree, limit: int) -> None:
    routes = enumerate_paths(example, limit=limit)
    assert list(routes) == []
    assert "# 0 routes" in render_paths(routes, "table")
    assert "Stopped at the limit of 0 routes" in render_paths(routes, "table")
    assert "no route lists this" not in render_paths(routes, "table")  # unknown past the cap


def test_table_names_the_rule_and_lists_each_route(example: Tree) -> None:
    table = render_paths(enumerate_paths(example), "table")
    lines = table.splitlines()
    assert lines[0] == "# 6 routes through Helping a tired houseplant (garden 1.0.0)"
    assert any("none of these" in line for line in lines if line.startswith("# Multi-select"))
    row = next(line for line in lines if line.startswith("6 "))
    assert row.split() == ["6", "done", "danger=none", "kind=unsure", "symptoms=nothing",
                           "move", "shop", "Q1", "Q2", "-"]
    # Questions are numbered in the tree's order; one no route lists is pointed out.
    assert "  Q1  What kind of plant is this?" in lines
    assert "  Q2  How much light does it need?" in lines
    assert "  Q3  Is it safe for pets?  (no route lists this)" in lines


def test_json_lists_answers_outcome_and_items(example: Tree) -> None:
    document = json.loads(render_paths(enumerate_paths(example), "json"))
    assert document["tree"] == {"id": "garden", "title": "Helping a tired houseplant",
                                "version": "1.0.0"}
    assert document["multi"] == "fixed"
    assert document["count"] == len(document["routes"]) == 6
    first = document["routes"][0]
    assert first["answers"][1] == {"node": "kind", "options": ["cactus"], "labels": ["A cactus"]}
    assert first["outcome"] == {"id": "done", "title": "Your plant plan"}
    assert first["treatments"] == [{"id": "less-water", "name": "Water less"}]


def test_unknown_format_is_refused(example: Tree) -> None:
    with pytest.raises(ValueError, match="table, json"):
        render_paths(enumerate_paths(example), "csv")


@pytest.mark.parametrize("multi", ["fixed", "each"])
def test_bundled_tree_routes_all_end_in_an_outcome(bundled: Tree, multi: str) -> None:
    # `fixed` has about 700 routes since the second edition's antibody and child/adult
    # questions; `each` has far more than this: the cap must hold and be reported.
    limit = 1500
    document = json.loads(render_paths(enumerate_paths(bundled, limit, multi=multi), "json"))  # type: ignore[arg-type]
    assert 0 < document["count"] <= limit
    outcomes = {n.id for n in bundled.nodes.values() if n.kind == "outcome"}
    assert all(route["outcome"]["id"] in outcomes for route in document["routes"])
    answers = [json.dumps(route["answers"]) for route in document["routes"]]
    assert len(set(answers)) == len(answers)
    if multi == "fixed":
        assert document["truncated"] is False
    else:
        assert document["truncated"] is True and document["count"] == limit


NEEDS_TWO = """\
format: 1
id: two
title: Two picks
version: "1"
review: {last_reviewed: 2026-01-01, next_review: 2027-01-01}
disclaimer: Test only.
start: pick
nodes:
  pick:
    kind: multi
    prompt: Pick two
    min: 2
    options:
      - {id: a, label: A, sets: [a]}
      - {id: b, label: B, sets: [b]}
      - {id: c, label: C, sets: [c]}
    next: end
  end: {kind: outcome, title: End}
questions:
  - {text: About a?, when: a}
  - {text: About c?, when: c}
"""


@pytest.mark.parametrize("multi", ["fixed", "each"])
def test_a_multi_that_needs_several_picks_is_answered_with_its_first_options(
    tmp_path: Path, multi: str
) -> None:
    """No single option is a valid answer when two are required, so both rules use a, b."""
    path = tmp_path / "two.yaml"
    path.write_text(NEEDS_TWO, encoding="utf-8")
    routes = enumerate_paths(load_tree(path), multi=multi)  # type: ignore[arg-type]
    assert [r.answers for r in routes] == ["pick=a,b"]
    assert routes[0].questions == ("About a?",)
