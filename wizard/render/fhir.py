"""Tree -> FHIR R4 Questionnaire, Summary -> QuestionnaireResponse: answers a health record reads.

Plain dicts (JSON-ready), no FHIR library: the runtime stays small, and the tests validate the
output with `fhir.resources` (its R4B models, which share R4's Questionnaire).

The mapping, one idea each:

- Every node but the outcome is an item, in route order (a node after every node that can lead
  to it), `linkId` = node id. Questions are `choice` items (`repeats` for multi-select), info
  pages are `display` items. Each option is an `answerOption.valueCoding`: `system` names the
  question (option ids are unique only within a node), `code` is the option id, `display` its
  label.
- A node's `when` reads facts; facts are set by options. A fact becomes "one of the options that
  set it was picked", counting only options of nodes that can come *before* this one (the only
  answers the session has when it meets the node). `not` becomes `!=` ("no answer equals", true
  when the question was not answered, as in the session). What flattens into tests joined by
  one `all` or one `any` becomes `enableWhen` + `enableBehavior`; the rest is left out, and the
  Questionnaire says so: an extension on the item and a list in `description` (`dropped`).
- Routes between nodes (`next`) are expressed only where the only ways into a node are picks
  of given answers (an option's own `next`, `way_in`); elsewhere a form filler shows every item
  whose enableWhen holds. The description says this too.
- Tree text is data: item texts are plain strings with control characters stripped (`_clean`);
  `description` is FHIR markdown, so tree text enters it escaped (markdown's `_escape`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from wizard.model.conditions import formula
from wizard.model.summary import Summary
from wizard.model.tree import Condition, Node, Tree
from wizard.render.json import _clean as clean_strings
from wizard.render.markdown import _escape as escape_text

CANONICAL_BASE = "urn:triage-wizard"
"""Where our canonical names live. A URN, because the project publishes no web address; a
clinic that does can rewrite `url` and the option systems consistently."""

DROPPED_EXTENSION = f"{CANONICAL_BASE}:fhir:condition-not-expressed"
_HL7 = "http://hl7.org/fhir/StructureDefinition"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def questionnaire_url(tree: Tree) -> str:
    """The Questionnaire's canonical url (its version travels beside it)."""
    return f"{CANONICAL_BASE}:tree:{tree.id}"


def option_system(tree: Tree, node_id: str) -> str:
    """The code system of one question's options: option ids are unique within a node only."""
    return f"{questionnaire_url(tree)}:node:{node_id}"


# -- conditions as formulas over answers ------------------------------------------------------
@dataclass(frozen=True)
class Test:
    """ "The answer to `node` includes `option`" (or, with `equal` False, does not)."""

    node: str
    option: str
    equal: bool = True


@dataclass(frozen=True)
class Join:
    """Several formulas joined by one `all` or one `any`."""

    op: Literal["all", "any"]
    items: tuple[Formula, ...]


Formula = bool | Test | Join


def to_formula(
    condition: Condition, setters: Mapping[str, Iterable[tuple[str, str]]], negate: bool = False
) -> Formula:
    """The condition over answers, negations pushed down to the tests (De Morgan).

    `setters[fact]` are the (node, option) pairs that set the fact and can come earlier.
    """
    if condition.op == "always":
        return not negate
    if condition.op == "fact":
        tests = tuple(Test(n, o, not negate) for n, o in setters.get(condition.fact, ()))
        return simplify(Join("all" if negate else "any", tests))
    if condition.op == "not":
        return to_formula(condition.items[0], setters, not negate)
    op: Literal["all", "any"] = "all" if (condition.op == "all") != negate else "any"
    return simplify(Join(op, tuple(to_formula(i, setters, negate) for i in condition.items)))


def simplify(item: Formula) -> Formula:
    """Flatten nested joins of the same kind, drop duplicates and neutral values, and settle
    joins a constant decides (`all` with a False in it is False)."""
    if not isinstance(item, Join):
        return item
    neutral = item.op == "all"  # True changes nothing in `all`, False nothing in `any`
    kept: list[Formula] = []
    for part in (simplify(i) for i in item.items):
        parts = part.items if isinstance(part, Join) and part.op == item.op else (part,)
        for piece in parts:
            if isinstance(piece, bool):
                if piece != neutral:
                    return piece
            elif piece not in kept:
                kept.append(piece)
    if not kept:
        return neutral
    return kept[0] if len(kept) == 1 else Join(item.op, tuple(kept))


@dataclass(frozen=True)
class Expressed:
    """What became of one node's `when`: the enableWhen tests, or why there are none."""

    tests: tuple[Test, ...] = ()
    behavior: Literal["all", "any"] = "all"
    dropped: str = ""
    """Why the condition was left out ("" when it was expressed or there was none)."""


