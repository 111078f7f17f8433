"""A moto-appstream-server subprocess on a free loopback port, shared by the tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _server_command() -> list[str]:
    script = Path(sys.executable).with_name("moto-appstream-server")
    if script.exists():
        return [str(script)]
    found = shutil.which("moto-appstream-server")
    if found:
        return [found]
    return [sys.executable, "-m", "moto_appstream.server"]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=2) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _wait_until_answering(
    process: subprocess.Popen[bytes], url: str, log: Path
) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace")
            pytest.fail(
                f"moto-appstream-server exited with {process.returncode}:\n{output}"
            )
        if _answers(url):
            return
        time.sleep(0.1)
    process.kill()
    output = log.read_text(errors="replace")
    pytest.fail(f"moto-appstream-server did not answer at {url}:\n{output}")


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The endpoint URL of a ``moto-appstream-server`` started for this session."""
    port = _free_port()
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
                [*_server_command(), "--host", "127.0.0.1", "--port", str(port)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            _wait_until_answering(process, url, log)
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
