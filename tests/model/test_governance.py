"""Content governance in `wizard check`: review dates, red flags first, links to sources."""

from __future__ import annotations

from datetime import date

import pytest

from wizard.model.governance import check_governance, home_page_only, overdue
from wizard.model.loader import check_text
from wizard.model.tree import Tree

TODAY = date(2026, 11, 22)

SMALL = """\
format: 1
id: small
title: A small tree
version: "1"
review: {last_reviewed: @LAST@, next_review: @NEXT@}
disclaimer: For tests.
start: @START@
sources:
  page: {title: A page, url: "@URL@"}
red_flags:
  smoke: {title: Smoke, advice: Leave the room., sources: [page]}
treatments:
  water: {name: Water, group: g, about: Give water., when: thirsty, sources: [page]}
groups: [{id: g, title: Care}]
nodes:
  flags:
    kind: multi
    prompt: Is there smoke?
    options:
      - {id: smoke, label: Smoke, red_flag: smoke}
      - {id: none, label: None of these, exclusive: true}
    next: @FLAGS_NEXT@
  thirst:
    kind: choice
    prompt: Is the plant thirsty?
    options:
      - {id: yes_, label: Yes, sets: [thirsty]}
      - {id: no_, label: No}
    next: @THIRST_NEXT@
  done: {kind: outcome, title: Done}
"""

DEFAULTS = {
    "LAST": "2026-01-01",
    "NEXT": "2027-11-21",
    "URL": "https://example.org/care/water",
    "START": "flags",
    "FLAGS_NEXT": "thirst",
    "THIRST_NEXT": "done",
}


def tree_text(**changes: str) -> str:
    text = SMALL
    for key, value in {**DEFAULTS, **changes}.items():
        text = text.replace(f"@{key}@", value)
    return text


def governance(**changes: str) -> list[str]:
    """The governance diagnostics for the small tree with `changes`, as `check` prints them."""
    tree = built(**changes)
    return [str(d) for d in check_governance(tree, TODAY)]


def built(**changes: str) -> Tree:
    from wizard.model.build import build_tree
    from wizard.model.loader import parse_yaml

    data, problems = parse_yaml(tree_text(**changes), "t.yaml")
    assert not problems
    tree, problems, _ = build_tree(data, "t.yaml")
    assert tree is not None and not [p for p in problems if p.is_error], problems
    return tree


def test_the_small_tree_passes_every_governance_check() -> None:
    assert governance() == []
    tree, diagnostics = check_text(tree_text(), "t.yaml")
    assert tree is not None and diagnostics == []


# -- review dates ------------------------------------------------------------------------------
def test_a_passed_next_review_is_a_warning_at_the_review() -> None:
    assert governance(NEXT="2026-11-21") == [
        "t.yaml:5:50: warning: the content was due for review on 2026-11-21; review it, then "
        "update 'last_reviewed' and 'next_review'"
    ]


def test_a_next_review_due_today_is_not_overdue_but_noted() -> None:
    assert governance(NEXT="2026-11-22") == [
        "t.yaml:5:50: note: the content falls due for review on 2026-11-22 (today); plan the "
        "review before then, or the check will warn"
    ]
    assert overdue(built(NEXT="2026-11-22"), TODAY) is None


@pytest.mark.parametrize(("due", "said"), [("2026-11-23", "in 1 day"), ("2027-01-21", "in 60 days")])
def test_a_review_due_within_60_days_is_a_note(due: str, said: str) -> None:
    assert [line.split(": ", 2)[1:] for line in governance(NEXT=due)] == [
        ["note", f"the content falls due for review on {due} ({said}); plan the review before "
                 "then, or the check will warn"]
    ]
    assert governance(NEXT="2027-01-22") == []  # 61 days: nothing yet


def test_a_next_review_before_the_last_is_an_error() -> None:
    found = governance(LAST="2026-06-01", NEXT="2026-05-01")
    assert found == [
        "t.yaml:5:50: error: 'next_review' 2026-05-01 comes before 'last_reviewed' 2026-06-01; "
        "the next review must come after the last one"
    ]


def test_a_date_that_does_not_exist_is_an_error() -> None:
    assert governance(NEXT="2027-02-30") == [
        "t.yaml:5:50: error: 'next_review' 2027-02-30 is not a real date"
    ]
    assert governance(LAST="2026-13-01") == [
        "t.yaml:5:25: error: 'last_reviewed' 2026-13-01 is not a real date"
    ]


def changed(day: str, last: str = "2026-01-01") -> dict[str, str]:
    """The small tree's review with `changed: day` after its two dates."""
    return {"LAST": last, "NEXT": f"2027-11-21, changed: {day}"}


def test_a_change_after_the_review_is_no_problem_and_is_kept() -> None:
    assert governance(**changed("2026-12-05")) == []
    review = built(**changed("2026-12-05")).review
    assert (review.changed, review.unreviewed_change) == ("2026-12-05", "2026-12-05")
    assert built().review.unreviewed_change == ""  # no `changed`: the review covers it all


def test_a_changed_date_that_does_not_exist_is_an_error_at_it() -> None:
    assert governance(**changed("2026-02-30")) == [
        "t.yaml:5:71: error: 'changed' 2026-02-30 is not a real date"
    ]
    assert built(**changed("2026-02-30")).review.unreviewed_change == ""


