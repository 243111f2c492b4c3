"""A scripted visitor for the web pages: keeps the state field of the last page and posts it,
as a browser with this server's page open would (Origin set to the server's own address)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

STATE = re.compile(r'name="state" value="([^"]*)"')


def state_of(page: str) -> str:
    found = STATE.search(page)
    assert found is not None, "the page has no state field"
    return unescape(found.group(1))


class Visitor:
    def __init__(self, client: TestClient) -> None:  # type: ignore[type-arg]
        self.client = client
        self.page = ""
        self.status = 0
        self.response: ClientResponse | None = None

    @property
    def origin(self) -> str:
        return f"http://{self.client.host}:{self.client.port}"

    async def open(self, path: str = "/") -> str:
        return await self._keep(await self.client.get(path))

    async def post(self, path: str = "/go", *, state: str | None = None,
                   headers: dict[str, str] | None = None,
                   **fields: str | Sequence[str]) -> str:
        data: list[tuple[str, str]] = [("state", self.state if state is None else state)]
        for name, value in fields.items():
            values = [value] if isinstance(value, str) else list(value)
            data += [(name, v) for v in values]
        sent = {"Origin": self.origin} if headers is None else headers
        return await self._keep(await self.client.post(path, data=data, headers=sent))

    async def do(self, action: str, *options: str) -> str:
        return await self.post(do=action, option=list(options))

    @property
    def state(self) -> str:
        return state_of(self.page)

    async def _keep(self, response: ClientResponse) -> str:
        self.response = response
        self.status = response.status
        self.page = await response.text()
        return self.page
