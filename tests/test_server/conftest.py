"""A moto-appstream-server subprocess on a free loopback port, shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .launch import empty_server, running_server


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The endpoint URL of a ``moto-appstream-server`` started for this session."""
    with running_server() as url:
        yield url


@pytest.fixture(autouse=True)
def reset_server(server_url: str) -> Iterator[None]:
    """Start every test from an empty server."""
    empty_server(server_url)
    yield
    empty_server(server_url)