def test_a_changed_date_written_another_way_is_an_error_from_the_checker() -> None:
    _, diagnostics = check_text(tree_text(**changed('"5 Dec 2026"')), "t.yaml")
    errors = [str(d) for d in diagnostics if d.is_error]
    assert len(errors) == 1 and errors[0].startswith("t.yaml:5:71: error: ")
    assert "YYYY-MM-DD" in errors[0] and "'changed'" in errors[0]


def test_a_change_before_the_last_review_is_a_warning_and_claims_nothing() -> None:
    assert governance(**changed("2025-12-31")) == [
        "t.yaml:5:71: warning: 'changed' 2025-12-31 comes before 'last_reviewed' 2026-01-01, "
        "so the review covered it and the summary says nothing of it; remove 'changed', or give "
        "the day the content changed after the review"
    ]
    assert built(**changed("2025-12-31")).review.unreviewed_change == ""
    # a change on the review day itself is covered by that review: nothing to say
    assert governance(**changed("2026-01-01")) == []
    assert built(**changed("2026-01-01")).review.unreviewed_change == ""


def test_overdue_says_why_in_one_sentence() -> None:
    sentence = overdue(built(NEXT="2026-03-01"), TODAY)
    assert sentence is not None and "2026-03-01" in sentence and "\n" not in sentence
    assert overdue(built(), TODAY) is None


def test_the_checker_runs_the_governance_checks() -> None:
    _, diagnostics = check_text(tree_text(LAST="2026-06-01", NEXT="2026-05-01"), "t.yaml")
    assert any("comes before 'last_reviewed'" in str(d) for d in diagnostics)


# -- red flags first ---------------------------------------------------------------------------
def test_a_question_before_the_red_flags_is_a_warning() -> None:
    found = governance(START="thirst", THIRST_NEXT="flags", FLAGS_NEXT="done")
    assert found == [
        "t.yaml:24:5: warning: question 'thirst' can be asked before the red flags; ask the "
        "red-flag question first on every route",
        "t.yaml:17:5: warning: red-flag question 'flags' can come after other questions; ask "
        "it before any other question on every route",
    ]


def test_a_red_flag_question_that_may_be_skipped_leaves_a_route_without_it() -> None:
    text = tree_text().replace(
        "    prompt: Is there smoke?", "    when: thirsty\n    prompt: Is there smoke?"
    )
    from wizard.model.build import build_tree
    from wizard.model.loader import parse_yaml

    tree, _, _ = build_tree(parse_yaml(text, "t.yaml")[0], "t.yaml")
    assert tree is not None
    found = [str(d) for d in check_governance(tree, TODAY)]
    assert any("question 'thirst' can be asked before the red flags" in d for d in found)


def test_info_pages_before_the_red_flags_are_fine() -> None:
    text = tree_text(START="hello").replace(
        "nodes:\n", "nodes:\n  hello: {kind: info, prompt: Hello, next: flags}\n"
    )
    tree, diagnostics = check_text(text, "t.yaml")
    assert tree is not None and diagnostics == []


def test_a_tree_without_red_flags_has_nothing_to_ask_first() -> None:
    text = (
        tree_text()
        .replace(", red_flag: smoke}", "}")
        .replace(
            "red_flags:\n  smoke: {title: Smoke, advice: Leave the room., sources: [page]}\n", ""
        )
    )
    from wizard.model.build import build_tree
    from wizard.model.loader import parse_yaml

    tree, _, _ = build_tree(parse_yaml(text, "t.yaml")[0], "t.yaml")
    assert tree is not None and not tree.red_flags
    assert [str(d) for d in check_governance(tree, TODAY)] == []


# -- sources -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["https://example.org", "https://example.org/", "http://www.example.org/"],
)
def test_a_link_to_a_home_page_only_is_a_warning(url: str) -> None:
    assert governance(URL=url) == [
        f"t.yaml:9:9: warning: source 'page' links only to a home page ({url}); link the page "
        "that says what the tree says"
    ]


def test_a_source_without_a_link_is_a_warning() -> None:
    text = tree_text().replace(
        'page: {title: A page, url: "https://example.org/care/water"}', "page: {title: A page}"
    )
    _, diagnostics = check_text(text, "t.yaml")
    assert [str(d) for d in diagnostics] == [
        "t.yaml:9:9: warning: source 'page' has no 'url'; link the page that says what the "
        "tree says"
    ]


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://example.org/care", False),
        ("https://example.org/?page=care", False),
        ("https://example.org/#care", False),
        ("https://example.org", True),
        ("  https://example.org/  ", True),
    ],
)
def test_home_page_only(url: str, home: bool) -> None:
    assert home_page_only(url) is home


# -- reading_grade -----------------------------------------------------------------------------
def test_reading_grade_is_a_whole_number_in_range() -> None:
    text = tree_text().replace("start: flags", "start: flags\nreading_grade: 40")
    _, diagnostics = check_text(text, "t.yaml")
    assert [str(d) for d in diagnostics] == [
        "t.yaml:1:1: error: 'reading_grade' is 40; use a school grade from 1 to 18 (default 9)"
    ]
    text = tree_text().replace("start: flags", "start: flags\nreading_grade: easy")
    _, diagnostics = check_text(text, "t.yaml")
    assert any("'reading_grade' of the tree must be a whole number" in str(d) for d in diagnostics)
