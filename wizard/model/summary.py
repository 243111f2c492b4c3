"""Session -> Summary: what is listed for this person, and why.

The summary is plain data that every renderer (text, Markdown, HTML, JSON, the Textual screen)
reads, so they all list the same things in the same order with the same reasons. It holds facts,
not sentences: which answers made an item hold, and its condition; the words for them ("You
said: ...", "Listed when ...") are the renderer's (wizard/render/reasons.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from wizard.model.conditions import witnesses
from wizard.model.spec import GLANCE_FIRST
from wizard.model.tree import (
    BringItem,
    Condition,
    Group,
    Node,
    Note,
    Question,
    RedFlag,
    Resource,
    Sign,
    Source,
    Treatment,
    Tree,
)


class Step(Protocol):
    """One answered step of a route (a `machine.Answer`)."""

    @property
    def node(self) -> str: ...

    @property
    def options(self) -> tuple[str, ...]: ...


class FactLabels(Protocol):
    """What the summary reads from a tree's index: the labels of the options that set a fact."""

    @property
    def fact_labels(self) -> Mapping[str, Sequence[str]]: ...


class Route(Protocol):
    """What a summary is built from: a `machine.Session`, described here so that this module
    does not import the machine (which imports this module to build its summary)."""

    @property
    def tree(self) -> Tree: ...

    @property
    def index(self) -> FactLabels: ...

    @property
    def facts(self) -> frozenset[str]: ...

    @property
    def answered(self) -> Sequence[Step]: ...

    @property
    def red_flags(self) -> tuple[RedFlag, ...]: ...

    @property
    def current(self) -> Node: ...

    @property
    def finished(self) -> bool: ...

Item = TypeVar("Item", Treatment, Resource, Question)


@dataclass(frozen=True)
class Listed(Generic[Item]):
    """An item on the summary with the reasons it is there.

    `said`: the labels of the answers that made its condition hold, in the order the condition
    names them. `condition`: why it is listed (for educators; `always`: for everyone). `notes`:
    the item's tailored lines that apply. `sources`: what it cites for this person, its own
    sources then those of the notes that apply. `cautions`: those of `notes` the tree marks as
    warning against the item for this person. `brief`: its one line for 'at a glance', chosen
    for these facts.
    """

    item: Item
    said: tuple[str, ...]
    condition: Condition
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    brief: str = ""

    @property
    def for_everyone(self) -> bool:
        """Listed whatever the answers (its condition is `always`)."""
        return self.condition.op == "always"


@dataclass(frozen=True)
class SummaryGroup:
    group: Group
    treatments: tuple[Listed[Treatment], ...]


@dataclass(frozen=True)
class AnsweredQuestion:
    node: str
    prompt: str
    options: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    tree: Tree
    outcome: Node | None
    answers: tuple[AnsweredQuestion, ...]
    facts: frozenset[str]
    red_flags: tuple[RedFlag, ...]
    groups: tuple[SummaryGroup, ...]
    resources: tuple[Listed[Resource], ...]
    questions: tuple[Listed[Question], ...]
    sources: tuple[Source, ...]
    glance: tuple[Listed[Treatment], ...] = ()
    """Every listed treatment in 'at a glance' order: the first choices, then the others."""
    first_choices: int = 0
    """How many of `glance` are the person's first choices (at most spec.GLANCE_FIRST)."""
    safety_signs: tuple[Sign, ...] = ()
    """The safety net's signs that hold for this person (the net itself is `tree.safety_net`)."""
    bring: tuple[BringItem, ...] = ()
    """The things to bring to an appointment that hold for this person."""
    fact_labels: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """For each fact, the labels of the options that set it: to say a condition in words."""

    @property
    def treatments(self) -> tuple[Listed[Treatment], ...]:
        return tuple(listed for group in self.groups for listed in group.treatments)

    @property
    def first(self) -> tuple[Listed[Treatment], ...]:
        """The person's first choices, one line each at a glance."""
        return self.glance[: self.first_choices]

    @property
    def others(self) -> tuple[Listed[Treatment], ...]:
        """The other options the team may consider, named together on one line."""
        return self.glance[self.first_choices :]

    @property
    def cautions(self) -> tuple[Listed[Treatment], ...]:
        """Listed treatments that are cautions (`caution: true`), then those whose card warns
        against them for this person (a caution note applies)."""
        items = [listed for listed in self.treatments if listed.item.caution]
        return (*items, *(t for t in self.treatments if t.cautions and not t.item.caution))

    @property
    def title(self) -> str:
        if self.outcome is not None and self.outcome.title:
            return self.outcome.title
        return self.tree.title

    @property
    def disclaimer(self) -> str:
        return self.tree.disclaimer


