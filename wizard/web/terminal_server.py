"""The terminal-in-browser server: textual-serve, with the limits a public page needs.

textual-serve runs one app process per browser tab and bridges the tab's WebSocket to that
process's stdin and stdout. As it comes, anyone can drive it: any web page may open the
WebSocket (a visitor's browser becomes the attacker's hands), every tab starts a process with
no upper bound, a resize of 100000x100000 columns is passed straight on (it grew an app to
5 GB), keystrokes are passed on as fast and as large as they come, an app that does not quit
outlives its connection, and every tab shares one command line, so every tab saves to one folder.

This module keeps textual-serve and changes only the seams (thin subclasses, no copied files):

- `TerminalServer(Server)` replaces three request handlers: the page (its WebSocket address comes
  from `--public-url` or the request's own Host, never from the listening address, which may be
  0.0.0.0), the WebSocket (origin check and the session cap come before any process starts),
  and the message loop (every message bounded, nothing in it waits for the app).
- `TabSession(AppService)` starts each tab's app without a shell, with its own private folder
  (`--save-dir`, mode 0700, removed when the tab closes), feeds the app through a bounded queue,
  and ends the app for certain when the tab goes: quit, then SIGTERM, then SIGKILL.

`serve` listens through wizard.web.limits (connections per client, time for a request's head).

Depends on textual-serve internals: `Server._make_app`, `initialize_logging` and the handler
names `handle_index`, `handle_websocket` (its `_process_messages` is no longer called),
`AppService._build_environment`, `_process`, `_stdin`, `_task`, `_download_manager`, `run` and
`encode_packet`. pyproject pins textual-serve to 1.1.x (>=1.1.3) for that reason;
tests/web/test_terminal_server.py fails loudly if a release moves them.

Kept in its own module so `wizard serve --terminal` (issue 12) can take it as it is.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import html
import json
import logging
import re
import shutil
import signal
import socket
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from wizard.render.words import language, t
from wizard.web.guard import host_of, is_ip_literal, is_loopback
from wizard.web.limits import ConnectionLimits, run
from wizard.web.protect import set_headers

log = logging.getLogger("wizard.serve")

SAVE_DIR_OPTION = "--save-dir"
BUSY_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 4em auto">
<h1>{title}</h1>
<p>{text}</p>
</body></html>
"""


def busy_page(limit: int) -> str:
    """The page a visitor gets when every session is taken, in the language being spoken."""
    title = html.escape(t("serve_busy_title"))
    text = html.escape(t("serve_busy_text", limit=str(limit)))
    return BUSY_PAGE.format(lang=html.escape(language()), title=title, text=text)


@dataclass(frozen=True)
class Limits:
    """Every bound the server keeps, in one place (counts and sizes; only stopping uses time).

    A tab's browser sends one small message per key and per resize, so the bounds sit far
    above what a person produces and far below what hurts the machine.
    """

    max_sessions: int = 20
    """App processes at once; a tab beyond this gets a page saying so, not a process."""
    max_input_bytes: int = 8 * 1024
    """Largest keystroke (or paste) message passed on; a larger one is dropped whole."""
    max_pending: int = 64
    """Messages waiting for a busy app; more are dropped until it catches up."""
    max_message_bytes: int = 64 * 1024
    """Largest WebSocket message read at all; a larger one closes the connection."""
    columns: tuple[int, int] = (20, 500)
    rows: tuple[int, int] = (10, 200)
    stop_grace_seconds: float = 5.0
    """How long an app has to quit (then to die on SIGTERM) before it is killed."""


def clamp(value: object, bounds: tuple[int, int], default: int) -> int:
    """`value` as an int inside `bounds`; `default` when it is not a whole number at all."""
    if isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            return default
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    low, high = bounds
    return max(low, min(high, value))


