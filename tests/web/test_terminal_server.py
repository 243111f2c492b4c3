"""The terminal-in-browser server's limits, against a real aiohttp server on 127.0.0.1.

Each tab's app is tests/web/fake_app.py, which speaks textual-serve's protocol, records its
arguments and answers every packet it reads, so a test knows exactly what reached the app.
Nothing here measures time: a test waits for an answer, and `within` only stops a test that
would otherwise hang (the failure textual-serve's own bridge shows for several of these).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from wizard.web.terminal_server import Limits, TabSession, TerminalServer

FAKE_APP = Path(__file__).with_name("fake_app.py")
HANG_GUARD_SECONDS = 8  # only ends a test that would hang; never a measure of speed
T = TypeVar("T")


async def within(step: Awaitable[T]) -> T:
    return await asyncio.wait_for(step, HANG_GUARD_SECONDS)


@dataclass
class Harness:
    server: TerminalServer
    client: TestClient[Any, Any]
    records: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.client.port}"

    async def open_tab(self, query: str = "", **headers: str) -> aiohttp.ClientWebSocketResponse:
        """A tab's WebSocket, once its app has started (it says "ready")."""
        headers.setdefault("Origin", self.origin)
        websocket = await within(self.client.ws_connect(f"/ws{query}", headers=headers))
        assert await within(websocket.receive_bytes()) == b"ready"
        return websocket

    def started(self) -> list[dict[str, Any]]:
        """What every app that started recorded about itself."""
        return [json.loads(path.read_text()) for path in sorted(self.records.glob("*.json"))]


@asynccontextmanager
async def serving(tmp_path: Path, mode: str = "echo", host: str = "127.0.0.1",
                  public_url: str | None = None, **limits: Any) -> AsyncIterator[Harness]:
    records = tmp_path / "records"
    records.mkdir()
    server = TerminalServer(
        [sys.executable, str(FAKE_APP), str(records), mode], host=host, port=8000,
        title="Test tree", public_url=public_url,
        limits=Limits(stop_grace_seconds=0.2, **limits),
    )
    client: TestClient[Any, Any] = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        yield Harness(server, client, records)
    finally:
        await within(client.close())
        await within(server.wait_idle())


async def answer(websocket: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    """The fake app's description of the next packet it read."""
    reply: dict[str, Any] = json.loads(await within(websocket.receive_bytes()))
    return reply


# -- origin ------------------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {},  # no Origin at all
    {"Origin": "http://evil.example:{port}", "Host": "evil.example:{port}"},  # DNS rebinding
    {"Origin": "http://[::1"},
    {"Origin": "http://[::1", "Host": "[::1"},
])
async def test_a_page_from_elsewhere_cannot_open_a_session(
        tmp_path: Path, headers: dict[str, str]) -> None:
    async with serving(tmp_path) as tabs:
        headers = {name: value.format(port=tabs.client.port) for name, value in headers.items()}
        if "Origin" not in headers:
            headers["Origin"] = ""
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await within(tabs.client.ws_connect("/ws", headers=headers))
        assert refused.value.status == 403
        assert tabs.started() == []
        assert not tabs.server.sessions


async def test_the_servers_own_page_and_public_url_may_open_sessions(tmp_path: Path) -> None:
    async with serving(tmp_path, public_url="https://wizard.example.org/") as tabs:
        await (await tabs.open_tab()).close()
        await (await tabs.open_tab(Origin="https://wizard.example.org")).close()
        await (await tabs.open_tab(Origin=f"http://localhost:{tabs.client.port}",
                                   Host=f"localhost:{tabs.client.port}")).close()
        assert len(tabs.started()) == 3


# -- session cap -------------------------------------------------------------------------------
async def test_a_tab_beyond_the_cap_gets_a_busy_page_and_no_process(tmp_path: Path) -> None:
    async with serving(tmp_path, max_sessions=1) as tabs:
        first = await tabs.open_tab()
        page = await within(tabs.client.get("/"))
        assert page.status == 503
        assert "All sessions are in use" in await page.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await within(tabs.client.ws_connect("/ws", headers={"Origin": tabs.origin}))
        assert refused.value.status == 503
        assert len(tabs.started()) == 1
        await first.close()
        await within(tabs.server.wait_idle())
        page = await within(tabs.client.get("/"))
        assert page.status == 200


# -- resize ------------------------------------------------------------------------------------
async def test_sizes_are_clamped_to_a_screen_a_person_can_have(tmp_path: Path) -> None:
    async with serving(tmp_path) as tabs:
        tab = await tabs.open_tab("?width=100000&height=100000")
        assert (tabs.started()[0]["columns"], tabs.started()[0]["rows"]) == ("500", "200")
        sizes = [(100000, 100000), (1, -5), ("abc", None), (True, 3.5), (120, 40)]
        for width, height in sizes:
            await tab.send_json(["resize", {"width": width, "height": height}])
        got = [(meta["width"], meta["height"])
               for meta in [(await answer(tab))["meta"] for _ in sizes]]
        assert got == [(500, 200), (20, 10), (80, 24), (80, 24), (120, 40)]
        await tab.close()


# -- the app ends with its connection -----------------------------------------------------------
async def test_an_app_that_will_not_quit_ends_with_its_connection(tmp_path: Path) -> None:
    async with serving(tmp_path, mode="stubborn") as tabs:
        tab = await tabs.open_tab()
        pid = tabs.started()[0]["pid"]
        await tab.close()
        await within(tabs.server.wait_idle())
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


