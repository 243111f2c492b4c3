"""Problems a well-typed tree can still have: in its graph, its facts and its citations.

The builder has already checked keys and types; this module checks what only the whole tree can
tell: references between nodes, reachability, dead ends, loops, facts that are read but never set
(a misspelling, usually) or set but never read, items that no answers could ever list, items
that cite nothing, and `at_a_glance` orders naming treatments their entry never lists. Content
governance (review dates, red flags first, links to sources) is in governance.py, run from here.

It also proves what authors promise (`never_with`, `only_with` on an item or a note) and that
'at a glance' never offers as a first choice an item whose own caution note applies. Both are
proved over every route at once, not sampled: `conditions.example` searches every combination
of the facts the conditions read, reading the options that set them (and that one answer of a
single choice excludes the others). It can only over-estimate what routes reach, so a clean
result is a proof; a counter-example names the facts, for the author to rule out. Past
PROOF_LIMIT facts the search would be too costly, and the checker says it could not prove it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from wizard.model.check_quiz import check_quiz
from wizard.model.conditions import can_hold, example
from wizard.model.errors import Diagnostic, Severity, did_you_mean
from wizard.model.governance import check_governance
from wizard.model.tree import Condition, Mark, Node, Promise, Tree

PROOF_LIMIT = 16
"""Most distinct facts a promise or a glance caution may read and still be proved (2**n sets)."""
Setters = dict[str, list[tuple[str, str, frozenset[str]]]]


def _diag(mark: Mark, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(mark.file, mark.line, mark.col, severity, message)


def check_tree(
    tree: Tree, broken: frozenset[str] = frozenset(), *, searches: bool = True
) -> list[Diagnostic]:
    """Every graph, fact and citation problem of the tree, unsorted.

    `broken`: nodes the builder already reported as unusable; links to them are not errors twice,
    and what depends on their unknown contents (which nodes they lead to, which facts they set
    or read) is not judged: one misspelt `kind` is one error, not a cascade of nodes "that
    cannot be reached" and facts "that no answer sets".
    `searches=False` leaves out the searches for conditions that can never hold: the costliest
    part of the check, and one that only ever warns, so a caller that keeps only errors
    (`load_tree`) need not wait for it.
    """
    found: list[Diagnostic] = []
    found.extend(_check_graph(tree, broken))
    found.extend(_check_facts(tree, searches, judge_flow=not broken))
    found.extend(_check_citations(tree))
    found.extend(check_governance(tree))
    graph_ok = not broken and not any(d.severity == "error" for d in found)
    found.extend(check_quiz(tree, replay=graph_ok))
    return found


def _check_graph(tree: Tree, broken: frozenset[str]) -> Iterator[Diagnostic]:
    nodes = tree.nodes
    top = Mark(tree.path, 1, 1)
    if tree.start and tree.start not in nodes and tree.start not in broken:
        yield _diag(
            top,
            "error",
            f"'start' names node '{tree.start}', which does not exist"
            + did_you_mean(tree.start, nodes),
        )
    if not any(node.ends for node in nodes.values()):
        yield _diag(top, "error", "the tree has no outcome node; add one with 'kind: outcome'")
    for node in nodes.values():
        for target, mark in node.links():
            if target not in nodes and target not in broken:
                yield _diag(
                    mark,
                    "error",
                    f"node '{target}' does not exist{did_you_mean(target, nodes)}",
                )
        yield from _dead_end(node)
    if not broken:  # a broken node may be the one that leads to the rest
        yield from _unreachable(tree)
    yield from _loops(tree)


def _dead_end(node: Node) -> Iterator[Diagnostic]:
    if node.ends:
        if node.next or any(o.next for o in node.options):
            yield _diag(node.mark, "error", f"outcome '{node.id}' ends the walk; remove its 'next'")
        return
    if node.next:
        return
    if node.traits.option_next:
        missing = [o.id for o in node.options if o.next is None]
        if missing:
            yield _diag(
                node.mark,
                "error",
                f"node '{node.id}': the walk stops after option(s) {', '.join(missing)}, "
                "before an outcome; give the node a 'next' or each option its own",
            )
        return
    yield _diag(
        node.mark,
        "error",
        f"node '{node.id}' has no 'next', so the walk stops here before an outcome; add 'next'",
    )


def _unreachable(tree: Tree) -> Iterator[Diagnostic]:
    if tree.start not in tree.nodes:
        return
    seen = {tree.start}
    stack = [tree.start]
    while stack:
        node = tree.nodes[stack.pop()]
        for target, _ in node.links():
            if target in tree.nodes and target not in seen:
                seen.add(target)
                stack.append(target)
    for node in tree.nodes.values():
        if node.id not in seen:
            yield _diag(
                node.mark,
                "error",
                f"node '{node.id}' cannot be reached from the start; link to it or remove it",
            )


def _loops(tree: Tree) -> Iterator[Diagnostic]:
    """One diagnostic per loop, found by an iterative depth-first search (no recursion limit)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in tree.nodes:
        if root in state:
            continue
        path: list[str] = [root]
        iters = [iter(list(tree.nodes[root].targets()))]
        state[root] = 1
        while iters:
            target = next(iters[-1], None)
            if target is None:
                state[path.pop()] = 2
                iters.pop()
                continue
            if target not in tree.nodes:
                continue
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                yield _diag(
                    tree.nodes[target].mark,
                    "error",
                    f"loop: {' -> '.join(cycle)}; every route must move on towards an outcome",
                )
            elif target not in state:
                state[target] = 1
                path.append(target)
                iters.append(iter(list(tree.nodes[target].targets())))


