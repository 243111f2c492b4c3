"""Two editions of a tree compared route by route: `wizard diff OLD NEW`.

Why: signing off a new edition means knowing what changes for the people who use it: which
treatments, resources, red flags, care-team questions, pages, notes, group headings and glance
lines appear, disappear or read differently, and for which answers. A line diff of the YAML shows
neither, because conditions decide what is listed. And a sign-off tool must never say "no
differences" when some route differs: walking a few chosen routes (the cover sets) missed a rule
change that mattered only on routes outside them.

How: a search walks both editions at once, in lock step, with the same answers (`search`): at
each step the two pages must read the same (wizard/model/texts.py lists what a person reads),
the same red flags must be raised, and at the end the two summaries must read the same. Where
they do not, the route is kept. Each search state is both sessions' place, the facts a condition
can read and the answers a "because" line can quote, so a state met twice is searched once and
the search ends: it is then exhaustive, and says so. At a multi-select question, answers that
set the same facts and raise the same flags on both editions lead to the same states, so one
answer of each kind is tried; when even the kinds are too many (`MULTI_KINDS`), or the search
passes `SEARCH_STATES`, it stops and says plainly that the result is not exhaustive, and why.

The routes found, with both editions' cover sets (so a report shows what changes on ordinary
routes too), are then walked on both editions, each in a real `Session`, and what differs is
grouped. An answer that does not fit the other edition (its question or option is gone, or a new
question is asked) is replaced by the fixed answer `wizard paths` uses (the "none of these"
option, else the first), and the route says so. Texts are compared by what they are, field by
field; questions to ask have no id, so a reworded one shows as one dropped and one added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wizard.model.cover import Steps, build_cover
from wizard.model.limits import FOUND_MOST, MULTI_KINDS, SEARCH_STATES
from wizard.model.machine import AnswerError, Mode, Session
from wizard.model.spec import OBJECTS
from wizard.model.summary import Listed, Summary
from wizard.model.texts import PEOPLE, object_texts, person_texts, values_of
from wizard.model.tree import Condition, Node, Option, RedFlag, Route, Tree

CATEGORIES = (
    "treatment", "resource", "red flag", "care-team question", "step", "group heading", "note",
)  # fmt: skip
"""What a route's summary is compared on, in the order the report shows them. A "step" is a
page or question the route is shown; a "note" is an item's tailored line."""

View = tuple[Any, ...]
"""What a person reads, as nested tuples: compared for equality, never shown."""


@dataclass(frozen=True)
class Walked:
    """One route walked on one version: what it showed, and where its answers did not fit."""

    answers: str
    outcome: str
    shown: Mapping[str, Mapping[str, str]]
    """category -> {key: what a person reads} for every category in CATEGORIES."""
    notes: tuple[str, ...] = ()
    view: View = ()
    """Everything a person reads on the route, in order: compared whole (see `route_view`)."""


@dataclass(frozen=True)
class RouteResult:
    """One route on both versions."""

    number: int
    answers: str
    old: Walked
    new: Walked

    @property
    def differs(self) -> bool:
        return self.old.view != self.new.view


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
class Search:
    """What the lock-step search found: routes on which the editions read differently, how
    many states it explored, and whether it explored them all (else `why` says what it left)."""

    differing: tuple[Steps, ...]
    states: int
    complete: bool
    why: tuple[str, ...] = ()


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
    """Whether every route was compared: only then can "no differences" be said."""
    why: tuple[str, ...] = ()
    """Why the comparison is not exhaustive, one reason each (empty when it is)."""
    others: tuple[str, ...] = ()
    """Parts of the format outside the route comparison that differ (see `other_parts`)."""

    @property
    def differing(self) -> tuple[int, ...]:
        """The routes on which the two editions read differently."""
        return tuple(r.number for r in self.routes if r.differs)

    @property
    def equal(self) -> bool:
        """No route walked reads differently. Proven for every route only when `complete`."""
        return not (self.differing or self.changes or self.outcomes or self.others)

    @property
    def unseen_texts(self) -> bool:
        """Texts changed, yet no route shows the change (the item is never listed, say)."""
        return bool(self.texts) and self.equal


# -- what a person reads -------------------------------------------------------------------------
_SEEN: dict[tuple[str, str, int], tuple[object, View]] = {}
"""Views of the tree's objects already worked out, by identity (a search asks for the same
page and card thousands of times). The object is kept with its view, so an id is never reused
while it is here; `search` empties it when done."""


