"""The tree as frozen dataclasses.

Everything downstream (checker aside) works on these objects, never on raw YAML, so a Tree that
exists has the right types. Each object keeps the `Mark` of where it was written, so that even
problems found late (in the graph, in conditions) can point a tree author at a line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from wizard.model.kinds import KINDS, Kind, NodeKind


@dataclass(frozen=True, order=True)
class Mark:
    """Where a value was written: file, 1-based line and column."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NO_MARK = Mark("<memory>", 0, 0)


@dataclass(frozen=True)
class Condition:
    """A guard over facts: data, never code.

    `op` is one of `always`, `fact`, `all`, `any`, `not`. Evaluation is a plain recursive walk
    because conditions are small; the engine compiles them once per tree (see conditions.py).
    """

    op: Literal["always", "fact", "all", "any", "not"]
    fact: str = ""
    items: tuple[Condition, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)

    def holds(self, facts: frozenset[str] | set[str]) -> bool:
        if self.op == "fact":
            return self.fact in facts
        if self.op == "always":
            return True
        if self.op == "all":
            return all(item.holds(facts) for item in self.items)
        if self.op == "any":
            return any(item.holds(facts) for item in self.items)
        return not self.items[0].holds(facts)

    def facts_read(self) -> Iterator[tuple[str, Mark]]:
        """Every fact name this condition reads, with where it was written."""
        if self.op == "fact":
            yield self.fact, self.mark
        for item in self.items:
            yield from item.facts_read()


ALWAYS = Condition("always")


@dataclass(frozen=True)
class Route:
    """One way on from a node: taken when `when` holds (no `when`: always)."""

    go: str
    when: Condition | None = None
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Option:
    """One answer a person can pick at a node, and what picking it does."""

    id: str
    label: str
    help: str = ""
    sets: tuple[str, ...] = ()
    next: str | None = None
    exclusive: bool = False
    red_flag: str | None = None
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Node:
    """One step of the walk: a page to read, a question to answer, or the outcome."""

    id: str
    kind: NodeKind
    prompt: str = ""
    title: str = ""
    text: str = ""
    help: str = ""
    when: Condition | None = None
    options: tuple[Option, ...] = ()
    next: tuple[Route, ...] = ()
    min: int = 1
    max: int | None = None
    mark: Mark = field(default=NO_MARK, compare=False)

    @property
    def traits(self) -> Kind:
        """What this node's kind is and may do (wizard/model/kinds.py)."""
        return KINDS[self.kind]

    @property
    def is_question(self) -> bool:
        return KINDS[self.kind].question

    @property
    def ends(self) -> bool:
        """The walk ends here (an outcome)."""
        return KINDS[self.kind].ends

    @property
    def heading(self) -> str:
        """What to call this node on screen: its prompt, or an outcome's title."""
        return self.prompt or self.title or self.id

    @property
    def max_picks(self) -> int:
        return self.max if self.max is not None else len(self.options)

    def option(self, option_id: str) -> Option | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None

    def links(self) -> Iterator[tuple[str, Mark]]:
        """(target, where the link is written) for every way on, whatever the facts.

        A choice whose every option has its own `next` never uses the node's routes.
        """
        for option in self.options:
            if option.next is not None:
                yield option.next, option.mark
        if self.traits.option_next and self.options and all(o.next for o in self.options):
            return
        for route in self.next:
            yield route.go, route.mark

    def targets(self) -> Iterator[str]:
        """Every node this one can lead to, whatever the facts."""
        return (target for target, _ in self.links())


@dataclass(frozen=True)
class Source:
    """Something the tree cites, shown under the items that cite it."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Group:
    """A heading of the summary; treatments are listed under their group, in group order."""

    id: str
    title: str
    about: str = ""
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class SideEffects:
    """What a person may notice on a treatment: common, and serious (tell the team)."""

    common: tuple[str, ...] = ()
    serious: tuple[str, ...] = ()


@dataclass(frozen=True)
class Promise:
    """What an author promises about when a thing is shown, proved by `wizard check` over every
    route (never sampled): never when `never_with` holds, only when `only_with` holds."""

    never_with: Condition | None = None
    only_with: Condition | None = None

    def __bool__(self) -> bool:
        return self.never_with is not None or self.only_with is not None


NO_PROMISE = Promise()


@dataclass(frozen=True)
class Note:
    """A line added to a treatment when its condition holds (tailored to the answers).

    `caution`: the note warns against the item for these facts; the summary also shows it among
    the cautions, and 'at a glance' must not offer the item as a first choice meanwhile.
    """

    text: str
    when: Condition = ALWAYS
    sources: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)
    caution: bool = False
    promise: Promise = NO_PROMISE


@dataclass(frozen=True)
class Brief:
    """A one-line brief for some facts: replaces the item's `brief` when `when` holds."""

    text: str
    when: Condition
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Treatment:
    """A treatment option, listed on the summary when its condition holds."""

    id: str
    name: str
    group: str
    about: str
    when: Condition
    given: str = ""
    examples: tuple[str, ...] = ()
    side_effects: SideEffects = SideEffects()
    notes: tuple[Note, ...] = ()
    sources: tuple[str, ...] = ()
    brief: str = ""
    mark: Mark = field(default=NO_MARK, compare=False)
    briefs: tuple[Brief, ...] = ()
    promise: Promise = NO_PROMISE
    caution: bool = False
    """A caution, not an option: shown among the cautions at a glance, never as a choice."""

    def brief_for(self, facts: frozenset[str]) -> str:
        """The brief for these facts: the first of `briefs` that holds, else `brief`."""
        return next((b.text for b in self.briefs if b.when.holds(facts)), self.brief)