def _conditions(tree: Tree) -> Iterator[tuple[str, Condition]]:
    """(what it guards, condition) for every condition in the tree."""
    for node in tree.nodes.values():
        if node.when is not None:
            yield f"node '{node.id}'", node.when
        for route in node.next:
            if route.when is not None:
                yield f"a route of node '{node.id}'", route.when
    for treatment in tree.treatments.values():
        yield f"treatment '{treatment.id}'", treatment.when
        for note in treatment.notes:
            yield f"a note of treatment '{treatment.id}'", note.when
    for resource in tree.resources.values():
        yield f"resource '{resource.id}'", resource.when
        for note in resource.notes:
            yield f"a note of resource '{resource.id}'", note.when
    for question in tree.questions:
        yield "a question", question.when
    for glance in tree.at_a_glance:
        yield "an 'at_a_glance' entry", glance.when
    for treatment in tree.treatments.values():
        for brief in treatment.briefs:
            yield f"a brief of treatment '{treatment.id}'", brief.when
    if tree.safety_net is not None:
        for sign in tree.safety_net.signs:
            yield "a sign of 'safety_net'", sign.when
    if tree.bring is not None:
        for thing in tree.bring.items:
            yield "an item of 'bring'", thing.when

    for teach in tree.teach_back:
        yield f"teach-back question '{teach.id}'", teach.when


def _promised(tree: Tree) -> Iterator[tuple[str, Condition, Promise, Mark]]:
    """(what, when it is shown, its promise, where written) for everything with a promise."""
    for kind, items in (("treatment", tree.treatments), ("resource", tree.resources)):
        for item in items.values():
            if item.promise:
                yield f"{kind} '{item.id}'", item.when, item.promise, item.mark
            for note in item.notes:
                if note.promise:
                    shown = Condition("all", items=(item.when, note.when))
                    yield f"a note of {kind} '{item.id}'", shown, note.promise, note.mark
    for question in tree.questions:
        if question.promise:
            yield "a question", question.when, question.promise, question.mark


def _promise_conditions(tree: Tree) -> Iterator[tuple[str, Condition]]:
    for what, _, promise, _ in _promised(tree):
        for key in ("never_with", "only_with"):
            condition = getattr(promise, key)
            if condition is not None:
                yield f"'{key}' of {what}", condition


def _check_facts(tree: Tree, searches: bool = True, judge_flow: bool = True
                 ) -> Iterator[Diagnostic]:
    setters: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    set_at: dict[str, Mark] = {}
    for node in tree.nodes.values():
        for option in node.options:
            for fact in option.sets:
                setters[fact].append((node.id, option.id, frozenset(option.sets)))
                set_at.setdefault(fact, option.mark)
    read: set[str] = set()
    conditions = list(_conditions(tree))
    for what, condition in [*conditions, *_promise_conditions(tree)]:
        for fact, mark in condition.facts_read():
            read.add(fact)
            if fact not in setters and judge_flow:
                yield _diag(
                    mark,
                    "error",
                    f"{what} reads fact '{fact}', which no answer sets"
                    + did_you_mean(fact, setters),
                )
    for fact, mark in set_at.items():
        if fact not in read and judge_flow:
            yield _diag(
                mark,
                "warning",
                f"fact '{fact}' is set here but no condition reads it; use it in a 'when' or "
                "remove it from 'sets'",
            )
    if not searches or not judge_flow:  # searches over what answers set: wait for the nodes
        return
    exclusive = frozenset(n.id for n in tree.nodes.values() if n.traits.single)

    known: dict[Condition, bool] = {}

    def possible(condition: Condition) -> bool:
        """False only when every fact is set somewhere and still no answers make it hold.

        Kept per condition: the search is exponential in the facts read, and the same
        condition is asked about again (glance orders, conditions written twice)."""
        answer = known.get(condition)
        if answer is None:
            answer = known[condition] = not all(
                f in setters for f, _ in condition.facts_read()
            ) or can_hold(condition, setters, exclusive)
        return answer

    for what, condition in conditions:
        if not possible(condition):
            yield _diag(
                condition.mark,
                "warning",
                f"{what} can never apply: no set of answers makes its condition hold",
            )
    yield from _glance_orders(tree, possible)
    yield from _check_promises(tree, setters, exclusive)
    yield from _glance_cautions(tree, setters, exclusive)


def _counter(
    condition: Condition, setters: Setters, exclusive: frozenset[str]
) -> tuple[bool, frozenset[str] | None]:
    """(decided, example facts): decided is False when too many facts are read to search."""
    if len({f for f, _ in condition.facts_read()}) > PROOF_LIMIT:
        return False, None
    return True, example(condition, setters, exclusive)