def build_summary(session: Route) -> Summary:
    tree = session.tree
    facts = session.facts
    index = session.index
    said: dict[str, list[str]] = {}
    for answer in session.answered:
        node = tree.nodes[answer.node]
        for option in node.options:
            if option.id in answer.options:
                for fact in option.sets:
                    said.setdefault(fact, []).append(option.label)

    def reasons(condition: Condition) -> tuple[str, ...]:
        labels: list[str] = []
        for fact in witnesses(condition, facts):
            labels.extend(label for label in said.get(fact, ()) if label not in labels)
        return tuple(labels)

    def listed(item: Item, condition: Condition) -> Listed[Item]:
        notes: tuple[Note, ...] = item.notes if isinstance(item, (Treatment, Resource)) else ()
        applying: list[Note] = [note for note in notes if note.when.holds(facts)]
        cites = dict.fromkeys(item.sources)
        for note in applying:
            cites.update(dict.fromkeys(note.sources))
        return Listed(
            item,
            reasons(condition),
            condition,
            tuple(note.text for note in applying),
            tuple(cites),
            tuple(note.text for note in applying if note.caution),
            item.brief_for(facts) if isinstance(item, Treatment) else "",
        )

    by_group: dict[str, list[Listed[Treatment]]] = {group.id: [] for group in tree.groups}
    for treatment in tree.treatments.values():
        if treatment.when.holds(facts):
            by_group.setdefault(treatment.group, []).append(listed(treatment, treatment.when))
    groups = tuple(
        SummaryGroup(group, tuple(by_group[group.id]))
        for group in tree.groups
        if by_group[group.id]
    )
    resources = tuple(listed(r, r.when) for r in tree.resources.values() if r.when.holds(facts))
    questions = tuple(listed(q, q.when) for q in tree.questions if q.when.holds(facts))
    cited: dict[str, Source] = {}
    shown: list[Listed[Any]] = [t for g in groups for t in g.treatments]
    shown += [*resources, *questions]
    cited_ids = [s for listed_item in shown for s in listed_item.sources]
    cited_ids += [s for flag in session.red_flags for s in flag.sources]
    net = tree.safety_net
    signs = tuple(sign for sign in net.signs if sign.when.holds(facts)) if net else ()
    if net is not None:
        cited_ids += [*net.sources, *(s for sign in signs for s in sign.sources)]
    bring = tuple(b for b in tree.bring.items if b.when.holds(facts)) if tree.bring else ()
    for source_id in cited_ids:
        if source_id in tree.sources:
            cited.setdefault(source_id, tree.sources[source_id])
    glance, first = _glance(tree, facts, groups)
    answers = tuple(
        AnsweredQuestion(a.node, tree.nodes[a.node].prompt, a.options, _labels(tree, a))
        for a in session.answered
    )
    return Summary(
        tree=tree,
        outcome=session.current if session.finished else None,
        answers=answers,
        facts=facts,
        red_flags=session.red_flags,
        groups=groups,
        resources=resources,
        questions=questions,
        sources=tuple(cited.values()),
        glance=glance,
        first_choices=first,
        fact_labels=index.fact_labels,
        safety_signs=signs,
        bring=bring,
    )


def _labels(tree: Tree, step: Step) -> tuple[str, ...]:
    """The labels of the options picked at a step, in the tree's order (as `Session.labels`)."""
    return tuple(o.label for o in tree.nodes[step.node].options if o.id in step.options)


def _glance(
    tree: Tree, facts: frozenset[str], groups: tuple[SummaryGroup, ...]
) -> tuple[tuple[Listed[Treatment], ...], int]:
    """(every listed option in 'at a glance' order, how many of them are first choices).

    Treatments marked `caution` are not options: they are left to the cautions. Nor is a
    treatment whose card warns against it for this person (a caution note that holds): naming
    it on the "other options" line would offer what the card below says not to take.

    The first holding `at_a_glance` entry with an `order` orders them; listed ones it does not
    name follow in group order. Every holding entry then moves its `later` ids to the end of
    the order and its `others` ids off the first choices. The first choices are the first
    GLANCE_FIRST of what the order names (or, with no order, of the group order); the rest are
    the other options. Nothing else listed is ever left out, and an order naming what is not
    listed skips it.
    """
    listed = {
        t.item.id: t
        for group in groups
        for t in group.treatments
        if not t.item.caution and not t.cautions
    }
    applying = [glance for glance in tree.at_a_glance if glance.when.holds(facts)]
    chosen = next((glance for glance in applying if glance.has_order), None)
    order = chosen.order if chosen is not None else tuple(listed)
    later = {i for glance in applying for i in glance.later}
    others = {i for glance in applying for i in glance.others}
    named = [i for i in order if i in listed]
    named = [i for i in named if i not in later] + [i for i in named if i in later]
    first = [i for i in named if i not in others][:GLANCE_FIRST]
    rest = [i for i in named if i not in first]
    rest += [i for i in listed if i not in named]
    rest = [i for i in rest if i not in later] + [i for i in rest if i in later]
    return tuple(listed[i] for i in (*first, *rest)), len(first)
