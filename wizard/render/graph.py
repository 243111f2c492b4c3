"""Tree -> a diagram for people (Mermaid or Graphviz DOT).

Nodes are labelled with what the person reads (the prompt, an outcome's title), edges with the
answers that lead along them or the condition that sends the walk there; long words are cut
short and wrapped. Colour says what a node is (information, question, red-flag question,
summary), a dashed line says "only when a condition holds", and a legend in the diagram says so.

The diagram is built once (`diagram`) and written by one writer per format, so the two formats
cannot tell different stories. Tree text is data: it is stripped of control characters and
escaped for each format, never read as markup.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from wizard.model.plain import strip_control
from wizard.model.tree import Condition, Node, Tree

NODE_WIDTH, NODE_LINES = 28, 3  # characters per line, lines: a node's label
EDGE_WIDTH, EDGE_LINES = 24, 2  # an edge's label
MOST_ANSWERS = 3  # an edge names at most this many answers, then "+N more"


@dataclass(frozen=True)
class Style:
    """One kind of node: what the legend calls it and how it is drawn."""

    legend: str
    fill: str
    stroke: str


# Every way a node is drawn (page, question, red-flag question, end), declared once: both
# writers and both legends read this table.
STYLES: dict[str, Style] = {
    "page": Style("Information page", "#f1f5f9", "#64748b"),
    "question": Style("Question", "#dbeafe", "#1d4ed8"),
    "red_flag": Style("Red-flag question: urgent alerts, asked first", "#fee2e2", "#b91c1c"),
    "end": Style("Summary: where every route ends", "#dcfce7", "#15803d"),
}
LEGEND_CONDITIONAL_NODE = "Dashed border: shown only when its condition holds"
LEGEND_ANSWER_EDGE = "Solid arrow: where the answers on it lead"
LEGEND_CONDITIONAL_EDGE = "Dashed arrow: taken only when its condition holds"


@dataclass(frozen=True)
class Box:
    """A node as drawn: its id, label lines, style key, and whether it may be skipped."""

    id: str
    lines: tuple[str, ...]
    style: str
    conditional: bool


@dataclass(frozen=True)
class Edge:
    """A way on, labelled with answers or a condition (dashed when conditional)."""

    source: str
    target: str
    lines: tuple[str, ...]
    conditional: bool


@dataclass(frozen=True)
class Diagram:
    title: str
    start: str
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


def _clean(text: str) -> str:
    return " ".join(strip_control(text).replace("**", "").split())


def _wrap(text: str, width: int, lines: int) -> tuple[str, ...]:
    """`text` on at most `lines` lines of `width`, ending in '…' when cut short."""
    wrapped = textwrap.wrap(_clean(text), width, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        wrapped = [
            *wrapped[: lines - 1],
            textwrap.shorten(" ".join(wrapped[lines - 1 :]), width, placeholder=" …"),
        ]
    return tuple(wrapped)


def condition_words(condition: Condition) -> str:
    """A condition as a short phrase: `a and (b or not c)`."""
    if condition.op == "fact":
        return condition.fact
    if condition.op == "always":
        return "always"
    if condition.op == "not":
        return f"not {_nested(condition.items[0])}"
    joiner = " and " if condition.op == "all" else " or "
    return joiner.join(_nested(item) for item in condition.items)


def _nested(condition: Condition) -> str:
    words = condition_words(condition)
    return f"({words})" if condition.op in ("all", "any") and len(condition.items) > 1 else words


def _answers(labels: list[str]) -> str:
    shown = [_clean(label) for label in labels[:MOST_ANSWERS]]
    more = len(labels) - len(shown)
    return " / ".join(shown) + (f" / +{more} more" if more else "")


def _style(node: Node) -> str:
    if node.ends:
        return "end"
    if node.is_question:
        return "red_flag" if any(o.red_flag for o in node.options) else "question"
    return "page"


def _box(node: Node) -> Box:
    lines = _wrap(node.heading, NODE_WIDTH, NODE_LINES)
    if node.when is not None:
        lines = (*lines, *_wrap(f"(only if {condition_words(node.when)})", NODE_WIDTH, 2))
    return Box(node.id, lines, _style(node), node.when is not None)


def _edges(node: Node) -> list[Edge]:
    edges: list[Edge] = []
    by_target: dict[str, list[str]] = {}
    for option in node.options:
        if option.next is not None:
            by_target.setdefault(option.next, []).append(option.label)
    for target, labels in by_target.items():
        edges.append(Edge(node.id, target, _wrap(_answers(labels), EDGE_WIDTH, EDGE_LINES), False))
    rest = [o.label for o in node.options if o.next is None]
    if node.traits.single and node.options and not rest:
        return edges  # every answer has its own way on; the node's routes are never used
    several = len(node.next) > 1
    for route in node.next:
        if route.when is not None:
            text = f"if {condition_words(route.when)}"
        elif several:
            text = "otherwise"
        elif node.traits.single and by_target:
            text = _answers(rest)  # the answers that did not go their own way
        else:
            text = ""
        lines = _wrap(text, EDGE_WIDTH, EDGE_LINES) if text else ()
        edges.append(Edge(node.id, route.go, lines, route.when is not None))
    return edges


def diagram(tree: Tree) -> Diagram:
    """The tree as boxes and labelled edges, in the tree's order."""
    boxes = tuple(_box(node) for node in tree.nodes.values())
    edges = tuple(
        edge for node in tree.nodes.values() for edge in _edges(node) if edge.target in tree.nodes
    )
    return Diagram(_clean(tree.title), tree.start, boxes, edges)


