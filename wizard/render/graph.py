"""Tree -> a diagram (Mermaid or Graphviz DOT), drawn by transitions' own diagram engines.

The diagram is made from the same transition table the sessions run on, so it shows exactly
what the machine does: triggers `pick:<option>`, `submit` and `skip`, with guards by name.
"""

from __future__ import annotations

from typing import Any

from wizard.model.machine import index_of
from wizard.model.tree import Tree

FORMATS = ("mermaid", "dot")


class _Model:
    """A bare model for the diagram machine."""


def render_graph(tree: Tree, fmt: str = "mermaid") -> str:
    from transitions.extensions import GraphMachine

    model = _Model()
    GraphMachine(
        model=model,
        states=list(tree.nodes),
        transitions=index_of(tree).transitions,
        initial=tree.start,
        auto_transitions=False,
        graph_engine="mermaid" if fmt == "mermaid" else "graphviz",
        show_conditions=True,
        title=tree.title,
    )
    graph: Any = model.get_graph()  # type: ignore[attr-defined]
    if fmt == "mermaid":
        return str(graph.draw(None))
    return str(graph.source)
