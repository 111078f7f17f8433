"""A moto-appstream-server subprocess on a free loopback port, shared by the tests."""

from __future__ import annotations

import os
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .launch import free_port, server_command, wait_until_answering


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The endpoint URL of a ``moto-appstream-server`` started for this session."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TEST_SERVER_MODE", "MOTO_PORT"}
    }
    with tempfile.TemporaryDirectory() as workdir:
        log = Path(workdir) / "server.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [*server_command(), "--host", "127.0.0.1", "--port", str(port)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            wait_until_answering(process, url, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(autouse=True)
def reset_server(server_url: str) -> Iterator[None]:
    """Start every test from an empty server."""
    _reset(server_url)
    yield
    _reset(server_url)


def _reset(url: str) -> None:
    request = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200
