"""moto-appstream-server processes on free loopback ports, for the robustness tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_server.launch import Server, started_server

from .wire import reset


@pytest.fixture(scope="session")
def fuzz_server() -> Iterator[Server]:
    """A server with the default quotas."""
    with started_server() as server:
        yield server


@pytest.fixture(scope="session")
def quota_free_server() -> Iterator[Server]:
    """A server started with ``MOTO_APPSTREAM_ENFORCE_QUOTAS=false``."""
    with started_server({"MOTO_APPSTREAM_ENFORCE_QUOTAS": "false"}) as server:
        yield server


@pytest.fixture
def quota_free_url(quota_free_server: Server) -> Iterator[str]:
    """The quota-free server's URL, emptied before and after the test."""
    reset(quota_free_server.url)
    yield quota_free_server.url
    reset(quota_free_server.url)
