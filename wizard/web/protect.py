"""What every page server of ours does around its handlers, in one place: the guide's pages (and
the quiz on them, wizard.web.app) and the classroom (wizard.web.classroom) each install these
two middlewares with their own `Protection`, so a fix to one is a fix to all.

- `protect`: every response says `Cache-Control: no-store` (a kiosk's next visitor must not find
  the last one's pages in the cache), nosniff, no frames, same-origin referrers and the
  server's Content-Security-Policy; an odd request (a 404, a form that is not UTF-8, a body
  that claims gzip and is not, a handler's failure) becomes a page and at most one log line,
  never a traceback in a browser or a log that fills.
- `guard`: a request for another host name (DNS rebinding) or a form posted from another site
  is refused before any handler sees it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestPayloadError

from wizard.web import guard as hosts

log = logging.getLogger("wizard.web")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Problem = Callable[[web.Request, int, str, str], web.Response]
"""A server's page for a request it cannot answer: (request, status, heading key, text key)."""

HTTP_PROBLEMS = {404: "web_not_found", 405: "web_not_found", 413: "web_too_large"}
"""Vocabulary keys (wizard/render/words.py) of the headings of pages for odd requests."""


@dataclass(frozen=True)
class Protection:
    """One server's policy, the host names it answers to, its public address, its problem page."""

    policy: str
    names: frozenset[str]
    public_url: str | None
    problem: Problem


PROTECTION = web.AppKey("protection", Protection)


def protected_app(protection: Protection, client_max_size: int) -> web.Application:
    """An application with both middlewares installed and `protection` in place."""
    app = web.Application(client_max_size=client_max_size, middlewares=[protect, guard])
    app[PROTECTION] = protection
    return app


def set_headers(headers: Any, policy: str) -> None:
    """The headers every response carries (a policy the handler set itself is kept)."""
    headers.setdefault("Content-Security-Policy", policy)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["Cache-Control"] = "no-store"
    headers["X-Frame-Options"] = "DENY"


@web.middleware
async def protect(request: web.Request, handler: Handler) -> web.StreamResponse:
    protection = request.app[PROTECTION]
    try:
        response = await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        heading = HTTP_PROBLEMS.get(error.status, "web_unusable_request")
        response = protection.problem(request, error.status, heading, "web_from_the_beginning")
    except (UnicodeDecodeError, RequestPayloadError) as error:
        # a form that is not UTF-8, a body that claims gzip and is not: the sender's mistake,
        # so a 400 page and one line, not a traceback that fills the log
        log.warning("unusable request: %s %s: %s", request.method, loggable(request.path),
                    type(error).__name__)
        response = protection.problem(request, 400, "web_unusable_request",
                                      "web_from_the_beginning")
        response.force_close()  # the rest of the body cannot be read: end the connection
        request.content.feed_eof()  # and do not read it after the answer (a second traceback)
    except Exception:  # one request's failure is a page, never a traceback in a browser
        log.exception("request failed")
        response = protection.problem(request, 500, "web_went_wrong", "web_from_the_beginning")
    if request.body_exists and not request.content.is_eof():
        # a body no handler read (a POST to a page that does not exist): end the connection
        # rather than let aiohttp read it afterwards, where a broken gzip body is a traceback
        response.force_close()
        request.content.feed_eof()
    set_headers(response.headers, protection.policy)
    return response


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    protection = request.app[PROTECTION]
    if not hosts.is_own_host(request, protection.names):
        return protection.problem(request, 421, "web_wrong_address", "web_wrong_address_text")
    if request.method == "POST" and not hosts.is_same_site_post(request, protection.public_url):
        return protection.problem(request, 403, "web_other_site", "web_other_site_text")
    return await handler(request)


def loggable(text: str, limit: int = 200) -> str:
    """Text a request chose, as one short log line: control characters and non-ASCII escaped
    (a newline in a sealed node id or a %0A in a path cannot add a line to the log) and cut at
    `limit` (a 4,000-digit number cannot make a 4,000-character line)."""
    shown = ascii(text)[1:-1]
    return shown if len(shown) <= limit else shown[:limit] + "..."


def redirect(address: str) -> web.Response:
    """A redirect the browser follows with GET (303): every form's answer, so the history holds
    only addresses that load again."""
    return web.Response(status=303, headers={"Location": address})
