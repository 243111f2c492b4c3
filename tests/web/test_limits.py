"""What one client can take from the web server (wizard.web.limits), over real sockets.

Before: 1,100 slow connections from one client held every file the server could open, so every
other visitor was locked out, and asyncio logged a traceback for each refused accept (277 MB in
100 s); a head sent byte by byte was held for 75 s, a body forever; a client that hung up in the
middle of its form left a traceback and a 500 in the log.

Each server here listens in this test's own event loop with short limits. Nothing is timed: a
test waits for what the server does (an answer, a close), and HANG_GUARD_SECONDS only ends a
test that would otherwise hang.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.conftest import SECRET, Clock
from tests.web.test_web_pages import walk_to_summary
from tests.web.visitor import Visitor
from wizard.model.loader import load_tree
from wizard.web.app import WebConfig, make_app
from wizard.web.limits import (
    ConnectionLimits,
    Listening,
    SummedLog,
    client_of,
    listen,
    quiet_accept_errors,
)

EXAMPLE = Path(__file__).parents[1] / "trees" / "example.yaml"
HANG_GUARD_SECONDS = 30
HOST = "127.0.0.1"
OTHER_CLIENT = "127.0.0.2"  # another address of this machine: another client


@asynccontextmanager
async def serving(**limits: float) -> AsyncIterator[Listening]:
    """The guide's pages on a free port of 127.0.0.1, behind `limits`."""
    app = make_app(WebConfig(load_tree(EXAMPLE), b"test secret"))
    options: dict[str, float] = {"report_seconds": 3600.0, **limits}
    listening = await listen(app, HOST, 0, ConnectionLimits(**options))  # type: ignore[arg-type]
    try:
        yield listening
    finally:
        await listening.close()


