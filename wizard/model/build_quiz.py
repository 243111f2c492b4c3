"""Marked YAML -> the quiz's parts of a Tree: `quiz`, `cases` and `teach_back`.

Its own module so that the quiz keys stay out of the builder every other key goes through; it
uses that builder (`fields`, `value`, `condition`, the reporting) so that the quiz keys are
checked against the same spec tables, with the same words and file:line:col. What only the whole
tree can tell (does a case's route end at an outcome, can a teach-back question be asked) is
checked in check_quiz.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wizard.model.errors import did_you_mean
from wizard.model.marked import MarkedDict, MarkedList, YamlMark
from wizard.model.spec import ITEM_ID, NODE_ID, fits
from wizard.model.tree import (
    ALWAYS,
    QUIZ_KINDS,
    Case,
    Mark,
    QuizSettings,
    TeachBack,
    TeachOption,
)

if TYPE_CHECKING:
    from wizard.model.build import _Builder

ABOUT_KINDS = ("treatment", "resource", "red_flag")
"""What a teach-back question may be about: a part of the summary, by kind and id."""


def build_quiz(
    b: _Builder, clean: dict[str, Any], raw: MarkedDict
) -> tuple[QuizSettings, tuple[Case, ...], tuple[TeachBack, ...]]:
    """The tree's quiz kinds, cases and teach-back questions, every problem reported."""
    vm = raw.value_marks
    return (
        QuizSettings(_kinds(b, clean.get("quiz"), vm.get("quiz"))),
        _cases(b, clean.get("cases"), vm.get("cases")),
        _teach_back(b, clean.get("teach_back"), vm.get("teach_back")),
    )


def _kinds(b: _Builder, raw: Any, mark: YamlMark | None) -> tuple[str, ...]:
    if raw is None:
        return QUIZ_KINDS
    clean = b.fields(raw, "quiz", "'quiz'", mark)
    if clean is None or "ask" not in clean:
        return QUIZ_KINDS
    kinds: list[str] = []
    for name, name_mark in clean["ask"]:
        if name not in QUIZ_KINDS:
            b.error(
                name_mark,
                f"'ask' of 'quiz' names '{name}'; use {', '.join(QUIZ_KINDS)}"
                + did_you_mean(name, QUIZ_KINDS),
            )
        elif name not in kinds:
            kinds.append(name)
    if not kinds and not clean["ask"]:
        b.error(mark, "'ask' of 'quiz' is empty; name at least one kind of question")
    return tuple(k for k in QUIZ_KINDS if k in kinds) or QUIZ_KINDS


def _with_ids(
    b: _Builder, raw: Any, mark: YamlMark | None, key: str, spec_object: str, what: str
) -> Iterator[tuple[dict[str, Any], MarkedDict, YamlMark | None, str]]:
    """The well-formed entries of a list whose entries each carry a unique `id` (cases,
    teach-back questions): each entry's checked fields, raw mapping, mark and "what 'id'" for
    messages. Entries without an id, or repeating one, are reported and left out."""
    seen: set[str] = set()
    for item, item_mark in b.list_items(raw, mark, f"'{key}'"):
        clean = b.fields(item, spec_object, f"a {what}", item_mark)
        if clean is None or "id" not in clean:
            continue
        assert isinstance(item, MarkedDict)
        if clean["id"] in seen:
            b.error(item.value_marks["id"], f"duplicate {what} id '{clean['id']}'")
            continue
        seen.add(clean["id"])
        yield clean, item, item_mark, f"{what} '{clean['id']}'"


def _cases(b: _Builder, raw: Any, mark: YamlMark | None) -> tuple[Case, ...]:
    cases: list[Case] = []
    for clean, item, item_mark, where in _with_ids(b, raw, mark, "cases", "case", "case"):
        answers, marks = _answers(b, clean.get("answers"), item.value_marks.get("answers"), where)
        if "story" not in clean or "answers" not in clean:
            continue
        cases.append(
            Case(
                id=clean["id"],
                story=clean["story"],
                answers=answers,
                next_at=clean.get("next_at", ""),
                marks=marks,
                mark=b.mark(item_mark),
            )
        )
    return tuple(cases)


