"""Starting the web pages server: listen with the tree the command line opened and checked.

The tree is opened once, before listening (wizard/cli/serve.py), so a broken tree is one
sentence on the console (exit 2), not a page that fails for every visitor. aiohttp and Jinja2
are imported only here, so the other commands stay fast.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from wizard.exits import Exit
from wizard.model.tree import Tree
from wizard.render.kiosk import IDLE_TIMEOUT
from wizard.render.words import t
from wizard.web.quiz_state import QuizSettings

if TYPE_CHECKING:
    from wizard.web.limits import ConnectionLimits


def serve_pages(tree: Tree, *, host: str = "127.0.0.1", port: int = 8000,
                kiosk: bool = False, idle_timeout: float = IDLE_TIMEOUT,
                print_command: str | None = None, theme: str | None = None,
                public_url: str | None = None, shown_url: str = "",
                quiz: QuizSettings | None = None,
                limits: ConnectionLimits | None = None) -> int:
    """Serve the guide's pages until interrupted; 0 when stopped, 2 when it cannot listen.

    `limits`: connections per client and in all, time for a request's head and body
    (wizard.web.limits; its defaults when None)."""
    from wizard.web.access import PageLog
    from wizard.web.app import WebConfig, make_app
    from wizard.web.limits import ConnectionLimits, run
    from wizard.web.pages import DEFAULT_THEME
    from wizard.web.state import secret_from_env

    config = WebConfig(
        tree=tree,
        secret=secret_from_env(),
        kiosk=kiosk,
        idle_timeout=idle_timeout,
        print_command=print_command,
        theme=theme or DEFAULT_THEME,
        host=host,
        public_url=public_url,
        quiz=quiz,
    )
    shown = shown_url or f"http://{host}:{port}"
    print(t("quiz_serve_at" if quiz else "serve_at", url=shown), flush=True)
    try:
        run(make_app(config), host, port, limits or ConnectionLimits(),
            access_log=_access_log(), access_log_class=PageLog)
    except OSError as error:
        why = error.strerror or str(error)
        print(t("serve_cannot_listen", address=f"{host}:{port}", why=why), file=sys.stderr)
        return Exit.UNUSABLE
    return Exit.OK


def _access_log() -> logging.Logger:
    """Pages served, one line each on standard error (wizard.web.access says what is left
    out); quiet with WIZARD_ACCESS_LOG=0."""
    log = logging.getLogger("wizard.web.access")
    if os.environ.get("WIZARD_ACCESS_LOG", "1") == "0":
        log.disabled = True
    elif not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log
