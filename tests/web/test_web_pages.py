"""The web pages, in-process: each kind of page, a whole route, signing, tampering, stale
state, cross-site posts, kiosk rules and downloads. No browser here (see test_web_browser.py)."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.render.test_hostile_text import (
    BREAKOUT_URL,
    CONTROL,
    IMAGE,
    JS_URL,
    SCRIPT,
    TITLE_SEQUENCE,
)
from tests.web.conftest import SECRET, Clock
from tests.web.visitor import Visitor
from wizard.model.loader import load_tree
from wizard.model.tree import Source, Tree
from wizard.web.app import SIGNER
from wizard.web.state import Signer, Stale, State, Tampered

Make = Callable[..., object]
TREES = Path(__file__).parents[1] / "trees"
QUOTE = '"><b onmouseover=x>'


async def walk_to_summary(visitor: Visitor) -> str:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")  # welcome (info)
    await visitor.do("answer", "none")
    await visitor.do("answer", "fern")
    await visitor.do("answer", "yellow", "droop")
    return await visitor.do("answer", "dry")


async def test_welcome_page_is_a_form_with_safe_headers(visitor: Visitor) -> None:
    page = await visitor.open()
    assert visitor.status == 200
    assert "<h1>Helping a tired houseplant</h1>" in page
    assert 'value="start"' in page
    headers = visitor.response.headers  # type: ignore[union-attr]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "form-action 'self'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers


async def test_each_question_kind_is_a_real_form(visitor: Visitor) -> None:
    await visitor.open()
    info = await visitor.do("start")
    assert "<h1>Welcome</h1>" in info and 'name="option"' not in info
    multi = await visitor.do("answer")
    assert "<fieldset" in multi and "<legend><h1>Is any of this happening right now?</h1>" in multi
    assert multi.count('<input type="checkbox" name="option"') == 3
    assert '<label for="option-1">Smoke from the lamp</label>' in multi
    assert 'aria-describedby="question-hint"' in multi
    choice = await visitor.do("answer", "none")
    assert choice.count('<input type="radio" name="option"') == 3
    assert 'aria-describedby="option-1-hint"' in choice  # the cactus' hint: "Spiky and thick."
    assert "Question 2 of about" in choice  # questions are counted, not the welcome page


async def test_a_whole_route_ends_in_the_summary_from_the_outline(visitor: Visitor) -> None:
    page = await walk_to_summary(visitor)
    assert "<h1>Your plant plan</h1>" in page
    assert "<h2>At a glance</h2>" in page and "<h2>What you told us</h2>" in page
    assert "Water less" in page and "Raise the humidity" in page
    assert "Yellow leaves, Drooping" in page


async def test_a_red_flag_gives_an_alert_page_then_goes_on(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    alert = await visitor.do("answer", "fire", "pets")
    assert 'role="alert"' in alert and "URGENT: get help now" in alert
    assert alert.count("<h2>") == 2  # both flags, each named
    page = await visitor.do("continue")
    assert "What kind of plant is it?" in page
    assert 'class="urgent-reminder"' in page  # the advice stays in view, not re-announced


async def test_a_wrong_answer_is_said_next_to_the_question(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    page = await visitor.do("answer")  # nothing picked
    assert 'role="alert"' in page and "Please pick at least one answer." in page
    assert 'aria-describedby="error question-hint"' in page
    page = await visitor.do("answer", "fire", "none")
    assert "cannot be picked together" in page


async def test_back_keeps_the_earlier_answer_selected(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    await visitor.do("answer", "none")
    page = await visitor.do("back")
    assert "Is any of this happening right now?" in page
    assert 'value="none" id="option-3" checked' in page


async def test_a_changed_state_gets_a_page_that_starts_over(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    body, mac = visitor.state.split(".")
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    data["r"] = [["welcome", []], ["danger", ["none"]]]  # answers never given
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    for state in (f"{forged}.{mac}", "garbage", "a.b.c", visitor.state[:-3], "x" * 100_000):
        page = await visitor.post(state=state, do="answer")
        assert visitor.status == 400, state[:20]
        assert "This page cannot be used" in page and 'href="/"' in page
        assert "Traceback" not in page


async def test_a_state_for_another_tree_version_is_stale(visitor: Visitor) -> None:
    old = Signer(SECRET, "an older version").dump(State(started=True))
    page = await visitor.post(state=old, do="answer")
    assert visitor.status == 409 and "The guide has been updated" in page


def test_signer_round_trip_and_refusals() -> None:
    signer = Signer(SECRET, "v1", clock=lambda: 5.0)
    state = State((("a", ("x", "y")),), {"a": ("x", "y")}, "light", True)
    token = signer.dump(state)
    assert signer.load(token) == State(state.route, state.remembered, "light", True, 5)
    with pytest.raises(Tampered):
        Signer(b"another secret", "v1").load(token)
    with pytest.raises(Stale):
        Signer(SECRET, "v2").load(token)


async def test_a_replayed_route_that_does_not_fit_is_tampering(visitor: Visitor) -> None:
    signer = Signer(SECRET, visitor.client.app[SIGNER].version)  # type: ignore[index]
    token = signer.dump(State((("kind", ("fern",)),), {}, "", True))  # skips two steps
    await visitor.post(state=token, do="answer")
    assert visitor.status == 400


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
    {"Referer": "https://evil.example/page"},
    {"Sec-Fetch-Site": "cross-site"},
])
async def test_a_post_from_another_site_is_refused(visitor: Visitor, headers: dict[str, str]) -> None:
    await visitor.open()
    page = await visitor.post(headers=headers, do="start")
    assert visitor.status == 403 and "This form came from another site" in page


async def test_a_post_from_this_site_is_taken(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.post(headers={"Referer": f"{visitor.origin}/"}, do="start")
    assert visitor.status == 200 and "<h1>Welcome</h1>" in visitor.page


async def test_a_stranger_host_name_is_refused(visitor: Visitor) -> None:
    response = await visitor.client.get("/", headers={"Host": "rebound.evil.example"})
    assert response.status == 421


async def test_save_downloads_markdown_and_html(visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    state = visitor.state
    markdown = await visitor.post("/save", state=state, format="md")
    headers = visitor.response.headers  # type: ignore[union-attr]
    assert headers["Content-Disposition"] == 'attachment; filename="garden-summary.md"'
    assert headers["Content-Type"].startswith("text/markdown")
    assert "# Your plant plan" in markdown
    html = await visitor.post("/save", state=state, format="html")
    assert visitor.response.headers["Content-Disposition"].endswith('-summary.html"')  # type: ignore[union-attr]
    assert html.startswith("<!DOCTYPE html>") and "Water less" in html


async def test_save_downloads_the_answers_as_a_fhir_response(visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    body = await visitor.post("/save", state=visitor.state, format="fhir")
    headers = visitor.response.headers  # type: ignore[union-attr]
    assert headers["Content-Disposition"] == 'attachment; filename="garden-summary.fhir.json"'
    assert headers["Content-Type"].startswith("application/fhir+json")
    response = QuestionnaireResponse.model_validate(json.loads(body))
    assert response.status == "completed" and response.item


async def test_print_without_a_command_gives_a_printable_page(visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    page = await visitor.post("/print", state=visitor.state)
    assert "@media print" in page and "<form" not in page


async def test_kiosk_has_no_save_but_a_way_out_and_an_idle_warning(make_visitor: Make, clock: Clock) -> None:
    visitor = await make_visitor(kiosk=True, idle_timeout=60, countdown=20)  # type: ignore[operator]
    welcome = await visitor.open()
    assert 'http-equiv="refresh"' not in welcome  # nothing to forget yet
    page = await walk_to_summary(visitor)
    assert "/save" not in page and "I&#39;m done" in page  # the vocabulary's words, escaped
    assert '<noscript><meta http-equiv="refresh" content="80;url=/"></noscript>' in page
    assert 'data-idle="60" data-forget="80"' in page
    assert "Still there?" in page and 'href="/kiosk.css"' in page
    css = await (await visitor.client.get("/kiosk.css")).text()
    assert "animation-delay: 60s" in css
    state = visitor.state
    await visitor.post("/save", state=state, format="md")
    assert visitor.status == 403
    clock.now += 81  # the page would have refreshed by now: its state is no longer taken
    page = await visitor.post(state=state, do="still")
    assert visitor.status == 410 and "answers were cleared" in page
    done = await visitor.post(state="", do="restart")
    assert "<h1>Helping a tired houseplant</h1>" in done


async def test_kiosk_print_command_prints_the_summary_text(make_visitor: Make, tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "printed.txt"
    visitor = await make_visitor(kiosk=True, print_command=f"tee {out}")  # type: ignore[operator]
    await walk_to_summary(visitor)
    page = await visitor.post("/print", state=visitor.state)
    assert 'role="status"' in page and "Sent to the printer" in page
    assert "Water less" in out.read_text()


async def test_the_theme_choice_travels_with_the_answers(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    page = await visitor.post(do="theme", theme="high-contrast")
    assert '<html lang="en" class="theme-high-contrast">' in page
    page = await visitor.do("answer")
    assert 'class="theme-high-contrast"' in page
    page = await visitor.post(do="theme", theme="</html><script>")
    assert 'class="theme-high-contrast"' in page


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src", "action")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_pages_tree() -> Tree:
    """tests/trees/hostile.yaml with a script, an image, a breakout attribute and control
    characters added in memory to every node's words (the checker refuses control characters
    in a file) and a source whose address would leave its attribute or run a script."""
    tree = load_tree(TREES / "hostile.yaml")

    def worse(text: str) -> str:
        return f"{text} {SCRIPT} {IMAGE} {QUOTE} {TITLE_SEQUENCE}end" if text else text

    nodes = {
        key: dataclasses.replace(
            node, prompt=worse(node.prompt), text=worse(node.text), help=worse(node.help),
            title=worse(node.title),
            options=tuple(dataclasses.replace(o, label=worse(o.label), help=worse(o.help))
                          for o in node.options))
        for key, node in tree.nodes.items()
    }
    sources = {"leaflet": Source("leaflet", worse("Leaflet"), "", BREAKOUT_URL),
               "js": Source("js", "JS", "", JS_URL)}
    return dataclasses.replace(tree, nodes=nodes, sources=sources,
                               description=worse(tree.description), language='en" onload="x')


async def test_hostile_tree_text_stays_text(make_visitor: Make) -> None:
    visitor = await make_visitor(hostile_pages_tree())  # type: ignore[operator]
    pages = [await visitor.open(), await visitor.do("start")]
    pages.append(await visitor.do("answer"))  # welcome (info) -> danger (multi)
    pages.append(await visitor.do("answer", "urgent"))  # red flag
    pages.append(await visitor.do("continue"))  # pause (info)
    pages.append(await visitor.do("answer"))  # drug (choice)
    pages.append(await visitor.do("answer", "ritux"))  # the summary
    assert 'role="alert"' in pages[3] and "<h2>URGENT: get help now</h2>" in pages[-1]
    for number, page in enumerate(pages):
        assert CONTROL.search(page) is None
        parsed = Tags()
        parsed.feed(page)
        assert parsed.tags.count("script") == 1  # only the page's own enhance.js
        assert "img" not in parsed.tags and "iframe" not in parsed.tags
        for link in parsed.links:
            assert link in ("/", "#content", "/go", "/save", "/print", "/static/site.css",
                            "/static/enhance.js", "https://example.org/line",
                            "https://ok.example/a%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"), link
        shown = "".join(parsed.text)
        assert number == 3 or SCRIPT in shown  # the words are there, as words
    assert '<html lang="en"' in pages[0]


def test_the_pages_offer_the_apps_themes() -> None:
    from wizard.tui.themes import DEFAULT_THEME, THEME_NAMES
    from wizard.web import pages

    assert tuple(pages.THEMES) == THEME_NAMES and pages.DEFAULT_THEME == DEFAULT_THEME
    css = (Path(pages.__file__).parent / "static" / "site.css").read_text()
    assert all(f"html.theme-{name}" in css for name in THEME_NAMES if name != DEFAULT_THEME)


async def test_an_error_is_in_the_title_read_first(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    page = await visitor.do("answer")
    assert "<title>Please check your answer: Is any of this happening right now?" in page


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/no/such/page", 404),
    ("GET", "/go", 405),
    ("GET", "/static/../app.py", 404),
    ("GET", "/static/%2e%2e/app.py", 404),
])
async def test_odd_requests_get_a_page_not_a_traceback(
        visitor: Visitor, method: str, path: str, status: int) -> None:
    response = await visitor.client.request(method, path)
    page = await response.text()
    assert response.status == status
    assert "<h1>This page does not exist</h1>" in page and "Traceback" not in page
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


async def test_an_oversized_form_is_refused_with_a_page(visitor: Visitor) -> None:
    await visitor.open()
    page = await visitor.post(do="answer", option=["x" * 1000] * 200)
    assert visitor.status == 413 and "<h1>This form is too large</h1>" in page


async def test_a_posted_option_is_quoted_back_as_text(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    page = await visitor.do("answer", "<b>\x1b]0;x\x07")
    assert "&#39;&lt;b&gt;]0;x&#39; is not one of the answers here" in page