class TabSession(AppService):
    """One browser tab's app process: its own save folder, bounded input, a certain end."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
        limits: Limits,
        debug: bool = False,
    ) -> None:
        super().__init__(
            " ".join(argv), write_bytes=write_bytes, write_str=write_str, close=close,
            download_manager=download_manager, debug=debug,
        )
        self.argv = list(argv)
        self.limits = limits
        self.save_dir: str | None = None
        self.dropped_messages = 0
        self.dropped_bytes = 0
        self._queue: asyncio.Queue[bytes] = asyncio.Queue(maxsize=limits.max_pending)
        self._pump: asyncio.Task[None] | None = None
        self._stopped = False

    # -- starting ------------------------------------------------------------------------------
    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        """Start the app directly (no shell, so signals reach it) with a private save folder."""
        self.save_dir = tempfile.mkdtemp(prefix="wizard-tab-")  # mode 0700: this tab's alone
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, SAVE_DIR_OPTION, self.save_dir,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
        )
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        await super().start(width, height)
        self._pump = asyncio.create_task(self._feed_app())

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # -- input: bounded, never waited for --------------------------------------------------------
    def offer_input(self, text: str) -> bool:
        """Queue keystrokes for the app; False (and counted) when too large or the app is behind."""
        data = text.encode("utf-8", "replace")
        if len(data) > self.limits.max_input_bytes:
            return self._drop(len(data))
        return self._offer(self.encode_packet(b"D", data))

    def offer_resize(self, width: object, height: object) -> bool:
        """Queue a resize, clamped to a size a screen can have."""
        size = {"type": "resize",
                "width": clamp(width, self.limits.columns, 80),
                "height": clamp(height, self.limits.rows, 24)}
        return self.offer_meta(size)

    def offer_meta(self, meta: dict[str, object]) -> bool:
        return self._offer(self.encode_packet(b"M", json.dumps(meta).encode("utf-8")))

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    def _offer(self, packet: bytes) -> bool:
        try:
            self._queue.put_nowait(packet)
        except asyncio.QueueFull:
            return self._drop(len(packet))
        return True

    def _drop(self, size: int) -> bool:
        self.dropped_messages += 1
        self.dropped_bytes += size
        return False

    async def _feed_app(self) -> None:
        """Write queued packets to the app's stdin, waiting for the app, never for the browser."""
        stdin = self.stdin
        while True:
            packet = await self._queue.get()
            try:
                stdin.write(packet)
                await stdin.drain()
            except (ConnectionError, RuntimeError):
                return

    # -- stopping: always, and within a bound ----------------------------------------------------
    async def stop(self) -> None:
        """End the app: ask it to quit, then SIGTERM, then SIGKILL; remove the tab's folder.

        textual-serve's own stop waits for the app's output to end, forever if the app does
        not quit (an app busy drawing a huge screen did not), and writes the quit request
        with a wait on a stdin the app may no longer read. Safe to call twice.
        """
        if self._stopped:
            return
        self._stopped = True
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        process = self._process
        if process is not None:
            await self._end_process(process)
        if self._task is not None:
            await self._end_task(self._task)
            self._task = None
        if self.save_dir is not None:
            shutil.rmtree(self.save_dir, ignore_errors=True)

    async def _end_process(self, process: asyncio.subprocess.Process) -> None:
        grace = self.limits.stop_grace_seconds
        if process.returncode is None and self._stdin is not None:
            with contextlib.suppress(ConnectionError, RuntimeError):
                self._stdin.write(self.encode_packet(b"M", b'{"type": "quit"}'))
        for next_signal in (signal.SIGTERM, signal.SIGKILL, None):
            try:
                await asyncio.wait_for(process.wait(), grace)
                return
            except TimeoutError:
                if next_signal is None:
                    log.error("app process %s did not end", process.pid)
                    return
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(next_signal)

    async def _end_task(self, task: asyncio.Task[None]) -> None:
        """The output reader ends with the app's stdout; a grandchild may hold it open."""
        try:
            await asyncio.wait_for(asyncio.shield(task), self.limits.stop_grace_seconds)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


_LINK = re.compile(r"<link\b[^>]*\bhref=\"(https?://[^\"]*)\"[^>]*>\s*")


