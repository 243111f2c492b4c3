"""What only the whole tree can tell about its quiz cases and teach-back questions.

A case must name real questions and options, and its answers must walk the engine's own Session
to an outcome (the route complete, nothing left over), because the quiz scores learners against
what that Session lists. A teach-back question must be askable: its `when` can hold together with
the part of the summary it is about being listed (the app asks it only then, so the right answer
is always on the person's summary when the question shows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wizard.model.conditions import can_hold
from wizard.model.errors import Diagnostic, Severity, did_you_mean
from wizard.model.machine import AnswerError, MissingAnswer, walk
from wizard.model.tree import ALWAYS, Case, Condition, Mark, TeachBack, Tree


def _diag(mark: Mark, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(mark.file, mark.line, mark.col, severity, message)


def check_quiz(tree: Tree, *, replay: bool = True) -> list[Diagnostic]:
    """Every problem of the tree's cases and teach-back questions.

    `replay=False` (the graph has errors) checks names only: a broken graph cannot be walked.
    """
    found: list[Diagnostic] = []
    for case in tree.cases:
        names = list(_case_names(tree, case))
        found.extend(names)
        if replay and not names:
            found.extend(_case_route(tree, case))
    found.extend(_teach_back(tree))
    return found


def _case_names(tree: Tree, case: Case) -> Iterator[Diagnostic]:
    where = f"case '{case.id}'"
    for node_id, picked in case.answers:
        mark = case.marks.get(node_id, case.mark)
        node = tree.nodes.get(node_id)
        if node is None:
            hint = did_you_mean(node_id, tree.nodes)
            message = f"{where} answers node '{node_id}', which does not exist{hint}"
            yield _diag(mark, "error", message)
            continue
        if not node.is_question:
            yield _diag(mark, "error", f"{where} answers '{node_id}', which asks nothing")
            continue
        ids = [o.id for o in node.options]
        for option_id in picked:
            if option_id not in ids:
                yield _diag(
                    mark,
                    "error",
                    f"{where}: node '{node_id}' has no option '{option_id}'"
                    + did_you_mean(option_id, ids),
                )
    if case.next_at and case.next_at not in dict(case.answers):
        yield _diag(
            case.mark,
            "error",
            f"{where}: 'next_at' names '{case.next_at}', which the case does not answer",
        )
    if case.next_at and "next" not in tree.quiz.ask:
        yield _diag(
            case.mark, "warning", f"{where}: 'next_at' is not used: the quiz does not ask 'next'"
        )


def _case_route(tree: Tree, case: Case) -> Iterator[Diagnostic]:
    """Walk the case's answers through a real Session: the route must end at an outcome."""
    where = f"case '{case.id}'"
    given = dict(case.answers)
    try:
        session = walk(tree, given)
    except MissingAnswer as missing:
        node = missing.node
        options = ", ".join(o.id for o in node.options)
        yield _diag(
            case.mark,
            "error",
            f"{where} stops at question '{node.id}' ({node.heading}); add an answer "
            f"for it: one of {options}",
        )
        return
    except AnswerError as error:
        yield _diag(
            case.marks.get(error.node, case.mark),
            "error",
            f"{where}: node '{error.node}' refuses this answer ({error.reason})",
        )
        return
    asked = [answer.node for answer in session.history if answer.node in given]
    session.close()
    for node_id, _ in case.answers:
        if node_id not in asked:
            yield _diag(
                case.marks.get(node_id, case.mark),
                "error",
                f"{where} answers '{node_id}', which its route never asks; remove it",
            )
    if case.next_at in asked and asked.index(case.next_at) == len(asked) - 1:
        yield _diag(
            case.mark,
            "error",
            f"{where}: 'next_at' names '{case.next_at}', the last question of the route; "
            "nothing is asked after it",
        )


def _teach_back(tree: Tree) -> Iterator[Diagnostic]:
    setters: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    raised: set[str] = set()
    for node in tree.nodes.values():
        for option in node.options:
            for fact in option.sets:
                setters[fact].append((node.id, option.id, frozenset(option.sets)))
            if option.red_flag:
                raised.add(option.red_flag)
    exclusive = frozenset(n.id for n in tree.nodes.values() if n.traits.single)

    def possible(condition: Condition) -> bool:
        if not all(fact in setters for fact, _ in condition.facts_read()):
            return True  # a fact no answer sets is reported once, by the fact check
        return can_hold(condition, setters, exclusive)

    for teach in tree.teach_back:
        where = f"teach-back question '{teach.id}'"
        kind, _, ref = teach.about.partition(":")
        listed = _listed_when(tree, kind, ref)
        if listed is None:
            continue  # an unknown id is reported by the builder's reference check
        if kind == "red_flag" and ref not in raised:
            message = f"{where} is about red flag '{ref}', which no answer raises"
            yield _diag(teach.mark, "error", message)
            continue
        if not possible(Condition("all", items=(teach.when, listed))):
            yield _diag(
                teach.mark,
                "error",
                f"{where} can never be asked: when its 'when' holds, {kind.replace('_', ' ')} "
                f"'{ref}' is never on the summary",
            )
    yield from _duplicate_labels(tree.teach_back)


def _listed_when(tree: Tree, kind: str, ref: str) -> Condition | None:
    """When the part of the summary a question is about is listed (a red flag: when raised,
    which no fact tells: `always`, and the app asks only when it was)."""
    if kind == "treatment" and ref in tree.treatments:
        return tree.treatments[ref].when
    if kind == "resource" and ref in tree.resources:
        return tree.resources[ref].when
    if kind == "red_flag" and ref in tree.red_flags:
        return ALWAYS
    return None


def _duplicate_labels(questions: tuple[TeachBack, ...]) -> Iterator[Diagnostic]:
    """Two options that read the same cannot be told apart, and one of them would be 'wrong'."""
    for teach in questions:
        seen: set[str] = set()
        for option in teach.options:
            words = " ".join(option.label.lower().split())
            if words in seen:
                yield _diag(
                    option.mark,
                    "error",
                    f"teach-back question '{teach.id}': two options read '{option.label}'",
                )
            seen.add(words)
