"""Session -> Summary: what is listed for this person, and why.

The summary is plain data that every renderer (text, Markdown, HTML, JSON, the Textual screen)
reads, so they all list the same things in the same order with the same reasons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from wizard.model.conditions import describe, witnesses
from wizard.model.tree import (
    Condition,
    Group,
    Node,
    Note,
    Question,
    RedFlag,
    Resource,
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

    `because`: the answers that made its condition hold, in words. `rule`: the condition itself
    in words, for educators. `notes`: the item's tailored lines that apply. `sources`: what it
    cites for this person, its own sources then those of the notes that apply.
    """

    item: Item
    because: tuple[str, ...]
    rule: str
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


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
    """The listed treatments in the order of the first `at_a_glance` entry that holds."""

    @property
    def treatments(self) -> tuple[Listed[Treatment], ...]:
        return tuple(listed for group in self.groups for listed in group.treatments)

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
        if condition.op == "always":
            return ("Listed for everyone who uses this guide.",)
        labels: list[str] = []
        for fact in witnesses(condition, facts):
            labels.extend(label for label in said.get(fact, ()) if label not in labels)
        return tuple(f"You said: {label}" for label in labels)

    def listed(item: Item, condition: Condition) -> Listed[Item]:
        notes: tuple[Note, ...] = item.notes if isinstance(item, (Treatment, Resource)) else ()
        applying: list[Note] = [note for note in notes if note.when.holds(facts)]
        cites = dict.fromkeys(item.sources)
        for note in applying:
            cites.update(dict.fromkeys(note.sources))
        return Listed(
            item,
            reasons(condition),
            describe(condition, index.fact_labels),
            tuple(note.text for note in applying),
            tuple(cites),
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
    for source_id in cited_ids:
        if source_id in tree.sources:
            cited.setdefault(source_id, tree.sources[source_id])
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
        glance=_glance(tree, facts, groups),
    )


def _labels(tree: Tree, step: Step) -> tuple[str, ...]:
    """The labels of the options picked at a step, in the tree's order (as `Session.labels`)."""
    return tuple(o.label for o in tree.nodes[step.node].options if o.id in step.options)


def _glance(
    tree: Tree, facts: frozenset[str], groups: tuple[SummaryGroup, ...]
) -> tuple[Listed[Treatment], ...]:
    """The person's options in the first holding `at_a_glance` order, the rest in group order.

    Nothing listed is ever left out, and an order naming what is not listed skips it.
    """
    listed = {t.item.id: t for group in groups for t in group.treatments}
    order: tuple[str, ...] = next(
        (glance.order for glance in tree.at_a_glance if glance.when.holds(facts)), ()
    )
    first = [listed[treatment_id] for treatment_id in order if treatment_id in listed]
    named = set(order)
    return (*first, *(t for t in listed.values() if t.item.id not in named))


@dataclass(frozen=True)
class SummaryChange:
    """What a changed answer adds to and drops from a summary, by name, in summary order."""

    added: tuple[str, ...]
    dropped: tuple[str, ...]

    @property
    def unchanged(self) -> bool:
        return not self.added and not self.dropped


def _entries(summary: Summary) -> dict[tuple[str, str], str]:
    """Every listed thing, keyed by kind and id, with the words to show for it."""
    entries: dict[tuple[str, str], str] = {}
    for flag in summary.red_flags:
        entries[("red flag", flag.id)] = f"Urgent: {flag.title}"
    for treatment in summary.treatments:
        entries[("treatment", treatment.item.id)] = treatment.item.name
    for resource in summary.resources:
        entries[("resource", resource.item.id)] = resource.item.name
    for question in summary.questions:
        entries[("question", question.item.text)] = f"Question: {question.item.text}"
    return entries


def compare(before: Summary, after: Summary) -> SummaryChange:
    """The difference between two summaries of the same tree (educators' "what if")."""
    old, new = _entries(before), _entries(after)
    return SummaryChange(
        added=tuple(words for key, words in new.items() if key not in old),
        dropped=tuple(words for key, words in old.items() if key not in new),
    )
