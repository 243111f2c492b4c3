"""`wizard paths`: every route through a tree, the outcome it reaches and what it lists.

Why: educators build lesson plans from "what does someone who answers X see?", and tree authors
want to know that every treatment, resource and question can be reached. Reading the YAML cannot
answer either reliably, because `when` conditions skip nodes and choose routes.

How: depth-first over the answers, driving a real `Session` for every branch (a fresh session
that replays the answers so far), so routing, `when` skipping, red flags and the summary are the
engine's own; nothing here re-implements them. The session asks `Session.validate` which
candidate answers it accepts, so a `min`/`max` rule is never second-guessed here either.

Which answers are explored, and why:

- choice questions: every option, one route each: these are the routes through the tree;
- info pages: continue;
- nodes whose `when` does not hold: skipped, exactly as in a session;
- multi-select questions: their combinations grow as 2^n, so by default ("fixed") each is
  answered one fixed way: its exclusive ("none of these") option if it has one and it may be
  picked alone, else its first option (or its first `min` options when more are required).
  With `multi="each"`, each option that may be picked alone is explored on its own instead:
  better for coverage (every option's facts are seen at least once), but the number of routes
  multiplies and combinations of options are still not listed.

At most `limit` routes are returned; the result says when the cap was reached, and both
renderings (wizard/cli/paths.py) say so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from wizard.model.cover import Cover, build_cover
from wizard.model.machine import AnswerError, Session, replay
from wizard.model.summary import AnsweredQuestion, Summary
from wizard.model.tree import Node, Tree

MultiRule = Literal["fixed", "each"]


@dataclass(frozen=True)
class Item:
    """A treatment, resource or red flag a route lists: its id and the name a person reads."""

    id: str
    name: str


@dataclass(frozen=True)
class Route:
    """One way through the tree: the answers given, the outcome reached, what the summary lists."""

    steps: tuple[AnsweredQuestion, ...]
    outcome: str
    outcome_title: str
    treatments: tuple[Item, ...]
    resources: tuple[Item, ...]
    questions: tuple[str, ...]
    red_flags: tuple[Item, ...]

    @property
    def answers(self) -> str:
        """The answers as `wizard walk` takes them: node=option[,option] ..."""
        return " ".join(f"{s.node}={','.join(s.options)}" for s in self.steps)


class RouteList(list[Route]):
    """The routes, plus what a reader must know to trust them: the tree, the rule used for
    multi-select questions ("cover" for a cover set), and whether the cap cut the list short.
    `cover`: for a cover set, what it covers and what no answers reach."""

    def __init__(
        self, routes: Sequence[Route], tree: Tree, multi: str, limit: int, truncated: bool
    ) -> None:
        super().__init__(routes)
        self.tree = tree
        self.multi = multi
        self.limit = limit
        self.truncated = truncated
        self.cover: Cover | None = None


def cover_paths(tree: Tree) -> RouteList:
    """A few routes that together reach everything any answers can (model/cover.py), as
    routes; `.cover` says what they cover and names what no answers reach."""
    cover = build_cover(tree)
    routes = RouteList(
        [_route(route.summary) for route in cover.routes], tree, "cover", len(cover.routes), False
    )
    routes.cover = cover
    return routes


# -- enumerating --------------------------------------------------------------------------------
def enumerate_paths(tree: Tree, limit: int = 10000, *, multi: MultiRule = "fixed") -> list[Route]:
    """Every route through `tree` (see the module docstring for which answers are explored).

    Returns a RouteList (a list of Route): at most `limit` routes, depth-first in the order the
    tree lists options; `.truncated` is True when more routes exist than were returned. A limit
    below 1 lists none and says so, rather than failing, since it comes straight from `--limit`.
    """
    limit = max(limit, 0)
    routes: list[Route] = []
    truncated = False
    for route in iter_paths(tree, multi=multi):
        if len(routes) == limit:
            truncated = True
            break
        routes.append(route)
    return RouteList(routes, tree, multi, limit, truncated)


def iter_paths(tree: Tree, *, multi: MultiRule = "fixed") -> Iterator[Route]:
    """Every route through `tree`, one at a time, depth-first in the order the tree lists
    options: a caller can print each as it comes and stop at any point, holding one route."""
    return _walk(tree, Session(tree), [], multi)


def _walk(
    tree: Tree, session: Session, given: list[tuple[str, tuple[str, ...]]], multi: MultiRule
) -> Iterator[Route]:
    """Routes that go on from `session` (which has walked the route `given`), in option order.

    At a branch every answer but the last is explored in a fresh session replaying `given`
    (machine.replay), and the last carries on in this one, so no session is ever rewound.
    """
    while not session.finished:
        answers = _answers_to_try(session, multi)
        if not answers:
            return  # nothing the session accepts here; `wizard check` reports such trees
        node = session.current.id
        for answer in answers[:-1]:
            branch = [*given, (node, answer)]
            yield from _walk(tree, replay(tree, branch), branch, multi)
        session.answer(answers[-1])
        given = [*given, (node, answers[-1])]
    yield _route(session.summary())


def _answers_to_try(session: Session, multi: MultiRule) -> list[tuple[str, ...]]:
    """The answers to explore at the current node, each one the session accepts."""
    node = session.current
    if not node.is_question:
        return [()]
    candidates: list[tuple[str, ...]] = []
    if node.traits.single or multi == "each":
        candidates = [(option.id,) for option in node.options]
    candidates += _fixed_multi(node)
    accepted: list[tuple[str, ...]] = []
    for candidate in candidates:
        try:
            picked = session.validate(node, candidate)
        except AnswerError:
            continue
        if picked not in accepted:
            accepted.append(picked)
        if node.traits.many and multi == "fixed":
            break
    return accepted


def _fixed_multi(node: Node) -> list[tuple[str, ...]]:
    """A multi-select's fixed answers, best first: "none of these", the first option, or the
    first `min` options when more than one must be picked. Fallbacks for `each` too, so a
    question that needs several picks still gets a route."""
    if not node.traits.many:
        return []
    exclusive = [(o.id,) for o in node.options if o.exclusive]
    plain = [o.id for o in node.options if not o.exclusive]
    return [*exclusive, tuple(plain[:1]), tuple(plain[: max(node.min, 1)])]


def _route(summary: Summary) -> Route:
    outcome = summary.outcome
    return Route(
        steps=summary.answers,
        outcome=outcome.id if outcome else "",
        outcome_title=summary.title,
        treatments=tuple(Item(t.item.id, t.item.name) for t in summary.treatments),
        resources=tuple(Item(r.item.id, r.item.name) for r in summary.resources),
        questions=tuple(q.item.text for q in summary.questions),
        red_flags=tuple(Item(f.id, f.title) for f in summary.red_flags),
    )
