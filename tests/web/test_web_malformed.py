"""A malformed request is a 4xx page and one log line, never a traceback.

Before: a form that was not UTF-8, or a body that claimed gzip and was not, made a 500 page and
a traceback in the log (7 tracebacks for two requests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from tests.web.visitor import Visitor


@pytest.mark.parametrize("path", ["/go", "/no-such-page"])
@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"s=abc&answer=\xff\xfe", {}),
        (b"not gzip at all", {"Content-Encoding": "gzip"}),
        (b"not deflate", {"Content-Encoding": "deflate"}),
    ],
)
async def test_a_malformed_form_is_a_400_page_and_one_log_line(
    make_visitor: Callable[..., object], caplog: pytest.LogCaptureFixture,
    body: bytes, headers: dict[str, str], path: str,
) -> None:
    visitor: Visitor = await make_visitor()  # type: ignore[assignment, misc]
    sent = {"Origin": visitor.origin, "Content-Type": "application/x-www-form-urlencoded",
            **headers}
    with caplog.at_level(logging.INFO):
        response = await visitor.client.post(path, data=body, headers=sent)
        page = await response.text()
    assert response.status == (400 if path == "/go" else 404) and "<html" in page.lower()
    assert not any(record.exc_info for record in caplog.records)
    assert "Traceback" not in caplog.text
    ours = [r for r in caplog.records if "unusable request" in r.getMessage()]
    assert len(ours) == (1 if path == "/go" else 0), caplog.text


HUGE = 10**3999  # a 4,000-digit number
FIELDS = {"v": None, "r": [], "m": {}, "t": "", "s": True, "k": "visit", "w": "", "o": [],
          "n": "", "c": "", "e": []}


def _sealed(sealer: object, at: int | None = None, **changes: object) -> str:
    """A state sealed with the server's own key (what only a key holder, or a bug, can make)."""
    import json
    import zlib

    from wizard.web.state import Sealer

    assert isinstance(sealer, Sealer)
    data = {**FIELDS, "v": sealer.version, **changes}
    body = zlib.compress(json.dumps(data).encode("ascii"))
    when = int(sealer.clock()) if at is None else at
    return sealer._fernet.encrypt_at_time(body, when).decode("ascii").rstrip("=")


@pytest.mark.parametrize("kiosk", [False, True], ids=["pages", "kiosk"])
@pytest.mark.parametrize(
    "changes",
    [{"s": HUGE}, {"t": HUGE}, {"k": HUGE}, {"n": HUGE}, {"c": HUGE}, {"w": HUGE},
     {"v": HUGE}, {"o": [HUGE]}, {"r": [[HUGE, []]]}, {"r": [["welcome\nFORGED LINE" + "9" * 4000,
                                                              []]]}, {"s": 1e400}, {"at": 2**63}],
    ids=["started", "theme", "visit", "note", "changing", "view", "version", "shown",
         "route node", "node with a newline", "infinite", "time 2**63"],
)
async def test_an_absurd_number_in_a_sealed_state_is_a_4xx_page_and_one_short_log_line(
    make_visitor: Callable[..., object], caplog: pytest.LogCaptureFixture,
    changes: dict[str, object], kiosk: bool,
) -> None:
    from wizard.web.app import SEALER

    visitor: Visitor = await make_visitor(kiosk=kiosk)  # type: ignore[assignment, misc]
    sealer = visitor.client.app[SEALER]  # type: ignore[union-attr]
    changes = dict(changes)
    at = changes.pop("at", None)
    token = _sealed(sealer, at if isinstance(at, int) else None, **changes)
    for path in (f"/page?s={token}", f"/print?s={token}"):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="wizard.web"):
            page = await visitor.open(path)
        assert 400 <= visitor.status < 500 and "<html" in page.lower(), (path, visitor.status)
        assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
        ours = [r.getMessage() for r in caplog.records if r.name == "wizard.web"]
        assert len(ours) <= 1 and all("\n" not in m and len(m) < 300 for m in ours), ours


def test_a_take_home_code_dated_years_ahead_is_refused() -> None:
    """Its hours field is sealed too; a code dated ahead would otherwise never expire."""
    from tests.web.conftest import EXAMPLE, SECRET
    from wizard.model.loader import load_tree
    from wizard.model.machine import walk
    from wizard.model.takehome import TakeHome
    from wizard.web.state import Tampered

    tree = load_tree(EXAMPLE)
    session = walk(tree, {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["weekly"],
                          "symptoms": ["droop"]})
    now = 1_800_000_000.0
    later = TakeHome(SECRET, tree, "abcd", clock=lambda: now + 3 * 365 * 86400.0)
    reader = TakeHome(SECRET, tree, "abcd", clock=lambda: now)
    assert reader.session(TakeHome(SECRET, tree, "abcd", clock=lambda: now).code(session))
    with pytest.raises(Tampered, match="future"):
        reader.session(later.code(session))