def express(
    node: Node, setters: Mapping[str, Iterable[tuple[str, str]]], reach: Formula = True
) -> Expressed:
    """The node's `when` (and, where it flattens with it, the way in: `reach`) as enableWhen."""
    own = True if node.when is None else to_formula(node.when, setters)
    both = _flat(simplify(Join("all", (reach, own))))
    if both is not None:
        return both
    alone = _flat(own)
    if alone is not None:
        return alone
    if own is False:
        return Expressed(dropped="no earlier answer can make it hold")
    return Expressed(dropped="it mixes 'all' and 'any' in a way enableWhen cannot")


def _flat(shape: Formula) -> Expressed | None:
    """Tests joined by at most one `all` or `any` as enableWhen; None for anything else."""
    if shape is True:
        return Expressed()
    if isinstance(shape, Test):
        return Expressed((shape,))
    if isinstance(shape, Join) and all(isinstance(i, Test) for i in shape.items):
        return Expressed(tuple(i for i in shape.items if isinstance(i, Test)), shape.op)
    return None


def way_in(tree: Tree, node_id: str) -> Formula:
    """How a node is reached, when the only ways in are picking given answers of single-choice
    questions (an option's own `next`): any of those answers. Otherwise True: routes that
    depend on facts are not expressed.

    An enableWhen on a question that is itself disabled counts as unanswered in FHIR, so the
    earlier question's own condition carries over by itself.
    """
    picks: list[Formula] = []
    for node in tree.nodes.values():
        for target in set(node.targets()):
            if target != node_id:
                continue
            chosen = [o for o in node.options if o.next == node_id]
            uses_routes = any(r.go == node_id for r in node.next) and not (
                node.traits.single and all(o.next for o in node.options)
            )
            if not node.traits.single or not chosen or uses_routes:
                return True
            picks.extend(Test(node.id, o.id) for o in chosen)
    return simplify(Join("any", tuple(picks))) if picks else True


# -- the graph ----------------------------------------------------------------------------------
def route_order(tree: Tree) -> list[Node]:
    """Every node, each after all the nodes that can lead to it (ties in the file's order).

    Trees are checked for loops; should one slip through, the rest follow in the file's order.
    """
    position = {node_id: n for n, node_id in enumerate(tree.nodes)}
    waiting = {node_id: 0 for node_id in tree.nodes}
    for node in tree.nodes.values():
        for target in set(node.targets()):
            if target in waiting:
                waiting[target] += 1
    ready = sorted((n for n, count in waiting.items() if count == 0), key=position.__getitem__)
    order: list[str] = []
    while ready:
        current = ready.pop(0)
        order.append(current)
        for target in sorted(set(tree.nodes[current].targets()), key=position.__getitem__):
            if target in waiting:
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
                    ready.sort(key=position.__getitem__)
    order.extend(n for n in tree.nodes if n not in order)
    return [tree.nodes[n] for n in order]


def earlier_nodes(tree: Tree) -> dict[str, frozenset[str]]:
    """For each node, the nodes that can come before it on some route (its ancestors)."""
    before: dict[str, set[str]] = {node_id: set() for node_id in tree.nodes}
    for node in route_order(tree):
        for target in set(node.targets()):
            if target in before and target != node.id:
                before[target] |= before[node.id] | {node.id}
    return {node_id: frozenset(found) for node_id, found in before.items()}


def earlier_setters(
    tree: Tree, node_id: str, before: frozenset[str]
) -> dict[str, list[tuple[str, str]]]:
    """fact -> the (node, option) pairs that set it among the nodes that can come before."""
    setters: dict[str, list[tuple[str, str]]] = {}
    for node in tree.nodes.values():
        if node.id in before and node.is_question:
            for option in node.options:
                for fact in option.sets:
                    setters.setdefault(fact, []).append((node.id, option.id))
    return setters


# -- Questionnaire ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Export:
    """The Questionnaire and the nodes whose condition it could not carry (node id, why)."""

    resource: dict[str, Any]
    dropped: tuple[tuple[str, str], ...] = field(default=())

    def to_json(self) -> str:
        return json.dumps(self.resource, indent=2, ensure_ascii=False) + "\n"


def _coding(tree: Tree, node_id: str, option_id: str, label: str) -> dict[str, str]:
    return {"system": option_system(tree, node_id), "code": option_id, "display": label}


def _item(tree: Tree, node: Node, shape: Expressed) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": node.id}
    extensions: list[dict[str, Any]] = []
    if node.traits.page:
        item["text"] = "\n\n".join(t.strip() for t in (node.prompt, node.text, node.help) if t)
        item["type"] = "display"
    else:
        item["text"] = node.prompt or node.id
        item["type"] = "choice"
        item["required"] = node.traits.single or node.min > 0
        if node.traits.many:
            item["repeats"] = True
            extensions.append({"url": f"{_HL7}/questionnaire-minOccurs", "valueInteger": node.min})
            extensions.append(
                {"url": f"{_HL7}/questionnaire-maxOccurs", "valueInteger": node.max_picks}
            )
        item["answerOption"] = [
            {
                "valueCoding": _coding(tree, node.id, option.id, option.label),
                **(
                    {
                        "extension": [
                            {"url": f"{_HL7}/questionnaire-optionExclusive", "valueBoolean": True}
                        ]
                    }
                    if option.exclusive
                    else {}
                ),
            }
            for option in node.options
        ]
        if node.help:
            item["item"] = [_help_item(node)]
    if shape.dropped and node.when is not None:
        extensions.append(
            {"url": DROPPED_EXTENSION, "valueString": f"when {formula(node.when)}: {shape.dropped}"}
        )
    if shape.tests:
        item["enableWhen"] = [_enable_when(tree, test) for test in shape.tests]
        if len(shape.tests) > 1:
            item["enableBehavior"] = shape.behavior
    if extensions:
        item = {"extension": extensions, **item}
    return item


