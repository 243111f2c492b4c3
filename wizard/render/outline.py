"""Summary -> Outline: the summary's sections, order, headings and labels, decided once.

Text, Markdown, HTML, JSON and the summary screen all render this one outline, so they show the
same sections in the same order with the same words; a renderer only decides how things look.
The outline is plain data: headings and labels come from the vocabulary (`words.t`), everything
else is the tree's text, with control characters already stripped (`plain.strip_control`), so no
output can carry a terminal sequence. Escaping for a markup language is the renderer's job, done
where it takes text from here.

Reading order, so that the first printed page stands alone: "At a glance" (urgent alerts, one
line each; the person's first choices, one line each, in the tree's `at_a_glance` order; one
line naming the other options), the urgent alerts with their advice, the cautions (notes the
tree marks as warning against an item for this person, never listed as options), the safety net
("When to get help today", on every summary whatever was answered), what to bring, and the first
`FIRST_PAGE_QUESTIONS` questions for the care team (`FIRST_PAGE_QUESTIONS_URGENT` with an urgent
alert; a line says how many more follow). Then the
details: the other questions, the treatment groups (in the order 'at a glance' first names one of
their items, so a group the glance puts later is not read first), help with coping, the person's
answers, sources, and the disclaimer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from wizard.model.plain import strip_control
from wizard.model.summary import Listed, Summary
from wizard.model.tree import Question, Resource, SafetyNet, Sign, Treatment
from wizard.render.reasons import Labels, because, rule
from wizard.render.review_lines import reviewed_line
from wizard.render.words import t, t_count

EntryKind = Literal[
    "urgent_line", "option", "others", "urgent", "caution", "sign", "write_in", "bring",
    "treatment", "resource", "question", "answer", "source",
]
LINE_KINDS: frozenset[str] = frozenset(
    {
        "urgent_line", "option", "others", "caution", "sign", "write_in", "bring", "question",
        "answer", "source",
    }
)  # fmt: skip
"""Entries shown one line each (a run of them is one list); the other kinds are cards."""
CHECKBOX_KINDS: frozenset[str] = frozenset({"question", "bring"})
"""One-line entries a person ticks off on paper: drawn with a box."""
FIRST_PAGE: frozenset[str] = frozenset(
    {"glance", "urgent", "cautions", "safety_net", "bring", "questions"}
)
"""The sections of the first printed page, which stands alone; the details follow."""
FIRST_PAGE_QUESTIONS = 4
"""Questions for the care team on the first page, in the tree's order (an author lists the ones
that matter most first); the rest open the details, under "More questions to ask", so the first
page fits one printed sheet (tests/content/test_first_page.py walks every route)."""
FIRST_PAGE_QUESTIONS_URGENT = 1
"""The same with an urgent alert ticked: its advice takes the others' room, so the first page
still holds the glance, the advice, the safety net, what to bring and the question that matters
most (who to call, day and night)."""


@dataclass(frozen=True)
class Paragraph:
    """Running text; blank lines in it separate paragraphs. `role` lets a renderer style it."""

    text: str
    role: Literal[
        "", "outcome", "about", "disclaimer", "reviewed", "empty", "intro", "more"
    ] = ""


@dataclass(frozen=True)
class Line:
    """One labelled line of an entry: `label: text`, or `label:` over a list of `items`.

    `url`: the text is a web address a renderer may link (after checking its scheme).
    `role`: "note" (tailored to the person), "rule" (educators only), "serious" (side effects).
    """

    label: str
    text: str = ""
    items: tuple[str, ...] = ()
    url: bool = False
    role: Literal["", "note", "rule", "serious"] = ""


@dataclass(frozen=True)
class Entry:
    """One thing in a section: an item card, a one-line glance, an answer or a source.

    `title` is its name (a card's title, or a one-line entry's text); `detail` a short second
    part (a glance's brief, an answer's picked labels, a source's publisher); `url` a source's or
    resource's web address; `id` the item, red flag, node or source it stands for.
    """

    kind: EntryKind
    id: str
    title: str
    detail: str = ""
    lines: tuple[Line, ...] = ()
    url: str = ""


Block = Paragraph | Entry


@dataclass(frozen=True)
class Section:
    """A heading and what comes under it, in order. `id` names the section for every output."""

    id: str
    heading: str
    blocks: tuple[Block, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Entry))


@dataclass(frozen=True)
class Outline:
    """The whole summary: a title, a subtitle, then sections in reading order."""

    title: str
    subtitle: str
    sections: tuple[Section, ...] = field(default=())

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Characters a URL keeps as they are; anything else (spaces, quotes, <, >, backslashes) is
# percent-encoded, so a link cannot break out of its Markdown or its HTML attribute.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def safe_url(url: str) -> str | None:
    """`url` fit to be a link (http, https, mailto or tel; unsafe characters encoded), or None.

    None means: show the address as plain text, never as a link.
    """
    from urllib.parse import quote, urlsplit

    url = strip_control(url).strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINK_SCHEMES or url.startswith("//"):
        return None
    return quote(url, safe=_URL_SAFE)


def _texts(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(strip_control(text) for text in texts)


def build_outline(summary: Summary, *, rules: bool = False) -> Outline:
    """The outline of a summary. `rules`: add each item's rule in words (educators)."""
    tree = summary.tree
    names = {source.id: strip_control(source.title) for source in summary.sources}
    labels = summary.fact_labels if rules else None
    sections = [_glance(summary)]
    if summary.red_flags:
        urgent = tuple(
            Entry(
                "urgent",
                flag.id,
                t("urgent_line", title=strip_control(flag.title)),
                lines=(Line("", strip_control(flag.advice)),),
            )
            for flag in summary.red_flags
        )
        sections.append(Section("urgent", t("urgent"), urgent))
    if summary.cautions:
        cautions = tuple(
            Entry(
                "caution",
                listed.item.id,
                strip_control(listed.item.name),
                strip_control(" ".join(listed.cautions) or listed.brief),
            )
            for listed in summary.cautions
        )
        sections.append(Section("cautions", t("cautions"), cautions))
    if tree.safety_net is not None:
        sections.append(_safety_net(tree.safety_net, summary.safety_signs))
    if summary.bring and tree.bring is not None:
        intro = [Paragraph(strip_control(tree.bring.intro), "intro")] if tree.bring.intro else []
        things = tuple(
            Entry("bring", str(i), strip_control(thing.text))
            for i, thing in enumerate(summary.bring, 1)
        )
        heading = strip_control(tree.bring.heading) or t("bring")
        sections.append(Section("bring", heading, (*intro, *things)))
    questions = tuple(
        Entry("question", str(i), strip_control(q.item.text), lines=_why(q, names, labels, rules))
        for i, q in enumerate(summary.questions, 1)
    )
    room = FIRST_PAGE_QUESTIONS_URGENT if summary.red_flags else FIRST_PAGE_QUESTIONS
    first, more = questions[:room], questions[room:]
    if first:
        pointer = [Paragraph(t_count("more_questions_below", len(more)), "more")] if more else []
        sections.append(Section("questions", t("questions"), (*first, *pointer)))
    if more:
        sections.append(Section("more_questions", t("more_questions"), more))
    sections += _treatments(summary, names, labels)
    if summary.resources:
        resources = tuple(_resource(listed, names, labels) for listed in summary.resources)
        sections.append(Section("resources", t("resources"), resources))
    if summary.answers:
        answers = tuple(
            Entry("answer", a.node, strip_control(a.prompt), strip_control(", ".join(a.labels)))
            for a in summary.answers
        )
        sections.append(Section("answers", t("answers"), answers))
    if summary.sources:
        sources = tuple(
            Entry(
                "source", s.id, strip_control(s.title), strip_control(s.publisher),
                url=strip_control(s.url),
            )
            for s in summary.sources
        )
        sections.append(Section("sources", t("sources"), sources))
    review = tree.review
    sections.append(
        Section(
            "note",
            t("note"),
            (
                *([Paragraph(t("draft_translation"), "disclaimer")] if tree.translation == "draft"
                  else []),
                Paragraph(strip_control(summary.disclaimer), "disclaimer"),
                Paragraph(reviewed_line(review), "reviewed"),
            ),
        )
    )
    return Outline(
        strip_control(summary.title),
        t("subtitle", tree=strip_control(tree.title), version=strip_control(tree.version)),
        tuple(sections),
    )


def _glance(summary: Summary) -> Section:
    """Urgent alerts first, then the person's first choices, each one line, and one line naming
    the other options; then the outcome's text."""
    blocks: list[Block] = [
        Entry("urgent_line", flag.id, t("urgent_line", title=strip_control(flag.title)))
        for flag in summary.red_flags
    ]
    blocks += [
        Entry(
            "option", listed.item.id, strip_control(listed.item.name), strip_control(listed.brief)
        )
        for listed in summary.first
    ]
    if summary.others:
        names = ", ".join(strip_control(listed.item.name) for listed in summary.others)
        ids = " ".join(listed.item.id for listed in summary.others)
        blocks.append(Entry("others", ids, t("others_line", names=names)))
    if not summary.glance:
        blocks.append(Paragraph(t("nothing_listed"), "empty"))
    if summary.outcome is not None and summary.outcome.text:
        blocks.append(Paragraph(strip_control(summary.outcome.text), "outcome"))
    return Section("glance", t("glance"), tuple(blocks))


def _safety_net(net: SafetyNet, signs: Sequence[Sign]) -> Section:
    """The tree's safety net: intro, the signs that hold (each with its contacts), the blank."""
    blocks: list[Block] = [Paragraph(strip_control(net.intro), "intro")] if net.intro else []
    blocks += [
        Entry(
            "sign",
            str(i),
            strip_control(sign.text),
            lines=(Line("", items=_texts(sign.contacts)),) if sign.contacts else (),
        )
        for i, sign in enumerate(signs, 1)
    ]
    if net.write_in:
        label = strip_control(net.write_in)
        blocks.append(Entry("write_in", "write_in", t("write_in_blank", label=label)))
    return Section("safety_net", strip_control(net.heading) or t("safety_net"), tuple(blocks))


def _treatments(summary: Summary, names: dict[str, str], rules: Labels | None) -> list[Section]:
    """The groups in the order 'at a glance' first names one of their treatments."""
    if not summary.groups:
        return [Section("treatments", t("treatments"), (Paragraph(t("nothing_listed"), "empty"),))]
    sections = []
    rank = {listed.item.id: n for n, listed in enumerate(summary.glance)}
    ordered = sorted(
        summary.groups,
        key=lambda group: min(rank.get(listed.item.id, len(rank)) for listed in group.treatments),
    )
    for group in ordered:
        blocks: list[Block] = []
        if group.group.about:
            blocks.append(Paragraph(strip_control(group.group.about), "about"))
        blocks += [_treatment(listed, names, rules) for listed in group.treatments]
        title = strip_control(group.group.title)
        sections.append(Section(f"group:{group.group.id}", title, tuple(blocks)))
    return sections


def _treatment(listed: Listed[Treatment], names: dict[str, str], rules: Labels | None) -> Entry:
    item = listed.item
    lines: list[Line] = []
    if item.examples:
        lines.append(Line(t("examples"), strip_control(", ".join(item.examples))))
    lines.append(Line(t("about"), strip_control(item.about)))
    if item.given:
        lines.append(Line(t("given"), strip_control(item.given)))
    if item.side_effects.common:
        lines.append(Line(t("common"), items=_texts(item.side_effects.common)))
    if item.side_effects.serious:
        lines.append(Line(t("serious"), items=_texts(item.side_effects.serious), role="serious"))
    lines += _notes(listed)
    lines += _why(listed, names, rules, True)
    return Entry("treatment", item.id, strip_control(item.name), lines=tuple(lines))


def _resource(listed: Listed[Resource], names: dict[str, str], rules: Labels | None) -> Entry:
    item = listed.item
    lines = [Line(t("about"), strip_control(item.about))]
    if item.contact:
        lines.append(Line(t("contact"), strip_control(item.contact)))
    if item.url:
        lines.append(Line(t("web"), strip_control(item.url), url=True))
    lines += _notes(listed)
    lines += _why(listed, names, rules, True)
    return Entry(
        "resource", item.id, strip_control(item.name), lines=tuple(lines),
        url=strip_control(item.url),
    )


def _notes(listed: Listed[Any]) -> list[Line]:
    return [Line(t("note_for_you"), strip_control(note), role="note") for note in listed.notes]


def _why(
    listed: Listed[Treatment] | Listed[Resource] | Listed[Question],
    names: dict[str, str],
    rules: Labels | None,
    reasons: bool,
) -> tuple[Line, ...]:
    """Why an item is listed (and for educators the rule), then what it cites.

    A question says why only to educators: for a person, a question needs no reason. Nor does it
    say what it cites, except to educators: the questions are on the first page, which stands
    alone and must stay short; what they cite is still in the summary's list of sources.
    """
    lines = (
        [Line(t("rule"), strip_control(rule(listed, rules)), role="rule")]
        if rules is not None else []
    )
    said = because(listed)
    if said and reasons:
        lines.append(Line(t("because"), strip_control("; ".join(said))))
    if listed.sources and (reasons or rules is not None):
        lines.append(Line(t("cites"), "; ".join(_cited(listed.sources, names))))
    return tuple(lines)


def _cited(source_ids: Sequence[str], names: dict[str, str]) -> list[str]:
    return [names.get(source_id, strip_control(source_id)) for source_id in source_ids]