def _texts_of(kind: str, obj: object, skip: str = "") -> View:
    cached = _SEEN.get((kind, skip, id(obj)))
    if cached is not None and cached[0] is obj:
        return cached[1]
    view = tuple(
        (t.key, t.text) for t in object_texts(kind, obj) if not (skip and t.key.startswith(skip))
    )
    _SEEN[(kind, skip, id(obj))] = (obj, view)
    return view


def page_view(node: Node) -> View:
    """A page as a person sees it: its kind, texts, options (with their "on its own" mark) and,
    for a pick-several question, how many may be picked."""
    rule = (node.min, node.max_picks) if node.traits.many else ()
    options = tuple((o.id, o.exclusive) for o in node.options)
    return (node.kind, rule, options, _texts_of("node", node))


def _sources(tree: Tree, ids: Iterable[str]) -> View:
    return tuple(
        _texts_of("source", tree.sources[i]) if i in tree.sources else (i,) for i in ids
    )


def flag_view(tree: Tree, flag: RedFlag) -> View:
    return (_texts_of("red_flag", flag), _sources(tree, flag.sources))


def _listed_view(tree: Tree, kind: str, listed: Listed[Any]) -> View:
    """An item as its card reads: texts, the notes that apply, why it is listed ("because";
    a care-team question shows no reason to a person) and what it cites."""
    why = () if kind == "question" else (listed.for_everyone, listed.said)
    return (
        _texts_of(kind, listed.item, "notes."),
        listed.notes,
        why,
        _sources(tree, listed.sources),
    )


def summary_view(summary: Summary) -> View:
    """The summary as a person reads it: every section of the outline, in order."""
    tree = summary.tree
    outcome = page_view(summary.outcome) if summary.outcome is not None else ()
    return (
        summary.title,
        outcome,
        tuple(flag_view(tree, f) for f in summary.red_flags),
        tuple((t.item.id, t.item.name, t.item.brief) for t in summary.glance),
        tuple(
            (_texts_of("group", g.group), tuple(_listed_view(tree, "treatment", t)
                                                for t in g.treatments))
            for g in summary.groups
        ),
        tuple(_listed_view(tree, "resource", r) for r in summary.resources),
        tuple(_listed_view(tree, "question", q) for q in summary.questions),
        tuple((a.prompt, a.labels) for a in summary.answers),
        tuple(_texts_of("source", s) for s in summary.sources),
    )


def _welcome(tree: Tree) -> View:
    """What every route starts with: the tree's own texts (its edition label aside)."""
    return tuple(
        (t.key, t.text) for t in person_texts(tree) if "." not in t.key
    )


# -- walking -------------------------------------------------------------------------------------
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
    """Answer as `steps` say wherever they fit this version (`Session.replay`, Mode.FILL); a
    question they do not answer is answered with nothing (one that may be left blank stays
    blank), and where that or their answer is refused, the fixed answer instead."""
    answers = {node: options for node, options in steps}
    blank = {node.id: () for node in tree.nodes.values() if node.is_question}
    replayed = Session(tree).replay({**blank, **answers}.items(), Mode.FILL, _fixed)
    notes: list[str] = []
    pages: list[View] = []
    for step in replayed.steps:
        node = tree.nodes[step.node]
        if not node.traits.page:
            if step.node not in answers:
                notes.append(f"'{node.id}' is not answered on this route")
            elif step.left_out:
                notes.append(f"'{node.id}' has no option {', '.join(step.left_out)}")
        if step.filled:
            notes.append(f"'{node.id}' answered {','.join(step.answer) or '(nothing)'} instead")
        if step.refused is not None:
            break
        flags = tuple(flag_view(tree, f) for f in step.raised)
        pages.append((page_view(node), step.answer, flags))
    return _walked(replayed.session, notes, pages)


def _walked(session: Session, notes: list[str], pages: list[View]) -> Walked:
    summary: Summary = session.summary()
    tree = session.tree
    steps = {a.node: tree.nodes[a.node].heading for a in session.history}
    if session.finished:
        steps[session.current.id] = session.current.heading
    listed: list[Listed[Any]] = [*summary.treatments, *summary.resources]
    shown: dict[str, dict[str, str]] = {
        "treatment": {t.item.id: t.item.name for t in summary.treatments},
        "resource": {r.item.id: r.item.name for r in summary.resources},
        "red flag": {f.id: f.title for f in summary.red_flags},
        "care-team question": {q.item.text: q.item.text for q in summary.questions},
        "step": steps,
        "group heading": {g.group.id: g.group.title for g in summary.groups},
        "note": {f"{i.item.id}: {note}": note for i in listed for note in i.notes},
    }
    answers = " ".join(f"{a.node}={','.join(a.options)}" for a in session.answered)
    outcome = session.current.id if session.finished else f"(stopped at {session.current.id})"
    view = (_welcome(tree), tuple(pages), session.finished, summary_view(summary))
    return Walked(answers, outcome, shown, tuple(notes), view)


