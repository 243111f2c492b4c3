"""The session: a `transitions` state machine over the tree's nodes, plus what was answered.

States are node ids. Triggers are answers: `pick:<option>` for a single-choice option that has a
`next` of its own, `submit` for every other answer (the node's routes decide), `skip` for a node
whose `when` does not hold. Sharing `submit` keeps the table at one transition per route instead
of one per option and route, which is most of the cost of building a machine for a large tree.
Guards are the compiled `when` conditions of the routes, tried in the order the tree gives them.
The machine holds where the person is; the Session holds what they said, and derives the facts
from it, so going back or changing an answer can never leave a stale fact behind.

One Machine serves every session of a tree, as transitions intends: it is built once with the
tree's index (cached weakly on the Tree), and each Session adds its own small model to it
(`add_model`) and is removed again when the session is dropped (`weakref.finalize`), so a server
holding many sessions, or What-if forking one per keypress, never builds a second machine and
never leaves a model behind.

This is the one API every front end uses (Textual app, line prompts, `wizard walk`); none of them
walks the tree itself. Answers given all at once (a saved route, a test case, answers carried to
a changed route or a new edition) go in through one replay, `Session.replay`, in one of its
`Mode`s; no other code feeds a list of answers into a session by hand.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from transitions import Machine

from wizard.model.conditions import Guard, compile_condition
from wizard.model.errors import did_you_mean
from wizard.model.gcpause import paused_gc
from wizard.model.summary import Summary, build_summary
from wizard.model.tree import Node, Option, RedFlag, Tree

SKIP = "skip"
SUBMIT = "submit"
PICK = "pick:"


class AnswerError(ValueError):
    """An answer the current question cannot take, as facts, not words.

    `reason` says why ("pick_one", "too_many", ...) and `values` hold what the words need
    (`most`, `label`, ...); `node` is set when the answer was given by node id (`walk`). The
    front ends say it through the vocabulary: `wizard.render.words.refusal(error)`. `str()` is
    for logs and developers.
    """

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason, values)
        self.reason = reason
        self.values = values
        self.node = ""

    def __str__(self) -> str:
        facts = ", ".join(f"{name}={value!r}" for name, value in self.values.items())
        where = f"{self.node}: " if self.node else ""
        return f"{where}{self.reason}" + (f" ({facts})" if facts else "")


class MissingAnswer(LookupError):
    """`walk` reached a question the answers do not cover."""

    def __init__(self, node: Node) -> None:
        super().__init__(f"no answer for '{node.id}'")
        self.node = node


@dataclass(frozen=True)
class Answer:
    """One step of the route: a node and the options picked there (none for an info node)."""

    node: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """Where the person is, in questions: on a question, `step` is its number; on a page to
    read, the number of questions answered. `fewest` and `most` are the questions of the
    shortest and longest routes through here. Pages to read are not counted: a person counts
    the questions they are asked, so the first question is "Question 1" after any welcome page.
    """

    step: int
    fewest: int
    most: int

    @property
    def about(self) -> int:
        """A single total to show ("Question 3 of about 6"): the midpoint, rounded up."""
        return (self.fewest + self.most + 1) // 2


class Mode(Enum):
    """How `Session.replay` treats the answers it is given: the one replay has these modes
    because its callers mean different things by a failure, not because they walk differently.
    """

    ROUTE = "route"
    """A recorded route, step by step (a web page's sealed state, a take-home code, a covering
    route, a branch of `wizard paths`): each step must name the node the session is at
    (OffRoute "off_route"), none may come after an outcome (OffRoute "past_end"), and every
    answer must fit (AnswerError, `node` set). The session stops where the route ends."""

    WALK = "walk"
    """Answers keyed by node id (`wizard walk`, a quiz case, tests): each is used when its node
    comes; a page nobody answered goes on by itself; a question with no answer raises
    MissingAnswer, an answer that does not fit AnswerError (`node` set). Ends at an outcome;
    answers for nodes the route never meets are left unused."""

    CARRY = "carry"
    """A person's answers carried to a changed route or a new edition of the tree (Check your
    answers' Change, What if, live preview): keyed by node id, each used while it still fits.
    Options the tree no longer has are left out (`Step.left_out`). The replay stops, raising
    nothing, at the first node it has no answer for, a page included (the person has not read
    it), or at the first answer refused (`Step.refused`), so a front end can say which answers
    no longer fit: `Replayed.refused`, `Step.left_out` and `Replayed.unused`."""

    FILL = "fill"
    """Every route walked to an outcome (`wizard diff`): keyed answers where they fit (unknown
    options left out), pages go on by themselves, and a question with no answer, or whose answer
    is refused, gets `fill(node)` instead (`Step.filled`). Stops only when that is refused too."""


class Step(NamedTuple):
    """One node `Session.replay` met, and what it did there. A named tuple, not a dataclass:
    `wizard paths` replays a route per branch, and a frozen dataclass cost it 15% more."""

    node: str
    given: tuple[str, ...] | None
    """The answer the replay was given for this node; None when it had none (a page that goes
    on by itself, or a question FILL filled)."""
    answer: tuple[str, ...]
    """The answer tried last: `given` without `left_out`, or FILL's fill."""
    left_out: tuple[str, ...] = ()
    """Options of `given` the node does not have (CARRY and FILL leave them out)."""
    filled: bool = False
    """`answer` is FILL's fill: no answer was given, or the one given was refused."""
    raised: tuple[RedFlag, ...] = ()
    refused: AnswerError | None = None
    """Why `answer` did not fit (CARRY, FILL): the replay stopped here, the node unanswered."""


