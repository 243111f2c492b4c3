"""Fixtures for the web pages: an app over the example tree, driven in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from tests.web.visitor import Visitor
from wizard.model.loader import load_tree
from wizard.model.tree import Tree
from wizard.web.app import WebConfig, make_app

EXAMPLE = Path(__file__).parents[1] / "trees" / "example.yaml"
SECRET = b"test secret"


class Clock:
    """A clock the tests move by hand (no waiting)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def make_visitor(clock: Clock) -> AsyncIterator[Callable[..., object]]:
    clients: list[TestClient] = []  # type: ignore[type-arg]

    async def make(tree: Tree | None = None, **options: object) -> Visitor:
        config = WebConfig(tree or load_tree(EXAMPLE), SECRET, clock=clock, **options)  # type: ignore[arg-type]
        client: TestClient = TestClient(TestServer(make_app(config)))  # type: ignore[type-arg]
        await client.start_server()
        clients.append(client)
        return Visitor(client)

    yield make
    for client in clients:
        await client.close()


@pytest.fixture
async def visitor(make_visitor: Callable[..., object]) -> Visitor:
    made = await make_visitor()  # type: ignore[operator]
    assert isinstance(made, Visitor)
    return made
