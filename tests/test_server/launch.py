"""Starting moto-appstream-server as a subprocess and waiting for it to answer."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT = 60.0


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_command() -> list[str]:
    """The console script of this interpreter's environment, else ``-m``."""
    script = Path(sys.executable).with_name("moto-appstream-server")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "moto_appstream.server"]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=2) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@dataclass(frozen=True)
class Server:
    """A running moto-appstream-server: its endpoint URL, process id and log."""

    url: str
    pid: int
    log: Path


class ServerDidNotStart(RuntimeError):
    """The server exited, or did not answer in time; the message holds its log."""


def wait_until_answering(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Return once the server answers; raise with its output if it never does."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace")
            msg = f"moto-appstream-server exited with {process.returncode}:\n{output}"
            raise ServerDidNotStart(msg)
        if _answers(url):
            return
        time.sleep(0.1)
    process.kill()
    output = log.read_text(errors="replace")
    raise ServerDidNotStart(f"moto-appstream-server did not answer at {url}:\n{output}")


@contextlib.contextmanager
def started_server(env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Run the server on a free loopback port until the block ends.

    ``env`` adds to (or overrides) this process's environment; the variables that
    would point the server at another server or account are left out.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    child_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TEST_SERVER_MODE", "MOTO_PORT", "MOTO_ACCOUNT_ID"}
    }
    child_env.update(env or {})
    with tempfile.TemporaryDirectory() as workdir:
        log = Path(workdir) / "server.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [*server_command(), "--host", "127.0.0.1", "--port", str(port)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=child_env,
            )
        try:
            wait_until_answering(process, url, log)
            yield Server(url=url, pid=process.pid, log=log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Run the server for a test; yield its URL. A failed start fails the test."""
    try:
        with started_server() as server:
            yield server.url
    except ServerDidNotStart as error:
        pytest.fail(str(error))


def empty_server(url: str) -> None:
    """Empty every backend of the server at ``url``."""
    request = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200