def _facts_words(facts: frozenset[str]) -> str:
    return ", ".join(sorted(facts)) if facts else "no facts at all"


def _check_promises(
    tree: Tree, setters: Setters, exclusive: frozenset[str]
) -> Iterator[Diagnostic]:
    """Each `never_with` / `only_with` promise, proved over every route (see the docstring)."""
    for what, shown, promise, mark in _promised(tree):
        tests = []
        if promise.never_with is not None:
            tests.append(("never_with", Condition("all", items=(shown, promise.never_with))))
        if promise.only_with is not None:
            broken = Condition("all", items=(shown, Condition("not", items=(promise.only_with,))))
            tests.append(("only_with", broken))
        for key, broken_when in tests:
            decided, facts = _counter(broken_when, setters, exclusive)
            if not decided:
                yield _diag(
                    mark,
                    "warning",
                    f"cannot prove the '{key}' of {what}: its conditions read more than "
                    f"{PROOF_LIMIT} facts; write them more simply",
                )
            elif facts is not None:
                yield _diag(
                    mark,
                    "warning",
                    f"{what} breaks its '{key}': answers that set {_facts_words(facts)} "
                    "show it; narrow its 'when' (or rule those answers out)",
                )


def _glance_cautions(
    tree: Tree, setters: Setters, exclusive: frozenset[str]
) -> Iterator[Diagnostic]:
    """An 'at_a_glance' order that can offer as a first choice a treatment whose own caution
    note applies for the same facts (a `caution: true` note)."""
    for glance in tree.at_a_glance:
        for treatment_id in glance.order:
            treatment = tree.treatments.get(treatment_id)
            if treatment is None:
                continue
            moved = [
                Condition("not", items=(other.when,))
                for other in tree.at_a_glance
                if treatment_id in other.others
            ]
            for note in treatment.notes:
                if not note.caution:
                    continue
                parts = (glance.when, treatment.when, note.when, *moved)
                decided, facts = _counter(Condition("all", items=parts), setters, exclusive)
                if not decided:
                    yield _diag(
                        glance.mark,
                        "warning",
                        f"cannot prove that this 'at_a_glance' entry never offers "
                        f"'{treatment_id}' while its caution (line {note.mark.line}) applies: "
                        f"more than {PROOF_LIMIT} facts",
                    )
                elif facts is not None:
                    yield _diag(
                        glance.mark,
                        "warning",
                        f"this 'at_a_glance' entry puts '{treatment_id}' among the first "
                        f"choices while its caution note (line {note.mark.line}) applies, with "
                        f"{_facts_words(facts)} (the summary then leaves it out of 'At a "
                        f"glance', under 'Take care'); add an entry for those facts with "
                        f"'others: [{treatment_id}]'",
                    )


def _glance_orders(tree: Tree, possible: Callable[[Condition], bool]) -> Iterator[Diagnostic]:
    """An `at_a_glance` order naming a treatment that is never listed when the order applies."""
    for glance in tree.at_a_glance:
        if not possible(glance.when):
            continue  # already said: the entry itself can never apply
        for treatment_id in glance.order:
            treatment = tree.treatments.get(treatment_id)
            if treatment is None or not possible(treatment.when):
                continue  # an unknown id is an error, a never-listed treatment a warning, already
            if not possible(Condition("all", items=(glance.when, treatment.when))):
                yield _diag(
                    glance.mark,
                    "warning",
                    f"an 'at_a_glance' entry orders treatment '{treatment_id}', which is never "
                    "listed when this entry's 'when' holds",
                )


def _check_citations(tree: Tree) -> Iterator[Diagnostic]:
    cited: set[str] = set()
    for kind, items in (("treatment", tree.treatments), ("resource", tree.resources)):
        for item in items.values():
            cited.update(item.sources)
            for note in item.notes:
                cited.update(note.sources)
            if not item.sources:
                yield _diag(
                    item.mark,
                    "warning",
                    f"{kind} '{item.id}' cites no source; add 'sources' so readers can check it",
                )
    for red_flag in tree.red_flags.values():
        cited.update(red_flag.sources)
    for question in tree.questions:
        cited.update(question.sources)
    if tree.safety_net is not None:
        cited.update(tree.safety_net.sources)
        for sign in tree.safety_net.signs:
            cited.update(sign.sources)
    for source in tree.sources.values():
        if source.id not in cited:
            yield _diag(
                source.mark, "warning", f"source '{source.id}' is never cited; cite or remove it"
            )
    raised = {o.red_flag for n in tree.nodes.values() for o in n.options if o.red_flag}
    for red_flag in tree.red_flags.values():
        if red_flag.id not in raised:
            yield _diag(
                red_flag.mark,
                "warning",
                f"red flag '{red_flag.id}' is never raised; name it in an option's 'red_flag'",
            )
    used_groups = {t.group for t in tree.treatments.values()}
    for group in tree.groups:
        if group.id not in used_groups:
            yield _diag(group.mark, "warning", f"group '{group.id}' has no treatments in it")
