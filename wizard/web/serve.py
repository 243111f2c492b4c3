"""`wizard serve`: the same Textual app in a web browser, one fresh session per browser tab.

Why textual-serve: it runs `wizard run TREE` as a child process per browser connection and
shows that process's terminal in the page (xterm.js), so the web version is the terminal app
itself, not a second front end that could drift from it.

Safe by default: it listens on 127.0.0.1, so only this machine can open it. Listening on other
addresses (a kiosk on a clinic network) is a deliberate `--host` choice, and the console says
in one sentence what it means. The limits every tab lives within (origin check, session cap,
bounded input, a private save folder, an app that always ends) are in wizard.web.terminal_server.

The command line opens and checks the tree once, before listening (wizard/cli/serve.py), so a
broken or misspelt tree is one sentence on the console (exit 2) instead of an app that fails in
every visitor's tab; both modes here take that opened tree. Textual and
textual-serve are imported only when serving, so the other commands stay fast.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from wizard.exits import Exit
from wizard.render.kiosk import IDLE_TIMEOUT
from wizard.render.words import t

if TYPE_CHECKING:
    from wizard.model.tree import Tree
    from wizard.web.limits import ConnectionLimits
    from wizard.web.quiz_state import QuizSettings

_ANY_ADDRESS = frozenset({"", "0.0.0.0", "::"})
DEFAULT_MAX_SESSIONS = 20


def serve(tree: Tree, host: str = "127.0.0.1", port: int = 8000,
          kiosk: bool = False, run_options: Sequence[str] = (),
          max_sessions: int = DEFAULT_MAX_SESSIONS, public_address: str | None = None,
          connections: ConnectionLimits | None = None) -> int:
    """Serve the app at http://host:port until interrupted (Ctrl+C or SIGTERM); 0 when stopped.

    Returns 2, with a sentence on stderr, when `max_sessions` or `public_address` cannot be
    used or the address cannot be listened on. `run_options` are passed on to each
    tab's `wizard run` (e.g. `--idle-timeout 60`, `--print-command lp`, `--theme light`).
    `public_address` is the URL visitors open (`--public-url`, for a proxy or a name); without
    it each page uses the address its own request came to. `connections`: what one client
    may hold, and how long a request may take to arrive (wizard.web.limits).
    """
    try:
        check_limits(max_sessions, public_address)
    except ValueError as problem:
        print(f"wizard: {problem}", file=sys.stderr)
        return Exit.UNUSABLE
    # only `serve` pays for importing textual-serve and aiohttp
    from wizard.web.terminal_server import Limits, TerminalServer

    warn_if_reachable(host, port)

    server = TerminalServer(
        run_words(tree_file(tree), kiosk, run_options),
        host=host,
        port=port,
        title=tree.title,
        public_url=public_address,
        shown_url=public_url(host, port),
        limits=Limits(max_sessions=max_sessions),
        language=tree.language,
        connections=connections,
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        why = error.strerror or str(error)
        print(t("serve_cannot_listen", address=f"{host}:{port}", why=why), file=sys.stderr)
        return Exit.UNUSABLE
    return Exit.OK


def serve_pages_mode(tree: Tree, host: str = "127.0.0.1", port: int = 8000,
                     kiosk: bool = False, idle_timeout: float = IDLE_TIMEOUT,
                     print_command: str | None = None, theme: str | None = None,
                     public_address: str | None = None, quiz: QuizSettings | None = None,
                     connections: ConnectionLimits | None = None) -> int:
    """`wizard serve` without `--terminal`: the guide as web pages (wizard.web.app), the tree
    as the command line opened it (in its language, the interface words switched to it); with
    `quiz`, the case quiz's pages instead (wizard.web.quiz_pages).

    The same checks and warnings as the terminal mode; 2 with a sentence when unusable.
    """
    try:
        check_limits(1, public_address)
        if print_command is not None:
            from wizard.render.printing import parse_print_command

            parse_print_command(print_command)
    except ValueError as problem:
        print(f"wizard: {problem}", file=sys.stderr)
        return Exit.UNUSABLE
    from wizard.web.run import serve_pages

    warn_if_reachable(host, port)
    return serve_pages(tree, host=host, port=port, kiosk=kiosk, idle_timeout=idle_timeout,
                       print_command=print_command, theme=theme, public_url=public_address,
                       shown_url=public_address or public_url(host, port), quiz=quiz,
                       limits=connections)


def warn_if_reachable(host: str, port: int) -> None:
    """One sentence on stderr when other machines can open the pages (not loopback)."""
    from wizard.web.guard import is_loopback

    if not is_loopback(host):
        print(t("serve_reachable", host=host, port=str(port)), file=sys.stderr)


def run_words(
    tree_path: str | Path, kiosk: bool = False, run_options: Sequence[str] = ()
) -> list[str]:
    """The argument list each browser tab's app is started with, without a shell (each tab
    then adds `--save-dir` with its own folder: wizard.web.terminal_server).

    The same Python runs it (`sys.executable -m wizard`), so the app comes from the same
    installation as the server.
    """
    words = [sys.executable, "-m", "wizard", "run", str(tree_path)]
    if kiosk:
        words.append("--kiosk")
    words.extend(run_options)
    return words


def check_limits(max_sessions: int, public_address: str | None) -> None:
    """ValueError with a sentence when a serve option cannot be used."""
    if max_sessions < 1:
        raise ValueError(t("serve_max_sessions"))
    if public_address is not None:
        try:
            parts = urlsplit(public_address)
            usable = (parts.scheme in ("http", "https") and bool(parts.hostname)
                      and not parts.query and not parts.fragment and parts.port != 0)
        except ValueError:  # a bad port number or IPv6 literal
            usable = False
        if not usable:
            raise ValueError(t("serve_public_url", url=public_address))


def tree_file(tree: Tree) -> str:
    """The tree's file as an absolute path: each tab's app then finds the same file whatever
    its working directory."""
    return str(Path(tree.path).resolve())


def public_url(host: str, port: int) -> str:
    """The address printed on the console for people to open.

    Built from `host`, it must not say "listen everywhere" (0.0.0.0 is not an address a browser
    can reach) and needs brackets for IPv6 literals. The pages themselves use the address their
    request came to (wizard.web.terminal_server).
    """
    if host in _ANY_ADDRESS:
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"
