"""Teach-back on the web summary, end to end through the aiohttp test client: offered only where
the tree asks about this summary, one question per page, a wrong answer shows that part of the
summary again and asks again, the count at the end, back to the summary; the progress travels
sealed in the page (tampered is refused) and a kiosk forgets it with the visitor."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.web.test_web_pages import walk_to_summary
from tests.web.visitor import Visitor
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree
from wizard.model.machine import walk
from wizard.model.teach_back import teach_back_for
from wizard.model.translation import translate_tree
from wizard.model.tree import TeachBack, Tree
from wizard.render.teach_back import reminder
from wizard.render.words import speaking, t
from wizard.web.app import SEALER
from wizard.web.state import Sealer, State, Tampered, Teaching, new_visitor

Make = Callable[..., object]
LEMS = {
    "red_flags": ["none"], "body_system": ["nervous"], "syndrome": ["lems"],
    "symptoms": ["weakness"], "antibody": ["surface"], "cancer_status": ["treating"],
    "treatments_taken": ["none"],
}  # fmt: skip


@pytest.fixture(scope="module")
def bundled() -> Tree:
    return load_tree(resolve_tree(None))


async def at_summary(make_visitor: Make, tree: Tree, **options: object) -> Visitor:
    """A visitor on the summary of the LEMS route, as if they had answered it page by page."""
    visitor = await make_visitor(tree, **options)  # type: ignore[operator]
    assert isinstance(visitor, Visitor)
    sealer = visitor.client.app[SEALER]  # type: ignore[union-attr]
    state = State.of(walk(tree, LEMS), State(started=True, visitor=new_visitor()))
    page = await visitor.open("/page?" + urlencode({"s": sealer.dump(state)}))
    assert visitor.status == 200 and t("glance") in page
    return visitor


def option(question: TeachBack, right: bool) -> str:
    return next(o.id for o in question.options if o.right == right)


def text(page: str) -> str:
    return unescape(page)


async def test_no_offer_where_the_tree_asks_nothing(visitor: Visitor) -> None:
    page = await walk_to_summary(visitor)
    assert 'value="teach"' not in page
    again = await visitor.do("teach")  # posted anyway: the summary again, nothing else
    assert "Your plant plan" in again and "Question 1" not in again


async def test_a_whole_teach_back(make_visitor: Make, bundled: Tree) -> None:
    visitor = await at_summary(make_visitor, bundled)
    questions = teach_back_for(walk(bundled, LEMS).summary())
    assert len(questions) == 3
    assert '<button type="submit" name="do" value="teach">Check what you understood</button>' in (
        visitor.page)
    first = await visitor.do("teach")
    assert "Question 1 of 3" in first and f"<h1>{questions[0].prompt}</h1>" in text(first)
    assert '<input type="radio" name="option"' in first and "<legend>" in first

    nothing = await visitor.do("teach_answer")
    assert 'class="error-summary" role="alert"' in nothing and "Please pick one answer." in nothing
    assert "Question 1 of 3" in nothing

    wrong = await visitor.do("teach_answer", option(questions[0], right=False))
    shown = text(wrong)
    assert "Not quite. Here is that part of your summary again, in other words:" in shown
    summary = walk(bundled, LEMS).summary()
    for line in reminder(summary, questions[0]):  # the very words the app and `ask` show
        assert line in shown
    assert "Question 1 of 3" in wrong  # asked again
    reloaded = await visitor.open(str(visitor.response.url.relative()))  # type: ignore[union-attr]
    assert "Not quite." in reloaded  # Reload shows the same page, re-posting nothing

    second = await visitor.do("teach_answer", option(questions[0], right=True))
    assert "Question 2 of 3" in second and "Not quite." not in second
    await visitor.do("teach_answer", option(questions[1], right=True))
    done = await visitor.do("teach_answer", option(questions[2], right=True))
    assert "Thank you. You went over 3 points of your summary." in done
    assert 'name="option"' not in done
    back = await visitor.do("summary")
    assert "At a glance" in back and 'value="teach"' in back  # and it may be done again


async def test_leaving_teach_back_at_any_question(make_visitor: Make, bundled: Tree) -> None:
    visitor = await at_summary(make_visitor, bundled)
    await visitor.do("teach")
    back = await visitor.do("summary")
    assert "At a glance" in back and "Question 1" not in back
    assert visitor.client.app[SEALER].load(visitor.state).teaching is None  # type: ignore[union-attr]


async def test_the_theme_keeps_the_question(make_visitor: Make, bundled: Tree) -> None:
    visitor = await at_summary(make_visitor, bundled)
    await visitor.do("teach")
    page = await visitor.post(do="theme", theme="high-contrast")
    assert "Question 1 of 3" in page and 'class="theme-high-contrast"' in page


async def test_progress_that_does_not_fit_is_refused(make_visitor: Make, bundled: Tree) -> None:
    visitor = await at_summary(make_visitor, bundled)
    sealer: Sealer = visitor.client.app[SEALER]  # type: ignore[union-attr]
    state = sealer.load(visitor.state)
    for teaching in (Teaching(7, False, (True,) * 7), Teaching(1, False, ()),
                     Teaching(3, True, (True, True, True))):
        token = sealer.dump(State(**{**state.__dict__, "teaching": teaching}))
        page = await visitor.open("/page?" + urlencode({"s": token}))
        assert visitor.status == 400 and "Question" not in page
    edited = visitor.state[:-6] + ("A" if visitor.state[-6] != "A" else "B") + visitor.state[-5:]
    await visitor.post(state=edited, do="teach")
    assert visitor.status == 400


def test_old_tokens_load_as_not_teaching_and_bad_progress_is_tampered() -> None:
    from wizard.web.state import _fernet, seal

    sealer = Sealer(b"k", "v1", lambda: 1_800_000_000.0)
    old = {"v": "v1", "r": [], "m": {}, "t": "", "s": True, "k": "", "w": "", "o": [], "n": "",
           "c": "", "e": []}  # a token sealed before teach-back: no "b"
    fernet = _fernet(b"k", b"")
    assert sealer.load(seal(fernet, old, 1_800_000_000.0)).teaching is None
    for bad in ([1, "no", []], [True, False, []], [0, False, [1]], "x", [0, False]):
        with pytest.raises(Tampered):
            sealer.load(seal(fernet, {**old, "b": bad}, 1_800_000_000.0))
    kept = State(started=True, teaching=Teaching(1, True, (False,)))
    assert sealer.load(sealer.dump(kept)).teaching == Teaching(1, True, (False,))


async def test_a_kiosk_forgets_teach_back_with_the_visitor(make_visitor: Make, bundled: Tree) -> None:
    visitor = await at_summary(make_visitor, bundled, kiosk=True)
    questions = teach_back_for(walk(bundled, LEMS).summary())
    await visitor.do("teach")
    wrong = await visitor.do("teach_answer", option(questions[0], right=False))
    assert "Not quite." in wrong and "I&#39;m done" in wrong
    address = str(visitor.response.url.relative())  # type: ignore[union-attr]
    state = visitor.state
    await visitor.do("done")
    for page in (await visitor.open(address), await visitor.post(state=state, do="teach_answer",
                                                                   option=option(questions[0], True))):
        assert visitor.status == 410 and "This session was cleared" in page
        assert "Not quite." not in page and "Question" not in page


@given(index=st.integers(0, 10**6), missed=st.booleans(),
       first_try=st.lists(st.booleans(), max_size=20))
def test_any_progress_travels_sealed_unchanged(index: int, missed: bool,
                                               first_try: list[bool]) -> None:
    sealer = Sealer(b"k", "v1", lambda: 1_800_000_000.0)
    teaching = Teaching(index, missed, tuple(first_try))
    assert sealer.load(sealer.dump(State(started=True, teaching=teaching))).teaching == teaching


async def test_teach_back_in_spanish(make_visitor: Make, bundled: Tree) -> None:
    """Every word of the page in the tree's language: the vocabulary's and the tree's own."""
    spanish, _ = translate_tree(bundled, "es")
    with speaking("es"):
        visitor = await at_summary(make_visitor, spanish)
        questions = teach_back_for(walk(spanish, LEMS).summary())
        assert f'value="teach">{t("teach_offer")}</button>' in text(visitor.page)
        await visitor.do("teach")
        page = text(await visitor.do("teach_answer", option(questions[0], right=False)))
        for words in (t("teach_wrong"), t("teach_try_again"), t("teach_web_answer"),
                      t("teach_back_to_summary"), questions[0].prompt,
                      *reminder(walk(spanish, LEMS).summary(), questions[0])):
            assert words in page
        assert 'lang="es"' in page and "Not quite" not in page


async def test_back_and_forward_open_each_question_as_it_was(make_visitor: Make,
                                                             bundled: Tree) -> None:
    """Every teach-back page is an address (POST-redirect-GET): the browser's Back opens the
    question before, as it was, and answering it there goes on from that point."""
    visitor = await at_summary(make_visitor, bundled)
    questions = teach_back_for(walk(bundled, LEMS).summary())
    await visitor.do("teach")
    first = str(visitor.response.url.relative())  # type: ignore[union-attr]
    await visitor.do("teach_answer", option(questions[0], right=True))
    second = str(visitor.response.url.relative())  # type: ignore[union-attr]
    assert "Question 1 of 3" in await visitor.open(first)  # Back
    assert "Question 2 of 3" in await visitor.open(second)  # Forward
    await visitor.open(first)
    again = await visitor.do("teach_answer", option(questions[0], right=False))
    assert "Question 1 of 3" in again and "Not quite." in again