@dataclass(frozen=True)
class Replayed:
    """What `Session.replay` did: the session, where it now stands, and every step met."""

    session: Session
    steps: tuple[Step, ...]
    unused: tuple[str, ...] = ()
    """Nodes given an answer that the replay never met (keyed modes), in the order given."""

    @property
    def refused(self) -> Step | None:
        """The step whose answer did not fit, where a lenient replay stopped; None if none."""
        last = self.steps[-1] if self.steps else None
        return last if last is not None and last.refused is not None else None

    @property
    def raised(self) -> tuple[RedFlag, ...]:
        """The red flags the replayed answers raised, first raised first."""
        return tuple(flag for step in self.steps for flag in step.raised)


Fill = Callable[[Node], tuple[str, ...]]
"""FILL's answer for a question the replay has no fitting answer for."""


class _TreeMachine(Machine):
    """A transitions Machine whose models are bare `_Model`s driven by `model.trigger(name)`.

    transitions gives every added model an `is_<state>` helper per state, a method per trigger
    and `on_enter_<state>` lookups. Sessions use none of them (a node id would collide with a
    method), and doing it would make adding a session cost one step per node; with
    `model_override=True` it would also log a warning per helper not bound. So models get only
    what `_Model` declares: `trigger` and `may_trigger`.
    """

    def _add_model_to_state(self, state: Any, model: Any) -> None:
        """No per-state helpers on a session's model (see the class docstring)."""

    def _add_trigger_to_model(self, trigger: str, model: Any) -> None:
        """No per-trigger methods either: sessions call `model.trigger(name)`."""