def _answers(
    b: _Builder, raw: Any, mark: YamlMark | None, where: str
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], dict[str, Mark]]:
    """`answers:` of a case: node id -> option id, or a list of them."""
    if raw is None:
        return (), {}
    if not isinstance(raw, MarkedDict) or not raw:
        b.error(mark, f"'answers' of {where} must map node ids to the option ids picked there")
        return (), {}
    answers: list[tuple[str, tuple[str, ...]]] = []
    marks: dict[str, Mark] = {}
    for node_id, value in raw.items():
        value_mark = raw.value_marks[node_id]
        if not fits(NODE_ID, str(node_id)):
            b.error(raw.key_marks[node_id], f"'{node_id}' in {where} is not a node id")
            continue
        picked = list(value) if isinstance(value, MarkedList) else [value]
        if not picked or any(
            not isinstance(o, str) or isinstance(o, bool) or not fits(ITEM_ID, o) for o in picked
        ):
            b.error(
                value_mark,
                f"the answer to '{node_id}' in {where} must be an option id or a list of them",
            )
            continue
        answers.append((str(node_id), tuple(picked)))
        marks[str(node_id)] = b.mark(value_mark)
    return tuple(answers), marks


def _teach_back(b: _Builder, raw: Any, mark: YamlMark | None) -> tuple[TeachBack, ...]:
    questions: list[TeachBack] = []
    for clean, item, item_mark, where in _with_ids(
        b, raw, mark, "teach_back", "teach_back", "teach-back question"
    ):
        when = b.optional_condition(clean, item, where)
        options = _teach_options(b, clean, item, where)
        about = clean.get("about", "")
        if about:
            kind, _, ref = about.partition(":")
            if kind not in ABOUT_KINDS or not ref:
                b.error(
                    item.value_marks["about"],
                    f"'about' of {where} is '{about}'; write treatment:ID, resource:ID or "
                    "red_flag:ID",
                )
                about = ""
            else:
                b.refer(kind.replace("_", " "), ref, item.value_marks["about"], where)
        if not about or any(k not in clean for k in ("prompt", "explain")) or not options:
            continue
        if "when" in clean and when is None:
            continue
        questions.append(
            TeachBack(
                id=clean["id"],
                prompt=clean["prompt"],
                about=about,
                explain=clean["explain"],
                options=options,
                when=when or ALWAYS,
                mark=b.mark(item_mark),
            )
        )
    return tuple(questions)


def _teach_options(
    b: _Builder, clean: dict[str, Any], item: MarkedDict, where: str
) -> tuple[TeachOption, ...]:
    options: list[TeachOption] = []
    seen: set[str] = set()
    for raw, raw_mark in b.list_items(
        clean.get("options"), item.value_marks.get("options"), f"'options' of {where}"
    ):
        o = b.fields(raw, "teach_option", f"an option of {where}", raw_mark)
        if o is None or "id" not in o or "label" not in o:
            continue
        if o["id"] in seen:
            b.error(raw_mark, f"duplicate option id '{o['id']}' in {where}")
            continue
        seen.add(o["id"])
        options.append(TeachOption(o["id"], o["label"], bool(o.get("right")), b.mark(raw_mark)))
    if "options" in clean:
        here = item.value_marks["options"]
        if options and not any(o.right for o in options):
            b.error(here, f"{where} has no right answer; mark one option 'right: true'")
            return ()
        if options and all(o.right for o in options):
            b.error(here, f"{where} has no wrong answer; a question needs something to tell apart")
            return ()
        if options and len(options) < 2:
            b.error(here, f"{where} needs at least two options")
            return ()
    return tuple(options)
