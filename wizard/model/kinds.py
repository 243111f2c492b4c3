"""The node kinds, declared once.

Every part of the program that treats kinds differently reads this table: the builder (which
keys a kind may use, which it must have), the JSON Schema, the checker (dead ends, options that
exclude each other), the session (transitions, validation, progress), `paths`, `ask` and the
Textual app (which screen shows a node). None of them compares `node.kind` with a string, so a
new kind is a row here, its handling in the session, and the one screen that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NodeKind = Literal["info", "choice", "multi", "outcome"]


@dataclass(frozen=True)
class Kind:
    """What a node of one kind is and may say.

    `keys`: the keys it may use beyond `kind`. `required`: the keys the builder insists on
    (the schema also requires a node-level `next` where the walk needs one, see
    `schema_required`). `question`: the person answers it by picking options. `single`: exactly
    one option is picked. `option_next`: an option may name where it leads. `exclusive`: an
    option may refuse to be picked with others. `ends`: the walk ends here (it counts no step
    and leads nowhere).
    """

    name: str
    doc: str
    keys: frozenset[str]
    required: tuple[str, ...] = ()
    question: bool = False
    single: bool = False
    option_next: bool = False
    exclusive: bool = False
    ends: bool = False

    @property
    def many(self) -> bool:
        """A question whose answer is several options (a multi-select)."""
        return self.question and not self.single

    @property
    def page(self) -> bool:
        """A page to read: neither a question nor the end."""
        return not self.question and not self.ends

    @property
    def needs_next(self) -> bool:
        """Whether the node itself must say where the walk goes on (schema: required)."""
        return not self.ends and not self.option_next

    @property
    def schema_required(self) -> tuple[str, ...]:
        return (*self.required, "next") if self.needs_next else self.required


_INFO = Kind(
    "info",
    "A page to read; the walk goes on when the person continues.",
    frozenset({"prompt", "text", "help", "when", "next"}),
    required=("prompt",),
)
_CHOICE = Kind(
    "choice",
    "A question with one answer; each option may lead somewhere of its own.",
    frozenset({"prompt", "help", "when", "options", "next"}),
    required=("prompt", "options"),
    question=True,
    single=True,
    option_next=True,
)
_MULTI = Kind(
    "multi",
    "A question with several answers, between `min` and `max` of them.",
    frozenset({"prompt", "help", "when", "options", "next", "min", "max"}),
    required=("prompt", "options"),
    question=True,
    exclusive=True,
)
_OUTCOME = Kind(
    "outcome",
    "The end of the walk: the summary follows.",
    frozenset({"title", "text", "prompt"}),
    ends=True,
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (_INFO, _CHOICE, _MULTI, _OUTCOME)}
NODE_KINDS: tuple[str, ...] = tuple(KINDS)


def kinds_where(test: str) -> tuple[str, ...]:
    """The names of the kinds with a true `test` property, in table order ("choice", ...)."""
    return tuple(name for name, kind in KINDS.items() if getattr(kind, test))
