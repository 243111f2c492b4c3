"""`wizard serve`: the same Textual app in a web browser, one fresh session per browser tab.

Why textual-serve: it runs `wizard run TREE` as a child process per browser connection and
shows that process's terminal in the page (xterm.js), so the web version is the terminal app
itself, not a second front end that could drift from it.

Safe by default: it listens on 127.0.0.1, so only this machine can open it. Listening on other
addresses (a kiosk on a clinic network) is a deliberate `--host` choice.

The tree is checked here, once, before listening, so a broken or misspelt tree is one sentence
on the console (exit 2) instead of an app that fails in every visitor's tab. Textual and
textual-serve are imported only when serving, so the other commands stay fast.
"""

from __future__ import annotations

import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard.bundled import resolve_tree
from wizard.model.errors import TreeError

EXIT_OK = 0
EXIT_UNUSABLE = 2
_ANY_ADDRESS = frozenset({"", "0.0.0.0", "::"})


def serve(tree_arg: str | None, host: str = "127.0.0.1", port: int = 8000,
          kiosk: bool = False, run_options: Sequence[str] = ()) -> int:
    """Serve the app at http://host:port until interrupted (Ctrl+C or SIGTERM); 0 when stopped.

    Returns 2, with a sentence on stderr, when the tree cannot be used or the address cannot be
    listened on. `run_options` are passed on to each tab's `wizard run` (e.g. `--idle-timeout
    60`, `--print-command lp`, `--theme light`).
    """
    try:
        tree_path, title = find_tree(tree_arg)
    except ValueError as problem:
        print(f"wizard: {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    from textual_serve.server import Server  # only `serve` pays for importing it

    server = Server(
        serve_command(tree_path, kiosk, run_options),
        host=host,
        port=port,
        title=title,
        public_url=public_url(host, port),
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        print(f"wizard: cannot listen on {host}:{port}: {error.strerror or error}",
              file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_OK


def serve_command(
    tree_path: str | Path, kiosk: bool = False, run_options: Sequence[str] = ()
) -> str:
    """The shell command textual-serve runs for each browser tab.

    The same Python runs it (`sys.executable -m wizard`), so the app comes from the same
    installation as the server; every part is shell-quoted, because textual-serve hands the
    command to a shell and tree paths may hold spaces or quotes.
    """
    words = [sys.executable, "-m", "wizard", "run", str(tree_path)]
    if kiosk:
        words.append("--kiosk")
    words.extend(run_options)
    return shlex.join(words)


def find_tree(tree_arg: str | None) -> tuple[str, str]:
    """The tree's absolute path and title; ValueError with a sentence if it cannot be used.

    An absolute path makes each tab's app find the same file whatever its working directory.
    """
    from wizard.model.loader import load_tree

    path = resolve_tree(tree_arg)
    if not path.is_file():
        raise ValueError(f"no tree file or bundled tree named '{tree_arg}'")
    try:
        tree = load_tree(path)
    except TreeError as error:
        raise ValueError(f"the tree cannot be used: {error}\n(run: wizard check {path})") from None
    return str(path.resolve()), tree.title


def public_url(host: str, port: int) -> str:
    """The address the page tells the browser to open its websocket on.

    textual-serve builds it from `host`, which fails for "listen everywhere" (0.0.0.0 is not an
    address a browser can reach) and for IPv6 literals (they need brackets).
    """
    if host in _ANY_ADDRESS:
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"