# -- input floods ------------------------------------------------------------------------------
async def test_a_message_too_large_for_a_keystroke_never_reaches_the_app(tmp_path: Path) -> None:
    async with serving(tmp_path, max_input_bytes=1000) as tabs:
        tab = await tabs.open_tab()
        await tab.send_json(["stdin", "x" * 1001])
        await tab.send_json(["stdin", "y" * 1000])
        assert await answer(tab) == {"kind": "D", "size": 1000, "meta": None}
        (session,) = tabs.server.sessions
        assert (session.dropped_messages, session.dropped_bytes) == (1, 1001)
        await tab.close()


async def test_malformed_messages_are_ignored(tmp_path: Path) -> None:
    async with serving(tmp_path) as tabs:
        tab = await tabs.open_tab()
        for junk in ["not json", "{}", "[]", '["stdin", 5]', '["resize", "big"]', "[null]"]:
            await tab.send_str(junk)
        await tab.send_json(["stdin", "a"])
        assert await answer(tab) == {"kind": "D", "size": 1, "meta": None}
        await tab.close()


async def test_a_flood_at_a_stuck_app_is_dropped_and_the_tab_stays_responsive(
        tmp_path: Path) -> None:
    """The app reads nothing; the server keeps at most `max_pending` messages for it."""
    async with serving(tmp_path, mode="stubborn", max_pending=16) as tabs:
        tab = await tabs.open_tab()
        for _ in range(1000):
            await tab.send_json(["stdin", "k" * 1000])
        await tab.send_json(["ping", "after the flood"])
        assert await within(tab.receive_json()) == ["pong", "after the flood"]
        (session,) = tabs.server.sessions
        assert session.pending <= 16
        assert session.dropped_messages >= 1000 - 16 - 200  # a pipe holds ~130 such messages
        await tab.close()


def test_the_queue_for_the_app_holds_a_bounded_count() -> None:
    async def nothing(*_: object) -> None:
        return None

    async def check() -> None:
        session = TabSession(["app"], write_bytes=nothing, write_str=nothing, close=nothing,
                             download_manager=DownloadManager(),
                             limits=Limits(max_pending=8, max_input_bytes=100))
        accepted = [session.offer_input("k" * 50) for _ in range(100)]
        assert accepted == [True] * 8 + [False] * 92
        assert session.pending == 8
        packet_size = 1 + 4 + 50
        assert (session.dropped_messages, session.dropped_bytes) == (92, 92 * packet_size)

    asyncio.run(check())


# -- each tab saves to its own place --------------------------------------------------------------
async def test_each_tab_saves_to_its_own_private_folder_removed_when_it_closes(
        tmp_path: Path) -> None:
    async with serving(tmp_path) as tabs:
        first, second = await tabs.open_tab(), await tabs.open_tab()
        folders = [Path(record["argv"][-1]) for record in tabs.started()]
        assert [record["argv"][-2] for record in tabs.started()] == ["--save-dir"] * 2
        assert folders[0] != folders[1]
        assert all(folder.is_dir() for folder in folders)
        assert [record["save_dir_mode"] for record in tabs.started()] == [0o700] * 2
        await first.close()
        await second.close()
        await within(tabs.server.wait_idle())
        assert not any(folder.exists() for folder in folders)


# -- the page ------------------------------------------------------------------------------------
async def test_the_page_points_at_the_address_it_was_opened_at(tmp_path: Path) -> None:
    async with serving(tmp_path, host="0.0.0.0") as tabs:
        page = await within(tabs.client.get("/", headers={"Host": "192.168.1.20:8000"}))
        html = await page.text()
        assert page.status == 200
        assert 'data-session-websocket-url="ws://192.168.1.20:8000/ws"' in html
        assert 'href="http://192.168.1.20:8000/static/css/xterm.css"' in html
        assert "0.0.0.0" not in html
        for stranger in ("evil.example", "[::1", ""):
            refused = await within(tabs.client.get("/", headers={"Host": stranger}))
            assert refused.status == 421


async def test_a_public_url_is_what_the_page_uses(tmp_path: Path) -> None:
    async with serving(tmp_path, host="0.0.0.0", public_url="https://wizard.example.org") as tabs:
        html = await (await within(tabs.client.get("/"))).text()
        assert 'data-session-websocket-url="wss://wizard.example.org/ws"' in html


async def test_the_page_asks_no_other_site_and_has_a_title_and_a_language(
        tmp_path: Path) -> None:
    async with serving(tmp_path) as tabs:
        html = await (await within(tabs.client.get("/"))).text()
    assert "googleapis" not in html and "fonts.g" not in html
    assert re.findall(r'(?:href|src)="(https?://[^"]*)"', html) == [
        url for url in re.findall(r'(?:href|src)="(https?://[^"]*)"', html)
        if url.startswith("http://127.0.0.1")]
    assert '<html lang="en">' in html
    assert "<title>Test tree</title>" in html and "Test tree</div>" in html  # and the banner


def test_the_textual_serve_seams_this_module_uses_are_there() -> None:
    """A textual-serve release that moves them must fail here, not in a visitor's tab."""
    for name in ("_build_environment", "encode_packet", "run", "start", "stop"):
        assert callable(getattr(AppService, name)), name
    for name in ("_make_app", "handle_index", "handle_websocket", "on_shutdown"):
        assert callable(getattr(Server, name)), name
    service = AppService("x", write_bytes=None, write_str=None, close=None,
                         download_manager=DownloadManager())
    for attribute in ("_process", "_stdin", "_task", "_download_manager", "app_service_id"):
        assert hasattr(service, attribute), attribute
