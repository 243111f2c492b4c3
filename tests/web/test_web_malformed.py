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
