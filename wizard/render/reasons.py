"""Why an item is listed, in words: "You said: ...", "Listed when ...", and what a What-if changed.

The summary holds the facts (the labels of the answers behind an item, its condition); this
module says them with the vocabulary (`words.t`), so the model never holds a sentence and every
front end phrases a reason the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.model.summary import Listed, Summary
from wizard.model.tree import Condition
from wizard.render.words import t

Labels = Mapping[str, Sequence[str]]


def because(listed: Listed[Any]) -> tuple[str, ...]:
    """The answers that made an item hold ("You said: Every day"), or that it is for everyone."""
    if listed.for_everyone:
        return (t("for_everyone"),)
    return tuple(t("you_said", label=label) for label in listed.said)


def rule(listed: Listed[Any], labels: Labels) -> str:
    """An item's condition in words, naming the answers that set each fact (educators)."""
    return describe(listed.condition, labels)


def describe(condition: Condition, labels: Labels) -> str:
    """The condition in words, e.g. `('Yes, it is dry' and not 'A cactus')`.

    `labels` maps a fact to the labels of the options that set it; a fact no option sets is
    named as it is written.
    """
    if condition.op == "always":
        return t("rule_always")
    if condition.op == "fact":
        names = labels.get(condition.fact) or [condition.fact]
        return t("rule_or").join(t("rule_answer", label=name) for name in names)
    if condition.op == "not":
        return t("rule_not", rule=describe(condition.items[0], labels))
    joiner = t("rule_and") if condition.op == "all" else t("rule_or")
    parts = [describe(item, labels) for item in condition.items]
    if len(parts) == 1:
        return parts[0]
    return t("rule_group", rule=joiner.join(parts))


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
        entries[("red flag", flag.id)] = t("urgent_line", title=flag.title)
    for treatment in summary.treatments:
        entries[("treatment", treatment.item.id)] = treatment.item.name
    for resource in summary.resources:
        entries[("resource", resource.item.id)] = resource.item.name
    for question in summary.questions:
        entries[("question", question.item.text)] = t("question_line", text=question.item.text)
    return entries


def compare(before: Summary, after: Summary) -> SummaryChange:
    """The difference between two summaries of the same tree (educators' "what if")."""
    old, new = _entries(before), _entries(after)
    return SummaryChange(
        added=tuple(words for key, words in new.items() if key not in old),
        dropped=tuple(words for key, words in old.items() if key not in new),
    )
