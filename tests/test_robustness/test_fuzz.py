"""Model-driven bad input for every implemented operation, over HTTP and boto3.

``scripts/fuzz_appstream.py`` runs the same generator for longer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from moto import mock_aws
from test_server.launch import Server

import moto_appstream

from .fuzzing import KNOWN, SNAPSHOT_OPERATIONS, Fuzzer
from .model_strategies import (
    SERVICE_MODEL,
    UNKNOWN_OPERATION,
    Case,
    allowed_error_codes,
    cases,
    error_body_problems,
    error_code,
    implemented_operations,
    output_shape_errors,
)
from .wire import (
    BASE_IMAGE,
    CallFailed,
    Reply,
    add_private_image,
    call,
    post,
    reset,
)

OPERATIONS = implemented_operations()
HTTP_EXAMPLES = 14
BOTO3_EXAMPLES = 300

# Failing examples are reported as drawn, not shrunk: shrinking over HTTP
# would take minutes.
FUZZ_SETTINGS = settings(
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@cache
def _cases(operation: str) -> Any:
    return cases(operation, KNOWN)


@pytest.fixture(scope="module")
def http_fuzzer(fuzz_server: Server) -> Fuzzer:
    url = fuzz_server.url

    def send(case: Case) -> Reply:
        return post(url, case.operation, case.body)

    def read(action: str, params: Mapping[str, Any]) -> Any:
        return call(url, action, params)

    def add_image(name: str, platform: str) -> None:
        add_private_image(url, name, platform)

    return Fuzzer(send=send, read=read, reset=lambda: reset(url), add_image=add_image)


class NotSent(Exception):
    """boto3 refused the parameters before sending them."""


class Boto3Transport:
    """Calls through a boto3 client under ``mock_aws``, keeping the raw reply."""

    def __init__(self) -> None:
        self.client = boto3.client(
            "appstream",
            region_name="us-east-1",
            config=Config(retries={"total_max_attempts": 1}),
        )
        self.client.meta.events.register("after-call.appstream", self._keep)
        self.last: Reply | None = None

    def _keep(self, http_response: Any, **_: Any) -> None:
        self.last = Reply(
            http_response.status_code,
            dict(http_response.headers.items()),
            http_response.content,
        )

    def _call(self, action: str, params: Mapping[str, Any]) -> Reply:
        self.last = None
        method = getattr(self.client, xform_name(action))
        try:
            method(**params)
        except ParamValidationError as error:
            raise NotSent(str(error))
        except ClientError:
            pass
        assert self.last is not None
        return self.last

    def send(self, case: Case) -> Reply:
        try:
            params = json.loads(case.body.decode("utf-8"))
        except (ValueError, RecursionError):
            raise NotSent("not a JSON body")
        if not isinstance(params, dict):
            raise NotSent("not a JSON object")
        return self._call(case.operation, params)

    def read(self, action: str, params: Mapping[str, Any]) -> Any:
        reply = self._call(action, params)
        if reply.status != 200:
            raise CallFailed(f"{action} {params!r} answered {reply.text}")
        return reply.json()


@pytest.fixture(scope="module")
def boto3_fuzzer() -> Iterator[Fuzzer]:
    mock = mock_aws()
    mock.start()
    try:
        transport = Boto3Transport()

        def add_image(name: str, platform: str) -> None:
            moto_appstream.add_private_image(name, platform)

        yield Fuzzer(
            send=transport.send,
            read=transport.read,
            reset=mock.reset,
            add_image=add_image,
        )
    finally:
        mock.stop()


def test_implemented_operations_come_from_the_backend() -> None:
    assert "CreateFleet" in OPERATIONS
    assert all(op in SERVICE_MODEL.operation_names for op in OPERATIONS)


def test_snapshot_reads_every_implemented_read_operation() -> None:
    reads = {op for op in OPERATIONS if op.startswith(("Describe", "List"))}

    assert reads == SNAPSHOT_OPERATIONS


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(FUZZ_SETTINGS, max_examples=HTTP_EXAMPLES)
@given(data=st.data())
def test_operation_over_http_answers_model_driven_input(
    http_fuzzer: Fuzzer, operation: str, data: st.DataObject
) -> None:
    case = data.draw(_cases(operation), label="case")

    problems = http_fuzzer.run(case)

    assert problems == [], "\n".join([case.describe(), *problems])


@settings(FUZZ_SETTINGS, max_examples=BOTO3_EXAMPLES)
@given(data=st.data())
def test_operation_through_boto3_answers_model_driven_input(
    boto3_fuzzer: Fuzzer, data: st.DataObject
) -> None:
    operation = data.draw(st.sampled_from(OPERATIONS), label="operation")
    case = data.draw(_cases(operation), label="case")

    try:
        problems = boto3_fuzzer.run(case)
    except NotSent:
        return

    assert problems == [], "\n".join([case.describe(), *problems])


@pytest.mark.parametrize(
    "action",
    ["DescribeEverything", "createFleet", "CreateFleets", "Describe Fleets", ""],
)
def test_action_not_in_the_model_is_unknown_operation(
    fuzz_server: Server, action: str
) -> None:
    reply = post(fuzz_server.url, action, "{}")

    assert reply.status == 400
    assert reply.json() == {
        "__type": UNKNOWN_OPERATION,
        "message": f"Unknown operation PhotonAdminProxyService.{action}",
    }


@settings(FUZZ_SETTINGS, max_examples=25)
@given(
    action=st.text(
        st.sampled_from(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
        ),
        min_size=1,
        max_size=40,
    ).filter(lambda name: name not in SERVICE_MODEL.operation_names)
)
def test_generated_action_not_in_the_model_is_unknown_operation(
    fuzz_server: Server, action: str
) -> None:
    reply = post(fuzz_server.url, action, "{}")

    assert (reply.status, reply.json()["__type"]) == (400, UNKNOWN_OPERATION)
    assert error_body_problems(reply) == []


@pytest.mark.parametrize(
    ("action", "body", "code"),
    [
        ("DescribeFleets", '{"Names": ["no-such-fleet"]}', "ResourceNotFoundException"),
        ("CreateStack", '{"Name": "bad name"}', "ValidationException"),
        ("CreateStack", '{"Name": 7}', "SerializationException"),
        ("CreateStack", "[]", "SerializationException"),
        ("DescribeEverything", "{}", UNKNOWN_OPERATION),
    ],
    ids=["modeled", "validation", "member-type", "body-type", "unknown-operation"],
)
def test_error_reply_carries_type_and_message(
    fuzz_server: Server, action: str, body: str, code: str
) -> None:
    reply = post(fuzz_server.url, action, body)

    assert (reply.status, reply.json()["__type"]) == (400, code)
    assert error_body_problems(reply) == []


BLANK_TEXT = {"Description": "", "DisplayName": ""}


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("CreateStack", {"Name": "blank-stack", **BLANK_TEXT}),
        (
            "CreateFleet",
            {
                "Name": "blank-fleet",
                "ImageName": BASE_IMAGE,
                "InstanceType": "stream.standard.medium",
                "ComputeCapacity": {"DesiredInstances": 1},
                **BLANK_TEXT,
            },
        ),
    ],
    ids=["CreateStack", "CreateFleet"],
)
def test_empty_description_and_display_name_answer_the_output_shape(
    quota_free_url: str, action: str, body: dict[str, Any]
) -> None:
    reply = post(quota_free_url, action, json.dumps(body))

    assert reply.status == 200
    output = SERVICE_MODEL.operation_model(action).output_shape
    assert output_shape_errors(reply.json(), output) == []


@pytest.mark.parametrize("action", ["UpdateStack", "UpdateFleet"])
def test_update_to_empty_description_answers_the_output_shape(
    quota_free_url: str, action: str
) -> None:
    call(quota_free_url, "CreateStack", {"Name": "blank"})
    call(
        quota_free_url,
        "CreateFleet",
        {
            "Name": "blank",
            "ImageName": BASE_IMAGE,
            "InstanceType": "stream.standard.medium",
            "ComputeCapacity": {"DesiredInstances": 1},
        },
    )

    reply = post(quota_free_url, action, json.dumps({"Name": "blank", **BLANK_TEXT}))

    assert reply.status == 200
    output = SERVICE_MODEL.operation_model(action).output_shape
    assert output_shape_errors(reply.json(), output) == []


PAGED_OPERATIONS = [
    op
    for op in OPERATIONS
    if "NextToken" in SERVICE_MODEL.operation_model(op).input_shape.members
]
PAGED_REQUIRED = {
    "DescribeUsers": {"AuthenticationType": "USERPOOL"},
    "DescribeUserStackAssociations": {"StackName": "any"},
    "ListAssociatedFleets": {"StackName": "any"},
    "ListAssociatedStacks": {"FleetName": "any"},
}


@pytest.mark.parametrize("operation", PAGED_OPERATIONS)
def test_forged_next_token_answers_a_modeled_or_standard_code(
    fuzz_server: Server, operation: str
) -> None:
    body = {**PAGED_REQUIRED.get(operation, {}), "NextToken": "forged"}

    reply = post(fuzz_server.url, operation, json.dumps(body))

    assert reply.status == 400
    assert error_code(reply) in allowed_error_codes(operation)