def own_page(page: str, title: str, language: str, base: str) -> str:
    """textual-serve's page made ours: no stylesheet from another site (it asks Google for a
    font, telling a third party who opened the guide; the terminal has its own monospace),
    a `lang` for screen readers, and a <title> naming the guide (its banner already does)."""
    from wizard.web.pages import language as safe_language

    page = _LINK.sub(lambda link: link.group(0) if link.group(1).startswith(base + "/") else "",
                     page)
    page = page.replace("<html>", f'<html lang="{safe_language(language)}">', 1)
    from wizard.model.plain import strip_control

    shown = html.escape(strip_control(title))
    return page.replace("<head>", f"<head>\n    <title>{shown}</title>", 1)


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"


def terminal_policy(page: str) -> str:
    """The terminal page's Content-Security-Policy: its own scripts only (the inline one by its
    hash, so an injected script cannot run), its WebSocket, no frames around it, no forms.
    Styles may be inline: xterm.js writes its own style elements."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        + "'" for body in _INLINE_SCRIPT.findall(page))
    return (f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; font-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


@web.middleware
async def _headers(request: web.Request, handler: Callable[[web.Request], Awaitable[
        web.StreamResponse]]) -> web.StreamResponse:
    """The same protection as the HTML pages (wizard.web.app): no framing (clickjacking), no
    copy kept by the browser or a proxy, no guessing of types, a strict policy by default."""
    try:
        response = await handler(request)
    except web.HTTPException as error:  # a refusal (403 for a folder, 404) is protected too
        _protect(error.headers)
        raise
    if not response.prepared:  # a WebSocket has sent its headers already
        _protect(response.headers)
    return response


def _protect(headers: Any) -> None:
    set_headers(headers, STRICT_POLICY)


class TerminalServer(Server):
    """textual-serve's Server with an origin check, a session cap and bounded messages."""

    async def _make_app(self) -> web.Application:
        """textual-serve's app with our headers on every answer and no folder listing under
        /static/ (textual-serve lists it: `show_index=True`)."""
        app = web.Application(middlewares=[_headers])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        title: str,
        public_url: str | None = None,
        limits: Limits | None = None,
        shown_url: str | None = None,
        language: str = "en",
        connections: ConnectionLimits | None = None,
    ) -> None:
        """`public_url`: the address visitors use (behind a proxy, or a name for 0.0.0.0);
        without it each page is given the address its request came to. `shown_url` is only
        printed on the console. `connections`: what one client may hold (wizard.web.limits)."""
        super().__init__(" ".join(argv), host=host, port=port, title=title,
                         public_url=public_url or shown_url)
        self.argv = list(argv)
        self.language = language
        self.configured_url = public_url.rstrip("/") if public_url else None
        self.limits = limits or Limits()
        self.connections = connections or ConnectionLimits()
        self.sessions: dict[TabSession, web.WebSocketResponse] = {}
        self._idle = asyncio.Event()
        self._idle.set()

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM, as textual-serve does, but listening through
        wizard.web.limits (its `run_app` has no place for the per-client gate)."""
        self.debug = debug
        self.initialize_logging()
        run(self._make_app(), self.host, self.port, self.connections)

    # -- who may connect -------------------------------------------------------------------------
    @cached_property
    def own_names(self) -> frozenset[str]:
        """Host names this server answers to; with IP literals, the Hosts a page may come from.

        A name not on this list is refused even when Origin and Host agree: that is what a
        DNS-rebinding page looks like (an attacker's name that now points at this machine).
        """
        names = {"localhost", self.host.lower().strip("[]")}
        hostname = socket.gethostname().lower()
        names |= {hostname, f"{hostname}.local"}
        if not is_ip_literal(self.host.strip("[]")) and self.host != "localhost":
            names.add(socket.getfqdn(self.host).lower())
        elif not is_loopback(self.host):  # 0.0.0.0 or a LAN address: this machine's own name
            names.add(socket.getfqdn().lower())
        if self.configured_url:
            names.add(urlsplit(self.configured_url).hostname or "")
        return frozenset(names - {""})

    def is_own_host(self, netloc: str) -> bool:
        host = host_of(netloc)
        return is_ip_literal(host) or host in self.own_names

    def is_own_origin(self, request: web.Request) -> bool:
        """Whether the WebSocket was opened by a page this server gave out.

        Browsers always send Origin on a WebSocket; it must be the configured public URL's, or
        equal the Host the request came to (a name of this machine or an address).
        """
        try:
            parts = urlsplit(request.headers.get("Origin", ""))
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not host_of(parts.netloc):
            return False
        if self.configured_url:
            public = urlsplit(self.configured_url)
            if (parts.scheme, parts.netloc.lower()) == (public.scheme, public.netloc.lower()):
                return True
        host = request.headers.get("Host", "").lower()
        return parts.netloc.lower() == host and self.is_own_host(host)

    def page_url(self, request: web.Request) -> str | None:
        """The address the page and its WebSocket are reached at; None for a stranger's name."""
        if self.configured_url:
            return self.configured_url
        host = request.headers.get("Host", "")
        if not self.is_own_host(host):
            return None
        return f"{request.scheme}://{host}"

    @property
    def is_full(self) -> bool:
        return len(self.sessions) >= self.limits.max_sessions

    # -- handlers ------------------------------------------------------------------------------
    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        base = self.page_url(request)
        if base is None:
            raise web.HTTPMisdirectedRequest(text=t("serve_wrong_name") + "\n")
        if self.is_full:
            return web.Response(status=503, content_type="text/html",
                                text=busy_page(self.limits.max_sessions))
        scheme, rest = base.split(":", 1)
        context = {
            "font_size": clamp(request.query.get("fontsize", "16"), (6, 64), 16),
            "app_websocket_url": ("wss:" if scheme == "https" else "ws:") + rest + "/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        page = own_page(aiohttp_jinja2.render_string("app_index.html", request, context),
                        self.title, self.language, base)
        return web.Response(text=page, content_type="text/html", charset="utf-8",
                            headers={"Content-Security-Policy": terminal_policy(page)})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: checks first, then its app, then the message loop; the app always ends."""
        if not self.is_own_origin(request):
            raise web.HTTPForbidden(text=t("serve_own_pages") + "\n")
        if self.is_full:
            raise web.HTTPServiceUnavailable(text=t("serve_busy_short") + "\n")
        websocket = web.WebSocketResponse(heartbeat=15,
                                          max_msg_size=self.limits.max_message_bytes)
        width = clamp(request.query.get("width", "80"), self.limits.columns, 80)
        height = clamp(request.query.get("height", "24"), self.limits.rows, 24)

        async def close() -> None:  # the app said it has ended
            await websocket.close()

        tab = TabSession(
            self.argv, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=close, download_manager=self.download_manager,
            limits=self.limits, debug=self.debug,
        )
        self.sessions[tab] = websocket  # counted before the first await: no race past the cap
        self._idle.clear()
        try:
            await websocket.prepare(request)
            await tab.start(width, height)
            await self._pass_messages(websocket, tab)
        except Exception as error:  # one tab's failure must not end the server
            log.exception(error)
        finally:
            await tab.stop()
            del self.sessions[tab]
            if not self.sessions:
                self._idle.set()
            await websocket.close()
        return websocket

    async def _pass_messages(self, websocket: web.WebSocketResponse, tab: TabSession) -> None:
        """Pass the browser's messages on; malformed ones are ignored, none waits for the app."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):  # "[[[[...": too deep is malformed too
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], (envelope[1] if len(envelope) > 1 else None)
            if kind == "stdin" and isinstance(data, str):
                tab.offer_input(data)
            elif kind == "resize" and isinstance(data, dict):
                tab.offer_resize(data.get("width"), data.get("height"))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind in ("blur", "focus"):
                tab.offer_meta({"type": kind})

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab, so each app ends before the server does."""
        for websocket in list(self.sessions.values()):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"Server shutdown")

    async def wait_idle(self) -> None:
        """Return once no tab is open (every app ended, every folder removed)."""
        await self._idle.wait()
