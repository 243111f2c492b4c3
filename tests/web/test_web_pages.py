"""The web pages, in-process: each kind of page, a whole route, signing, tampering, stale
state, cross-site posts, kiosk rules and downloads. No browser here (see test_web_browser.py)."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from collections.abc import Callable
from html import unescape
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
from wizard.web.app import SEALER
from wizard.web.state import Ended, Expired, Sealer, Stale, State, Tampered

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
    checking = await visitor.do("answer", "dry")
    assert "<h1>Check your answers</h1>" in checking
    return await visitor.do("summary")


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
    token = visitor.state
    flipped = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    foreign = Sealer(b"another secret", visitor.client.app[SEALER].version, Clock()).dump(  # type: ignore[index]
        State((("welcome", ()), ("danger", ("none",))), {}, "", True))
    for state in (flipped, foreign, "garbage", "a.b.c", token[:-3], "é" * 20, "x" * 100_000):
        page = await visitor.post(state=state, do="answer")
        assert visitor.status == 400, state[:20]
        assert "This page cannot be used" in page and 'href="/"' in page
        assert "Traceback" not in page


async def test_a_state_for_another_tree_version_is_stale(visitor: Visitor) -> None:
    old = Sealer(SECRET, "an older version", Clock()).dump(State(started=True))
    page = await visitor.post(state=old, do="answer")
    assert visitor.status == 409 and "The guide has been updated" in page


def test_sealer_round_trip_and_refusals() -> None:
    now = [5.0]
    sealer = Sealer(SECRET, "v1", clock=lambda: now[0], lifetime=100)
    state = State((("a", ("x", "y")),), {"a": ("x", "y")}, "light", True, visitor="v",
                  view="error", shown=("zz",), note="Sent")
    token = sealer.dump(state)
    assert sealer.load(token) == State(state.route, state.remembered, "light", True, 5, "v",
                                       "error", ("zz",), "Sent")
    with pytest.raises(Tampered):
        Sealer(b"another secret", "v1", clock=lambda: 5.0).load(token)
    with pytest.raises(Stale):
        Sealer(SECRET, "v2", clock=lambda: 5.0).load(token)
    now[0] = 105.0
    with pytest.raises(Expired):
        sealer.load(token)


def test_the_answers_cannot_be_read_from_the_token() -> None:
    sealer = Sealer(SECRET, "v1", Clock())
    token = sealer.dump(State((("kind", ("cactus_secret_answer",)),), {}, "", True))
    padded = token + "=" * (-len(token) % 4)
    raw = base64.urlsafe_b64decode(padded)
    for text in (token, raw.decode("latin-1")):
        assert "cactus" not in text and "kind" not in text
    assert "cactus" not in json.dumps(token)


def test_a_kiosk_visit_that_ended_no_longer_opens_and_a_restart_ends_all() -> None:
    sealer = Sealer(SECRET, "v1", Clock(), kiosk=True, lifetime=120)
    mine, theirs = (State(started=True, visitor=v) for v in ("mine", "theirs"))
    token, other = sealer.dump(mine), sealer.dump(theirs)
    sealer.end("mine")
    with pytest.raises(Ended):
        sealer.load(token)
    assert sealer.load(other).visitor == "theirs"  # another kiosk's visitor goes on
    with pytest.raises(Tampered):  # a new process: a new epoch
        Sealer(SECRET, "v1", Clock(), kiosk=True, lifetime=120).load(other)


async def test_a_replayed_route_that_does_not_fit_is_tampering(visitor: Visitor) -> None:
    sealer = Sealer(SECRET, visitor.client.app[SEALER].version, Clock())  # type: ignore[index]
    token = sealer.dump(State((("kind", ("fern",)),), {}, "", True))  # skips two steps
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
    summary_address = str(visitor.response.url)  # type: ignore[union-attr]
    page = await visitor.open("/print?s=" + visitor.state)
    assert visitor.status == 200
    assert '<link rel="stylesheet" href="/static/site.css">' in page  # styled within the CSP
    assert "<style" not in page and " style=" not in page
    for landmark in ("<header", "<main", "<nav", "<footer"):
        assert landmark in page
    assert "Water less" in page and "Back to the summary" in page
    back = page[page.index('href="/page?s='):].split('"')[1]
    again = await visitor.open(back)
    assert "<h1>Your plant plan</h1>" in again and "/page?s=" in summary_address


async def test_kiosk_has_no_save_but_a_way_out_and_an_idle_warning(make_visitor: Make, clock: Clock) -> None:
    visitor = await make_visitor(kiosk=True, idle_timeout=60, countdown=20)  # type: ignore[operator]
    welcome = await visitor.open()
    assert 'http-equiv="refresh"' not in welcome  # nothing to forget yet
    page = await walk_to_summary(visitor)
    assert "/save" not in page and "I&#39;m done" in page  # the vocabulary's words, escaped
    assert '<noscript><meta http-equiv="refresh" content="80;url=/reset?s=' in page
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


async def test_print_requests_at_once_are_one_job(make_visitor: Make, tmp_path: Path) -> None:
    """20 /print requests from one visit at the same moment send one job to the printer; the
    rest are told in words that it is already printing."""
    import asyncio
    import shlex
    import sys

    jobs, release = tmp_path / "jobs", tmp_path / "release"
    script = (
        "import pathlib, sys, time; sys.stdin.read(); "
        f"open({str(jobs)!r}, 'a').write('job\\n'); "
        f"[time.sleep(0.02) for _ in iter(lambda: pathlib.Path({str(release)!r}).exists(), True)]"
    )
    command = shlex.join([sys.executable, "-c", script])
    visitor = await make_visitor(kiosk=True, print_command=command)  # type: ignore[operator]
    await walk_to_summary(visitor)
    state = visitor.state
    first = asyncio.create_task(visitor.client.post(
        "/print", data={"state": state}, headers={"Origin": visitor.origin}))
    while not jobs.exists():  # bounded by the test's timeout: until the job has started
        await asyncio.sleep(0.02)
    answers = await asyncio.gather(*(visitor.client.post(
        "/print", data={"state": state}, headers={"Origin": visitor.origin}) for _ in range(19)))
    pages = [await answer.text() for answer in answers]
    assert all("already printing" in page for page in pages)
    release.touch()
    assert "Sent to the printer" in await (await first).text()
    assert jobs.read_text() == "job\n"


async def test_every_kiosk_page_resets_and_the_reset_ends_the_visit(make_visitor: Make) -> None:
    """Each kiosk page, the printable one too, carries a <noscript> refresh (and the script's
    address) to /reset after the idle time plus the countdown; /reset ends the visit, so the
    visitor's pages are "cleared" afterwards, as after "I'm done"."""
    visitor = await make_visitor(kiosk=True, idle_timeout=60.0)  # type: ignore[operator]
    pages = [await walk_to_summary(visitor)]
    summary_state = visitor.state
    pages.append(await visitor.open(f"/print?s={summary_state}"))
    pages.append(await visitor.post("/print", state=summary_state))
    for page in pages:
        assert visitor.status == 200
        refresh = re.search(r'http-equiv="refresh" content="90;url=(/reset\?s=[^"]+)"', page)
        assert refresh, page[:400]
        assert f'data-reset="{refresh.group(1)}"' in page
        assert "I&#39;m done" in page or "I'm done" in page
    await visitor.open(unescape(refresh.group(1)))
    assert visitor.response is not None and visitor.response.url.path == "/"
    again = await visitor.open(f"/page?s={summary_state}")
    assert visitor.status == 410 and "Water less" not in again
    assert "This session was cleared" in again
    for odd in ("", "not-a-token", "9" * 4000):  # nothing to end: still the welcome page
        await visitor.open(f"/reset?s={odd}")
        assert visitor.status == 200 and "Helping a tired houseplant" in visitor.page


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
    pages.append(await visitor.do("answer", "ritux"))  # check your answers
    pages.append(await visitor.do("summary"))  # the summary
    assert 'role="alert"' in pages[3] and "<h2>URGENT: get help now</h2>" in pages[-1]
    for number, page in enumerate(pages):
        assert CONTROL.search(page) is None
        parsed = Tags()
        parsed.feed(page)
        assert parsed.tags.count("script") == 1  # only the page's own enhance.js
        assert "img" not in parsed.tags and "iframe" not in parsed.tags
        for link in parsed.links:
            assert link.startswith("/page?s=") or link in ("/", "#content", "/go", "/save", "/print", "/static/site.css",
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
    assert "<title>Error: Is any of this happening right now?" in page


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


async def test_every_form_answers_with_an_address_to_load_again(visitor: Visitor) -> None:
    """POST-redirect-GET: the browser's history holds only addresses, none with an answer."""
    await visitor.open()
    response = await visitor.client.post("/go", data={"state": "", "do": "start"},
                                         headers={"Origin": visitor.origin},
                                         allow_redirects=False)
    assert response.status == 303 and response.headers["Location"].startswith("/page?s=")
    await walk_to_summary(visitor)
    address = str(visitor.response.url)  # type: ignore[union-attr]
    assert "/page?s=" in address
    for word in ("fern", "yellow", "droop", "dry", "kind"):
        assert word not in address
    again = await visitor.open(address[address.index("/page"):])
    assert visitor.status == 200 and "<h1>Your plant plan</h1>" in again


async def test_a_kiosk_visit_ended_by_im_done_never_opens_again(make_visitor: Make) -> None:
    visitor = await make_visitor(kiosk=True)  # type: ignore[operator]
    await walk_to_summary(visitor)
    address = str(visitor.response.url)  # type: ignore[union-attr]
    address = address[address.index("/page"):]
    state = visitor.state
    done = await visitor.post(state=state, do="done")
    assert "<h1>Helping a tired houseplant</h1>" in done
    for page in (await visitor.open(address), await visitor.post(state=state, do="back")):
        assert visitor.status == 410 and "Your plant plan" not in page


async def test_a_day_old_page_has_expired(visitor: Visitor, clock: Clock) -> None:
    await visitor.open()
    await visitor.do("start")
    clock.now += 24 * 60 * 60
    page = await visitor.do("answer")
    assert visitor.status == 410 and "This page has expired" in page


async def test_an_error_has_a_summary_at_the_top_linking_to_the_answer(visitor: Visitor) -> None:
    await visitor.open()
    await visitor.do("start")
    await visitor.do("answer")
    page = await visitor.do("answer")  # nothing picked
    summary = page[page.index('class="error-summary"'):page.index("</div>")]
    assert 'role="alert"' in summary and "autofocus" in summary
    assert "<h2" in summary and "There is a problem" in summary
    assert '<a href="#option-1">Please pick at least one answer.</a>' in summary
    assert page.index("error-summary") < page.index("<fieldset")  # at the top
    beside = page[page.index("<fieldset"):]
    assert 'id="error"' in beside and "Please pick at least one answer." in beside
    assert 'id="option-1"' in beside


async def test_start_over_asks_first_and_keeps_the_answers_when_told(visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    asked = await visitor.do("restart")
    assert "<h1>Start over?</h1>" in asked and "All your answers will be cleared." in asked
    kept = await visitor.do("keep")
    assert "<h1>Your plant plan</h1>" in kept and "Water less" in kept
    await visitor.do("restart")
    cleared = await visitor.do("clear")
    assert "<h1>Helping a tired houseplant</h1>" in cleared


def change_links(page: str) -> dict[str, str]:
    """Each "Change" link on "Check your answers", by the question it changes."""
    found = re.findall(r'<dt>([^<]*)</dt>\s*<dd>[^<]*</dd>\s*<dd class="change"><a href="([^"]*)"',
                       page)
    return {unescape(question): unescape(href) for question, href in found}


async def test_check_your_answers_lists_every_answer_with_a_change_link(
        visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    page = await visitor.do("check")  # from the summary
    assert "<h1>Check your answers</h1>" in page
    links = change_links(page)
    assert list(links) == ["Is any of this happening right now?", "What kind of plant is it?",
                           "What do you see?", "Is the air in the room dry?"]
    assert "<dd>Yellow leaves, Drooping</dd>" in page and "<dd>A fern</dd>" in page
    assert 'class="visually-hidden"> your answer to: What do you see?' in page
    changing = await visitor.open(links["What do you see?"])
    assert "<legend><h1>What do you see?</h1>" in changing
    assert 'value="yellow" id="option-1" checked' in changing
    back = await visitor.do("back")  # changed my mind: straight back to the list
    assert "<h1>Check your answers</h1>" in back and "<dd>Yellow leaves, Drooping</dd>" in back
    await visitor.open(links["What do you see?"])
    refused = await visitor.do("answer")  # nothing picked: the same question says so
    assert "There is a problem" in refused and "<legend><h1>What do you see?</h1>" in refused
    done = await visitor.do("answer", "spots")
    assert "<h1>Check your answers</h1>" in done and "<dd>Spots</dd>" in done
    assert "<dd>A fern</dd>" in done and "<dd>Yes, it is dry</dd>" in done  # the others kept
    assert "no longer fit" not in done
    summary = await visitor.do("summary")
    assert "<h1>Your plant plan</h1>" in summary and "Spots" in summary


async def test_a_change_to_another_route_asks_the_new_question_and_names_what_no_longer_fits(
        visitor: Visitor) -> None:
    await walk_to_summary(visitor)
    links = change_links(await visitor.do("check"))
    await visitor.open(links["What kind of plant is it?"])
    new = await visitor.do("answer", "cactus")
    assert "How often do you water it?" in new  # never answered: asked now
    symptoms = await visitor.do("answer", "weekly")
    assert 'value="yellow" id="option-1" checked' in symptoms  # the earlier answer offered
    checked = await visitor.do("answer", "yellow", "droop")
    assert "<h1>Check your answers</h1>" in checked and "<dd>A cactus</dd>" in checked
    notice = checked[checked.index('class="message"'):checked.index("</div>")]
    assert "These earlier answers no longer fit" in notice
    assert "<li>Is the air in the room dry?</li>" in notice
    assert "Is the air in the room dry?" not in change_links(checked)


async def test_a_kiosk_summary_offers_a_take_home_code_that_opens_elsewhere(
        make_visitor: Make, clock: Clock) -> None:
    public = await make_visitor()  # type: ignore[operator]
    kiosk = await make_visitor(kiosk=True, public_url="https://guide.clinic.example")  # type: ignore[operator]
    page = await walk_to_summary(kiosk)
    box = page[page.index('class="take-home"'):page.index("</section>", page.index("take-home"))]
    assert "Take your summary home" in box and "<svg" in box and 'role="img"' in box
    code = re.search(r'<p class="code"><strong>([0-9A-Z-]+)</strong>', box).group(1)  # type: ignore[union-attr]
    address = re.search(r'<p class="address">([^<]+)</p>', box).group(1)  # type: ignore[union-attr]
    assert address == "https://guide.clinic.example/h/" + code.replace("-", "")
    for word in ("fern", "yellow", "dry"):
        assert word not in address.lower()
    home = await public.open("/h/" + code.lower())  # typed from paper: case and dashes ignored
    assert public.status == 200 and "<h1>Your plant plan</h1>" in home
    assert "Yellow leaves, Drooping" in home and "take-home" not in home
    flipped = code[:10] + ("A" if code[10] != "A" else "B") + code[11:]
    for bad in (flipped, "hello", "x" * 300):
        await public.open("/h/" + bad)
        assert public.status == 400 and "This code cannot be used" in public.page
    clock.now += 25 * 3600
    await public.open("/h/" + code)
    assert public.status == 410 and "This code has expired" in public.page


async def test_no_take_home_code_without_a_public_address(make_visitor: Make) -> None:
    kiosk = await make_visitor(kiosk=True)  # type: ignore[operator]
    assert "take-home" not in await walk_to_summary(kiosk)
