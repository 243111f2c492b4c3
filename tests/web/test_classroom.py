"""`wizard serve --classroom` end to end in-process (aiohttp's test client): learners join and
predict from their own "phones" (each a client with its own cookie), change a prediction, the
educator's page counts them, reveals and moves on; nobody without the educator's key can."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from html import unescape
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from yarl import URL

from wizard.model.classroom import Room
from wizard.model.quiz import Prediction, Quiz, build_quiz
from wizard.model.tree import Tree
from wizard.web.classroom import ClassConfig, make_classroom_app

KEY = "the-educators-own-key-0123456789"
LEARNER_COOKIE = re.compile(r"learner=([A-Za-z0-9_-]{22})")


class Phone:
    """One learner's browser: its own cookie jar, posting from the server's own page."""

    def __init__(self, client: TestClient) -> None:  # type: ignore[type-arg]
        self.client = client
        self.page = ""
        self.status = 0

    @property
    def origin(self) -> str:
        return f"http://{self.client.host}:{self.client.port}"

    async def open(self, path: str = "/") -> str:
        response = await self.client.get(path)
        self.status, self.page = response.status, await response.text()
        return self.page

    async def post(self, path: str, data: list[tuple[str, str]],
                   headers: dict[str, str] | None = None) -> str:
        response = await self.client.post(path, data=data,
                                          headers={"Origin": self.origin} if headers is None
                                          else headers)
        self.status, self.page = response.status, await response.text()
        return self.page

    async def predict(self, case: int, picks: dict[int, list[str]]) -> str:
        data = [("case", str(case))] + [(f"q{n}", c) for n, chosen in picks.items()
                                        for c in chosen]
        return await self.post("/predict", data)


@pytest.fixture
def quiz(example_tree: Tree) -> Quiz:
    return build_quiz(example_tree, seed=7, cases=2)


@pytest.fixture
async def classroom(quiz: Quiz) -> AsyncIterator[Callable[..., Any]]:
    """Makes the room's server once, and a phone (a client of its own) per call."""
    room = Room(quiz, max_learners=3)
    config = ClassConfig(key=KEY, join_address="http://127.0.0.1:8000/")
    server = TestServer(make_classroom_app(room, config))
    await server.start_server()
    clients: list[TestClient] = []  # type: ignore[type-arg]

    async def phone() -> Phone:
        client: TestClient = TestClient(server)  # type: ignore[type-arg]
        await client.start_server()
        clients.append(client)
        return Phone(client)

    phone.room = room  # type: ignore[attr-defined]
    yield phone
    for client in clients:
        await client.session.close()
    await server.close()


def right(question: Prediction) -> list[str]:
    return [c.id for c in question.choices if c.id in question.right]


def wrong(question: Prediction) -> str:
    return next(c.id for c in question.choices if c.id not in question.right)


def counts(page: str) -> list[str]:
    return re.findall(r'<span class="count">([^<]*)</span>', page)


def phase_of(page: str) -> str:
    found = re.search(r'data-phase="([^"]*)"', page)
    assert found
    return found.group(1)


