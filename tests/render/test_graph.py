"""`wizard graph` for people: prompts on nodes, answers on edges, colours a legend explains."""

from __future__ import annotations

import pytest

from wizard.model.loader import check_text
from wizard.model.tree import Tree
from wizard.render.graph import STYLES, diagram, render_graph

TREE = """\
format: 1
id: pets
title: Pet worries
version: "1"
review: {last_reviewed: 2026-01-01, next_review: 2027-01-01}
disclaimer: For tests.
start: hello
sources:
  vet: {title: Vet page, url: "https://example.org/vet/page"}
red_flags:
  bleeding: {title: Bleeding, advice: Call a vet now., sources: [vet]}
nodes:
  hello: {kind: info, prompt: Hello there, next: urgent}
  urgent:
    kind: multi
    prompt: Is your pet bleeding right now?
    options:
      - {id: bleeding, label: Bleeding, red_flag: bleeding}
      - {id: none, label: None of these, exclusive: true}
    next: animal
  animal:
    kind: choice
    prompt: PROMPT
    options:
      - {id: cat, label: A cat, sets: [cat], next: cat_food}
      - {id: dog, label: A dog that barks a lot at the postman every single morning, sets: [dog], next: done}
      - {id: fish, label: A fish, next: done}
      - {id: bird, label: A bird, next: done}
      - {id: frog, label: A frog, next: done}
  cat_food:
    kind: choice
    when: {any: [cat, dog]}
    prompt: Does it eat?
    options:
      - {id: yes_, label: Yes, sets: [eats]}
      - {id: no_, label: No}
    next:
      - {when: {not: eats}, go: done}
      - go: done
  done: {kind: outcome, title: What to do next}
treatments:
  food: {name: Food, group: g, about: Feed it., when: {all: [eats, dog]}, sources: [vet]}
groups: [{id: g, title: Care}]
"""


def tree(prompt: str = "Which animal is it?") -> Tree:
    built, diagnostics = check_text(TREE.replace("PROMPT", prompt), "pets.yaml")
    assert built is not None, diagnostics
    return built


def test_nodes_are_labelled_with_their_prompts_and_coloured_by_kind() -> None:
    boxes = {box.id: box for box in diagram(tree()).boxes}
    assert boxes["animal"].lines == ("Which animal is it?",)
    assert boxes["done"].lines == ("What to do next",)
    assert [boxes[i].style for i in ("hello", "urgent", "animal", "done")] == [
        "page",
        "red_flag",
        "question",
        "end",
    ]
    assert boxes["cat_food"].conditional and boxes["cat_food"].lines[-1] == "(only if cat or dog)"


def test_edges_are_labelled_with_the_answers_short_and_wrapped() -> None:
    edges = {(e.source, e.target): e for e in diagram(tree()).edges}
    assert edges[("animal", "cat_food")].lines == ("A cat",)
    to_done = edges[("animal", "done")].lines
    assert len(to_done) == 2 and all(len(line) <= 24 for line in to_done)
    assert to_done[-1].endswith("…")  # four answers: three named, "+1 more", cut to two lines
    assert edges[("hello", "urgent")].lines == ()  # one way on: nothing to say


def test_a_conditional_route_is_dashed_and_says_its_condition() -> None:
    edges = [e for e in diagram(tree()).edges if e.source == "cat_food"]
    assert [(e.lines, e.conditional) for e in edges] == [
        (("if not eats",), True),
        (("otherwise",), False),
    ]


def test_a_long_prompt_is_wrapped_and_cut_short() -> None:
    long = "Which animal is it, " + "and tell us more about it " * 10
    lines = next(b for b in diagram(tree(long)).boxes if b.id == "animal").lines
    assert len(lines) == 3 and all(len(line) <= 28 for line in lines) and lines[-1].endswith("…")


def test_mermaid_shows_labels_colours_and_a_legend() -> None:
    out = render_graph(tree(), "mermaid")
    assert out.startswith('---\ntitle: "Pet worries"\n---\nflowchart TD\n')
    assert 'n_animal["Which animal is it?"]:::question' in out
    assert 'n_urgent["Is your pet bleeding right<br/>now?"]:::red_flag' in out
    assert 'n_animal -->|"A cat"| n_cat_food' in out
    assert 'n_cat_food -.->|"if not eats"| n_done' in out
    assert "class n_cat_food conditional" in out
    assert 'subgraph legend_box["Legend"]' in out
    for key, style in STYLES.items():
        assert f"classDef {key} fill:{style.fill}" in out
        assert f'legend_{key}["{style.legend}"]:::{key}' in out
    assert "Dashed arrow: taken only when its condition holds" in out


def test_dot_shows_labels_colours_and_a_legend() -> None:
    out = render_graph(tree(), "dot")
    assert out.startswith("digraph tree {")
    assert '"n_animal" [label="Which animal is it?", style="rounded,filled", ' in out
    assert '"n_animal" -> "n_cat_food" [label="A cat"];' in out
    assert '"n_cat_food" -> "n_done" [label="if not eats", style=dashed];' in out
    assert 'style="rounded,filled,dashed"' in out  # cat_food may be skipped
    assert "subgraph cluster_legend {" in out and 'label="Legend";' in out
    for style in STYLES.values():
        assert f'label="{style.legend}"' in out and f'fillcolor="{style.fill}"' in out


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_tree_text_cannot_break_out_of_its_label(fmt: str) -> None:
    hostile = 'Cat"] --> x[<b>#1;</b> \\\\N `code`'
    out = render_graph(tree(hostile), fmt)
    if fmt == "mermaid":
        assert "<b>" not in out
        assert (
            'n_animal["Cat#quot;] --#gt; x[#lt;b#gt;#35;1;#lt;/b#gt; \\\\N<br/>#96;code#96;"]'
            in out
        )
    else:
        assert '"n_animal" [label="Cat\\"] --> x[<b>#1;</b> \\\\\\\\N\\n`code`", ' in out


def test_every_way_on_is_drawn_once_per_target(example_tree: Tree) -> None:
    from pathlib import Path

    from wizard.model.loader import load_tree

    bundled = load_tree(Path(__file__).parents[2] / "trees" / "paraneoplastic.yaml")
    for built in (example_tree, bundled, tree()):
        drawn = {(e.source, e.target) for e in diagram(built).edges}
        links = {(n.id, t) for n in built.nodes.values() for t in n.targets()}
        assert drawn == links
