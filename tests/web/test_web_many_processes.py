"""Many `wizard serve` processes behind one address: any process serves any visitor's next
page when they share WIZARD_SECRET, a restarted process loses nobody's answers, each answers
/health, and their access logs name pages, never answers.

Real processes on loopback; each request goes to the next process in turn, as a round-robin
proxy would send it (the redirect after each form is followed on yet another process)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from tests.web.test_serve_e2e import ROOT, free_port, stop, wait_for_port

pytestmark = pytest.mark.e2e
TREE = "tests/trees/example.yaml"
STATE = re.compile(r'name="state" value="([^"]*)"')
H1 = re.compile(r"<h1>(.*?)</h1>")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Server:
    def __init__(self, folder: Path, number: int, secret: str) -> None:
        self.port = free_port()
        self.log = folder / f"server-{number}.log"
        self.secret = secret
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "WIZARD_SECRET": self.secret}
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "wizard", "serve", TREE, "--port", str(self.port)],
                cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, env=env)
        wait_for_port(self.port, self.process, self.log)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    made = [Server(tmp_path, n, "one secret for every process") for n in range(3)]
    try:
        for server in made:
            server.start()
        yield made
    finally:
        for server in made:
            server.stop()


def get(server: Server, path: str) -> str:
    with OPENER.open(server.base + path, timeout=30) as response:
        text: str = response.read().decode()
        return text


def post(server: Server, state: str, **fields: str) -> str:
    """Post a form; returns the address it redirects to."""
    data = urllib.parse.urlencode({"state": state, **fields}).encode()
    request = urllib.request.Request(server.base + "/go", data=data,
                                     headers={"Origin": server.base})
    try:
        OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 303, redirect.read().decode()
        return str(redirect.headers["Location"])
    pytest.fail("a form was not answered with a redirect")


def test_any_process_serves_the_next_page_and_a_restart_loses_nothing(
        servers: list[Server]) -> None:
    turn = iter(range(1000))

    def next_server() -> Server:
        return servers[next(turn) % len(servers)]

    page = get(next_server(), "/")
    steps = [{"do": "start"}, {"do": "answer"}, {"do": "answer", "option": "none"},
             {"do": "answer", "option": "fern"}]
    for fields in steps:
        address = post(next_server(), unescape(STATE.search(page).group(1)), **fields)  # type: ignore[union-attr]
        page = get(next_server(), address)
    assert H1.search(page).group(1) == "What do you see?"  # type: ignore[union-attr]
    for server in servers:  # every process restarts: the visitor's answers are in the page
        server.stop()
        server.start()
    state = unescape(STATE.search(page).group(1))  # type: ignore[union-attr]
    data = urllib.parse.urlencode([("state", state), ("do", "answer"), ("option", "yellow")])
    request = urllib.request.Request(servers[0].base + "/go", data=data.encode(),
                                     headers={"Origin": servers[0].base})
    try:
        OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as redirect:
        address = str(redirect.headers["Location"])
    page = get(servers[1], address)
    assert H1.search(page).group(1) == "Is the air in the room dry?"  # type: ignore[union-attr]
    address = post(servers[2], unescape(STATE.search(page).group(1)), do="answer",  # type: ignore[union-attr]
                   option="dry")
    page = get(servers[0], address)
    assert "<h1>Check your answers</h1>" in page and "<dd>A fern</dd>" in page
    for server in servers:
        health = json.loads(get(server, "/health"))
        assert health["status"] == "ok" and health["tree"] == "garden"
    logs = "".join(server.log.read_text() for server in servers)
    assert "GET /page 200" in logs and "POST /go 303" in logs
    for secret in ("s=", "fern", "yellow", "dry", state[:20]):
        assert secret not in logs, secret


def test_a_process_with_another_secret_refuses_the_page(servers: list[Server],
                                                        tmp_path: Path) -> None:
    stranger = Server(tmp_path, 9, "another secret")
    stranger.start()
    try:
        page = get(servers[0], "/")
        address = post(servers[0], unescape(STATE.search(page).group(1)), do="start")  # type: ignore[union-attr]
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(stranger, address)
        assert refused.value.code == 400
    finally:
        stranger.stop()