async def test_join_predict_change_reveal_and_next(classroom: Any, quiz: Quiz) -> None:
    first = quiz.cases[0].questions[0]
    educator, ana, ben = await classroom(), await classroom(), await classroom()
    page = await educator.open(f"/teach?key={KEY}")
    assert "draft" not in page  # the example tree is no translation
    assert educator.status == 200 and "Case 1 of 2" in page and "0 learners have predicted" in page
    assert "http://127.0.0.1:8000/" in page and "<svg" in page  # the join box
    assert KEY in page  # its own forms carry the key ...

    page = await ana.open("/")
    assert ana.status == 200 and "Case 1 of 2" in page and KEY not in page  # ... a learner's never
    assert quiz.cases[0].questions and 'name="q0"' in page
    assert ana.client.session.cookie_jar.filter_cookies(URL(ana.origin)).get("learner")
    await ana.predict(0, {0: right(first)})
    assert ana.status == 200 and "Your prediction is in" in ana.page
    for choice in right(first):
        assert re.search(rf'value="{re.escape(choice)}" id="q0-[0-9]+" checked', ana.page)
    await ben.open("/")
    await ben.predict(0, {0: [wrong(first)]})

    page = await educator.open(f"/teach?key={KEY}")
    assert "2 learners have predicted" in page
    shown = dict(zip([c.id for c in first.choices], counts(page), strict=False))
    assert shown[wrong(first)] == "1 (50%)"
    assert "the guide&#39;s answer" not in page and "Listed when" not in page  # not yet

    await ben.predict(0, {0: right(first)})  # Ben changes his mind: still one prediction
    page = await educator.open(f"/teach?key={KEY}")
    assert "2 learners have predicted" in page
    shown = dict(zip([c.id for c in first.choices], counts(page), strict=False))
    assert shown[wrong(first)] == "0 (0%)"
    assert all(shown[c] == "2 (100%)" for c in right(first))

    await educator.post("/teach", [("key", KEY), ("phase", phase_of(page)), ("do", "reveal")])
    assert educator.status == 200
    assert "the guide&#39;s answer" in educator.page and "Right: 2 of 2" in educator.page
    await ana.open("/")
    assert "predictions for this case are closed" in ana.page and "Right." in ana.page
    assert 'name="q0"' not in ana.page  # no form after the reveal
    await ana.predict(0, {0: [wrong(first)]})  # a page left open from before the reveal
    assert "not counted" in ana.page
    page = await educator.open(f"/teach?key={KEY}")
    assert "Right: 2 of 2" in page

    await educator.post("/teach", [("key", KEY), ("phase", phase_of(page)), ("do", "next")])
    assert "Case 2 of 2" in educator.page and "0 learners have predicted" in educator.page
    # a second press of the same Next (the old phase) does not skip a case
    await educator.post("/teach", [("key", KEY), ("phase", phase_of(page)), ("do", "next")])
    assert "Case 2 of 2" in educator.page
    await ana.open("/")
    assert "Case 2 of 2" in ana.page and " checked" not in ana.page

    page = educator.page
    await educator.post("/teach", [("key", KEY), ("phase", phase_of(page)), ("do", "reveal")])
    assert "End the class" in educator.page
    await educator.post("/teach", [("key", KEY), ("phase", phase_of(educator.page)),
                                   ("do", "next")])
    assert "That was the last case" in educator.page
    # the end: each case with how many were right, counts only (Ana and Ben got case 1's first
    # question right; nobody predicted case 2)
    assert "Case 1 of 2" in educator.page and "Case 2 of 2" in educator.page
    assert "Right: 2 of 2" in educator.page and "Right: 0 of 0" in educator.page
    assert "That was the last case" in await ana.open("/")


@pytest.mark.parametrize("key", ["", "wrong", KEY[:-1], KEY + "x", KEY.upper()])
async def test_only_the_educator_can_see_reveal_or_move_on(classroom: Any, key: str) -> None:
    learner = await classroom()
    await learner.open("/")
    phase = phase_of(learner.page)
    page = await learner.open(f"/teach?key={key}")
    assert learner.status == 403 and "Only the educator can do this" in page
    for action in ("reveal", "next"):
        await learner.post("/teach", [("key", key), ("phase", phase), ("do", action)])
        assert learner.status == 403
    assert classroom.room.phase == phase == "0-0"
    await learner.post("/teach", [("phase", phase), ("do", "reveal")])  # no key at all
    assert learner.status == 403 and classroom.room.phase == "0-0"


async def test_a_post_from_another_site_is_refused(classroom: Any, quiz: Quiz) -> None:
    learner = await classroom()
    await learner.open("/")
    await learner.post("/predict", [("case", "0"), ("q0", right(quiz.cases[0].questions[0])[0])],
                       headers={"Origin": "http://elsewhere.example"})
    assert learner.status == 403 and classroom.room.predicted == 0
    await learner.post("/teach", [("key", KEY), ("phase", "0-0"), ("do", "reveal")],
                       headers={"Origin": "http://elsewhere.example"})
    assert learner.status == 403 and classroom.room.phase == "0-0"


async def test_without_a_cookie_nothing_is_counted(classroom: Any, quiz: Quiz) -> None:
    learner = await classroom()
    await learner.predict(0, {0: right(quiz.cases[0].questions[0])})  # never opened the page
    assert learner.status == 400 and "allow cookies" in learner.page
    assert classroom.room.predicted == 0


async def test_a_full_room_says_so(classroom: Any, quiz: Quiz) -> None:
    first = quiz.cases[0].questions[0]
    for _ in range(3):
        phone = await classroom()
        await phone.open("/")
        await phone.predict(0, {0: right(first)})
        assert phone.status == 200
    late = await classroom()
    await late.open("/")
    await late.predict(0, {0: right(first)})
    assert late.status == 503 and "This room is full" in late.page
    assert "at most 3 learners" in late.page