class TreeIndex:
    """What every session of a tree shares: the one Machine, compiled guards, route lengths.

    Built once per Tree (cached weakly), so starting a session only adds a model to the machine.
    The index does not keep the Tree itself, so the cache entry goes when the tree does.
    """

    def __init__(self, tree: Tree) -> None:
        self.when: dict[str, Guard] = {
            node.id: compile_condition(node.when) for node in tree.nodes.values() if node.when
        }
        self.transitions: list[dict[str, Any]] = []
        for node in tree.nodes.values():
            self._add_node(node)
        self.remaining = self._route_lengths(tree)
        self.machine = _TreeMachine(
            model=None,
            states=list(tree.nodes),
            transitions=self.transitions,
            initial=tree.start,
            auto_transitions=False,
            model_override=True,
        )
        self.fact_labels: dict[str, list[str]] = {}
        for node in tree.nodes.values():
            for option in node.options:
                for fact in option.sets:
                    self.fact_labels.setdefault(fact, []).append(option.label)

    def _routes(self, trigger: str, node: Node, dest: str | None = None) -> None:
        if dest is not None:
            self.transitions.append({"trigger": trigger, "source": node.id, "dest": dest})
            return
        for route in node.next:
            entry: dict[str, Any] = {"trigger": trigger, "source": node.id, "dest": route.go}
            if route.when is not None:
                entry["conditions"] = [compile_condition(route.when)]
            self.transitions.append(entry)

    def _add_node(self, node: Node) -> None:
        traits = node.traits
        if traits.option_next:
            for option in node.options:
                if option.next is not None:
                    self._routes(PICK + option.id, node, option.next)
            if any(option.next is None for option in node.options):
                self._routes(SUBMIT, node)
        elif not traits.ends:
            self._routes(SUBMIT, node)
        if node.when is not None:
            self._routes(SKIP, node)

    @staticmethod
    def _route_lengths(tree: Tree) -> dict[str, tuple[int, int]]:
        """Fewest and most questions from each node to an outcome, this node included."""
        lengths: dict[str, tuple[int, int]] = {}
        nodes = tree.nodes
        for root in nodes:
            stack = [root]
            while stack:
                node_id = stack[-1]
                if node_id in lengths:
                    stack.pop()
                    continue
                node = nodes[node_id]
                targets = list(dict.fromkeys(node.targets()))
                pending = [t for t in targets if t not in lengths]
                if pending:
                    stack.extend(pending)
                    continue
                stack.pop()
                own = 1 if node.is_question else 0
                if targets:
                    lengths[node_id] = (
                        own + min(lengths[t][0] for t in targets),
                        own + max(lengths[t][1] for t in targets),
                    )
                else:
                    lengths[node_id] = (own, own)
        return lengths


_indexes: weakref.WeakKeyDictionary[Tree, TreeIndex] = weakref.WeakKeyDictionary()


def index_of(tree: Tree) -> TreeIndex:
    index = _indexes.get(tree)
    if index is None:
        with paused_gc():
            index = _indexes[tree] = TreeIndex(tree)
    return index


class _Model:
    """The bare object `transitions` drives.

    With `model_override=True`, transitions binds only what this class already names
    (`trigger`, `may_trigger`), so ten thousand nodes do not become ten thousand `is_<node>`
    attributes, and a node id can never collide with a method. It holds nothing but its state:
    the machine keeps it while the session lives, and must not keep the session alive.
    """

    state: str

    def trigger(self, name: str, *args: Any) -> bool:  # replaced by transitions
        raise NotImplementedError

    def may_trigger(self, name: str, *args: Any) -> bool:  # replaced by transitions
        raise NotImplementedError


