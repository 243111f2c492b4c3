"""Two editions of a tree compared route by route: `wizard diff OLD NEW`.

Why: signing off a new edition means knowing what changes for the people who use it: which
treatments, resources, red flags and care-team questions appear or disappear, for which
answers, and which texts were reworded. A line diff of the YAML shows neither, because
conditions decide what is listed.

How: the same answers are walked on both versions, each in a real `Session`, and the two
summaries are compared. The answers come from routes of both versions (by default their cover
sets, see cover.py; the CLI can pass every route instead). An answer that does not fit the other
version (its question or option is gone, or a new question is asked) is replaced by the fixed
answer `wizard paths` uses (the "none of these" option, else the first), and the route says so.
Texts are compared by id, field by field; questions to ask have no id, so a reworded one shows
as one dropped and one added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from wizard.model.cover import Steps, build_cover
from wizard.model.machine import AnswerError, Session
from wizard.model.summary import Summary
from wizard.model.texts import PEOPLE, person_texts
from wizard.model.tree import Node, Tree

CATEGORIES = ("treatment", "resource", "red flag", "care-team question", "step")
"""What a route's summary is compared on, in the order the report shows them. A "step" is a
page or question the route is shown."""


@dataclass(frozen=True)
class Walked:
    """One route walked on one version: what it showed, and where its answers did not fit."""

    answers: str
    outcome: str
    shown: Mapping[str, Mapping[str, str]]
    """category -> {key: what a person reads} for every category in CATEGORIES."""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RouteResult:
    """One route on both versions."""

    number: int
    answers: str
    old: Walked
    new: Walked


@dataclass(frozen=True)
class Change:
    """One thing listed on one version and not the other, and the routes where that is so."""

    category: str
    sign: str  # "+" added in NEW, "-" dropped from NEW
    key: str
    label: str
    routes: tuple[int, ...]


@dataclass(frozen=True)
class TextChange:
    """A text of the file that differs between the versions (None: not in that version)."""

    where: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class TreeDiff:
    old: Tree
    new: Tree
    how: str
    routes: tuple[RouteResult, ...]
    changes: tuple[Change, ...]
    outcomes: tuple[tuple[int, str, str], ...]
    texts: tuple[TextChange, ...]
    notes: tuple[tuple[int, str], ...] = field(default=())
    complete: bool = True
    """False when the caller could not give every route it meant to (a cap was reached)."""

    @property
    def equal(self) -> bool:
        return not (self.changes or self.outcomes or self.texts)


# -- walking ---------------------------------------------------------------------------------
def cover_routes(*trees: Tree) -> list[Steps]:
    """The routes of every tree's cover set, without repeats, in order."""
    found: dict[Steps, None] = {}
    for tree in trees:
        for route in build_cover(tree).routes:
            found.setdefault(route.steps, None)
    return list(found)


def _fixed(node: Node) -> tuple[str, ...]:
    """The answer `wizard paths` gives a question it has no answer for."""
    exclusive = [o.id for o in node.options if o.exclusive]
    if node.traits.many and exclusive:
        return (exclusive[0],)
    plain = [o.id for o in node.options if not o.exclusive] or [o.id for o in node.options]
    return tuple(plain[: max(node.min, 1)] if node.traits.many else plain[:1])


def walk_route(tree: Tree, steps: Steps) -> Walked:
    """Answer as `steps` say wherever they fit this version; elsewhere use the fixed answer."""
    answers = {node: options for node, options in steps}
    session = Session(tree)
    notes: list[str] = []
    for _ in range(len(tree.nodes) + 1):
        if session.finished:
            break
        node = session.current
        wanted = answers.get(node.id)
        given: tuple[str, ...] = ()
        if not node.traits.page:
            known = {o.id for o in node.options}
            given = tuple(o for o in wanted or () if o in known)
            if wanted is None:
                notes.append(f"'{node.id}' is not answered on this route")
            elif given != tuple(wanted):
                gone = ", ".join(o for o in wanted if o not in known)
                notes.append(f"'{node.id}' has no option {gone}")
        try:
            session.answer(given)
        except AnswerError:
            fallback = _fixed(node)
            notes.append(f"'{node.id}' answered {','.join(fallback) or '(nothing)'} instead")
            try:
                session.answer(fallback)
            except AnswerError:
                break
    return _walked(session, notes)