async def test_a_refused_answer_is_named_beside_its_question(classroom: Any, quiz: Quiz) -> None:
    questions = quiz.cases[0].questions
    single = next(n for n, q in enumerate(questions) if not q.several)
    learner = await classroom()
    await learner.open("/")
    await learner.predict(0, {single: [c.id for c in questions[single].choices[:2]]})
    assert learner.status == 200
    assert f'id="q{single}-error"' in learner.page and "Pick one answer." in learner.page
    await learner.open("/?refused=99-pick_one&refused=0-<script>&late=2")  # odd notes: ignored
    assert "Pick one answer." not in learner.page and "<script>" not in learner.page


async def test_every_response_is_private_and_the_phase_says_no_more(classroom: Any) -> None:
    learner = await classroom()
    response = await learner.client.get("/")
    assert response.headers["Cache-Control"] == "no-store"
    assert "connect-src 'self'" in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    cookie = response.headers["Set-Cookie"].replace("strict", "Strict")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age" not in cookie
    response = await learner.client.get("/phase")
    assert await response.text() == "0-0"
    too_big = [("case", "0"), ("q0", "x" * 20_000)]
    await learner.post("/predict", too_big)
    assert learner.status == 413


async def test_the_page_text_is_the_quizs_own(classroom: Any, quiz: Quiz) -> None:
    """The story and every question are worded by the quiz's renderer, escaped."""
    from wizard.render.quiz import question_words, story

    learner = await classroom()
    page = unescape(await learner.open("/"))
    case = quiz.cases[0]
    assert story(case) in page
    assert all(question_words(case, q) in page for q in case.questions)


@pytest.mark.parametrize(("words", "said"), [
    (["--kiosk"], "--classroom is a mode of its own"),
    (["--terminal"], "--classroom is a mode of its own"),
    (["--max-learners", "0"], "--max-learners must be a whole number from 1 to 5000"),
    (["--public-url", "ftp://x"], "--public-url must look like"),
])
def test_refusals_before_listening_are_one_sentence_and_exit_2(
        words: list[str], said: str) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-m", "wizard", "serve", "tests/trees/example.yaml",
                           "--classroom", *words], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 2
    assert said in done.stderr and "Traceback" not in done.stderr
    assert "teach?key=" not in done.stdout  # nothing was served


async def test_a_draft_translation_says_so_on_both_pages() -> None:
    """Spanish (a draft no clinician has reviewed) in front of a class says it is a draft."""
    from wizard.model.bundled import resolve_tree
    from wizard.model.loader import load_tree
    from wizard.model.translation import translate_tree
    from wizard.render.words import t

    tree, _ = translate_tree(load_tree(resolve_tree(None)), "es")
    assert tree.translation == "draft"
    room = Room(build_quiz(tree, seed=1, cases=1))
    client: TestClient = TestClient(TestServer(make_classroom_app(  # type: ignore[type-arg]
        room, ClassConfig(key=KEY, join_address="http://127.0.0.1:8000/"))))
    await client.start_server()
    try:
        for path in ("/", f"/teach?key={KEY}"):
            page = unescape(await (await client.get(path)).text())
            assert 'lang="es"' in page
            assert f'<p class="hint draft">{t("draft_translation")}</p>' in page
    finally:
        await client.close()


@pytest.mark.parametrize(("body", "status"), [
    (b"case=abc&q0=x", 400),
    (b"case=" + b"9" * 5000 + b"&q0=x", 400),
    (b"case=99&q0=x", 303),  # a case long gone: "not counted"
    (b"case=0&q999=x&q-1=y&qq=z&" + b"q0=%FF%FE", 303),
    (b"case=0&q0=\xff\xfe", 400),
    (b"\x00\x01\x02", 400),
], ids=["not-a-number", "a-huge-number", "gone", "odd-names", "not-utf8", "not-a-form"])
async def test_odd_predictions_are_a_page_never_a_traceback(
        classroom: Any, body: bytes, status: int, caplog: pytest.LogCaptureFixture) -> None:
    learner = await classroom()
    await learner.open("/")
    response = await learner.client.post(
        "/predict", data=body, allow_redirects=False,
        headers={"Origin": learner.origin,
                 "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    assert response.status == status
    assert classroom.room.predicted == 0
    assert "Traceback" not in caplog.text and "request failed" not in caplog.text