class Session:
    """One person's walk through a checked tree."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.index = index_of(tree)
        self._model = _Model()
        self._machine = self.index.machine
        self._machine.add_model(self._model, initial=tree.start)
        # Leave the tree's machine when this session is dropped (or closed), never before.
        self._leave = weakref.finalize(self, self._machine.remove_model, self._model)
        self._answers: list[Answer] = []
        self._facts: frozenset[str] = frozenset()
        self._remembered: dict[str, tuple[str, ...]] = {}
        self._skipped: list[tuple[int, str]] = []
        self._flags: dict[str, RedFlag] = {}
        self._skip_ahead()

    def close(self) -> None:
        """Leave the tree's machine now rather than when the session is collected.

        Optional: dropping the session does the same. A closed session can still be read.
        """
        self._leave()

    # -- reading ----------------------------------------------------------------------------
    @property
    def current(self) -> Node:
        return self.tree.nodes[self._model.state]

    @property
    def finished(self) -> bool:
        return self.current.ends

    @property
    def facts(self) -> frozenset[str]:
        return self._facts

    @property
    def history(self) -> tuple[Answer, ...]:
        """Every step taken, info nodes included, oldest first."""
        return tuple(self._answers)

    @property
    def answered(self) -> tuple[Answer, ...]:
        """The questions answered (choice and multi), oldest first."""
        nodes = self.tree.nodes
        return tuple(a for a in self._answers if nodes[a.node].is_question)

    @property
    def skipped(self) -> tuple[str, ...]:
        """Nodes passed over because their `when` did not hold, in the order met."""
        return tuple(node for _, node in self._skipped)

    @property
    def red_flags(self) -> tuple[RedFlag, ...]:
        """Red flags raised by the answers that still stand, first raised first."""
        return tuple(self._flags.values())

    @property
    def preselected(self) -> tuple[str, ...]:
        """The answer this question had before the person went back, to show it selected."""
        return self._remembered.get(self.current.id, ())

    def labels(self, answer: Answer) -> tuple[str, ...]:
        return tuple(option.label for option in self._options(answer))

    def progress(self) -> Progress:
        fewest, most = self.index.remaining[self.current.id]
        done = len(self.answered)
        step = done + 1 if self.current.is_question else done
        return Progress(step, done + fewest, done + most)

    def summary(self) -> Summary:
        return build_summary(self)

    # -- acting -----------------------------------------------------------------------------
    def answer(self, option_ids: Sequence[str]) -> tuple[RedFlag, ...]:
        """Answer the current node and move on; returns the red flags this answer raised.

        Raises AnswerError, with a sentence for the person, when the answer does not fit.
        """
        node = self.current
        picked = self.validate(node, option_ids)
        options = [option for option in node.options if option.id in picked]
        facts = self._facts.union(*(option.sets for option in options))
        chosen = node.option(picked[0]) if node.traits.option_next else None
        trigger = PICK + chosen.id if chosen is not None and chosen.next else SUBMIT
        self._model.trigger(trigger, facts)
        self._answers.append(Answer(node.id, picked))
        self._remembered[node.id] = picked
        self._facts = facts
        raised = self._raise_flags(options)
        self._skip_ahead()
        return raised

    def validate(self, node: Node, option_ids: Sequence[str]) -> tuple[str, ...]:
        """The answer as a tuple of known, distinct option ids in the tree's order."""
        traits = node.traits
        if traits.ends:
            raise AnswerError("finished")
        if not traits.question:
            if option_ids:
                raise AnswerError("no_options")
            return ()
        known = {option.id for option in node.options}
        for option_id in option_ids:
            if option_id not in known:
                hint = did_you_mean(option_id, known)
                raise AnswerError("unknown", option=option_id, hint=hint)
        chosen = set(option_ids)
        picked = tuple(option.id for option in node.options if option.id in chosen)
        if traits.single:
            if len(picked) != 1:
                raise AnswerError("pick_one")
            return picked
        if len(picked) > 1:
            for option in node.options:
                if option.exclusive and option.id in chosen:
                    raise AnswerError("exclusive", label=option.label)
        if len(picked) < node.min:
            raise AnswerError("too_few", count=str(node.min))
        if len(picked) > node.max_picks:
            raise AnswerError("too_many", most=str(node.max_picks))
        return picked

    def toggle(self, selection: Sequence[str], option_id: str) -> tuple[str, ...]:
        """A multi-select's selection after toggling one option.

        An exclusive option ("none of these") clears the others, and picking another clears it.
        """
        node = self.current
        option = node.option(option_id)
        if option is None:
            return tuple(selection)
        if option_id in selection:
            return tuple(o for o in selection if o != option_id)
        if option.exclusive:
            return (option_id,)
        exclusive = {o.id for o in node.options if o.exclusive}
        kept = [o for o in selection if o not in exclusive]
        return tuple(o.id for o in node.options if o.id in kept or o.id == option_id)

    def back(self) -> bool:
        """Return to the previous step with its answer pre-selected; False at the start."""
        if not self._answers:
            return False
        self._truncate(len(self._answers) - 1)
        return True

    def go_to(self, node_id: str) -> bool:
        """Return to an earlier step (a breadcrumb); later answers are dropped, not lost from
        the pre-selection, so walking forward again shows them."""
        for position, answer in enumerate(self._answers):
            if answer.node == node_id:
                self._truncate(position)
                return True
        return False

    def change_answer(self, node_id: str, option_ids: Sequence[str]) -> tuple[RedFlag, ...]:
        """Change an earlier answer and replay the later ones that still apply (Mode.CARRY).

        Later answers are kept while the new route still meets their questions; the walk stops
        at the first question the new route reaches that has no answer yet.
        """
        later = [(a.node, a.options) for a in self._answers]
        position = next((i for i, a in enumerate(self._answers) if a.node == node_id), None)
        if position is None:
            raise AnswerError("not_answered", node=node_id)
        self.validate(self.tree.nodes[node_id], option_ids)  # refuse before changing anything
        self._truncate(position)
        raised = self.answer(option_ids)
        return (*raised, *self.replay(later, Mode.CARRY).raised)

    def replay(
        self,
        answers: Iterable[tuple[str, Sequence[str]]],
        mode: Mode = Mode.ROUTE,
        fill: Fill | None = None,
    ) -> Replayed:
        """Give this session `answers` (node id, option ids) from where it stands: the one
        replay of answers into a session. `mode` says what they are and what a failure means
        (see Mode); ROUTE and WALK raise, CARRY and FILL stop and report. `fill` is FILL's
        answer for a question without a fitting one, and only FILL takes it.
        """
        if (mode is Mode.FILL) != (fill is not None):
            raise TypeError("Mode.FILL, and only it, takes a fill")
        steps: list[Step] = []
        if mode is Mode.ROUTE:
            for node_id, options in answers:  # lazily: a take-home code reads each at its node
                node = self.current
                if node.ends:
                    raise OffRoute("past_end", node_id)
                if node.id != node_id:
                    raise OffRoute("off_route", node_id)
                steps.append(self._replay_one(node, tuple(options), mode, fill))
            return Replayed(self, tuple(steps))
        given = {node_id: tuple(options) for node_id, options in answers}
        for _ in range(len(self.tree.nodes) + 1):  # a checked tree meets no node twice
            if self.finished:
                break
            node = self.current
            wanted = given.get(node.id)
            if wanted is None and mode is Mode.CARRY:
                break
            if wanted is None and mode is Mode.WALK and node.is_question:
                raise MissingAnswer(node)
            step = self._replay_one(node, wanted, mode, fill)
            steps.append(step)
            if step.refused is not None:
                break
        met = {step.node for step in steps}
        return Replayed(self, tuple(steps), tuple(n for n in given if n not in met))

    def _replay_one(
        self, node: Node, given: tuple[str, ...] | None, mode: Mode, fill: Fill | None
    ) -> Step:
        """Answer `node` (the current one) as `mode` says; `Session.replay` does the rest."""
        answer: tuple[str, ...] = given or ()
        if mode is Mode.ROUTE or mode is Mode.WALK:  # strict: the answer as given, or raise
            try:
                return Step(node.id, given, answer, raised=self.answer(answer))
            except AnswerError as error:
                error.node = node.id
                raise
        left_out: tuple[str, ...] = ()
        filled = False
        if given:  # CARRY and FILL leave out options the tree no longer has
            known = {option.id for option in node.options}
            answer = tuple(o for o in given if o in known)
            left_out = tuple(o for o in given if o not in known)
        if given is None and fill is not None and node.is_question:
            answer, filled = fill(node), True
        while True:  # twice at most: FILL tries its fill after a refused answer
            try:
                raised = self.answer(answer)
            except AnswerError as error:
                if fill is None or filled:
                    return Step(node.id, given, answer, left_out, filled, refused=error)
                answer, filled = fill(node), True
                continue
            return Step(node.id, given, answer, left_out, filled, raised)

    def fork(self) -> Session:
        """An independent copy at the same point: for "what if" without touching this one."""
        twin = Session(self.tree)
        twin._answers = list(self._answers)
        twin._facts = self._facts
        twin._remembered = dict(self._remembered)
        twin._skipped = list(self._skipped)
        twin._flags = dict(self._flags)
        twin._machine.set_state(self._model.state, twin._model)
        return twin

    def what_if(self, node_id: str, option_ids: Sequence[str]) -> Session:
        """A fork with one earlier answer changed (later ones replayed where they still apply).

        The fork may stop at a question the new route reaches that was never answered; its
        summary then lists what the answers so far support.
        """
        twin = self.fork()
        twin.change_answer(node_id, option_ids)
        return twin

    def restart(self) -> None:
        """Back to the start with nothing remembered."""
        self._answers.clear()
        self._flags.clear()
        self._remembered.clear()
        self._skipped.clear()
        self._facts = frozenset()
        self._machine.set_state(self.tree.start, self._model)
        self._skip_ahead()

    # -- inside -----------------------------------------------------------------------------
    def _raise_flags(self, options: Sequence[Option]) -> tuple[RedFlag, ...]:
        raised = []
        for option in options:
            if option.red_flag and option.red_flag not in self._flags:
                flag = self._flags[option.red_flag] = self.tree.red_flags[option.red_flag]
                raised.append(flag)
        return tuple(raised)

    def _options(self, answer: Answer) -> list[Option]:
        node = self.tree.nodes[answer.node]
        return [o for o in node.options if o.id in answer.options]

    def _truncate(self, keep: int) -> None:
        target = self._answers[keep].node
        del self._answers[keep:]
        self._skipped = [(n, node) for n, node in self._skipped if n <= keep]
        facts: set[str] = set()
        self._flags.clear()
        for answer in self._answers:
            options = self._options(answer)
            for option in options:
                facts.update(option.sets)
            self._raise_flags(options)
        self._facts = frozenset(facts)
        self._machine.set_state(target, self._model)

    def _skip_ahead(self) -> None:
        """Pass over nodes whose `when` does not hold, as if they were not in the tree."""
        when = self.index.when
        model: Any = self._model
        while (guard := when.get(model.state)) is not None and not guard(self._facts):
            self._skipped.append((len(self._answers), model.state))
            model.trigger(SKIP, self._facts)


class OffRoute(AnswerError):
    """Mode.ROUTE met a step that is not the session's current node (`reason` "off_route"), or
    one past the end of the walk ("past_end")."""

    def __init__(self, reason: str, node: str) -> None:
        super().__init__(reason)
        self.node = node


def replay(tree: Tree, route: Iterable[tuple[str, Sequence[str]]]) -> Session:
    """A fresh session given a recorded route strictly (`Session.replay`, Mode.ROUTE).

    A saved or sealed route (the web pages' state, a covering route) either walks exactly as
    recorded or fails here, with AnswerError (the answer does not fit; `node` set) or OffRoute
    (the step is elsewhere). Callers decide what a failure means for them: a tampered page, a
    route to drop.
    """
    return Session(tree).replay(route, Mode.ROUTE).session


def walk(tree: Tree, answers: Mapping[str, Sequence[str]]) -> Session:
    """A session driven by answers keyed by node id (`Session.replay`, Mode.WALK), as `wizard
    walk`, quiz cases and tests use it.

    Info nodes continue by themselves unless the mapping names them. Stops at an outcome, or
    raises MissingAnswer at the first question with no answer.
    """
    return Session(tree).replay(answers.items(), Mode.WALK).session
