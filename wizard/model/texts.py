"""Every text a person reads in a tree, derived once from the format's spec.

Why: the reading grade, the translation overlays and `wizard diff` each need "every text a person
reads". Three hand-written lists of it disagreed (421, 505 and 480 texts on the same tree), and
the diff's missed group headings, so a reworded heading passed sign-off as "no differences".
Here the list follows `spec.OBJECTS`: every field of a text type (`spec.TEXT_TYPES`) is walked,
and its `read` mark says who reads it, so a key added to the format is graded, translated and
compared from the day it is declared, without anyone remembering three lists.

How: the walk goes through the Tree's dataclasses by the spec's field names (a spec field and the
dataclass attribute it fills share their name), into nested objects, lists and maps. Each text
has a key, its path through ids as translation overlays write it
(`nodes.syndrome.options.lems.label`; list entries without an id by index:
`treatments.ivig.side_effects.common.0`), and words saying what it is, for messages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from wizard.model.spec import OBJECTS, TEXT_TYPES, Field
from wizard.model.tree import NO_MARK, Mark, Tree

PEOPLE = frozenset({"prose", "name", "verbatim"})
"""Roles of the texts a person reads on a page or summary (not the edition's own label)."""
GRADED = frozenset({"prose"})
"""Roles the reading grade looks at: sentences, not names or addresses."""
TRANSLATED = frozenset({"prose", "name"})
"""Roles a translation overlay carries; addresses and publishers stay as written."""


@dataclass(frozen=True)
class Text:
    """One text of the tree: where it is, who reads it, and the words."""

    key: str
    role: str
    text: str
    what: str
    """Words for messages: "the label of option 'lems' of node 'syndrome'"."""
    mark: Mark = NO_MARK


Lookup = Callable[[Text], str]
T = TypeVar("T")


def person_texts(tree: Tree, roles: Collection[str] = PEOPLE) -> list[Text]:
    """Every non-blank text of the tree whose field's role is in `roles`, in the spec's order."""
    found: list[Text] = []

    def record(text: Text) -> str:
        if text.text.strip() and text.role in roles:
            found.append(text)
        return text.text

    _object("tree", tree, "", "", Mark(tree.path, 1, 1), record)
    return found


def replace_texts(tree: Tree, lookup: Lookup, roles: Collection[str] = TRANSLATED) -> Tree:
    """The tree with each text whose role is in `roles` replaced by `lookup(text)`."""

    def replace(text: Text) -> str:
        return lookup(text) if text.role in roles else text.text

    result: Tree = _object("tree", tree, "", "", Mark(tree.path, 1, 1), replace)
    return result


def text_fields() -> Iterator[tuple[str, Field]]:
    """(object kind, field) for every field of a text type in the spec."""
    for kind, fields in OBJECTS.items():
        for spec in fields:
            if spec.type in TEXT_TYPES:
                yield kind, spec


# -- the walk -------------------------------------------------------------------------------------
def _word(kind: str) -> str:
    return kind.replace("_", " ")


def _of(who: str) -> str:
    return f" of {who}" if who else ""


def _object(kind: str, obj: T, key: str, who: str, mark: Mark, fn: Lookup) -> T:
    """`obj` (a dataclass of spec kind `kind`) with its texts passed through `fn`."""
    mark = _mark_of(obj, mark)
    changes: dict[str, Any] = {}
    for spec in OBJECTS.get(kind, ()):
        if not hasattr(obj, spec.name):
            continue
        old = getattr(obj, spec.name)
        here = f"{key}.{spec.name}" if key else spec.name
        new = _field(spec, old, here, who, mark, fn)
        if new is not old and new != old:
            changes[spec.name] = new
    if not changes or not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


def _field(spec: Field, value: Any, key: str, who: str, mark: Mark, fn: Lookup) -> Any:
    name = _word(spec.name)
    if spec.type in ("text", "line"):
        if not isinstance(value, str):
            return value
        return fn(Text(key, spec.read, value, f"the {name}{_of(who)}", mark))
    if spec.type == "texts":
        if not isinstance(value, tuple):
            return value
        return tuple(
            fn(Text(f"{key}.{n}", spec.read, item, f"{name} {n + 1}{_of(who)}", mark))
            for n, item in enumerate(value)
        )
    shape, _, inner = spec.type.partition(":")
    if shape == "object":
        return _object(inner, value, key, f"{name}{_of(who)}", mark, fn)
    if shape == "map" and isinstance(value, Mapping):
        return {
            item_id: _object(
                inner, item, f"{key}.{item_id}", f"{_word(inner)} '{item_id}'{_of(who)}", mark, fn
            )
            for item_id, item in value.items()
        }
    if shape == "list" and isinstance(value, tuple):
        items = []
        for n, item in enumerate(value):
            item_id = getattr(item, "id", None)
            label = f"{_word(inner)} '{item_id}'" if item_id else f"{_word(inner)} {n + 1}"
            items.append(
                _object(inner, item, f"{key}.{item_id or n}", f"{label}{_of(who)}", mark, fn)
            )
        return tuple(items)
    return value


def _mark_of(obj: object, fallback: Mark) -> Mark:
    mark = getattr(obj, "mark", None)
    return mark if isinstance(mark, Mark) and mark.line else fallback


def object_texts(kind: str, obj: object, roles: Collection[str] = PEOPLE) -> tuple[Text, ...]:
    """The texts of one object of spec kind `kind` (a node with its options, a treatment with
    its notes ...), keyed from that object: what `diff` compares a page or a card by."""
    found: list[Text] = []

    def record(text: Text) -> str:
        if text.text.strip() and text.role in roles:
            found.append(text)
        return text.text

    _object(kind, obj, "", "", NO_MARK, record)
    return tuple(found)


def values_of(kind: str, obj: object, types: Collection[str]) -> Iterator[Any]:
    """Every value of a field whose spec type is in `types`, anywhere under `obj`: for example
    every condition of a tree, wherever the format lets one be written."""
    for spec in OBJECTS.get(kind, ()):
        value = getattr(obj, spec.name, None)
        if value is None:
            continue
        if spec.type in types:
            yield value
        shape, _, inner = spec.type.partition(":")
        if shape == "object":
            yield from values_of(inner, value, types)
        elif shape == "map" and isinstance(value, Mapping):
            for item in value.values():
                yield from values_of(inner, item, types)
        elif shape == "list" and isinstance(value, tuple):
            for item in value:
                yield from values_of(inner, item, types)
