"""`wizard serve` end to end: a real server process, a real headless Chromium, keys only.

What it proves: the page loads from the server, the browser's terminal connects to a fresh app
process, keystrokes reach the app, and a person can go from the welcome screen to the summary.

Reading the screen: textual-serve draws with xterm.js on a canvas, so the text is not in the
page's DOM. The test serves the browser a copy of textual-serve's own textual.js with one line
added that keeps a reference to the xterm `Terminal` (`window.__wizardTerminal`), then reads
the visible rows from its buffer (`buffer.active.getLine(y).translateToString()`), which is the
text exactly as drawn. If a textual-serve release changes that script, the test fails saying so.

Needs: Chromium at /usr/bin/chromium (Debian: `apt-get install chromium`) and the Playwright
Python package; no browser is downloaded. Only 127.0.0.1 is contacted: every other request (the
page asks for a Google font) is refused.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TREE = "tests/trees/example.yaml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Upper bounds only a hung server or browser reaches (each wait ends as soon as its text shows),
# generous because a busy 2-core machine can be slow to start Chromium: never a measurement.
SERVER_START_SECONDS = 120
SCREEN_SECONDS = 60
# One statement added after xterm's `terminal.open(element)` in textual-serve's textual.js.
TERMINAL_OPEN = re.compile(r"(this\.terminal\.open\(\w+\),)")
KEEP_TERMINAL = "window.__wizardTerminal=this.terminal,"
READ_SCREEN = """() => {
  const terminal = window.__wizardTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command(port: int) -> list[str]:
    return [sys.executable, "-m", "wizard", "serve", TREE, "--terminal", "--port", str(port)]


def wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server did not answer on port {port} in {SERVER_START_SECONDS}s:\n"
                f"{log.read_text()}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and the app processes it started (they share its process group)."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            serve_command(port), cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    try:
        wait_for_port(port, server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(server)


class Screen:
    """The browser page's terminal, read as text; keys typed into it."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def text(self) -> str:
        text: str | None = self.page.evaluate(READ_SCREEN)
        return text or ""

    def wait_for(self, words: str) -> str:
        """Wait (bounded) until `words` are on screen; return the screen."""
        deadline = time.monotonic() + SCREEN_SECONDS
        while time.monotonic() < deadline:
            screen = self.text()
            if words in screen:
                return screen
            time.sleep(0.1)
        pytest.fail(f"{words!r} did not appear in {SCREEN_SECONDS}s; the screen:\n{self.text()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)


def keep_terminal(found: list[bool]) -> Callable[[Route], None]:
    """A route handler serving textual.js with the line that keeps the terminal added.

    Appends to `found` whether the place to add it was there, so a changed script is reported
    as such rather than as a page that never shows text.
    """

    def handle(route: Route) -> None:
        response = route.fetch()
        script, count = TERMINAL_OPEN.subn(r"\1" + KEEP_TERMINAL, response.text(), count=1)
        found.append(count == 1)
        route.fulfill(response=response, body=script)

    return handle


def loopback_only(route: Route) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.fallback()
    else:
        route.abort()


@pytest.fixture
def page(server_url: str) -> Iterator[Page]:
    # `make test` installs both; a missing browser must fail loudly, never pass as a skip.
    assert Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM}: run `make test` (apt chromium)"
    import playwright.sync_api as sync_api
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=SCREEN_SECONDS * 1000
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(SCREEN_SECONDS * 1000)
            page.route("**/*", loopback_only)
            found: list[bool] = []
            page.route("**/static/js/textual.js", keep_terminal(found))
            page.goto(server_url)
            if found != [True]:
                pytest.fail("textual-serve's textual.js no longer has `this.terminal.open(...)`; "
                            "update TERMINAL_OPEN so the test can read the screen")
            page.wait_for_function("() => window.__wizardTerminal !== undefined")
            page.locator(".xterm-helper-textarea").focus()
            yield page
        finally:
            browser.close()


def test_from_welcome_to_summary_by_keyboard(page: Page) -> None:
    screen = Screen(page)
    screen.wait_for("Helping a tired houseplant")  # the welcome screen
    screen.press("Enter")
    screen.wait_for("We will ask a few questions about your plant.")
    screen.press("Enter")
    screen.wait_for("Is any of this happening right now?")
    screen.press("3", "Enter")  # none of these
    screen.wait_for("What kind of plant is it?")
    screen.press("2")  # a fern
    screen.wait_for("What do you see?")
    screen.press("1", "3", "Enter")  # yellow leaves, drooping
    screen.wait_for("Is the air in the room dry?")
    screen.press("1")  # yes
    screen.wait_for("Press the key beside an answer to change it")  # "Check your answers"
    screen.press("Enter")
    summary = screen.wait_for("Your plant plan")
    assert "Yellow leaves, Drooping" in summary  # what was answered
    assert "Water less" in summary  # yellow leaves
    assert "Raise the humidity" in summary  # a fern in dry air


def test_terminal_pages_carry_the_html_pages_protection(server_url: str) -> None:
    """Before: the terminal page had no CSP, could be framed and kept by the browser, and
    /static/ listed its folders."""
    import urllib.error
    import urllib.request

    with urllib.request.urlopen(server_url, timeout=SCREEN_SECONDS) as answer:
        headers = answer.headers
        page = answer.read().decode("utf-8")
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self' 'sha256-" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert headers["X-Frame-Options"] == "DENY" and headers["Cache-Control"] == "no-store"
    assert "<script>" in page  # the inline script the hash allows
    for folder in ("static/", "static/js/", "static/css/"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server_url + folder, timeout=SCREEN_SECONDS)
        assert refused.value.code in (403, 404)
        assert refused.value.headers["X-Frame-Options"] == "DENY"
    with urllib.request.urlopen(server_url + "static/js/textual.js",
                                timeout=SCREEN_SECONDS) as script:
        assert script.headers["Cache-Control"] == "no-store"
