"""Content governance: what a clinical sign-off needs beyond a well-formed graph.

Review dates (is the content overdue, are the dates in order), red flags (are the urgent
questions asked before anything else on every route) and sources (can a reader follow each
citation to the page that says it). These are cheap and run with every check; reading level,
which needs Pyphen's dictionary, lives in `reading.py` and runs only for `wizard check`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta
from urllib.parse import urlsplit

from wizard.model.errors import Diagnostic, Severity
from wizard.model.tree import Mark, Node, Tree

READING_GRADES = (1, 18)  # the range of 'reading_grade' a tree may set
# A review falling due this soon gets a note: authors see it coming in every `wizard check`
# run, long before the day passes and the warning turns `check --strict` (and CI) red.
DUE_SOON = timedelta(days=60)
# `WIZARD_TODAY=YYYY-MM-DD` checks as if it were that day: to see what falls due before a
# release, and so the test suite (and the programs it starts) never reads the calendar.
TODAY_ENV = "WIZARD_TODAY"


def check_governance(tree: Tree, today: date | None = None) -> Iterator[Diagnostic]:
    """Every review-date, red-flag-order and source problem of the tree."""
    yield from _check_review(tree, today or _today())
    if not READING_GRADES[0] <= tree.reading_grade <= READING_GRADES[1]:
        yield _diag(
            Mark(tree.path, 1, 1),
            "error",
            f"'reading_grade' is {tree.reading_grade}; use a school grade from "
            f"{READING_GRADES[0]} to {READING_GRADES[1]} (default 9)",
        )
    yield from _check_red_flags_first(tree)
    yield from _check_sources(tree)


def _diag(mark: Mark, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(mark.file, mark.line, mark.col, severity, message)


def _today() -> date:
    """Today: the day named in WIZARD_TODAY when that is a real date, else the computer's."""
    given = _day(os.environ.get(TODAY_ENV, "").strip())
    return given if given is not None else date.today()


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def overdue(tree: Tree, today: date | None = None) -> str | None:
    """One sentence saying the tree is past its review date, or None when it is not."""
    due = _day(tree.review.next_review)
    if due is None or due >= (today or _today()):
        return None
    return (
        f"this tree was due for review on {due.isoformat()}; "
        "its content may be out of date until it is reviewed"
    )


def _check_review(tree: Tree, today: date) -> Iterator[Diagnostic]:
    review = tree.review
    top = Mark(tree.path, 1, 1)
    days: dict[str, date] = {}
    for key, text, mark in (
        ("last_reviewed", review.last_reviewed, review.last_mark),
        ("next_review", review.next_review, review.mark),
        ("changed", review.changed, review.changed_mark),
    ):
        if not text:
            continue  # missing or malformed: the builder said so already
        day = _day(text)
        if day is None:
            yield _diag(mark if mark.line else top, "error", f"'{key}' {text} is not a real date")
        else:
            days[key] = day
    last, due = days.get("last_reviewed"), days.get("next_review")
    changed = days.get("changed")
    if last is not None and changed is not None and changed < last:
        yield _diag(
            review.changed_mark if review.changed_mark.line else top,
            "warning",
            f"'changed' {changed.isoformat()} comes before 'last_reviewed' {last.isoformat()}, "
            "so the review covered it and the summary says nothing of it; remove 'changed', or "
            "give the day the content changed after the review",
        )
    mark = review.mark if review.mark.line else top
    if last is not None and due is not None and due < last:
        yield _diag(
            mark,
            "error",
            f"'next_review' {due.isoformat()} comes before 'last_reviewed' {last.isoformat()}; "
            "the next review must come after the last one",
        )
    elif due is not None and due < today:
        yield _diag(
            mark,
            "warning",
            f"the content was due for review on {due.isoformat()}; review it, then update "
            "'last_reviewed' and 'next_review'",
        )
    elif due is not None and due - today <= DUE_SOON:
        left = (due - today).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        yield _diag(
            mark,
            "note",
            f"the content falls due for review on {due.isoformat()} ({when}); plan the review "
            "before then, or the check will warn",
        )


def _raises_red_flag(node: Node) -> bool:
    return node.is_question and any(option.red_flag for option in node.options)


def _check_red_flags_first(tree: Tree) -> Iterator[Diagnostic]:
    """A warning at each question some route asks before the red flags, or between them.

    The search runs over the graph, not over answers: every link may be taken and a node with a
    `when` may be skipped, so a warning names a route the graph allows (conditions may still rule
    it out in practice). A state is (node, red flags asked yet, another question asked yet).
    """
    nodes = tree.nodes
    if tree.start not in nodes or not any(_raises_red_flag(n) for n in nodes.values()):
        return
    State = tuple[str, bool, bool]
    first: State = (tree.start, False, False)
    seen = {first}
    queue: deque[State] = deque([first])
    early: dict[str, Node] = {}  # asked before any red-flag question
    late: dict[str, Node] = {}  # a red-flag question asked after another question
    while queue:
        node_id, screened, asked_other = queue.popleft()
        node = nodes[node_id]
        outcomes = [(screened, asked_other)]  # the node skipped keeps the state as it is
        if node.is_question:
            if _raises_red_flag(node):
                if asked_other:
                    late.setdefault(node.id, node)
                asked = (True, asked_other)
            else:
                if not screened:
                    early.setdefault(node.id, node)
                asked = (screened, True)
            outcomes = [asked] if node.when is None else [asked, *outcomes]
        for target in node.targets():
            if target not in nodes:
                continue
            for flags in outcomes:
                state = (target, *flags)
                if state not in seen:
                    seen.add(state)
                    queue.append(state)
    for node in early.values():
        yield _diag(
            node.mark,
            "warning",
            f"question '{node.id}' can be asked before the red flags; ask the red-flag "
            "question first on every route",
        )
    for node in late.values():
        yield _diag(
            node.mark,
            "warning",
            f"red-flag question '{node.id}' can come after other questions; ask it before any "
            "other question on every route",
        )


def home_page_only(url: str) -> bool:
    """True for a link to a site's front page, which does not show what the tree says."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query and not parts.fragment


def _check_sources(tree: Tree) -> Iterator[Diagnostic]:
    for source in tree.sources.values():
        if not source.url.strip():
            yield _diag(
                source.mark,
                "warning",
                f"source '{source.id}' has no 'url'; link the page that says what the tree says",
            )
        elif home_page_only(source.url):
            yield _diag(
                source.mark,
                "warning",
                f"source '{source.id}' links only to a home page ({source.url.strip()}); link "
                "the page that says what the tree says",
            )
