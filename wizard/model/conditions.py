"""The small condition language: fact, always, all, any, not.

Conditions are data in the tree (see tree.Condition). This module holds what is done *with* them
besides evaluating: compiling to fast closures for the state machine's guards, finding which facts
made a condition hold (the summary's "because"), and whether answers could make one hold. Saying
a condition in words is rendering (wizard/render/reasons.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from wizard.model.tree import Condition

KEYWORDS = frozenset({"always", "all", "any", "not"})

Guard = Callable[[frozenset[str]], bool]


def formula(condition: Condition) -> str:
    """The condition as a short formula, e.g. `any(lems, mg)`: diagrams and debugging."""
    if condition.op in ("always", "fact"):
        return condition.fact or "always"
    inner = ", ".join(formula(item) for item in condition.items)
    return f"{condition.op}({inner})"


def compile_condition(condition: Condition) -> Guard:
    """A closure that evaluates the condition; faster than walking the dataclass each time.

    The closure is named after the condition so diagrams drawn by transitions can show it.
    """
    guard = _compile(condition)
    guard.__name__ = formula(condition)
    return guard


def _compile(condition: Condition) -> Guard:
    if condition.op == "always":
        return lambda facts: True
    if condition.op == "fact":
        name = condition.fact
        return lambda facts: name in facts
    parts = [_compile(item) for item in condition.items]
    if condition.op == "all":
        return lambda facts: all(part(facts) for part in parts)
    if condition.op == "any":
        return lambda facts: any(part(facts) for part in parts)
    inner = parts[0]
    return lambda facts: not inner(facts)


def witnesses(condition: Condition, facts: frozenset[str]) -> list[str]:
    """The facts that make a holding condition hold, in the order the condition names them.

    For `any`, every holding branch counts, so "because" lists all the answers that helped;
    `not` contributes nothing (an absence is not something the person said).
    """
    if condition.op == "fact":
        return [condition.fact] if condition.fact in facts else []
    if condition.op in ("all", "any"):
        found: list[str] = []
        for item in condition.items:
            if item.holds(facts):
                found.extend(f for f in witnesses(item, facts) if f not in found)
        return found
    return []


def can_hold(
    condition: Condition,
    setters: Mapping[str, Sequence[tuple[str, str, frozenset[str]]]],
    exclusive_nodes: frozenset[str],
    limit: int = 12,
) -> bool:
    """Whether some set of answers could make the condition hold.

    `setters[fact]` lists (node, option, all facts that option sets). A fact no option sets is
    always false; two facts only set by different options of the same single-choice node cannot
    both be true. Beyond `limit` distinct facts the search would be too costly, and the answer is
    a cautious True.
    """
    names = {name for name, _ in condition.facts_read()}
    if len(names) > limit:
        return True
    return example(condition, setters, exclusive_nodes) is not None


def example(
    condition: Condition,
    setters: Mapping[str, Sequence[tuple[str, str, frozenset[str]]]],
    exclusive_nodes: frozenset[str],
) -> frozenset[str] | None:
    """The fewest facts (of those the condition reads) that answers can set, while setting none
    of the others it reads, to make the condition hold; None when no answers can.

    Exhaustive over the facts read (2**n sets): callers keep n small (`can_hold`'s limit). It
    over-approximates what routes can reach (a fact may be asked only on another branch), so
    None is a proof that no route shows the condition holding, and a set is a lead to check.
    """
    names = sorted({name for name, _ in condition.facts_read()})
    holds = _compile(condition)  # evaluated up to 2**n times: the closure, not the walk
    every = frozenset(names)
    for size in range(len(names) + 1):  # few facts first: the easiest answers to reach
        for chosen in combinations(names, size):
            true = frozenset(chosen)
            if holds(true) and _reachable(true, every - true, setters, exclusive_nodes):
                return true
    return None


def _reachable(
    true: frozenset[str],
    false: frozenset[str],
    setters: Mapping[str, Sequence[tuple[str, str, frozenset[str]]]],
    exclusive_nodes: frozenset[str],
) -> bool:
    """Can answers set every fact in `true` while setting none in `false`?"""
    picks: dict[str, str] = {}

    def place(remaining: list[str]) -> bool:
        if not remaining:
            return True
        fact, rest = remaining[0], remaining[1:]
        for node, option, sets in setters.get(fact, ()):
            if sets & false:
                continue
            chosen = picks.get(node)
            if node in exclusive_nodes and chosen is not None and chosen != option:
                continue
            fresh = chosen is None
            picks[node] = option if fresh else chosen  # type: ignore[assignment]
            if place(rest):
                return True
            if fresh:
                del picks[node]
        return False

    return place(sorted(true))
