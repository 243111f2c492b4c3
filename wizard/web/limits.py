"""What one client can take from the web server: connections, time to send a request, and log.

Why: 1,100 slow connections from one client held every file the server could open, so every
other visitor was locked out, and asyncio logged a traceback for each refused accept (277 MB of
log in 100 s). aiohttp bounds a request's size but not who holds how many connections, and has
no time limit of its own for a request's body. So both servers (the pages, wizard.web.run, and
`--terminal`, wizard.web.terminal_server) listen through `listen` here:

- A gate in front of aiohttp's protocol factory (`Gate`) counts the connections open from each
  client address and in all. One more than the limit is answered 503 and closed before aiohttp
  sees it; an IPv6 client counts by its /64 (one machine holds a whole /64).
- The request head must arrive within `head_seconds` of the connection opening or of the last
  answer on it: aiohttp's keep-alive timer does exactly that (it starts when a connection opens,
  and closes one still waiting for a complete head when it fires, however many bytes came), so
  it is set to `head_seconds`. tests/web/test_limits.py fails if an aiohttp release stops it.
- A body must arrive within `body_seconds` (`read_body_in_time`, a middleware): 408 otherwise.
- Refusals are logged by `SummedLog`: the first at once, then one line a window summing up the
  rest, so a flood writes a few lines a minute, never one per connection. The same holds for
  "out of open files" from asyncio's accept loop (`quiet_accept_errors`), which logged a
  traceback for each of 128 tries a turn.

Behind a reverse proxy every connection comes from the proxy, so the per-client limit counts the
proxy's connections: raise it to what the proxy may open, and let the proxy limit each visitor
(docs/serving.md). The address counted is the socket's own; X-Forwarded-For is never read here,
since any client can write it.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import resource
import signal
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Middleware

log = logging.getLogger("wizard.web.limits")

PER_CLIENT = 32
"""A browser opens at most 6 connections to a server; 32 leaves room for a few tabs."""
HEAD_SECONDS = 10.0
BODY_SECONDS = 30.0
REPORT_SECONDS = 60.0
BACKLOG = 128
"""Connections the kernel holds before they are accepted (as aiohttp's run_app)."""
OUT_OF_FILES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
"""The errors asyncio's accept loop logs and retries after a second (selector_events)."""
TRACKED_CLIENTS = 1000
"""Addresses whose refusals are counted by name in one window; the rest count as "others"."""
REFUSED = (b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n"
           b"Retry-After: 10\r\n\r\n")


def total_default() -> int:
    """Connections in all: half the files this process may open (the rest are for the app
    processes, their pipes, the tree and the logs), so accept never runs out of files."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 10_000
    return max(16, soft // 2)


@dataclass(frozen=True)
class ConnectionLimits:
    """The bounds `listen` keeps (`wizard serve` options; see docs/serving.md)."""

    per_client: int = PER_CLIENT
    """Connections open at once from one address (an IPv6 /64); one more is refused."""
    total: int = field(default_factory=total_default)
    """Connections open at once from everyone."""
    head_seconds: float = HEAD_SECONDS
    """Time to send a request's head, from the connection opening or the last answer."""
    body_seconds: float = BODY_SECONDS
    """Time to send a request's body, once its head has arrived."""
    report_seconds: float = REPORT_SECONDS
    """How often refusals are summed up in the log (the first is logged at once)."""


def client_of(peername: object) -> str:
    """The address a connection is counted under: the IP (IPv4 inside IPv6 as IPv4), an IPv6
    address's /64, or "local" for a Unix socket."""
    if not isinstance(peername, tuple) or not peername or not isinstance(peername[0], str):
        return "local"
    try:
        address = ipaddress.ip_address(peername[0].split("%", 1)[0])
    except ValueError:
        return peername[0]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class SummedLog:
    """A log line for the first event, then at most one a window summing up the rest.

    Bounded whatever arrives: the caller's line at once (`first` says when), then `say_sum`
    every `every` seconds while events go on, naming at most three addresses; at most
    TRACKED_CLIENTS addresses are counted.
    """

    def __init__(self, every: float, later: Callable[[float, Callable[[], None]], object],
                 say_sum: Callable[[int, float, str], None]) -> None:
        self.every = every
        self.later = later
        self.say_sum = say_sum
        self.open = False
        self.counts: Counter[str] = Counter()
        self.others = 0

    def first(self, client: str) -> bool:
        """Count an event from `client`; True when it is the first of a window (say it)."""
        if not self.open:
            self.open = True
            self.later(self.every, self._close_window)
            return True
        if client in self.counts or len(self.counts) < TRACKED_CLIENTS:
            self.counts[client] += 1
        else:
            self.others += 1
        return False

    def _close_window(self) -> None:
        total = sum(self.counts.values()) + self.others
        if not total:
            self.open = False
            return
        most = ", ".join(f"{client} ({count})" for client, count in self.counts.most_common(3))
        self.say_sum(total, self.every, most or "?")
        self.counts.clear()
        self.others = 0
        self.later(self.every, self._close_window)


def _say_refusals(total: int, every: float, most: str) -> None:
    log.warning("%d more connections refused in the last %g s, most from %s", total, every, most)


def _say_accept_errors(total: int, every: float, most: str) -> None:
    log.warning("%d more connections could not be accepted in the last %g s", total, every)


class Gate:
    """The listener's protocol factory: aiohttp's for a connection within the limits, a 503
    and a close for one beyond them."""

    def __init__(self, make: Callable[[], asyncio.Protocol], limits: ConnectionLimits,
                 refusals: SummedLog) -> None:
        self.make = make
        self.limits = limits
        self.refusals = refusals
        self.open: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return sum(self.open.values())

    def __call__(self) -> asyncio.Protocol:
        return _Gated(self)

    def admit(self, client: str) -> bool:
        limits = self.limits
        if self.open[client] >= limits.per_client:
            if self.refusals.first(client):
                log.warning("refused a connection from %s: %d connections from one address are "
                            "open; more are summed up every %g s", client, limits.per_client,
                            limits.report_seconds)
        elif self.total >= limits.total:
            if self.refusals.first(client):
                log.warning("refused a connection from %s: %d connections are open in all; "
                            "more are summed up every %g s", client, limits.total,
                            limits.report_seconds)
        else:
            self.open[client] += 1
            return True
        return False

    def release(self, client: str) -> None:
        self.open[client] -= 1
        if self.open[client] <= 0:
            del self.open[client]


class _Gated(asyncio.Protocol):
    """One connection: refused at once, or passed whole to aiohttp's protocol."""

    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self.inner: asyncio.Protocol | None = None
        self.client = ""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.client = client_of(transport.get_extra_info("peername"))
        if not self.gate.admit(self.client):
            if isinstance(transport, asyncio.WriteTransport):
                transport.write(REFUSED)
            transport.close()
            return
        self.inner = self.gate.make()
        self.inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.inner is not None:
            self.gate.release(self.client)
            self.inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.inner is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def read_body_in_time(seconds: float) -> Middleware:
    """A middleware that reads a request's body (up to the app's client_max_size) within
    `seconds`, or answers 408. aiohttp keeps the body it read, so the handler's
    `request.post()` finds it there. A multipart body is left to its handler: it is read as a
    stream, never whole.

    A client that hangs up before its body has all come has nobody left to answer: the
    request ends as aiohttp ends a handler whose client went away (cancelled, which it does
    not log), not as a failed request with a traceback and a 500 in the log.
    """

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.body_exists and request.content_type != "multipart/form-data":
            try:
                await asyncio.wait_for(request.read(), seconds)
            except TimeoutError:
                raise web.HTTPRequestTimeout() from None
            except ConnectionError:
                raise asyncio.CancelledError() from None
        return await handler(request)

    return middleware


def quiet_accept_errors(loop: asyncio.AbstractEventLoop, every: float) -> None:
    """Out of open files, asyncio logs a traceback for each of up to 128 accepts a turn; say
    it once and sum up the rest. Every other loop error goes to asyncio's own handler."""
    summed = SummedLog(every, loop.call_later, _say_accept_errors)

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if not ("socket" in context and isinstance(error, OSError)
                and error.errno in OUT_OF_FILES):
            loop.default_exception_handler(context)
        elif summed.first(""):
            log.warning("cannot accept connections: %s; more are summed up every %g s",
                        error, every)

    loop.set_exception_handler(handle)


@dataclass
class Listening:
    """A server listening through the gate; `close` ends it as aiohttp's run_app does."""

    runner: web.AppRunner
    server: asyncio.Server
    gate: Gate

    @property
    def port(self) -> int:
        port: int = self.server.sockets[0].getsockname()[1]
        return port

    async def close(self) -> None:
        self.server.close()
        await self.runner.cleanup()  # the app's shutdown hooks, then every open connection


async def listen(app: web.Application, host: str, port: int, limits: ConnectionLimits,
                 **runner_options: Any) -> Listening:
    """Listen on host:port with `app` behind the limits (OSError when it cannot). The
    `runner_options` go to aiohttp's AppRunner (access log and its class)."""
    loop = asyncio.get_running_loop()
    quiet_accept_errors(loop, limits.report_seconds)
    app.middlewares.append(read_body_in_time(limits.body_seconds))
    runner = web.AppRunner(app, keepalive_timeout=limits.head_seconds, **runner_options)
    await runner.setup()
    served = runner.server
    assert served is not None  # set up just now
    refusals = SummedLog(limits.report_seconds, loop.call_later, _say_refusals)
    gate = Gate(served, limits, refusals)  # aiohttp's Server is its protocol factory
    try:
        server = await loop.create_server(gate, host, port, backlog=BACKLOG)
    except BaseException:
        await runner.cleanup()
        raise
    return Listening(runner, server, gate)


def run(app: web.Application | Awaitable[web.Application], host: str, port: int,
        limits: ConnectionLimits, **runner_options: Any) -> None:
    """Serve until SIGINT or SIGTERM, then close every connection and return (OSError when
    the address cannot be listened on)."""

    async def serve() -> None:
        made = app if isinstance(app, web.Application) else await app
        listening = await listen(made, host, port, limits, **runner_options)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(number, stop.set)
        try:
            await stop.wait()
        finally:
            await listening.close()

    asyncio.run(serve())