def _help_item(node: Node) -> dict[str, Any]:
    """A question's help, as the child display item FHIR form fillers show behind a '?'."""
    return {
        "extension": [
            {
                "url": f"{_HL7}/questionnaire-itemControl",
                "valueCodeableConcept": {
                    "coding": [
                        {
                            "system": "http://hl7.org/fhir/questionnaire-item-control",
                            "code": "help",
                        }
                    ]
                },
            }
        ],
        "linkId": f"{node.id}.help",  # node ids have no dots, so this cannot collide
        "text": node.help.strip(),
        "type": "display",
    }


def _enable_when(tree: Tree, test: Test) -> dict[str, Any]:
    option = tree.nodes[test.node].option(test.option)
    label = option.label if option is not None else test.option
    return {
        "question": test.node,
        "operator": "=" if test.equal else "!=",
        "answerCoding": _coding(tree, test.node, test.option, label),
    }


def _name(tree: Tree) -> str:
    """A computable name (FHIR: starts with a capital, letters, digits, `_`)."""
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", tree.id))
    return name if name[:1].isalpha() else f"Tree{name}"


def _description(tree: Tree, dropped: Iterable[tuple[str, str]]) -> str:
    paragraphs = [escape_text(t) for t in (tree.description, tree.disclaimer) if t.strip()]
    paragraphs.append(
        "Routes between questions are expressed only where a question is reached by picking "
        "given answers; elsewhere a form shows every question whose enableWhen holds."
    )
    lines = [f"- {escape_text(node_id)}: {escape_text(why)}" for node_id, why in dropped]
    if lines:
        paragraphs.append(
            "Conditions not expressed as enableWhen (these questions show whatever was "
            "answered):\n" + "\n".join(lines)
        )
    return "\n\n".join(paragraphs)


def build_questionnaire(tree: Tree) -> Export:
    """The tree as a FHIR R4 Questionnaire, and the conditions it could not carry."""
    before = earlier_nodes(tree)
    items: list[dict[str, Any]] = []
    dropped: list[tuple[str, str]] = []
    for node in route_order(tree):
        if node.ends:
            continue
        setters = earlier_setters(tree, node.id, before[node.id])
        shape = express(node, setters, way_in(tree, node.id))
        if shape.dropped and node.when is not None:
            dropped.append((node.id, f"when {formula(node.when)}: {shape.dropped}"))
        items.append(_item(tree, node, shape))
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": tree.id[:64],
        "language": tree.language,
        "url": questionnaire_url(tree),
        "version": tree.version,
        "name": _name(tree),
        "title": tree.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": _description(tree, dropped),
    }
    if _DATE.match(tree.review.last_reviewed):
        resource["lastReviewDate"] = tree.review.last_reviewed
    if _DATE.match(tree.review.next_review):
        resource["effectivePeriod"] = {"end": tree.review.next_review}
    if dropped:
        resource["extension"] = [
            {"url": DROPPED_EXTENSION, "valueString": f"{node_id}: {why}"}
            for node_id, why in dropped
        ]
    if items:  # FHIR has no empty lists: a tree with only an outcome has no item at all
        resource["item"] = items
    return Export(dict(clean_strings(resource)), tuple(dropped))


# -- QuestionnaireResponse --------------------------------------------------------------------
def build_response(summary: Summary, authored: datetime | None = None) -> dict[str, Any]:
    """The person's answers, linked to the tree's Questionnaire (url|version).

    `completed` once the walk reached an outcome, else `in-progress`. Only questions answered
    on the route taken are listed, in the order they were answered.
    """
    tree = summary.tree
    when = (authored or datetime.now(UTC)).isoformat(timespec="seconds")
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "language": tree.language,
        "questionnaire": f"{questionnaire_url(tree)}|{tree.version}",
        "status": "completed" if summary.outcome is not None else "in-progress",
        "authored": when,
        "item": [
            {
                "linkId": answer.node,
                "text": answer.prompt,
                "answer": [
                    {"valueCoding": _coding(tree, answer.node, option, label)}
                    for option, label in zip(answer.options, answer.labels, strict=True)
                ],
            }
            for answer in summary.answers
            if answer.options
        ],
    }
    if not resource["item"]:  # nothing answered yet; FHIR has no empty lists
        del resource["item"]
    return dict(clean_strings(resource))


def render_response(summary: Summary, authored: datetime | None = None) -> str:
    return json.dumps(build_response(summary, authored), indent=2, ensure_ascii=False) + "\n"