async def connect(listening: Listening, source: str = HOST) -> tuple[
        asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(HOST, listening.port, local_addr=(source, 0))


def get(path: str, port: int) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n".encode()


async def answer(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection (b"" when it sent nothing)."""
    try:
        return await asyncio.wait_for(reader.read(), HANG_GUARD_SECONDS)
    except ConnectionResetError:
        return b""


async def until(condition: Callable[[], bool]) -> None:
    """Wait for the server to have done something (it runs in this same loop)."""
    async with asyncio.timeout(HANG_GUARD_SECONDS):
        while not condition():
            await asyncio.sleep(0.01)


async def test_a_head_sent_byte_by_byte_is_cut_off_at_the_header_limit() -> None:
    async with serving(head_seconds=0.5) as listening:
        reader, writer = await connect(listening)
        head = get("/health", listening.port).replace(b"\r\n\r\n", b"\r\nX-Slow: " +
                                                      b"x" * 300 + b"\r\n\r\n")
        sent = 0
        # one byte a tick of 0.05 s: 20 s in all, far beyond the limit, far below aiohttp's
        # own 75 s (before, the whole head went through and was answered)
        for sent in range(1, len(head) + 1):
            try:
                writer.write(head[sent - 1:sent])
                await writer.drain()
            except ConnectionError:
                break
            if reader.at_eof() or await _closed_within(reader, 0.05):
                break
        assert sent < len(head), "the whole head went through: no header limit"
        assert await answer(reader) == b"", "a head that never ended was answered"
        writer.close()

        reader, writer = await connect(listening)  # the server itself is as it was
        writer.write(get("/health", listening.port))
        assert (await answer(reader)).startswith(b"HTTP/1.1 200")


async def _closed_within(reader: asyncio.StreamReader, seconds: float) -> bool:
    """Whether the server closed the connection within `seconds` (the pace of the slow client,
    not a measurement: a slow machine only makes the client slower still)."""
    try:
        data = await asyncio.wait_for(reader.read(1), seconds)
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    assert data == b"", f"an unfinished head was answered: {data!r}"
    return True


async def test_one_connection_more_than_the_limit_is_refused_while_another_client_is_served(
) -> None:
    async with serving(per_client=3) as listening:
        held = [await connect(listening) for _ in range(3)]
        await until(lambda: listening.gate.open[HOST] == 3)

        reader, writer = await connect(listening)
        refused = await answer(reader)
        assert refused.startswith(b"HTTP/1.1 503"), refused
        writer.close()

        reader, writer = await connect(listening, OTHER_CLIENT)
        writer.write(get("/health", listening.port))
        assert (await answer(reader)).startswith(b"HTTP/1.1 200")
        writer.close()

        held.pop()[1].close()  # one of the three goes: the first address may come back
        await until(lambda: listening.gate.open[HOST] == 2)
        reader, writer = await connect(listening)
        writer.write(get("/health", listening.port))
        assert (await answer(reader)).startswith(b"HTTP/1.1 200")
        for _, holder in held:
            holder.close()


async def test_a_flood_of_refused_connections_writes_one_line(
        caplog: pytest.LogCaptureFixture) -> None:
    async with serving(per_client=2) as listening:
        held = [await connect(listening) for _ in range(2)]
        await until(lambda: listening.gate.open[HOST] == 2)
        with caplog.at_level(logging.INFO):
            for _ in range(300):
                reader, writer = await connect(listening)
                assert (await answer(reader)).startswith(b"HTTP/1.1 503")
                writer.close()
        for _, holder in held:
            holder.close()
    lines = caplog.text.splitlines()
    assert len(lines) == 1 and "refused a connection from 127.0.0.1" in lines[0], caplog.text
    assert len(caplog.text) < 200


async def test_a_body_that_does_not_come_in_time_is_a_408() -> None:
    async with serving(body_seconds=0.5) as listening:
        reader, writer = await connect(listening)
        writer.write(f"POST /go HTTP/1.1\r\nHost: {HOST}:{listening.port}\r\n"
                     f"Origin: http://{HOST}:{listening.port}\r\nContent-Length: 1000\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n\r\nstate=".encode())
        got = await answer(reader)  # the rest never comes
        assert got.startswith(b"HTTP/1.1 408"), got[:100]
        writer.close()


@pytest.mark.parametrize("hang_up", ["close", "reset"])
@pytest.mark.parametrize("when", ["in the head", "in the body"])
async def test_a_client_that_hangs_up_mid_request_writes_nothing(
        caplog: pytest.LogCaptureFixture, hang_up: str, when: str) -> None:
    """Before: hanging up in the middle of a form was a 500 and a traceback in the log."""
    async with serving() as listening:
        served = listening.runner.server
        assert served is not None
        with caplog.at_level(logging.DEBUG):
            _, writer = await connect(listening)
            port = listening.port
            body = (f"POST /go HTTP/1.1\r\nHost: {HOST}:{port}\r\nOrigin: http://{HOST}:{port}"
                    "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: 1000\r\n\r\nstate=abc")
            writer.write((body if when == "in the body" else body[:30]).encode())
            await writer.drain()
            await until(lambda: len(served.connections) == 1)
            if when == "in the body":  # the handler is reading the body
                await until(lambda: served.requests_count == 1)
            if hang_up == "reset":
                writer.transport.abort()
            else:
                writer.close()
            await until(lambda: not served.connections)  # its handler has ended
    assert caplog.records == [], caplog.text


def test_clients_are_counted_by_address_and_an_ipv6_client_by_its_64() -> None:
    assert client_of(("203.0.113.5", 4242)) == "203.0.113.5"
    assert client_of(("::ffff:203.0.113.5", 4242, 0, 0)) == "203.0.113.5"
    assert client_of(("2001:db8:1:2:aaaa::1", 1, 0, 0)) == client_of(("2001:db8:1:2::9", 2, 0, 0))
    assert client_of(("2001:db8:1:2::1", 1, 0, 0)) != client_of(("2001:db8:1:3::1", 1, 0, 0))
    assert client_of("") == "local"


class Later:
    """The log's timer, fired by hand."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []

    def __call__(self, seconds: float, step: Callable[[], None]) -> None:
        self.waiting.append(step)

    def fire(self) -> None:
        step = self.waiting.pop(0)
        step()


def test_the_log_says_the_first_refusal_then_one_line_a_window() -> None:
    later = Later()
    said: list[tuple[int, float, str]] = []
    summed = SummedLog(60, later, lambda *words: said.append(words))
    firsts = [summed.first(f"198.51.100.{number % 2}" if number < 4000 else f"10.{number}.0.0")
              for number in range(5000)]
    assert firsts == [True] + [False] * 4999
    later.fire()  # the window ends: one sum for the other 4,999, by address
    assert len(said) == 1 and said[0][0] == 4999 and said[0][1] == 60
    assert said[0][2].startswith("198.51.100.1 (2000), 198.51.100.0 (1999), ")
    assert len(summed.counts) == 0
    later.fire()  # a quiet window: nothing said, and the next refusal is said at once
    assert len(said) == 1 and not later.waiting
    assert summed.first("192.0.2.1")


def test_running_out_of_files_is_said_once_not_a_traceback_a_try(
        caplog: pytest.LogCaptureFixture) -> None:
    """Before: asyncio logged a traceback for each of up to 128 accepts a loop turn."""
    loop = asyncio.new_event_loop()
    try:
        quiet_accept_errors(loop, 60)
        with caplog.at_level(logging.DEBUG):
            for _ in range(1000):
                loop.call_exception_handler({
                    "message": "socket.accept() out of system resource",
                    "exception": OSError(24, "Too many open files"), "socket": None})
            assert len(caplog.records) == 1 and not caplog.records[0].exc_info, caplog.text
            assert "Too many open files" in caplog.text
            loop.call_exception_handler({"message": "something else"})  # asyncio's, as ever
    finally:
        loop.close()
    assert len(caplog.records) == 2 and caplog.records[1].name == "asyncio"


@pytest.mark.parametrize("hang_up", ["before reading", "mid-answer"])
async def test_a_visitor_who_leaves_before_the_page_arrives_leaves_an_access_line_only(
        visitor: Visitor, clock: Clock, caplog: pytest.LogCaptureFixture, hang_up: str) -> None:
    """Every kind of page, the client gone before reading it or while it comes (reset): the
    log holds aiohttp's access lines and nothing else (no "Error handling request", no
    traceback)."""
    await walk_to_summary(visitor)
    state = quote(visitor.state, safe="")
    form = f"state={state}&format=md".encode()
    requests: list[tuple[str, str, bytes]] = [
        ("GET", "/", b""), ("GET", f"/page?s={state}", b""), ("GET", f"/print?s={state}", b""),
        ("GET", "/static/site.css", b""), ("GET", "/health", b""), ("GET", "/nowhere", b""),
        ("POST", "/save", form), ("POST", "/go", f"state={state}&do=back".encode()),
    ]
    app = make_app(WebConfig(load_tree(EXAMPLE), SECRET, clock=clock))  # the visitor's server
    listening = await listen(app, HOST, 0, ConnectionLimits(report_seconds=3600))
    served = listening.runner.server
    assert served is not None
    try:
        with caplog.at_level(logging.DEBUG):
            for method, path, body in requests:
                request = (f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{listening.port}\r\n"
                           f"Origin: http://{HOST}:{listening.port}\r\n"
                           "Content-Type: application/x-www-form-urlencoded\r\n"
                           f"Content-Length: {len(body)}\r\n\r\n").encode() + body
                reader, writer = await connect(listening)
                if hang_up == "before reading":
                    writer.write(request)
                    await writer.drain()
                    writer.close()
                else:  # the same page asked for 20 times, the first bytes read, then a reset
                    writer.transport.get_extra_info("socket").setsockopt(
                        socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
                    writer.write(request * 20)
                    await writer.drain()
                    await reader.read(1)
                    writer.transport.abort()
                await until(lambda: not served.connections)
    finally:
        await listening.close()
    others = [record for record in caplog.records  # (transitions reports every step)
              if record.name != "aiohttp.access" and not record.name.startswith("transitions")]
    assert others == [] and not any(record.exc_info for record in caplog.records), caplog.text