# -- the search ----------------------------------------------------------------------------------
def _conditions_facts(values: Iterable[Any]) -> set[str]:
    found: set[str] = set()
    for value in values:
        conditions: list[Condition] = []
        if isinstance(value, Condition):
            conditions.append(value)
        elif isinstance(value, tuple):
            conditions += [r.when for r in value if isinstance(r, Route) and r.when is not None]
        for condition in conditions:
            found.update(fact for fact, _ in condition.facts_read())
    return found


SHARED_PARTS = (
    "title", "description", "disclaimer", "translation", "groups", "red_flags", "sources",
    "at_a_glance",
)  # fmt: skip
"""Top-level parts of a tree that any route may show (besides pages and items)."""
MODELLED = frozenset({*SHARED_PARTS, "nodes", "treatments", "resources", "questions"})
"""Top-level parts the route comparison reads. Settings no person reads are left out too."""
NOT_SHOWN = frozenset({"format", "id", "version", "language", "review", "reading_grade", "start"})


def other_parts(old: Tree, new: Tree) -> tuple[str, ...]:
    """Top-level parts of the format the route comparison does not model (a quiz, teach-back
    questions, any key added later) that differ: each counts as a difference, so a new part
    of the format can never pass as "no differences" before the diff learns to walk it."""
    names = [f.name for f in OBJECTS["tree"] if f.name not in MODELLED | NOT_SHOWN]
    return tuple(n for n in names if getattr(old, n, None) != getattr(new, n, None))


def _summary_parts(tree: Tree) -> dict[tuple[str, str], Any]:
    """What the summary is made of besides the answers, part by part: each treatment (with its
    group), resource and care-team question, and the rest of the tree (pages aside) as one."""
    groups = {g.id: g for g in tree.groups}
    parts: dict[tuple[str, str], Any] = {
        ("treatment", t.id): (t, groups.get(t.group)) for t in tree.treatments.values()
    }
    parts.update({("resource", r.id): r for r in tree.resources.values()})
    parts.update({("question", str(n)): q for n, q in enumerate(tree.questions)})
    rest = tuple(getattr(tree, name) for name in SHARED_PARTS)
    parts[("rest", "")] = rest
    return parts


class _Plan:
    """What the search needs to know about the two editions, worked out once.

    `read`: every fact a condition of either edition reads (no other fact changes anything).
    Where both editions are at the same node, with the same facts, answers and flags, and every
    node ahead is the same in both (`same_ahead`), only the summary parts that differ can still
    differ: `narrow` (the facts the pages ahead and those parts read) is then all the state
    needs, and when no part differs the branch is pruned at once.
    """

    def __init__(self, old: Tree, new: Tree) -> None:
        self.old, self.new = old, new
        self.read = frozenset(
            _conditions_facts(values_of("tree", old, ("condition", "next")))
            | _conditions_facts(values_of("tree", new, ("condition", "next")))
        )
        before, after = _summary_parts(old), _summary_parts(new)
        differ = [k for k in before.keys() | after.keys() if before.get(k) != after.get(k)]
        self.parts_differ = bool(differ)
        self.whole = any(kind == "rest" for kind, _ in differ)
        """A part any route may show (red flags, sources, groups, glance, the tree's texts)
        differs: no narrowing."""
        narrow: set[str] = set()
        for tree in (old, new):
            for node in tree.nodes.values():
                narrow |= _conditions_facts(values_of("node", node, ("condition", "next")))
            parts = _summary_parts(tree)
            for key in differ:
                if key in parts:
                    narrow |= _conditions_facts(_part_conditions(parts[key]))
        self.narrow = frozenset(narrow)
        self._ahead: dict[str, bool] = {}

    def same_ahead(self, node_id: str) -> bool:
        """Whether this node and every node it can lead to are the same in both editions."""
        if node_id not in self._ahead:
            old, new = self.old.nodes, self.new.nodes
            stack, seen, same = [node_id], {node_id}, True
            while stack and same:
                current = stack.pop()
                same = current in old and current in new and old[current] == new[current]
                for target in old[current].targets() if same else ():
                    if target not in seen:
                        seen.add(target)
                        stack.append(target)
            self._ahead[node_id] = same
        return self._ahead[node_id]

    @staticmethod
    def key(session: Session, read: frozenset[str]) -> tuple[Any, ...]:
        """What the rest of this session can still show depends only on this."""
        said: dict[str, list[str]] = {}
        nodes = session.tree.nodes
        for answer in session.answered:
            for option in nodes[answer.node].options:
                if option.id in answer.options:
                    for fact in read.intersection(option.sets):
                        said.setdefault(fact, []).append(option.label)
        return (
            session.current.id,
            session.facts & read,
            frozenset((fact, tuple(labels)) for fact, labels in said.items()),
            frozenset(f.id for f in session.red_flags),
        )

    def state(self, a: Session, b: Session) -> tuple[tuple[Any, ...] | None, frozenset[str]]:
        """The search state of a pair of sessions (None: nothing ahead can differ), and the
        facts that matter from here."""
        key_a, key_b = self.key(a, self.read), self.key(b, self.read)
        if not self.whole and key_a == key_b and self.same_ahead(a.current.id):
            if not self.parts_differ:
                return None, self.narrow
            return ("same", self.key(a, self.narrow)), self.narrow
        return (key_a, key_b), self.read


