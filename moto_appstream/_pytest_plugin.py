"""pytest plugin: registers AppStream with moto and offers a ready client."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws, settings
from moto.core.config import DefaultConfig, default_user_config

import moto_appstream  # noqa: F401  (importing the package registers AppStream)

APPSTREAM_TEST_REGION = "us-east-1"


@pytest.fixture(scope="session")
def appstream_boto3_session() -> boto3.Session:
    """A boto3 session with fake credentials, built once per test session.

    Clients made from it skip the credential and configuration lookups that a new
    session repeats; it is never used outside a mock by the fixtures here.
    """
    return boto3.Session(
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        aws_session_token="testing",
        region_name=APPSTREAM_TEST_REGION,
    )


@pytest.fixture
def appstream_client(appstream_boto3_session: boto3.Session) -> Iterator[Any]:
    """An AppStream client for us-east-1 inside a mock that lasts for one test.

    State still starts empty in every test, but the client is cheap: it comes
    from the session-wide ``appstream_boto3_session``, and the mock runs with
    ``reset_boto3_session`` off. The trade-off of that setting: while the test
    runs, ``boto3.client(...)`` in the code under test reuses boto3's default
    session instead of a fresh one, so credentials or a region that session
    cached earlier (real ones, if it was made outside a mock) stay in effect.
    Requests are still answered by moto. Use ``mock_aws`` directly where the
    code under test must see a clean default session.

    When ``TEST_SERVER_MODE`` is set, the client talks to the moto server.
    """
    config = _config_keeping_boto3_session()
    endpoint_url = (
        settings.test_server_mode_endpoint() if settings.TEST_SERVER_MODE else None
    )
    with mock_aws(config=config):
        yield appstream_boto3_session.client(
            "appstream", region_name=APPSTREAM_TEST_REGION, endpoint_url=endpoint_url
        )


def _config_keeping_boto3_session() -> DefaultConfig:
    core = copy.deepcopy(default_user_config.get("core", {}))
    core["reset_boto3_session"] = False
    return {"core": core}