def _walked(session: Session, notes: list[str]) -> Walked:
    summary: Summary = session.summary()
    tree = session.tree
    steps = {a.node: tree.nodes[a.node].heading for a in session.history}
    if session.finished:
        steps[session.current.id] = session.current.heading
    shown: dict[str, dict[str, str]] = {
        "treatment": {t.item.id: t.item.name for t in summary.treatments},
        "resource": {r.item.id: r.item.name for r in summary.resources},
        "red flag": {f.id: f.title for f in summary.red_flags},
        "care-team question": {q.item.text: q.item.text for q in summary.questions},
        "step": steps,
    }
    answers = " ".join(f"{a.node}={','.join(a.options)}" for a in session.answered)
    outcome = session.current.id if session.finished else f"(stopped at {session.current.id})"
    return Walked(answers, outcome, shown, tuple(notes))


# -- comparing -------------------------------------------------------------------------------
def compare_trees(
    old: Tree, new: Tree, routes: Sequence[Steps], how: str, *, complete: bool = True
) -> TreeDiff:
    """Walk every route on both versions and group what differs (see the module docstring).
    `complete`: whether `routes` are all the routes the caller meant (else the report says
    that "no differences" holds only for these routes)."""
    results: list[RouteResult] = []
    for number, steps in enumerate(routes, 1):
        label = " ".join(f"{n}={','.join(o)}" for n, o in steps if o)
        results.append(RouteResult(number, label, walk_route(old, steps), walk_route(new, steps)))
    grouped: dict[tuple[str, str, str], tuple[str, list[int]]] = {}
    outcomes: list[tuple[int, str, str]] = []
    notes: list[tuple[int, str]] = []
    for result in results:
        for category in CATEGORIES:
            before, after = result.old.shown[category], result.new.shown[category]
            for sign, keys, names in (
                ("+", after.keys() - before.keys(), after),
                ("-", before.keys() - after.keys(), before),
            ):
                for key in keys:
                    entry = grouped.setdefault((category, sign, key), (names[key], []))
                    entry[1].append(result.number)
        if result.old.outcome != result.new.outcome:
            outcomes.append((result.number, result.old.outcome, result.new.outcome))
        notes += [(result.number, f"old: {n}") for n in result.old.notes]
        notes += [(result.number, f"new: {n}") for n in result.new.notes]
    order = {c: i for i, c in enumerate(CATEGORIES)}
    changes = sorted(
        (Change(c, s, k, label, tuple(r)) for (c, s, k), (label, r) in grouped.items()),
        key=lambda ch: (order[ch.category], ch.sign != "+", ch.key),
    )
    return TreeDiff(
        old, new, how, tuple(results), tuple(changes), tuple(outcomes),
        tuple(text_changes(old, new)), tuple(notes), complete,
    )


def _texts(tree: Tree) -> dict[str, str]:
    """Every text a person can read, by what it is ("the prompt of node 'x'"): the one list
    of wizard/model/texts.py, so nothing a person reads is left out of the comparison."""
    return {text.what: text.text for text in person_texts(tree, PEOPLE)}


def text_changes(old: Tree, new: Tree) -> Iterator[TextChange]:
    """Texts reworded, added or removed, in the order of the old file then the new one."""
    before, after = _texts(old), _texts(new)
    for where in [*before, *(w for w in after if w not in before)]:
        if before.get(where) != after.get(where):
            yield TextChange(where, before.get(where), after.get(where))


def spans(numbers: Iterable[int]) -> str:
    """1, 2, 3, 5 -> "1-3, 5": route numbers, short."""
    parts: list[str] = []
    run: list[int] = []
    for number in sorted(numbers):
        if run and number == run[-1] + 1:
            run.append(number)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [number]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)
