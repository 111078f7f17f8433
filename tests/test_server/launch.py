"""Starting moto-appstream-server as a subprocess and waiting for it to answer."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


def wait_until_answering(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Return once the server answers; fail with its output if it never does."""
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
