"""`wizard paths --cover` (model/cover.py): a few routes that together reach every option, page,
item, red flag and care-team question, and the names of what no route can reach.

tests/trees/cover.yaml is written for these tests; what each route must do is worked out from
that file in the docstrings, not from the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.cover import Target, build_cover, replay, targets_of
from wizard.model.loader import load_tree
from wizard.model.tree import Tree

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small() -> Tree:
    return load_tree(ROOT / "tests" / "trees" / "cover.yaml")


@pytest.fixture(scope="module")
def bundled() -> Tree:
    return load_tree(ROOT / "trees" / "paraneoplastic.yaml")


def test_small_tree_everything_reachable_is_covered_and_the_rest_named(small: Tree) -> None:
    """Every option, both pages beyond questions (right_page, end), the smoke flag, both
    questions and the items both and right_x are reachable; never_checker needs x and y from
    one single-choice question (the checker says so too), and never_route needs the right road
    and option c, which only the left road asks: only a route search can tell (so does the
    third care-team question)."""
    cover = build_cover(small)
    assert {str(t) for t in cover.unreachable} == {
        "treatment never_checker",
        "treatment never_route",
        "question Q3",
    }
    assert cover.covered == frozenset(targets_of(small)) - set(cover.unreachable)


def test_one_route_picks_both_options_an_item_needs(small: Tree) -> None:
    """'both' needs a and b from the multi-select 'picks': one route must pick them together."""
    routes = [r for r in build_cover(small).routes if Target("treatment", "both") in r.covers]
    assert routes
    picks = dict(routes[0].steps)["picks"]
    assert {"a", "b"} <= set(picks)


def test_routes_are_the_engines_own(small: Tree) -> None:
    """Each route replays in a real session to its outcome, and lists what the route says."""
    for route in build_cover(small).routes:
        session = replay(small, route.steps)
        assert session is not None and session.finished
        listed = {t.item.id for t in session.summary().treatments}
        assert listed == {t.key for t in route.covers if t.kind == "treatment"}


def test_cover_is_small(small: Tree) -> None:
    """Eight single-choice routes exist (2 roads x 2 tails, x multi answers); the cover needs
    no more than one route per reachable target kind that cannot share: far fewer than every
    route. Both roads and both tail options need at least 2 routes."""
    cover = build_cover(small)
    assert 2 <= len(cover.routes) <= 5


def test_bundled_tree_every_option_item_flag_and_question_covered(bundled: Tree) -> None:
    """The bundled tree: every option picked, every treatment and resource listed, every red
    flag raised and every care-team question asked by some route; nothing unreachable."""
    cover = build_cover(bundled)
    assert cover.unreachable == ()
    covered = cover.covered
    kinds = {t.kind for t in covered}
    assert kinds == {"option", "page", "treatment", "resource", "red_flag", "question"}
    options = {f"{n.id}={o.id}" for n in bundled.nodes.values() for o in n.options}
    assert {t.key for t in covered if t.kind == "option"} == options
    assert {t.key for t in covered if t.kind == "treatment"} == set(bundled.treatments)
    assert {t.key for t in covered if t.kind == "resource"} == set(bundled.resources)
    assert {t.key for t in covered if t.kind == "red_flag"} == set(bundled.red_flags)
    assert len({t for t in covered if t.kind == "question"}) == len(bundled.questions)
    assert len(cover.routes) < 60  # ~700 single-choice routes exist


def test_dropping_redundant_routes_is_linear_in_what_they_cover() -> None:
    """Bounded work: 300 routes (one question with 300 options) used to be pruned by comparing
    each route with the union of all the others, 40 s of hashing; now each target is looked at
    a few times. Counted with targets that count their own hashing, not with a clock."""
    from dataclasses import dataclass

    from wizard.model.cover import CoverRoute, Target, _prune

    hashes = 0

    @dataclass(frozen=True, order=True)
    class Counted(Target):
        def __hash__(self) -> int:
            nonlocal hashes
            hashes += 1
            return hash((self.kind, self.key))

    shared = [Counted("page", f"p{n}") for n in range(50)]
    routes = [
        CoverRoute((), None, frozenset([*shared, Counted("option", f"q=o{n}")]))  # type: ignore[arg-type]
        for n in range(300)
    ]
    routes.append(CoverRoute((), None, frozenset(shared)))  # type: ignore[arg-type]
    hashes = 0
    kept, work = _prune(routes)
    covered = sum(len(r.covers) for r in routes)
    assert len(kept) == 300 and routes[-1] not in kept
    assert work <= 2 * covered and hashes <= 4 * covered
