"""What each web page shows, worked out from a Session: plain values for the templates.

The templates never reach into the tree or the session; they get these small views, whose
strings are the tree's text with control characters removed (`strip_control`). A step's page
(a page to read or a question) is the shared page view (wizard/render/pageview.py) that the
app and `ask` draw too: heading, progress, pick rule, answers, "on its own", urgent advice. Jinja2's
autoescape makes every one of them text, never markup; the one piece of ready-made HTML is the
summary's body, built by the HTML renderer from the one outline (wizard.render.html), which
escapes tree text itself and links only http(s), mailto and tel addresses of sources.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup

from wizard.model.machine import Session
from wizard.model.plain import strip_control
from wizard.model.summary import Summary
from wizard.model.teach_back import TeachBackRun, teach_back_for
from wizard.model.tree import Option, RedFlag
from wizard.render.html import render_sections
from wizard.render.outline import build_outline
from wizard.render.pageview import (
    OptionView,
    UrgentView,
    build_page,
    heading,
    option_views,
    paragraphs,
    urgent_view,
)
from wizard.render.review_lines import version_line
from wizard.render.teach_back import reminder
from wizard.render.words import t, t_count

THEMES: tuple[str, ...] = ("default", "light", "high-contrast")
"""The stylesheet's themes (static/site.css) by name; a visitor sees the vocabulary's word for
each (`theme_<name>`). The names are the app's (`--theme`, wizard.tui.themes; a test keeps them
the same), so one option means the same colours in both front ends; the web does not import
the Textual front end."""
DEFAULT_THEME = "default"

PageKind = Literal["welcome", "page", "single", "many", "red_flag", "summary", "problem",
                   "confirm", "print", "check", "teach_back"]
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class CheckRow:
    """One answer on "Check your answers": the question, the answer, where Change goes."""

    question: str
    answer: str
    href: str


@dataclass(frozen=True)
class Page:
    """Everything one page shows; `kind` picks its template."""

    kind: PageKind
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    help: str = ""
    options: list[OptionView] = field(default_factory=list)
    error: str = ""
    progress: str = ""
    flags: list[UrgentView] = field(default_factory=list)
    summary: Markup = field(default_factory=Markup)
    subtitle: str = ""
    can_go_back: bool = False
    message: str = ""
    rule: str = ""
    """A multi-select's pick rule ("Pick 1 to 3.")."""
    draft: str = ""
    rows: list[CheckRow] = field(default_factory=list)
    can_teach: bool = False
    """The summary offers teach-back ("Check what you understood"): the tree asks about it."""
    reminder: list[str] = field(default_factory=list)
    """Teach-back after a wrong answer: that part of the summary again, in other words."""
    version: str = ""
    """The welcome page's line on how current the content is (the shared `version_line`)."""


def language(code: str) -> str:
    """The tree's language as a safe `lang` attribute (a malformed code becomes "en")."""
    code = strip_control(code).strip()
    return code if _LANGUAGE.match(code) else "en"


def welcome_page(session: Session) -> Page:
    tree = session.tree
    draft = (t("draft_translation"),) if tree.translation == "draft" else ()
    return Page("welcome", strip_control(tree.title), [*draft, *paragraphs(tree.description)],
                subtitle=strip_control(tree.disclaimer), version=version_line(tree))


def question_page(session: Session, picked: tuple[str, ...], error: str = "") -> Page:
    """The current node's page: an info page, a single or a multiple choice, or the summary.

    `picked`: the answers to show chosen (what the visitor sent, or gave before going back)."""
    if session.finished:
        return summary_page(session)
    view = build_page(session, picked)
    return Page(view.kind, view.heading, list(view.paragraphs), " ".join(view.help),
                list(view.options), error, view.progress, list(view.urgent),
                can_go_back=view.can_go_back, rule=view.rule, draft=view.draft)


def red_flag_page(raised: tuple[RedFlag, ...]) -> Page:
    return Page("red_flag", t("urgent"), flags=[urgent_view(f) for f in raised])


def summary_page(session: Session, message: str = "", *, fold: bool = True) -> Page:
    """The summary; `fold`: each section of the details in a <details> element, closed (the
    printable page has them open: it is for paper)."""
    summary = session.summary()
    outline = build_outline(summary)
    body = Markup(render_sections(outline, fold=fold))  # escaped by the renderer (docstring)
    return Page("summary", outline.title, subtitle=outline.subtitle, summary=body,
                can_go_back=bool(session.history), message=message,
                can_teach=bool(teach_back_for(summary)))


def teach_back_page(summary: Summary, run: TeachBackRun, error: str = "") -> Page:
    """Teach-back's page: the run's question (and, after a wrong answer, the summary's
    reminder for it, wizard/render/teach_back.py, the words the app and `ask` show), or, when it
    is finished, how many points were gone over. `error`: nothing was picked."""
    question = run.question
    intro = [t("teach_intro")]
    if question is None:
        return Page("teach_back", t("teach_offer"), intro,
                    message=t_count("teach_done", len(run.questions)))
    options = [Option(o.id, o.label) for o in question.options]
    progress = t("teach_question", number=str(run.index + 1), total=str(len(run.questions)))
    return Page("teach_back", strip_control(question.prompt), intro,
                options=list(option_views(options)), error=error, progress=progress,
                reminder=reminder(summary, question) if run.missed else [])


def check_page(session: Session, no_longer: tuple[str, ...],
               change: Callable[[str], str]) -> Page:
    """Every answer given, each with a Change link (`change(node_id)` is its address), and the
    questions whose earlier answers no longer fit after a change."""
    nodes = session.tree.nodes
    rows = [CheckRow(heading(nodes[answer.node]),
                     ", ".join(strip_control(label) for label in session.labels(answer))
                     or t("check_no_answer"),
                     change(answer.node))
            for answer in session.history if nodes[answer.node].is_question]
    gone = [heading(nodes[node]) for node in no_longer if node in nodes]
    return Page("check", t("check_title"), gone, rows=rows)


def print_page(session: Session) -> Page:
    """The summary on a page of its own, for the browser's Print when scripts are off."""
    return dataclasses.replace(summary_page(session, fold=False), kind="print")


def confirm_restart_page() -> Page:
    """"Start over?" asked before anything is cleared (as the app's ctrl+r and `ask` do)."""
    return Page("confirm", t("start_over_title"), [t("start_over_text")])


@dataclass(frozen=True)
class TakeHomeView:
    """The take-home box of a kiosk's summary: the code, its address and a QR code of it."""

    code: str
    address: str
    qr: Markup


def take_home_view(code: str, address: str) -> TakeHomeView:
    return TakeHomeView(code, address, qr_svg(address))


def qr_svg(address: str, fit: bool = False) -> Markup:
    """A QR code of `address` as inline SVG made by segno from the address alone (our own
    url-safe text), dark on light whatever the theme, with the quiet zone readers need. The
    take-home code and the classroom's join box both draw it; `fit`: no size of its own (a
    viewBox), so the stylesheet sizes it (large, for a projector)."""
    from wizard.render.qr import QUIET_ZONE, qr_code

    svg = qr_code(address).svg_inline(scale=4, dark="#000", light="#fff",
                                      border=QUIET_ZONE, omitsize=fit)
    return Markup(svg)  # made here from url-safe text only


def problem_page(heading: str, text: str) -> Page:
    return Page("problem", heading, [text])
