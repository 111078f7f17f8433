"""The pytest11 entry point and the fixtures it provides."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

pytest_plugins = ["pytester"]

ONLY_MOTO = textwrap.dedent(
    """
    import boto3
    from moto import mock_aws


    @mock_aws
    def test_describe_fleets_without_importing_the_plugin():
        client = boto3.client("appstream", region_name="us-east-1")

        assert client.describe_fleets()["Fleets"] == []
    """
)

WITH_FIXTURES = textwrap.dedent(
    """
    def test_a_creates_a_stack(appstream_client):
        appstream_client.create_stack(Name="fixture-stack")

        stacks = appstream_client.describe_stacks()["Stacks"]
        assert [stack["Name"] for stack in stacks] == ["fixture-stack"]


    def test_b_starts_from_empty_state(appstream_client):
        assert appstream_client.describe_stacks()["Stacks"] == []


    def test_c_client_is_for_us_east_1(appstream_client):
        assert appstream_client.meta.region_name == "us-east-1"


    def test_d_session_is_shared(appstream_boto3_session, request):
        again = request.getfixturevalue("appstream_boto3_session")
        assert again is appstream_boto3_session
    """
)


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the inner run load entry points, and fail fast if it leaves the mock."""
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("TEST_SERVER_MODE", raising=False)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("AWS_RETRY_MODE", "standard")


@pytest.mark.usefixtures("isolated_env")
def test_plugin_lets_mock_aws_serve_appstream(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_only_moto=ONLY_MOTO)

    result = pytester.runpytest_subprocess("-q")

    result.assert_outcomes(passed=1)


@pytest.mark.usefixtures("isolated_env")
def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_only_moto=ONLY_MOTO)

    result = pytester.runpytest_subprocess("-q", "-p", "no:moto_appstream")

    result.assert_outcomes(failed=1)


@pytest.mark.usefixtures("isolated_env")
def test_plugin_fixtures_give_a_fresh_mock_per_test(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_fixtures=WITH_FIXTURES)

    result = pytester.runpytest_subprocess("-q")

    result.assert_outcomes(passed=4)


def test_appstream_client_starts_empty(appstream_client: Any) -> None:
    assert appstream_client.describe_fleets()["Fleets"] == []


def test_appstream_client_keeps_the_default_boto3_session(
    appstream_client: Any,
) -> None:
    from moto.core.config import default_user_config

    assert default_user_config["core"]["reset_boto3_session"] is False