def _part_conditions(part: Any) -> Iterator[Any]:
    """The conditions of one summary part (an item and its notes, or a question)."""
    item = part[0] if isinstance(part, tuple) else part
    when = getattr(item, "when", None)
    if when is not None:
        yield when
    for note in getattr(item, "notes", ()):
        yield note.when


def _effect(option: Option | None, read: frozenset[str]) -> tuple[Any, ...]:
    if option is None:
        return ()
    return (read.intersection(option.sets), option.red_flag)


def search(old: Tree, new: Tree, *, states: int = SEARCH_STATES) -> Search:
    """Routes on which the two editions read differently (see the module docstring)."""
    plan = _Plan(old, new)
    seen: set[tuple[Any, ...]] = set()
    found: list[Steps] = []
    why: list[str] = []
    stack: list[tuple[Session, Session, Steps]] = [(Session(old), Session(new), ())]
    if _welcome(old) != _welcome(new):
        found.append(_complete(*stack[0]))
    explored = 0
    while stack and len(found) < FOUND_MOST:
        a, b, steps = stack.pop()
        key, read = plan.state(a, b)
        if key is None or key in seen:
            continue
        if explored >= states:
            why.append(
                f"the search stopped at its limit of {states:,} states (answers given so far, "
                "on both versions); routes beyond them were not compared"
            )
            break
        seen.add(key)
        explored += 1
        if a.finished or b.finished:
            if a.finished != b.finished or summary_view(a.summary()) != summary_view(b.summary()):
                found.append(_complete(a, b, steps))
            continue
        if page_view(a.current) != page_view(b.current):
            found.append(_complete(a, b, steps))
            continue
        answers, reason = _answers(a.current, b.current, read)
        if reason:
            why.append(reason)
        for answer in reversed(answers):
            next_a, next_b = a.fork(), b.fork()
            try:
                raised_a = next_a.answer(answer)
                raised_b = next_b.answer(answer)
            except AnswerError:
                continue  # the pages read the same, so both refuse it alike
            taken = (*steps, *_step(a, b, answer))
            if [flag_view(old, f) for f in raised_a] != [flag_view(new, f) for f in raised_b]:
                found.append(_complete(next_a, next_b, taken))
                continue
            stack.append((next_a, next_b, taken))
    if len(found) >= FOUND_MOST and stack:
        why.append(f"the search stopped after {FOUND_MOST} routes that differ")
    _SEEN.clear()
    return Search(tuple(found), explored, not why, tuple(dict.fromkeys(why)))


def _step(a: Session, b: Session, answer: tuple[str, ...]) -> Steps:
    """The answer as a step of both editions (a page may have another id in the new one)."""
    ids = dict.fromkeys((a.current.id, b.current.id))
    return tuple((node_id, answer) for node_id in ids)


def _complete(a: Session, b: Session, steps: Steps) -> Steps:
    """A route that reached a difference, carried on to an outcome with the fixed answers."""
    taken = list(steps)
    for session in (a.fork(), b.fork()):
        for step in session.replay((), Mode.FILL, _fixed).steps:
            if step.refused is None and all(step.node != done for done, _ in taken):
                taken.append((step.node, step.answer))
    return tuple(taken)


