"""The terminal mode's WebSocket: a malformed message is ignored, however it is malformed.

Before: a deeply nested message ("[" * 100000) raised RecursionError out of the message loop,
a traceback in the log and the tab's connection dropped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from aiohttp import WSMsgType

from wizard.web.terminal_server import TerminalServer


class _Message:
    def __init__(self, data: str) -> None:
        self.type = WSMsgType.TEXT
        self.data = data


class _Socket:
    def __init__(self, *texts: str) -> None:
        self.texts = texts
        self.sent: list[Any] = []

    async def __aiter__(self) -> AsyncIterator[_Message]:  # type: ignore[misc]
        for text in self.texts:
            yield _Message(text)

    async def send_json(self, data: Any) -> None:
        self.sent.append(data)


class _Tab:
    def __init__(self) -> None:
        self.typed: list[str] = []

    def offer_input(self, text: str) -> bool:
        self.typed.append(text)
        return True


async def test_a_deeply_nested_message_is_ignored_and_the_next_one_still_passes() -> None:
    server = TerminalServer(["true"], host="127.0.0.1", port=1, title="t")
    socket = _Socket("[" * 100_000 + "]" * 100_000, '{"a": ' * 50_000 + "1" + "}" * 50_000,
                     '["stdin", "x"]', '["ping", 1]')
    tab = _Tab()
    await server._pass_messages(socket, tab)  # type: ignore[arg-type]
    assert tab.typed == ["x"] and socket.sent == [["pong", 1]]
