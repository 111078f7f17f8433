"""AppStream over HTTP: moto-appstream-server and moto's ThreadedMotoServer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto.server import ThreadedMotoServer
from test_appstream.helpers import create_fleet

import moto_appstream  # noqa: F401

DEFAULT_ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"
BASE_IMAGE = "AppStream-WinServer2019-06-12-2023"
JSON_11 = "application/x-amz-json-1.1"


def _client(url: str, region: str = "us-east-1", account_id: str | None = None) -> Any:
    client = boto3.client(
        "appstream",
        region_name=region,
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    if account_id is not None:

        def add_account(request: AWSRequest, **_: Any) -> None:
            request.headers["x-moto-account-id"] = account_id

        client.meta.events.register("before-sign.appstream", add_account)
    return client


def _signed_post(
    url: str, action: str, body: str, content_type: str = JSON_11
) -> requests.Response:
    headers = {
        "Content-Type": content_type,
        "X-Amz-Target": f"PhotonAdminProxyService.{action}",
    }
    request = AWSRequest(method="POST", url=f"{url}/", data=body, headers=headers)
    credentials = Credentials("testing", "testing")
    SigV4Auth(credentials, "appstream", "us-east-1").add_auth(request)
    return requests.post(
        f"{url}/", data=body, headers=dict(request.headers), timeout=10
    )


def _post_image(url: str, body: Any) -> requests.Response:
    return requests.post(f"{url}/moto-api/appstream/images", json=body, timeout=10)


def test_create_fleet_then_describe_fleets(server_url: str) -> None:
    client = _client(server_url)
    create_fleet(client, "server-fleet")

    fleets = client.describe_fleets()["Fleets"]

    assert [(fleet["Name"], fleet["Arn"], fleet["State"]) for fleet in fleets] == [
        (
            "server-fleet",
            f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/server-fleet",
            "STOPPED",
        )
    ]


def test_fleet_arn_carries_the_client_region(server_url: str) -> None:
    client = _client(server_url, region="eu-central-1")
    create_fleet(client, "frankfurt")

    fleets = client.describe_fleets()["Fleets"]

    assert [fleet["Arn"] for fleet in fleets] == [
        f"arn:aws:appstream:eu-central-1:{DEFAULT_ACCOUNT}:fleet/frankfurt"
    ]


def test_reset_empties_appstream(server_url: str) -> None:
    client = _client(server_url)
    client.create_stack(Name="to-be-reset")

    reply = requests.post(f"{server_url}/moto-api/reset", timeout=10)

    assert reply.status_code == 200
    assert client.describe_stacks()["Stacks"] == []


def test_account_header_isolates_state(server_url: str) -> None:
    other = _client(server_url, account_id=OTHER_ACCOUNT)
    other.create_stack(Name="other-account-stack")

    assert _client(server_url).describe_stacks()["Stacks"] == []


def test_account_header_selects_the_account(server_url: str) -> None:
    other = _client(server_url, account_id=OTHER_ACCOUNT)
    other.create_stack(Name="other-account-stack")

    stacks = other.describe_stacks()["Stacks"]

    assert [stack["Arn"] for stack in stacks] == [
        f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT}:stack/other-account-stack"
    ]


def test_unsigned_request_with_appstream_target_reaches_appstream(
    server_url: str,
) -> None:
    reply = requests.post(
        f"{server_url}/",
        data="{}",
        headers={
            "Content-Type": JSON_11,
            "X-Amz-Target": "PhotonAdminProxyService.DescribeFleets",
        },
        timeout=10,
    )

    assert (reply.status_code, reply.json()) == (200, {"Fleets": []})


def test_private_image_route_adds_an_image(server_url: str) -> None:
    reply = _post_image(
        server_url,
        {
            "Name": "finance-apps",
            "Platform": "WINDOWS_SERVER_2022",
            "DisplayName": "Finance applications",
            "Description": "Ledger and reporting tools",
        },
    )

    body = reply.json()
    assert reply.status_code == 201
    assert {key: body[key] for key in ("Name", "Arn", "Platform", "Visibility")} == {
        "Name": "finance-apps",
        "Arn": f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps",
        "Platform": "WINDOWS_SERVER_2022",
        "Visibility": "PRIVATE",
    }
    assert (body["DisplayName"], body["Description"]) == (
        "Finance applications",
        "Ledger and reporting tools",
    )


def test_private_image_route_image_is_described(server_url: str) -> None:
    _post_image(server_url, {"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"})

    images = _client(server_url).describe_images(Names=["finance-apps"])["Images"]

    assert [(image["Arn"], image["Visibility"]) for image in images] == [
        (f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps", "PRIVATE")
    ]


def test_private_image_route_image_backs_a_fleet(server_url: str) -> None:
    _post_image(server_url, {"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"})
    client = _client(server_url)

    client.create_fleet(
        Name="finance",
        ImageName="finance-apps",
        InstanceType="stream.standard.medium",
        ComputeCapacity={"DesiredInstances": 1},
    )

    fleet = client.describe_fleets(Names=["finance"])["Fleets"][0]
    assert fleet["ImageArn"] == (
        f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps"
    )


def test_private_image_route_uses_account_and_region(server_url: str) -> None:
    _post_image(
        server_url,
        {
            "Name": "frankfurt-apps",
            "Platform": "WINDOWS_SERVER_2022",
            "AccountId": OTHER_ACCOUNT,
            "Region": "eu-central-1",
        },
    )
    client = _client(server_url, region="eu-central-1", account_id=OTHER_ACCOUNT)

    images = client.describe_images(Names=["frankfurt-apps"])["Images"]

    assert [image["Arn"] for image in images] == [
        f"arn:aws:appstream:eu-central-1:{OTHER_ACCOUNT}:image/frankfurt-apps"
    ]


def test_private_image_route_rejects_a_duplicate(server_url: str) -> None:
    image = {"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"}
    _post_image(server_url, image)

    reply = _post_image(server_url, image)

    assert reply.status_code == 400
    assert reply.json()["__type"] == "ResourceAlreadyExistsException"


def test_private_image_route_rejects_a_missing_platform(server_url: str) -> None:
    reply = _post_image(server_url, {"Name": "finance-apps"})

    assert (reply.status_code, reply.json()) == (
        400,
        {
            "__type": "ValidationException",
            "message": "The member 'Platform' is required.",
        },
    )


def test_reset_removes_private_images(server_url: str) -> None:
    _post_image(server_url, {"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"})

    requests.post(f"{server_url}/moto-api/reset", timeout=10)

    images = _client(server_url).describe_images(Type="PRIVATE")["Images"]
    assert images == []


def test_unknown_action_is_a_400(server_url: str) -> None:
    reply = _signed_post(server_url, "DescribeEverything", "{}")

    assert reply.status_code == 400
    assert reply.json()["__type"] == "UnknownOperationException"
    assert sorted(reply.json()) == ["__type", "message"]


def test_wrong_content_type_is_a_400(server_url: str) -> None:
    reply = _signed_post(server_url, "DescribeFleets", "{}", "application/json")

    assert reply.status_code == 400
    assert sorted(reply.json()) == ["__type", "message"]


@pytest.mark.parametrize("body", ["[]", '"fleets"', "42", "{not json"], ids=repr)
def test_body_that_is_not_a_json_object_is_a_400(server_url: str, body: str) -> None:
    reply = _signed_post(server_url, "DescribeFleets", body)

    assert reply.status_code == 400
    assert reply.json()["__type"] == "SerializationException"
    assert sorted(reply.json()) == ["__type", "message"]


@pytest.mark.parametrize(
    "body",
    [
        {"Names": "notalist"},
        {"Names": [1]},
        {"NextToken": 7},
    ],
    ids=json.dumps,
)
def test_member_of_the_wrong_type_is_a_400(server_url: str, body: Any) -> None:
    reply = _signed_post(server_url, "DescribeFleets", json.dumps(body))

    assert reply.status_code == 400
    assert reply.json()["__type"] == "SerializationException"
    assert sorted(reply.json()) == ["__type", "message"]


def test_malformed_create_fleet_changes_no_state(server_url: str) -> None:
    body = {
        "Name": "malformed",
        "ImageName": BASE_IMAGE,
        "InstanceType": "stream.standard.medium",
        "ComputeCapacity": {"DesiredInstances": "one"},
    }

    reply = _signed_post(server_url, "CreateFleet", json.dumps(body))

    assert reply.status_code == 400
    assert _client(server_url).describe_fleets()["Fleets"] == []


@pytest.fixture
def threaded_server() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    try:
        yield url
    finally:
        requests.post(f"{url}/moto-api/reset", timeout=10)
        server.stop()


def test_threaded_moto_server_serves_appstream(threaded_server: str) -> None:
    client = _client(threaded_server)
    client.create_stack(Name="threaded")

    stacks = client.describe_stacks()["Stacks"]

    assert [stack["Name"] for stack in stacks] == ["threaded"]


def test_threaded_moto_server_serves_the_private_image_route(
    threaded_server: str,
) -> None:
    reply = _post_image(
        threaded_server, {"Name": "threaded-apps", "Platform": "AMAZON_LINUX2"}
    )

    assert (reply.status_code, reply.json()["Visibility"]) == (201, "PRIVATE")