# -- Mermaid ------------------------------------------------------------------------------------
def _mermaid_text(lines: tuple[str, ...] | list[str]) -> str:
    """Lines as a quoted Mermaid label: entity codes for anything Mermaid reads as syntax."""
    escaped = []
    for line in lines:
        for char, code in (
            ("#", "#35;"),
            ('"', "#quot;"),
            ("<", "#lt;"),
            (">", "#gt;"),
            ("`", "#96;"),
            ("&", "#amp;"),
        ):
            line = line.replace(char, code)
        escaped.append(line)
    return '"' + "<br/>".join(escaped) + '"'


def _mermaid(graph: Diagram) -> str:
    out = ["---", f"title: {json.dumps(graph.title)}", "---", "flowchart TD"]
    for key, style in STYLES.items():
        out.append(f"  classDef {key} fill:{style.fill},stroke:{style.stroke},color:#000")
    out.append("  classDef conditional stroke-dasharray:6 4")
    out.append("  classDef legend fill:#fff,stroke:#fff,color:#000")
    out.append('  start(("Start"))')
    for box in graph.boxes:
        shape = ("([", "])") if box.style == "end" else ("[", "]")
        out.append(f"  n_{box.id}{shape[0]}{_mermaid_text(box.lines)}{shape[1]}:::{box.style}")
    conditional = [box.id for box in graph.boxes if box.conditional]
    if conditional:
        out.append("  class " + ",".join(f"n_{i}" for i in conditional) + " conditional")
    out.append(f"  start --> n_{graph.start}")
    for edge in graph.edges:
        arrow = "-.->" if edge.conditional else "-->"
        label = f"|{_mermaid_text(edge.lines)}|" if edge.lines else ""
        out.append(f"  n_{edge.source} {arrow}{label} n_{edge.target}")
    out.append('  subgraph legend_box["Legend"]')
    out.append("    direction TB")
    for key, style in STYLES.items():
        out.append(f"    legend_{key}[{_mermaid_text([style.legend])}]:::{key}")
    out.append(f"    legend_conditional[{_mermaid_text([LEGEND_CONDITIONAL_NODE])}]:::info")
    out.append("    class legend_conditional conditional")
    out.append(f"    legend_answer[{_mermaid_text([LEGEND_ANSWER_EDGE])}]:::legend")
    out.append(f"    legend_when[{_mermaid_text([LEGEND_CONDITIONAL_EDGE])}]:::legend")
    out.append("  end")
    return "\n".join(out) + "\n"


# -- Graphviz DOT -------------------------------------------------------------------------------
def _dot_text(lines: tuple[str, ...] | list[str]) -> str:
    """Lines as a quoted DOT string: backslashes and quotes escaped, lines joined by \\n."""
    return '"' + "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def _dot_node(name: str, lines: tuple[str, ...] | list[str], style_key: str, dashed: bool) -> str:
    style = STYLES[style_key]
    look = "rounded,filled,dashed" if dashed else "rounded,filled"
    return (
        f'  "{name}" [label={_dot_text(lines)}, style="{look}", '
        f'fillcolor="{style.fill}", color="{style.stroke}"];'
    )


def _dot(graph: Diagram) -> str:
    out = [
        "digraph tree {",
        f"  graph [label={_dot_text([graph.title])}, labelloc=t, rankdir=TB, fontname=Helvetica];",
        "  node [shape=box, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
        '  "start" [shape=circle, label="Start"];',
    ]
    for box in graph.boxes:
        out.append(_dot_node(f"n_{box.id}", box.lines, box.style, box.conditional))
    out.append(f'  "start" -> "n_{graph.start}";')
    for edge in graph.edges:
        attributes = []
        if edge.lines:
            attributes.append(f"label={_dot_text(edge.lines)}")
        if edge.conditional:
            attributes.append("style=dashed")
        tail = f" [{', '.join(attributes)}]" if attributes else ""
        out.append(f'  "n_{edge.source}" -> "n_{edge.target}"{tail};')
    out.append("  subgraph cluster_legend {")
    out.append('    label="Legend";')
    for key, style in STYLES.items():
        out.append("  " + _dot_node(f"legend_{key}", [style.legend], key, False))
    out.append("  " + _dot_node("legend_conditional", [LEGEND_CONDITIONAL_NODE], "page", True))
    for name, text in (
        ("legend_answer", LEGEND_ANSWER_EDGE),
        ("legend_when", LEGEND_CONDITIONAL_EDGE),
    ):
        out.append(f'    "{name}" [shape=plaintext, label={_dot_text([text])}];')
    out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


WRITERS: dict[str, Callable[[Diagram], str]] = {"mermaid": _mermaid, "dot": _dot}
FORMATS = tuple(WRITERS)


def render_graph(tree: Tree, fmt: str = "mermaid") -> str:
    """The tree as a diagram in `fmt` (one of FORMATS)."""
    return WRITERS[fmt](diagram(tree))
