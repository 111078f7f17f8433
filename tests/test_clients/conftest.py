"""A moto-appstream-server for clients no one here wrote, and those clients.

The AWS CLI and the AWS SDK for JavaScript v3 are installed on first use (see
``installs.py``); a missing Node.js or an unreachable package registry fails
the tests that need them, with the reason.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from test_server.launch import empty_server, running_server

from . import installs
from .expected import REGION

# Variables that would let the host's AWS setup, Python or Node.js settings or a
# proxy reach the client processes.
_LEAKY_VARIABLES = frozenset(
    {
        "PYTHONPATH",
        "PYTHONHOME",
        "VIRTUAL_ENV",
        "NODE_OPTIONS",
        "NODE_PATH",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    }
)


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The endpoint URL of a ``moto-appstream-server`` started for the clients."""
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def server_reset(server_url: str) -> Callable[[], None]:
    """Empty every backend of the server."""
    return functools.partial(empty_server, server_url)


@pytest.fixture(autouse=True)
def clean_server(server_reset: Callable[[], None]) -> Iterator[None]:
    """Start and leave every test with an empty server."""
    server_reset()
    yield
    server_reset()


@pytest.fixture(scope="session")
def server_client(server_url: str) -> Any:
    """A boto3 AppStream client of the server, to arrange and inspect state."""
    return boto3.client(
        "appstream",
        region_name=REGION,
        endpoint_url=server_url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture(scope="session")
def client_environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for client processes: fake keys, and no host configuration.

    HOME is an empty directory and the AWS config and credentials files point at
    files that do not exist, so nothing of the host's AWS setup leaks in. Retries
    are off, so an error of the server reaches the client at once.
    """
    home = tmp_path_factory.mktemp("client-home")
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.upper().startswith("AWS_") and key.upper() not in _LEAKY_VARIABLES
    }
    environment.update(
        HOME=str(home),
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_CONFIG_FILE=str(home / "missing-config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "missing-credentials"),
        AWS_MAX_ATTEMPTS="1",
        AWS_EC2_METADATA_DISABLED="true",
    )
    return environment


@pytest.fixture(scope="session")
def aws_cli_executable() -> Path:
    """The pinned AWS CLI v1, in its own virtualenv."""
    return installs.aws_cli()


@pytest.fixture(scope="session")
def js_project_dir() -> Path:
    """The ``js`` project with ``@aws-sdk/client-appstream`` installed beside it."""
    return installs.js_project()
