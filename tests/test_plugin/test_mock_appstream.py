"""mock_appstream in each of the forms moto's mock_aws supports."""

from __future__ import annotations

import unittest
from typing import Any

import boto3
from moto import mock_aws

from moto_appstream import mock_appstream


def _client() -> Any:
    return boto3.client("appstream", region_name="us-east-1")


def _stack_names() -> list[str]:
    return [stack["Name"] for stack in _client().describe_stacks()["Stacks"]]


def test_mock_appstream_is_mock_aws() -> None:
    assert mock_appstream is mock_aws


@mock_appstream
def test_mock_appstream_as_bare_decorator() -> None:
    _client().create_stack(Name="bare")

    assert _stack_names() == ["bare"]


@mock_appstream()
def test_mock_appstream_as_called_decorator() -> None:
    _client().create_stack(Name="called")

    assert _stack_names() == ["called"]


def test_mock_appstream_as_context_manager() -> None:
    with mock_appstream():
        _client().create_stack(Name="managed")

        assert _stack_names() == ["managed"]


def test_mock_appstream_accepts_config() -> None:
    with mock_appstream(config={"core": {"reset_boto3_session": False}}):
        _client().create_stack(Name="configured")

        assert _stack_names() == ["configured"]


def test_mock_appstream_resets_state_between_uses() -> None:
    with mock_appstream():
        _client().create_stack(Name="first-use")

    with mock_appstream():
        assert _stack_names() == []


def test_mock_appstream_starts_empty() -> None:
    with mock_appstream():
        assert _client().describe_fleets()["Fleets"] == []


def test_mock_appstream_mocks_other_services_too() -> None:
    with mock_appstream():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="appstream-session-scripts")

        buckets = s3.list_buckets()["Buckets"]
        assert [bucket["Name"] for bucket in buckets] == ["appstream-session-scripts"]


@mock_appstream
class TestMockAppStreamOnPlainClass:
    def test_a_creates_a_stack(self) -> None:
        _client().create_stack(Name="class-decorated")

        assert _stack_names() == ["class-decorated"]

    def test_b_starts_from_empty_state(self) -> None:
        assert _stack_names() == []


@mock_appstream
class TestMockAppStreamOnTestCase(unittest.TestCase):
    def setUp(self) -> None:
        _client().create_stack(Name="from-setup")

    def test_a_sees_the_state_made_in_set_up(self) -> None:
        assert _stack_names() == ["from-setup"]

    def test_b_adds_to_the_state_made_in_set_up(self) -> None:
        _client().create_stack(Name="from-test")

        assert sorted(_stack_names()) == ["from-setup", "from-test"]

    def test_c_starts_again_from_set_up(self) -> None:
        assert _stack_names() == ["from-setup"]