def _answers(
    node: Node, twin: Node, read: frozenset[str]
) -> tuple[list[tuple[str, ...]], str]:
    """The answers to try at a page both editions show alike, and why they are not every
    answer that matters (empty when they are)."""
    if node.traits.page:
        return [()], ""
    if node.traits.single:
        return [(o.id,) for o in node.options], ""
    kinds: dict[tuple[Any, ...], list[Option]] = {}
    plain: list[Option] = []
    for option in node.options:
        if option.exclusive:
            continue
        effect = (_effect(option, read), _effect(twin.option(option.id), read))
        if effect == ((frozenset(), None), (frozenset(), None)):
            plain.append(option)
        else:
            kinds.setdefault(effect, []).append(option)
    alone = [(o.id,) for o in node.options if o.exclusive]
    groups = list(kinds.values())
    if len(groups) > MULTI_KINDS:
        tried: list[tuple[str, ...]] = [*alone]
        tried += [(o.id,) for o in node.options if not o.exclusive]
        tried.append(tuple(o.id for o in node.options if not o.exclusive))
        return _in_order(node, tried), (
            f"question '{node.id}' has {len(groups)} kinds of options (different facts or red "
            f"flags); their 2^{len(groups)} combinations were not all tried, only each option "
            "alone and all together"
        )
    answers: list[tuple[str, ...]] = list(alone)
    for mask in range(1 << len(groups)):
        chosen = [group for n, group in enumerate(groups) if mask >> n & 1]
        picks = [group[0] for group in chosen]
        extra = plain + [o for group in chosen for o in group[1:]]
        while len(picks) < max(node.min, 1) and extra:
            picks.append(extra.pop(0))
        if picks:
            answers.append(tuple(o.id for o in picks))
    return _in_order(node, answers), ""


def _in_order(node: Node, answers: Iterable[Sequence[str]]) -> list[tuple[str, ...]]:
    order = [o.id for o in node.options]
    return list(dict.fromkeys(tuple(i for i in order if i in set(a)) for a in answers))


# -- comparing -----------------------------------------------------------------------------------
def diff_trees(
    old: Tree,
    new: Tree,
    *,
    states: int = SEARCH_STATES,
    more: Iterable[Steps] = (),
    more_how: str = "",
) -> TreeDiff:
    """Search both editions for routes that read differently, then walk those, both cover sets
    and any `more` routes on each, and group what differs. `complete` says whether the search
    saw every route."""
    found = search(old, new, states=states)
    routes = dict.fromkeys([*found.differing, *cover_routes(old, new), *more])
    how = (
        f"every route searched ({found.states:,} states)"
        if found.complete
        else f"a search of {found.states:,} states and the cover sets of both versions"
    ) + (f", and {more_how}" if more_how else "")
    return compare_trees(old, new, list(routes), how, complete=found.complete, why=found.why)


def compare_trees(
    old: Tree,
    new: Tree,
    routes: Sequence[Steps],
    how: str,
    *,
    complete: bool = True,
    why: Sequence[str] = (),
) -> TreeDiff:
    """Walk every route on both versions and group what differs (see the module docstring).
    `complete`: whether `routes` are all the routes that can differ (else the report says
    that "no differences" holds only for these routes, and `why`)."""
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
        tuple(text_changes(old, new)), tuple(notes), complete, tuple(why), other_parts(old, new),
    )  # fmt: skip


PARTS = ("the welcome page", "the pages", "where the route ends", "the summary")
SUMMARY_PARTS = (
    "its title", "the outcome", "urgent alerts", "at a glance", "treatment groups",
    "help with coping", "questions for the care team", "your answers", "sources",
)  # fmt: skip


def what_differs(old: View, new: View) -> str:
    """Where two route views first differ, in words for the report ("the summary: sources")."""
    for part, before, after in zip(PARTS, old, new, strict=False):
        if before == after:
            continue
        if part == "the pages":
            for n, (page_a, page_b) in enumerate(zip(before, after, strict=False), 1):
                if page_a != page_b:
                    return f"page {n}"
            return "the number of pages"
        if part == "the summary":
            for name, a, b in zip(SUMMARY_PARTS, before, after, strict=False):
                if a != b:
                    return f"the summary: {name}"
        return part
    return "nothing"


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
