"""Who may post a form here, and which names this server answers to.

Cross-site posting: a browser says where a form came from (Origin on every POST in current
browsers; Referer, and Sec-Fetch-Site, otherwise). A form is taken only when what the browser
says names this server; a client that says nothing at all is not a browser, so it cannot be a
visitor's browser tricked into posting. The pages set no cookies, so there is no ambient
credential for a forged post to ride on either; this check keeps it that way if one is added.

DNS rebinding: an attacker's name that now points at 127.0.0.1 makes Origin and Host agree,
so the Host must also be an address or a name this machine has (as in the terminal mode,
wizard.terminal_server).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from aiohttp import web


def host_of(netloc: str) -> str:
    """The host part of `host[:port]` (IPv6 brackets removed), lowercase; "" if malformed."""
    try:
        return (urlsplit(f"//{netloc}").hostname or "").lower()
    except ValueError:
        return ""


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (127.0.0.0/8, ::1, localhost)."""
    bare = host.strip("[]")
    return host.lower() == "localhost" or (
        is_ip_literal(bare) and ipaddress.ip_address(bare).is_loopback)


def own_names(bind_host: str, public_url: str | None = None) -> frozenset[str]:
    """Host names this server answers to (IP literals are always accepted)."""
    names = {"localhost", bind_host.lower().strip("[]")}
    hostname = socket.gethostname().lower()
    names |= {hostname, f"{hostname}.local", socket.getfqdn().lower()}
    if public_url:
        names.add((urlsplit(public_url).hostname or "").lower())
    return frozenset(names - {""})


def is_own_host(request: web.Request, names: frozenset[str]) -> bool:
    host = host_of(request.headers.get("Host", ""))
    return is_ip_literal(host) or host in names


def is_same_site_post(request: web.Request, public_url: str | None = None) -> bool:
    """Whether a POST came from one of this server's own pages (see the module docstring)."""
    host = request.headers.get("Host", "").lower()
    allowed = {host}
    if public_url:
        allowed.add(urlsplit(public_url).netloc.lower())
    origin = request.headers.get("Origin")
    if origin is not None:
        return _netloc(origin) in allowed
    referer = request.headers.get("Referer")
    if referer is not None:
        return _netloc(referer) in allowed
    return request.headers.get("Sec-Fetch-Site", "none") in ("same-origin", "none")


def _netloc(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None  # "null" (a sandboxed frame or a file) and anything odd
    return parts.netloc.lower()
