"""Marked YAML data -> Tree, reporting every key and type problem on the way.

The builder is tolerant: a bad value is reported and left out (or given its default), so one
mistake does not hide the next and graph checks can still run on what is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from wizard.model.build_quiz import build_quiz
from wizard.model.conditions import KEYWORDS as CONDITION_KEYWORDS
from wizard.model.errors import Diagnostic, did_you_mean
from wizard.model.kinds import KINDS, kinds_where
from wizard.model.marked import MarkedDict, MarkedList, YamlMark
from wizard.model.spec import (
    BRIEF_MAX,
    DATE,
    FACT,
    ITEM_ID,
    MAP_KEY_PATTERNS,
    NODE_ID,
    OBJECTS,
    TREE_ID,
    Field,
    fits,
)
from wizard.model.tree import (
    ALWAYS,
    NO_MARK,
    NO_PROMISE,
    Brief,
    Bring,
    BringItem,
    Condition,
    Glance,
    Group,
    Mark,
    Node,
    Note,
    Option,
    Promise,
    Question,
    RedFlag,
    Resource,
    Review,
    Route,
    SafetyNet,
    SideEffects,
    Sign,
    Source,
    Treatment,
    Tree,
)

_PATTERNS = {
    "node_ref": (NODE_ID, "lowercase letters, digits and _"),
    "item_ref": (ITEM_ID, "lowercase letters, digits, _ and -"),
    "tree_id": (TREE_ID, "lowercase letters, digits and -"),
    "date": (DATE, "a date written YYYY-MM-DD"),
}
_SPECS: dict[str, dict[str, Field]] = {k: {f.name: f for f in v} for k, v in OBJECTS.items()}
_NAMES: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _SPECS.items()}
_REQUIRED: dict[str, tuple[Field, ...]] = {
    k: tuple(f for f in v if f.required) for k, v in OBJECTS.items()
}
_SHAPED = ("object:", "list:", "map:", "next", "condition", "answers")
_TYPE_WORDS = {
    "text": "text",
    "line": "one line of text",
    "int": "a whole number",
    "bool": "true or false",
    "texts": "a list of texts",
    "facts": "a list of fact names",
    "refs": "a list of ids",
    "format": "the number 1",
}


def _kinds(test: str) -> str:
    """The kinds with a property, for a sentence: "choice", "choice or multi"."""
    return " or ".join(kinds_where(test))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return f"the number {value}"
    text = str(value)
    return f"'{text}'" if len(text) <= 60 else f"'{text[:60]}...' ({len(text)} characters)"


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        # (what, id, where written, who refers): checked once everything is built.
        self.references: list[tuple[str, str, Mark, str]] = []
        # Nodes written but too broken to build: references to them are not reported again.
        self.broken: set[str] = set()

    # -- reporting -------------------------------------------------------------------------
    def mark(self, yaml_mark: YamlMark | None) -> Mark:
        if yaml_mark is None:
            return Mark(self.file, 1, 1)
        return Mark(self.file, yaml_mark.line + 1, yaml_mark.column + 1)

    def error(self, yaml_mark: YamlMark | Mark | None, message: str) -> None:
        m = yaml_mark if isinstance(yaml_mark, Mark) else self.mark(yaml_mark)
        self.diagnostics.append(Diagnostic(self.file, m.line, m.col, "error", message))

    def warn(self, yaml_mark: YamlMark | Mark | None, message: str) -> None:
        m = yaml_mark if isinstance(yaml_mark, Mark) else self.mark(yaml_mark)
        self.diagnostics.append(Diagnostic(self.file, m.line, m.col, "warning", message))

    def refer(self, what: str, ref: str, mark: YamlMark | Mark, who: str) -> None:
        here = mark if isinstance(mark, Mark) else self.mark(mark)
        self.references.append((what, ref, here, who))

    def cited(self, clean: dict[str, Any], who: str) -> tuple[str, ...]:
        """The source ids an item cites, each remembered for the reference check."""
        pairs: list[tuple[str, Mark]] = clean.get("sources", [])
        for source_id, source_mark in pairs:
            self.refer("source", source_id, source_mark, who)
        return tuple(source_id for source_id, _ in pairs)

    def check_references(self, known: dict[str, set[str]]) -> None:
        for what, ref, mark, who in self.references:
            if ref not in known[what]:
                hint = did_you_mean(ref, known[what]) or (
                    f"; add it under '{what}s'"
                    if what != "red flag"
                    else "; add it under 'red_flags'"
                )
                self.error(mark, f"{who} refers to {what} '{ref}', which does not exist{hint}")

    # -- generic checks against the spec ---------------------------------------------------
    def fields(
        self,
        raw: Any,
        kind: str,
        where: str,
        mark: YamlMark | None,
        allowed: frozenset[str] = frozenset(),
    ) -> dict[str, Any] | None:
        """Check a mapping against OBJECTS[kind]; return the values whose type is right."""
        if not isinstance(raw, MarkedDict):
            self.error(mark, f"{where} must be a mapping of keys and values, not {_describe(raw)}")
            return None
        spec = _SPECS[kind]
        names = allowed or _NAMES[kind]
        clean: dict[str, Any] = {}
        for key, value in raw.items():
            field = spec.get(key)
            if field is None or key not in names:
                hint = did_you_mean(key, names)
                place = "here" if field is not None else f"in {where}"
                self.error(raw.key_marks[key], f"unknown key '{key}' {place}{hint}")
                continue
            checked = self.value(field, value, raw.value_marks[key], f"'{key}' of {where}")
            if checked is not _BAD:
                clean[key] = checked
        for field in _REQUIRED[kind]:
            if field.name in names and field.name not in raw:
                self.error(raw.mark, f"{where} is missing the required key '{field.name}'")
        clean["__mark__"] = raw.mark
        return clean

    def value(self, field: Field, value: Any, mark: YamlMark, where: str) -> Any:
        kind = field.type
        if kind == "text" or kind == "line":  # first: by far the most common field types
            if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
                return self._wrong(mark, where, kind, value)
            text = value if type(value) is str else str(value)
            if not text.strip():
                self.error(mark, f"{where} is empty; write the text or remove the key")
                return _BAD
            return text if kind == "text" else self._line(text, mark, where)
        if kind.startswith(_SHAPED):
            return value  # shaped by the caller, which knows what it builds
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(mark, where, kind, value)
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                return self._wrong(mark, where, kind, value)
            return value
        if kind == "format":
            if value != 1 or isinstance(value, bool):
                self.error(mark, f"unknown format {_describe(value)}; this program reads format 1")
                return _BAD
            return value
        if kind in ("texts", "facts", "refs"):
            return self._list_of_text(value, mark, where, kind)
        if kind == "kind":
            if value not in KINDS:
                hint = did_you_mean(str(value), KINDS)
                self.error(
                    mark, f"{where} is {_describe(value)}; use one of {', '.join(KINDS)}{hint}"
                )
                return _BAD
            return value
        pattern, words = _PATTERNS[kind]
        if not isinstance(value, str) or not fits(pattern, value):
            self.error(mark, f"{where} is {_describe(value)}; it must be {words}")
            return _BAD
        return value

    def _line(self, text: str, mark: YamlMark, where: str) -> Any:
        """One line, trimmed; a break inside is an error, a long line a warning."""
        line = text.strip()
        if "\n" in line:
            self.error(mark, f"{where} must be one line; move the rest to 'about'")
            return _BAD
        if len(line) > BRIEF_MAX:
            self.warn(
                mark,
                f"{where} is {len(line)} characters; keep it under {BRIEF_MAX} so it reads "
                "at a glance",
            )
        return line

    def _wrong(self, mark: YamlMark, where: str, kind: str, value: Any) -> Any:
        self.error(mark, f"{where} must be {_TYPE_WORDS[kind]}, not {_describe(value)}")
        return _BAD

    def _list_of_text(self, value: Any, mark: YamlMark, where: str, kind: str) -> Any:
        if not isinstance(value, MarkedList):
            return self._wrong(mark, where, kind, value)
        items: list[tuple[str, Mark]] = []
        for item, item_mark in zip(value, value.marks, strict=True):
            if isinstance(item, (dict, list, bool)) or item is None:
                self.error(item_mark, f"each item of {where} must be text, not {_describe(item)}")
                continue
            text = str(item)
            if kind == "facts" and not fits(FACT, text):
                self.error(item_mark, f"fact name '{text}' must be lowercase letters, digits and _")
                continue
            if kind == "facts" and text in CONDITION_KEYWORDS:
                self.error(item_mark, f"'{text}' is a reserved word and cannot be a fact")
                continue
            items.append((text, self.mark(item_mark)))
        return items

    def mapping_items(
        self, raw: Any, mark: YamlMark | None, where: str, kind: str
    ) -> list[tuple[str, Any, YamlMark, YamlMark]]:
        """(key, value, key mark, value mark) of an id -> object map, ids checked."""
        if raw is None:
            return []
        if not isinstance(raw, MarkedDict):
            self.error(mark, f"{where} must be a mapping of id to {kind}, not {_describe(raw)}")
            return []
        pattern = MAP_KEY_PATTERNS[kind]
        result = []
        for key, value in raw.items():
            if not fits(pattern, str(key)):
                self.error(
                    raw.key_marks[key],
                    f"id '{key}' in {where} must be lowercase letters, digits and "
                    + ("_" if kind == "node" else "_ or -"),
                )
                continue
            result.append((str(key), value, raw.key_marks[key], raw.value_marks[key]))
        return result

    def list_items(self, raw: Any, mark: YamlMark | None, where: str) -> list[tuple[Any, YamlMark]]:
        if raw is None:
            return []
        if not isinstance(raw, MarkedList):
            self.error(mark, f"{where} must be a list, not {_describe(raw)}")
            return []
        return list(zip(raw, raw.marks, strict=True))

    # -- conditions -------------------------------------------------------------------------
    def condition(self, raw: Any, mark: YamlMark, where: str) -> Condition | None:
        here = self.mark(mark)
        if isinstance(raw, str) and not isinstance(raw, bool):
            if raw == "always":
                return Condition("always", mark=here)
            if fits(FACT, raw):
                return Condition("fact", fact=raw, mark=here)
            self.error(mark, f"{where}: '{raw}' is not a fact name (lowercase letters, digits, _)")
            return None
        if isinstance(raw, MarkedDict) and len(raw) == 1:
            op, inner = next(iter(raw.items()))
            inner_mark = raw.value_marks[op]
            if op in ("all", "any"):
                if not isinstance(inner, MarkedList) or not inner:
                    self.error(inner_mark, f"{where}: '{op}' takes a non-empty list of conditions")
                    return None
                items = [
                    self.condition(item, item_mark, where)
                    for item, item_mark in zip(inner, inner.marks, strict=True)
                ]
                if any(item is None for item in items):
                    return None
                kept = tuple(i for i in items if i is not None)
                return Condition("all" if op == "all" else "any", items=kept, mark=here)
            if op == "not":
                item = self.condition(inner, inner_mark, where)
                return None if item is None else Condition("not", items=(item,), mark=here)
            self.error(
                raw.key_marks[op],
                f"{where}: unknown condition '{op}'{did_you_mean(str(op), ('all', 'any', 'not'))}",
            )
            return None
        self.error(
            mark,
            f"{where} must be a fact name, 'always', or one of {{all: [...]}}, {{any: [...]}}, "
            f"{{not: ...}}, not {_describe(raw)}",
        )
        return None

    def optional_condition(
        self, clean: dict[str, Any], raw: MarkedDict, where: str, key: str = "when"
    ) -> Condition | None:
        if key not in clean:
            return None
        return self.condition(clean[key], raw.value_marks[key], f"'{key}' of {where}")

    # -- objects ----------------------------------------------------------------------------
    def tree(self, raw: Any) -> Tree | None:
        clean = self.fields(raw, "tree", "the tree", getattr(raw, "mark", None))
        if clean is None:
            return None
        assert isinstance(raw, MarkedDict)
        vm = raw.value_marks
        sources = {
            key: source
            for key, value, _, value_mark in self.mapping_items(
                clean.get("sources"), vm.get("sources"), "sources", "source"
            )
            if (source := self.source(key, value, value_mark)) is not None
        }
        groups = self.groups(clean.get("groups"), vm.get("groups"))
        nodes = {
            key: node
            for key, value, _, value_mark in self.mapping_items(
                clean.get("nodes"), vm.get("nodes"), "nodes", "node"
            )
            if (node := self.node(key, value, value_mark)) is not None
        }
        if "nodes" in clean and not nodes and isinstance(clean["nodes"], MarkedDict):
            self.error(vm["nodes"], "'nodes' is empty; a tree needs at least one node")
        treatments = self.items("treatments", clean, raw, "treatment", self.treatment)
        resources = self.items("resources", clean, raw, "resource", self.resource)
        red_flags = self.items("red_flags", clean, raw, "red_flag", self.red_flag)
        questions = tuple(
            q
            for item, item_mark in self.list_items(
                clean.get("questions"), vm.get("questions"), "'questions'"
            )
            if (q := self.question(item, item_mark)) is not None
        )
        glances = self.glances(clean.get("at_a_glance"), vm.get("at_a_glance"))
        safety_net = self.safety_net(clean.get("safety_net"), vm.get("safety_net"))
        bring = self.bring(clean.get("bring"), vm.get("bring"))
        review = self.review(clean.get("review"), vm.get("review")) or Review("", "")
        quiz, cases, teach_back = build_quiz(self, clean, raw)
        self.check_references(
            {
                "resource": set(resources) | set(_keys(clean.get("resources"))),
                "source": set(sources),
                "group": {g.id for g in groups},
                "red flag": set(red_flags),
                # Every treatment written, built or not: a broken one was reported already.
                "treatment": set(treatments) | set(_keys(clean.get("treatments"))),
            }
        )
        # Missing essentials were reported above; the tree is still built (with blanks) so the
        # graph checks can run and the author sees every problem at once.
        return Tree(
            id=clean.get("id", ""),
            title=clean.get("title", ""),
            version=clean.get("version", ""),
            disclaimer=clean.get("disclaimer", ""),
            start=clean.get("start", ""),
            nodes=nodes,
            review=review,
            format=clean.get("format", 1),
            language=clean.get("language", "en"),
            description=clean.get("description", ""),
            reading_grade=clean.get("reading_grade", 9),
            sources=sources,
            groups=groups,
            treatments=treatments,
            resources=resources,
            red_flags=red_flags,
            questions=questions,
            at_a_glance=glances,
            quiz=quiz,
            cases=cases,
            teach_back=teach_back,
            path=self.file,
            safety_net=safety_net,
            bring=bring,
        )

    def items(
        self,
        key: str,
        clean: dict[str, Any],
        raw: MarkedDict,
        kind: str,
        make: Callable[[str, Any, YamlMark], Any],
    ) -> dict[str, Any]:
        built = {}
        for item_id, value, _, value_mark in self.mapping_items(
            clean.get(key), raw.value_marks.get(key), f"'{key}'", kind
        ):
            item = make(item_id, value, value_mark)
            if item is not None:
                built[item_id] = item
        return built

    def review(self, raw: Any, mark: YamlMark | None) -> Review | None:
        if raw is None:
            return None
        clean = self.fields(raw, "review", "'review'", mark)
        if clean is None or "last_reviewed" not in clean or "next_review" not in clean:
            return None
        assert isinstance(raw, MarkedDict)
        marks = raw.value_marks
        return Review(
            clean["last_reviewed"],
            clean["next_review"],
            self.mark(marks["next_review"]),
            self.mark(marks["last_reviewed"]),
            clean.get("changed", ""),
            self.mark(marks["changed"]) if "changed" in clean else NO_MARK,
        )

    def source(self, key: str, raw: Any, mark: YamlMark) -> Source | None:
        clean = self.fields(raw, "source", f"source '{key}'", mark)
        if clean is None or "title" not in clean:
            return None
        return Source(
            key,
            clean["title"],
            clean.get("publisher", ""),
            clean.get("url", ""),
            self.mark(clean["__mark__"]),
        )

    def groups(self, raw: Any, mark: YamlMark | None) -> tuple[Group, ...]:
        groups: list[Group] = []
        seen: set[str] = set()
        for item, item_mark in self.list_items(raw, mark, "'groups'"):
            clean = self.fields(item, "group", "a group", item_mark)
            if clean is None or "id" not in clean or "title" not in clean:
                continue
            if clean["id"] in seen:
                self.error(item_mark, f"duplicate group id '{clean['id']}'")
                continue
            seen.add(clean["id"])
            groups.append(
                Group(clean["id"], clean["title"], clean.get("about", ""), self.mark(item_mark))
            )
        return tuple(groups)

    def node(self, key: str, raw: Any, mark: YamlMark) -> Node | None:
        where = f"node '{key}'"
        kind = raw.get("kind") if isinstance(raw, MarkedDict) else None
        # A node of a known kind may only use that kind's keys; an unknown kind is reported once
        # and its other keys are let be, so one typo does not bury the file in messages.
        allowed = KINDS[kind].keys | {"kind"} if kind in KINDS else frozenset()
        clean = self.fields(raw, "node", where, mark, allowed)
        if clean is None or "kind" not in clean:
            self.broken.add(key)
            return None
        assert isinstance(raw, MarkedDict)
        kind = clean["kind"]
        traits = KINDS[kind]
        if "prompt" in traits.required and "prompt" not in clean and "prompt" not in raw:
            self.error(raw.mark, f"{where} ({kind}) is missing the required key 'prompt'")
        options = self.options(clean, raw, where, kind)
        routes = self.routes(clean.get("next"), raw.value_marks.get("next"), where)
        has_min_max = "min" in clean or "max" in clean
        low = clean.get("min", 1)
        high = clean.get("max")
        if has_min_max and options:
            top = high if high is not None else len(options)
            if low < 0 or top < 1 or low > top or top > len(options):
                self.error(
                    raw.value_marks.get("min") or raw.value_marks.get("max"),
                    f"{where}: min {low} and max {top} cannot be met with {len(options)} options; "
                    f"use 0 <= min <= max <= {len(options)}",
                )
        return Node(
            id=key,
            kind=kind,
            prompt=clean.get("prompt", ""),
            title=clean.get("title", ""),
            text=clean.get("text", ""),
            help=clean.get("help", ""),
            when=self.optional_condition(clean, raw, where),
            options=options,
            next=routes,
            min=low if "min" in traits.keys else 1,
            max=high,
            mark=self.mark(mark),
        )

    def options(
        self, clean: dict[str, Any], raw: MarkedDict, where: str, kind: str
    ) -> tuple[Option, ...]:
        traits = KINDS[kind]
        if "options" in traits.required and "options" not in raw:
            self.error(raw.mark, f"{where} ({kind}) is missing the required key 'options'")
            return ()
        result: list[Option] = []
        seen: set[str] = set()
        for item, item_mark in self.list_items(
            clean.get("options"), raw.value_marks.get("options"), f"'options' of {where}"
        ):
            option_where = f"an option of {where}"
            o = self.fields(item, "option", option_where, item_mark)
            if o is None or "id" not in o or "label" not in o:
                continue
            assert isinstance(item, MarkedDict)
            option_where = f"option '{o['id']}' of {where}"
            if o["id"] in seen:
                self.error(item.value_marks["id"], f"duplicate option id '{o['id']}' in {where}")
                continue
            seen.add(o["id"])
            if "next" in o and not traits.option_next:
                self.error(
                    item.key_marks["next"],
                    f"{option_where}: only options of a {_kinds('option_next')} node have their "
                    "own 'next'; put 'next' on the node",
                )
            if o.get("exclusive") and not traits.exclusive:
                self.error(
                    item.key_marks["exclusive"],
                    f"{option_where}: 'exclusive' only means something in a "
                    f"{_kinds('exclusive')} node",
                )
            if "red_flag" in o:
                self.refer("red flag", o["red_flag"], item.value_marks["red_flag"], option_where)
            result.append(
                Option(
                    id=o["id"],
                    label=o["label"],
                    help=o.get("help", ""),
                    sets=tuple(name for name, _ in o.get("sets", ())),
                    next=o.get("next"),
                    exclusive=bool(o.get("exclusive", False)),
                    red_flag=o.get("red_flag"),
                    mark=self.mark(item_mark),
                )
            )
        if (
            "options" in traits.required
            and "options" in clean
            and not result
            and not clean["options"]
        ):
            self.error(raw.value_marks["options"], f"{where} has no options; add at least one")
        return tuple(result)

    def routes(self, raw: Any, mark: YamlMark | None, where: str) -> tuple[Route, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str) and not isinstance(raw, bool):
            if not fits(NODE_ID, raw):
                self.error(mark, f"'next' of {where} is '{raw}'; a node id is lowercase, digits, _")
                return ()
            return (Route(raw, None, self.mark(mark)),)
        if not isinstance(raw, MarkedList):
            self.error(
                mark,
                f"'next' of {where} must be a node id or a list of {{when, go}} routes, "
                f"not {_describe(raw)}",
            )
            return ()
        routes: list[Route] = []
        for item, item_mark in zip(raw, raw.marks, strict=True):
            r = self.fields(item, "route", f"a route of {where}", item_mark)
            if r is None or "go" not in r:
                continue
            assert isinstance(item, MarkedDict)
            when = self.optional_condition(r, item, f"a route of {where}")
            routes.append(Route(r["go"], when, self.mark(item_mark)))
        if routes and routes[-1].when is not None:
            self.error(
                raw.marks[-1],
                f"the last route of {where} has a 'when'; end with a route without one, "
                "so that there is always a way on",
            )
        for route in routes[:-1]:
            if route.when is None:
                self.error(
                    mark,
                    f"a route of {where} without 'when' comes before others, which can never be "
                    "taken; put it last",
                )
                break
        return tuple(routes)

    def treatment(self, key: str, raw: Any, mark: YamlMark) -> Treatment | None:
        where = f"treatment '{key}'"
        clean = self.fields(raw, "treatment", where, mark)
        if clean is None:
            return None
        assert isinstance(raw, MarkedDict)
        when = self.optional_condition(clean, raw, where)
        side = SideEffects()
        if "side_effects" in clean:
            s = self.fields(
                clean["side_effects"],
                "side_effects",
                f"'side_effects' of {where}",
                raw.value_marks["side_effects"],
            )
            if s is not None:
                side = SideEffects(
                    tuple(t for t, _ in s.get("common", ())),
                    tuple(t for t, _ in s.get("serious", ())),
                )
        notes = self.notes(clean, raw, where)
        if "group" in clean:
            self.refer("group", clean["group"], raw.value_marks["group"], where)
        if when is None or any(k not in clean for k in ("name", "group", "about")):
            return None
        return Treatment(
            id=key,
            name=clean["name"],
            group=clean["group"],
            about=clean["about"],
            when=when,
            given=clean.get("given", ""),
            examples=tuple(t for t, _ in clean.get("examples", ())),
            side_effects=side,
            notes=notes,
            sources=self.cited(clean, where),
            brief=clean.get("brief", ""),
            mark=self.mark(mark),
            briefs=self.briefs(clean, raw, where),
            promise=self.promise(clean, raw, where),
            caution=bool(clean.get("caution", False)),
        )

    def promise(self, clean: dict[str, Any], raw: MarkedDict, where: str) -> Promise:
        """`never_with` / `only_with`: what the author promises about when a thing shows."""
        never = self.optional_condition(clean, raw, where, "never_with")
        only = self.optional_condition(clean, raw, where, "only_with")
        return Promise(never, only) if never is not None or only is not None else NO_PROMISE

    def briefs(self, clean: dict[str, Any], raw: MarkedDict, where: str) -> tuple[Brief, ...]:
        """A treatment's briefs for some facts, each with its condition."""
        briefs: list[Brief] = []
        for item, item_mark in self.list_items(
            clean.get("briefs"), raw.value_marks.get("briefs"), f"'briefs' of {where}"
        ):
            b = self.fields(item, "brief", f"a brief of {where}", item_mark)
            if b is None or "text" not in b:
                continue
            assert isinstance(item, MarkedDict)
            when = self.optional_condition(b, item, f"a brief of {where}")
            if when is not None:
                briefs.append(Brief(b["text"], when, self.mark(item_mark)))
        return tuple(briefs)

    def notes(self, clean: dict[str, Any], raw: MarkedDict, where: str) -> tuple[Note, ...]:
        """An item's tailored lines, each with its condition and the sources it cites."""
        notes: list[Note] = []
        for item, item_mark in self.list_items(
            clean.get("notes"), raw.value_marks.get("notes"), f"'notes' of {where}"
        ):
            n = self.fields(item, "note", f"a note of {where}", item_mark)
            if n is None or "text" not in n:
                continue
            assert isinstance(item, MarkedDict)
            note_when = self.optional_condition(n, item, f"a note of {where}")
            cited = self.cited(n, f"a note of {where}")
            notes.append(
                Note(
                    n["text"],
                    note_when or ALWAYS,
                    cited,
                    self.mark(item_mark),
                    bool(n.get("caution", False)),
                    self.promise(n, item, f"a note of {where}"),
                )
            )
        return tuple(notes)

    def glances(self, raw: Any, mark: YamlMark | None) -> tuple[Glance, ...]:
        """`at_a_glance`: each entry's condition and its order of treatment ids."""
        glances: list[Glance] = []
        for item, item_mark in self.list_items(raw, mark, "'at_a_glance'"):
            where = "an 'at_a_glance' entry"
            clean = self.fields(item, "glance", where, item_mark)
            if clean is None:
                continue
            assert isinstance(item, MarkedDict)
            when = self.optional_condition(clean, item, where)
            lists: dict[str, tuple[str, ...]] = {}
            for key in ("order", "later", "others"):
                ids: list[str] = []
                for treatment_id, id_mark in clean.get(key, ()):
                    if treatment_id in ids:
                        what = "" if key == "order" else f"'{key}' of "
                        self.error(
                            id_mark, f"{what}{where} names treatment '{treatment_id}' twice"
                        )
                        continue
                    who = where if key == "order" else f"'{key}' of {where}"
                    self.refer("treatment", treatment_id, id_mark, who)
                    ids.append(treatment_id)
                lists[key] = tuple(ids)
            if not any(key in item for key in lists):
                self.error(
                    item_mark,
                    f"{where} is missing the required key 'order' (or 'later' or 'others', "
                    "which adjust the order)",
                )
                continue
            if when is not None:
                glances.append(
                    Glance(
                        when,
                        lists["order"],
                        self.mark(item_mark),
                        lists["later"],
                        lists["others"],
                        "order" in clean,
                    )
                )
        return tuple(glances)

    def resource(self, key: str, raw: Any, mark: YamlMark) -> Resource | None:
        where = f"resource '{key}'"
        clean = self.fields(raw, "resource", where, mark)
        if clean is None:
            return None
        assert isinstance(raw, MarkedDict)
        when = self.optional_condition(clean, raw, where)
        notes = self.notes(clean, raw, where)
        if when is None or "name" not in clean or "about" not in clean:
            return None
        return Resource(
            id=key,
            name=clean["name"],
            about=clean["about"],
            when=when,
            contact=clean.get("contact", ""),
            url=clean.get("url", ""),
            sources=self.cited(clean, where),
            notes=notes,
            brief=clean.get("brief", ""),
            mark=self.mark(mark),
            promise=self.promise(clean, raw, where),
        )

    def red_flag(self, key: str, raw: Any, mark: YamlMark) -> RedFlag | None:
        clean = self.fields(raw, "red_flag", f"red flag '{key}'", mark)
        if clean is None or "title" not in clean or "advice" not in clean:
            return None
        return RedFlag(
            key,
            clean["title"],
            clean["advice"],
            self.cited(clean, f"red flag '{key}'"),
            self.mark(mark),
        )

    def question(self, raw: Any, mark: YamlMark) -> Question | None:
        clean = self.fields(raw, "question", "a question", mark)
        if clean is None or "text" not in clean:
            return None
        assert isinstance(raw, MarkedDict)
        when = self.optional_condition(clean, raw, "a question")
        if "when" in clean and when is None:
            return None
        return Question(
            clean["text"],
            when or ALWAYS,
            self.cited(clean, "a question"),
            self.mark(mark),
            self.promise(clean, raw, "a question"),
        )

    def lines_with_conditions(
        self, clean: dict[str, Any], raw: MarkedDict, key: str, spec_object: str, what: str,
        where: str,
    ) -> Iterator[tuple[dict[str, Any], Condition, YamlMark | None]]:
        """The usable entries of a list of one-line texts, each shown when its optional `when`
        holds (the safety net's signs, the things to bring): the entry's checked fields, its
        condition (always, when none is given) and its mark. Broken entries are reported by
        `fields` and `optional_condition`, and left out."""
        for item, item_mark in self.list_items(
            clean.get(key), raw.value_marks.get(key), f"'{key}' of {where}"
        ):
            fields = self.fields(item, spec_object, f"{what} of {where}", item_mark)
            if fields is None or "text" not in fields:
                continue
            assert isinstance(item, MarkedDict)
            when = self.optional_condition(fields, item, f"{what} of {where}")
            if "when" in fields and when is None:
                continue
            yield fields, when or ALWAYS, item_mark

    def safety_net(self, raw: Any, mark: YamlMark | None) -> SafetyNet | None:
        """`safety_net`: its heading, intro, signs (each maybe with contacts) and write-in line."""
        if raw is None:
            return None
        where = "'safety_net'"
        clean = self.fields(raw, "safety_net", where, mark)
        if clean is None:
            return None
        assert isinstance(raw, MarkedDict)
        signs = [
            Sign(
                s["text"],
                when,
                tuple(text for text, _ in s.get("contacts", ())),
                self.cited(s, f"a sign of {where}"),
                self.mark(item_mark),
            )
            for s, when, item_mark in self.lines_with_conditions(
                clean, raw, "signs", "sign", "a sign", where
            )
        ]
        if isinstance(clean.get("signs"), MarkedList) and not clean["signs"]:
            self.error(raw.value_marks["signs"], f"{where} has no signs; add at least one")
        return SafetyNet(
            tuple(signs),
            clean.get("heading", ""),
            clean.get("intro", ""),
            clean.get("write_in", ""),
            self.cited(clean, where),
            self.mark(mark),
        )

    def bring(self, raw: Any, mark: YamlMark | None) -> Bring | None:
        """`bring`: a heading, an intro, and the things to bring, each with its condition."""
        if raw is None:
            return None
        where = "'bring'"
        clean = self.fields(raw, "bring", where, mark)
        if clean is None:
            return None
        assert isinstance(raw, MarkedDict)
        items = [
            BringItem(b["text"], when, self.mark(item_mark))
            for b, when, item_mark in self.lines_with_conditions(
                clean, raw, "items", "bring_item", "an item", where
            )
        ]
        return Bring(
            tuple(items), clean.get("heading", ""), clean.get("intro", ""), self.mark(mark)
        )


def _keys(raw: Any) -> list[str]:
    return [str(key) for key in raw] if isinstance(raw, MarkedDict) else []


class _Bad:
    """Marks a value that was reported and must not be used."""


_BAD: Any = _Bad()


def build_tree(data: Any, file: str) -> tuple[Tree | None, list[Diagnostic], frozenset[str]]:
    """Marked data -> (Tree or None, diagnostics, ids of nodes too broken to build).

    None only when the file is not a mapping at all.
    """
    builder = _Builder(file)
    tree = builder.tree(data)
    return tree, builder.diagnostics, frozenset(builder.broken)
