"""Session -> PageView: what the page of the current step says, decided once.

The summary has one outline (outline.py) that every output renders; the page before it has this
one view that every front end draws: the Textual screens, `wizard ask` and the web pages. Here is
decided what the page's heading is, how progress is worded, which pick rule a multi-select states
("Pick 1 to 3." from the node's limits), which key picks each answer, which answers go on their
own, which urgent advice the last answer raised, whether there is a step to go back to, and
whether the translation is a draft. A front end only decides how it looks, so the three cannot
drift apart (a test draws one page in all three and compares them, in English and Spanish).

Plain data: labels come from the vocabulary (`words.t`), everything else is the tree's text with
control characters already stripped; escaping for a markup language is the front end's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wizard.model.machine import Session
from wizard.model.plain import strip_control
from wizard.model.tree import Node, Option, RedFlag
from wizard.render.words import pick_rule, progress_words, t

PageKind = Literal["page", "single", "many"]

OPTION_KEYS = "123456789abcdefghijklmnoprstuvwxyz"
"""The one key that picks each answer, in order: digits, then letters. No `q` (it quits the
app), no `0` (far from 1 on a keyboard, easy to read as the letter o)."""


def option_key(index: int) -> str:
    """The key of the answer at `index` (zero-based); "" past the last key."""
    return OPTION_KEYS[index] if index < len(OPTION_KEYS) else ""


@dataclass(frozen=True)
class OptionView:
    """One answer as the page shows it.

    `number`: its place, from 1 (what `ask` takes); `key`: the one key that picks it in the app;
    `alone`: picking it clears the others (a multi-select's "none of these"), with `alone_words`
    saying so; `chosen`: shown picked (the answer given before going back, or ticked so far).
    """

    id: str
    number: int
    key: str
    label: str
    help: str
    alone: bool
    alone_words: str
    chosen: bool


@dataclass(frozen=True)
class UrgentView:
    """A red flag the answer that led here raised: a heading in the vocabulary's words
    ("Urgent: …") and the tree's advice, in paragraphs."""

    id: str
    title: str
    heading: str
    advice: tuple[str, ...]


@dataclass(frozen=True)
class PageView:
    """Everything the page of one step says; `kind` tells a page to read from a question."""

    node: str
    kind: PageKind
    heading: str
    progress: str
    paragraphs: tuple[str, ...]
    help: tuple[str, ...]
    rule: str
    """The pick rule of a multi-select ("Pick all that apply."); "" otherwise."""
    options: tuple[OptionView, ...]
    urgent: tuple[UrgentView, ...]
    can_go_back: bool
    draft: str
    """The draft-translation notice, or ""."""

    @property
    def question(self) -> bool:
        return self.kind != "page"

    @property
    def many(self) -> bool:
        return self.kind == "many"

    @property
    def keys_help(self) -> str:
        """The keys of the app's page in words (the app shows them with the question's help)."""
        return t("multi_keys" if self.many else "choice_keys")


def paragraphs(text: str) -> tuple[str, ...]:
    """Tree text split at blank lines, each paragraph on one line, control characters gone."""
    clean = strip_control(text).strip()
    return tuple(" ".join(p.split()) for p in clean.split("\n\n") if p.strip())


def flags_leading_here(session: Session) -> tuple[RedFlag, ...]:
    """The red flags raised by the last answer given (the one that led to the current page),
    in the order they were raised; none when that answer raised none."""
    if not session.history:
        return ()
    last = session.history[-1]
    picked = set(last.options)
    named = {o.red_flag for o in session.tree.nodes[last.node].options if o.id in picked}
    return tuple(flag for flag in session.red_flags if flag.id in named)


def urgent_view(flag: RedFlag) -> UrgentView:
    title = strip_control(flag.title)
    return UrgentView(flag.id, title, t("urgent_line", title=title), paragraphs(flag.advice))


def option_views(
    options: Sequence[Option], chosen: Sequence[str] = (), *, exclusive: bool = False
) -> tuple[OptionView, ...]:
    """Answers as a page shows them: numbered, keyed, with "on its own" where `exclusive` (the
    node's kind lets an answer go on its own) and the option says so. Also for lists of answers
    that are not a node's (a quiz's choices)."""
    picked = frozenset(chosen)
    alone = t("on_its_own")
    return tuple(
        OptionView(
            option.id,
            index + 1,
            option_key(index),
            strip_control(option.label),
            strip_control(option.help),
            option.exclusive and exclusive,
            alone if option.exclusive and exclusive else "",
            option.id in picked,
        )
        for index, option in enumerate(options)
    )


def build_page(session: Session, chosen: Sequence[str] | None = None) -> PageView:
    """The page of the session's current step (not the outcome: that is the summary's outline).

    `chosen`: the answers to show picked; by default the session's pre-selection (the answer
    given before the person went back).
    """
    node = session.current
    picked = session.preselected if chosen is None else chosen
    traits = node.traits
    kind: PageKind = "page" if not traits.question else "single" if traits.single else "many"
    options = option_views(node.options, picked, exclusive=traits.exclusive)
    rule = pick_rule(node.min, node.max_picks, len(node.options)) if kind == "many" else ""
    return PageView(
        node=node.id,
        kind=kind,
        heading=heading(node),
        progress=progress_words(session.progress(), traits.question),
        paragraphs=paragraphs(node.text),
        help=paragraphs(node.help),
        rule=rule,
        options=options,
        urgent=tuple(urgent_view(flag) for flag in flags_leading_here(session)),
        can_go_back=bool(session.history),
        draft=t("draft_translation") if session.tree.translation == "draft" else "",
    )


def heading(node: Node) -> str:
    return strip_control(node.heading)
