"""The access log of the web pages: which page, never what was answered.

Each page's address carries the visitor's sealed answers (`/page?s=TOKEN`, wizard.web.state).
Sealed, they cannot be read, but a log that keeps them keeps a copy of every visitor's answers
for anyone who later gets the key. So the log names the method, the path without its query,
the status, the size and the time taken, and nothing a visitor sent: no query, no form, no
Referer (it holds an earlier page's address), no User-Agent.
"""

from __future__ import annotations

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse


class PageLog(AbstractAccessLogger):
    """One line a request: `GET /page 200 5120 B 3.1 ms`."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %s B %.1f ms", request.method, request.path,
                         response.status, response.body_length, time * 1000)
