"""Starting `wizard serve --classroom`: make the educator's key, say both addresses, listen.

The key is made here, fresh each start, and printed on the terminal only (the educator opens
that address on the projector's browser); the learners' address is the short one the projector
shows. aiohttp is imported only here, so the other commands stay fast.
"""

from __future__ import annotations

import secrets
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from wizard.exits import Exit
from wizard.model.classroom import Room
from wizard.model.limits import MAX_LEARNERS
from wizard.model.quiz import Quiz
from wizard.render.words import t

if TYPE_CHECKING:
    from wizard.web.limits import ConnectionLimits


def serve_classroom(quiz: Quiz, *, host: str = "127.0.0.1", port: int = 8000,
                    theme: str | None = None, public_address: str | None = None,
                    max_learners: int = MAX_LEARNERS,
                    connections: ConnectionLimits | None = None) -> int:
    """Serve the room until interrupted; 0 when stopped, 2 when it cannot start.

    `connections`: what one client may hold (wizard.web.limits; its defaults when None)."""
    from wizard.web.access import PageLog
    from wizard.web.classroom import ClassConfig, make_classroom_app
    from wizard.web.guard import is_loopback
    from wizard.web.limits import ConnectionLimits, run
    from wizard.web.run import _access_log
    from wizard.web.serve import check_limits, public_url, warn_if_reachable

    if not quiz.cases:
        print(f"wizard: {t('quiz_no_cases')}", file=sys.stderr)
        return Exit.UNUSABLE
    try:
        check_limits(1, public_address)
    except ValueError as problem:
        print(f"wizard: {problem}", file=sys.stderr)
        return Exit.UNUSABLE
    warn_if_reachable(host, port)
    join = (public_address or public_url(room_host(host), port)).rstrip("/") + "/"
    key = secrets.token_urlsafe(24)
    config = ClassConfig(
        key=key, join_address=join,
        unreachable=public_address is None and is_loopback(host),
        theme=theme or "default", host=host, public_url=public_address,
        secure_cookie=urlsplit(join).scheme == "https",
    )
    print(t("class_serving", url=join), flush=True)
    educator = join.rstrip("/") + "/teach?" + urlencode({"key": key})
    print(t("class_educator_at", url=educator), flush=True)
    try:
        run(make_classroom_app(Room(quiz, max_learners), config), host, port,
            connections or ConnectionLimits(), access_log=_access_log(), access_log_class=PageLog)
    except OSError as error:
        why = error.strerror or str(error)
        print(t("serve_cannot_listen", address=f"{host}:{port}", why=why), file=sys.stderr)
        return Exit.UNUSABLE
    return Exit.OK


def room_host(host: str) -> str:
    """The address phones in the room can open when listening on every address: this
    computer's own address on the network its default route leaves by (a UDP socket's
    "connect" picks it and sends nothing), else `host` as given (the name `public_url` finds).
    A name such as `laptop.local` may not resolve on a phone; an address always does."""
    import socket

    if host not in ("", "0.0.0.0"):
        return host
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            found: str = probe.getsockname()[0]
    except OSError:
        return host
    return host if found.startswith("127.") or found == "0.0.0.0" else found
