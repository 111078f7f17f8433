"""The moto-appstream-server command: moto_server's options, AppStream added."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import moto.server
import pytest
from moto.moto_server import werkzeug_app

from moto_appstream import server

from .launch import server_command


@pytest.fixture
def handed_to_moto(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str] | None]:
    """Record what ``moto.server.main`` would have been given, without serving."""
    calls: list[Sequence[str] | None] = []
    monkeypatch.setattr(moto.server, "main", calls.append)
    return calls


def _options(command: list[str]) -> list[str]:
    help_text = subprocess.run(
        [*command, "--help"], capture_output=True, text=True, check=True
    ).stdout
    return help_text.split("options:", 1)[1].split()


def test_main_hands_argv_to_moto(handed_to_moto: list[Sequence[str] | None]) -> None:
    server.main(["--host", "0.0.0.0", "--port", "5123"])

    assert handed_to_moto == [["--host", "0.0.0.0", "--port", "5123"]]


def test_main_leaves_the_command_line_to_moto(
    handed_to_moto: list[Sequence[str] | None],
) -> None:
    server.main()

    assert handed_to_moto == [None]


def test_main_routes_unsigned_appstream_requests(
    handed_to_moto: list[Sequence[str] | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(werkzeug_app.UNSIGNED_REQUESTS, "PhotonAdminProxyService")

    server.main([])

    assert werkzeug_app.UNSIGNED_REQUESTS["PhotonAdminProxyService"] == (
        "appstream",
        "us-east-1",
    )


def test_command_has_the_options_of_moto_server() -> None:
    moto_server = [sys.executable, "-m", "moto.server"]

    assert _options(server_command()) == _options(moto_server)


def test_module_runs_as_the_command() -> None:
    module = [sys.executable, "-m", "moto_appstream.server"]

    assert _options(module) == _options(server_command())