@dataclass(frozen=True)
class Resource:
    """A coping or support resource, listed when its condition holds."""

    id: str
    name: str
    about: str
    when: Condition
    contact: str = ""
    url: str = ""
    sources: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    brief: str = ""
    mark: Mark = field(default=NO_MARK, compare=False)
    promise: Promise = NO_PROMISE


@dataclass(frozen=True)
class RedFlag:
    """An urgent alert raised the moment an answer names it."""

    id: str
    title: str
    advice: str
    sources: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Question:
    """A question for the person to ask their care team, listed when its condition holds."""

    text: str
    when: Condition = ALWAYS
    sources: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)
    promise: Promise = NO_PROMISE


@dataclass(frozen=True)
class Glance:
    """One entry of `at_a_glance`, applying when `when` holds.

    The first entry with an `order` that applies orders the person's options: the first listed
    ones are the first choices, the rest are named on one line; listed treatments it does not
    name follow in group order, so an order never hides anything. Every entry that applies also
    moves its `later` treatments to the end and its `others` off the first choices (onto the
    "other options" line): that is how a caution for some facts keeps an item from being offered
    first, without writing every order twice.
    """

    when: Condition
    order: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)
    later: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    has_order: bool = True


@dataclass(frozen=True)
class Sign:
    """One line of the safety net: a sign that needs help today and what to do.

    `contacts`: phone lines, each naming the country it serves (a crisis line, say)."""

    text: str
    when: Condition = ALWAYS
    contacts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class SafetyNet:
    """'When to get help today': on every summary whatever was answered, so that nobody goes
    home without it; `write_in` labels a blank line for a number written on paper."""

    signs: tuple[Sign, ...]
    heading: str = ""
    intro: str = ""
    write_in: str = ""
    sources: tuple[str, ...] = ()
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class BringItem:
    """One thing to bring to an appointment, listed when `when` holds."""

    text: str
    when: Condition = ALWAYS
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Bring:
    """'Bring to your appointment': a checklist fitted to the person."""

    items: tuple[BringItem, ...]
    heading: str = ""
    intro: str = ""
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Case:
    """A quiz case: a person in a few plain words and the answers they would give.

    `answers` are (node id, option ids) in the order written; `next_at` names the question after
    which the learner predicts what is asked next. `marks` hold where each answer is written.
    """

    id: str
    story: str
    answers: tuple[tuple[str, tuple[str, ...]], ...]
    next_at: str = ""
    marks: Mapping[str, Mark] = field(default_factory=dict, compare=False)
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class TeachOption:
    """One answer to a teach-back question; `right` marks the ones the summary supports."""

    id: str
    label: str
    right: bool = False
    mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class TeachBack:
    """A question checking that a person understood their own summary (teach-back).

    Asked when `when` holds and the part of the summary it is `about` is listed for the person
    ("treatment:ID", "resource:ID", "red_flag:ID"); a wrong answer shows `explain` (the same point
    in other words) with that part of the summary, and asks again.
    """

    id: str
    prompt: str
    about: str
    explain: str
    options: tuple[TeachOption, ...]
    when: Condition = ALWAYS
    mark: Mark = field(default=NO_MARK, compare=False)


QUIZ_KINDS = ("options", "first", "urgent", "next")
"""The kinds of quiz question, in the order a case asks them (wizard/model/quiz.py)."""


@dataclass(frozen=True)
class QuizSettings:
    """What the tree's quiz asks (`quiz: {ask: [...]}`): the kinds of question, in order."""

    ask: tuple[str, ...] = QUIZ_KINDS


@dataclass(frozen=True)
class Review:
    """When the content was last reviewed and is next due (content governance), and when it
    last changed, if that was after the review (`changed`, optional)."""

    last_reviewed: str
    next_review: str
    mark: Mark = field(default=NO_MARK, compare=False)  # where `next_review` is written
    last_mark: Mark = field(default=NO_MARK, compare=False)  # where `last_reviewed` is written
    changed: str = ""
    changed_mark: Mark = field(default=NO_MARK, compare=False)  # where `changed` is written

    @property
    def unreviewed_change(self) -> str:
        """`changed` when it is a real date later than `last_reviewed`, else "".

        Then the content a person reads is not the content a clinician reviewed, and every line
        that states the review must say so; a change on or before the review day is covered by
        it (`wizard check` warns at one before it), and a malformed date claims nothing.
        """
        try:
            changed = date.fromisoformat(self.changed)
            reviewed = date.fromisoformat(self.last_reviewed)
        except ValueError:
            return ""
        return self.changed if changed > reviewed else ""


@dataclass(frozen=True)
class Tree:
    """A whole checked tree: what a Session walks and a Summary reads."""

    id: str
    title: str
    version: str
    disclaimer: str
    start: str
    nodes: Mapping[str, Node]
    review: Review
    format: int = 1
    language: str = "en"
    translation: str = ""
    """"" for the tree as written; "draft" or "reviewed" for a translation applied to it from an
    overlay (wizard/model/translation.py): a draft is marked on the welcome page and summary."""
    description: str = ""
    reading_grade: int = 9  # the hardest Flesch-Kincaid grade one text may have
    sources: Mapping[str, Source] = field(default_factory=dict)
    groups: tuple[Group, ...] = ()
    treatments: Mapping[str, Treatment] = field(default_factory=dict)
    resources: Mapping[str, Resource] = field(default_factory=dict)
    red_flags: Mapping[str, RedFlag] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()
    at_a_glance: tuple[Glance, ...] = ()
    cases: tuple[Case, ...] = ()
    quiz: QuizSettings = QuizSettings()
    teach_back: tuple[TeachBack, ...] = ()
    path: str = "<memory>"
    safety_net: SafetyNet | None = None
    bring: Bring | None = None

    def __hash__(self) -> int:
        return hash((self.path, self.id, self.version))
