"""Private images: add_private_image in-process and the moto-api route."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests
from flask.testing import FlaskClient
from moto import mock_aws
from moto.server import create_backend_app

from moto_appstream import add_private_image
from moto_appstream.appstream.exceptions import ResourceAlreadyExistsException

DEFAULT_ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"
ROUTE = "/moto-api/appstream/images"
IN_PROCESS_URL = f"http://motoapi.amazonaws.com{ROUTE}"
BASE_IMAGE = "AppStream-WinServer2019-06-12-2023"


def _client(region: str = "us-east-1") -> Any:
    return boto3.client("appstream", region_name=region)


def _summary(image: dict[str, Any]) -> dict[str, Any]:
    keys = ("Name", "Arn", "Platform", "Visibility", "State", "DisplayName")
    return {key: image[key] for key in keys}


@pytest.fixture
def moto_api() -> Iterator[FlaskClient]:
    with mock_aws():
        yield create_backend_app("moto_api").test_client()


@mock_aws
def test_add_private_image_returns_the_image() -> None:
    image = add_private_image("finance-apps", "WINDOWS_SERVER_2022")

    assert (image.name, image.arn, image.platform, image.visibility) == (
        "finance-apps",
        f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps",
        "WINDOWS_SERVER_2022",
        "PRIVATE",
    )


@mock_aws
def test_add_private_image_is_described() -> None:
    add_private_image("finance-apps", "WINDOWS_SERVER_2022")

    images = _client().describe_images(Names=["finance-apps"])["Images"]

    assert [_summary(image) for image in images] == [
        {
            "Name": "finance-apps",
            "Arn": f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps",
            "Platform": "WINDOWS_SERVER_2022",
            "Visibility": "PRIVATE",
            "State": "AVAILABLE",
            "DisplayName": "finance-apps",
        }
    ]


@mock_aws
def test_add_private_image_passes_attributes_on() -> None:
    add_private_image(
        "finance-apps",
        "WINDOWS_SERVER_2022",
        display_name="Finance applications",
        description="Ledger and reporting tools",
        supported_instance_families=["GENERAL_PURPOSE"],
    )

    image = _client().describe_images(Names=["finance-apps"])["Images"][0]

    assert (
        image["DisplayName"],
        image["Description"],
        image["SupportedInstanceFamilies"],
    ) == ("Finance applications", "Ledger and reporting tools", ["GENERAL_PURPOSE"])


@mock_aws
def test_add_private_image_in_another_account_and_region() -> None:
    image = add_private_image(
        "frankfurt-apps",
        "AMAZON_LINUX2",
        account_id=OTHER_ACCOUNT,
        region_name="eu-central-1",
    )

    assert image.arn == (
        f"arn:aws:appstream:eu-central-1:{OTHER_ACCOUNT}:image/frankfurt-apps"
    )


@mock_aws
def test_add_private_image_is_invisible_to_other_accounts() -> None:
    add_private_image(
        "frankfurt-apps",
        "AMAZON_LINUX2",
        account_id=OTHER_ACCOUNT,
        region_name="eu-central-1",
    )

    images = _client("eu-central-1").describe_images(Type="PRIVATE")["Images"]

    assert images == []


@mock_aws
def test_add_private_image_backs_a_fleet() -> None:
    add_private_image("finance-apps", "WINDOWS_SERVER_2022")
    client = _client()

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


@mock_aws
def test_add_private_image_rejects_a_duplicate_name() -> None:
    add_private_image("finance-apps", "WINDOWS_SERVER_2022")

    with pytest.raises(ResourceAlreadyExistsException) as exc:
        add_private_image("finance-apps", "WINDOWS_SERVER_2022")

    assert exc.value.message == "The image finance-apps already exists."


def test_add_private_image_state_resets_with_the_mock() -> None:
    with mock_aws():
        add_private_image("finance-apps", "WINDOWS_SERVER_2022")

    with mock_aws():
        assert _client().describe_images(Type="PRIVATE")["Images"] == []


def test_route_adds_an_image(moto_api: FlaskClient) -> None:
    reply = moto_api.post(
        ROUTE, json={"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"}
    )

    assert reply.status_code == 201
    assert _summary(reply.get_json()) == {
        "Name": "finance-apps",
        "Arn": f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:image/finance-apps",
        "Platform": "WINDOWS_SERVER_2022",
        "Visibility": "PRIVATE",
        "State": "AVAILABLE",
        "DisplayName": "finance-apps",
    }


def test_route_reply_matches_describe_images(moto_api: FlaskClient) -> None:
    reply = moto_api.post(
        ROUTE,
        json={
            "Name": "finance-apps",
            "Platform": "WINDOWS_SERVER_2022",
            "DisplayName": "Finance applications",
            "Description": "Ledger and reporting tools",
            "SupportedInstanceFamilies": ["GENERAL_PURPOSE"],
            "ImageBuilderSupported": False,
        },
    )

    described = _client().describe_images(Names=["finance-apps"])["Images"][0]
    added = reply.get_json()
    assert {key: added[key] for key in added if key != "CreatedTime"} == {
        key: described[key] for key in described if key != "CreatedTime"
    }
    assert added["CreatedTime"] == described["CreatedTime"].timestamp()


def test_route_uses_account_and_region(moto_api: FlaskClient) -> None:
    reply = moto_api.post(
        ROUTE,
        json={
            "Name": "frankfurt-apps",
            "Platform": "AMAZON_LINUX2",
            "AccountId": OTHER_ACCOUNT,
            "Region": "eu-central-1",
        },
    )

    assert reply.get_json()["Arn"] == (
        f"arn:aws:appstream:eu-central-1:{OTHER_ACCOUNT}:image/frankfurt-apps"
    )


def test_route_rejects_a_duplicate(moto_api: FlaskClient) -> None:
    image = {"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"}
    moto_api.post(ROUTE, json=image)

    reply = moto_api.post(ROUTE, json=image)

    assert (reply.status_code, reply.get_json()) == (
        400,
        {
            "__type": "ResourceAlreadyExistsException",
            "message": "The image finance-apps already exists.",
        },
    )


def test_route_rejects_the_name_of_a_public_image(moto_api: FlaskClient) -> None:
    reply = moto_api.post(
        ROUTE, json={"Name": BASE_IMAGE, "Platform": "WINDOWS_SERVER_2019"}
    )

    assert (reply.status_code, reply.get_json()) == (
        400,
        {
            "__type": "ResourceAlreadyExistsException",
            "message": f"The image {BASE_IMAGE} already exists.",
        },
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[]", "The request body must be a JSON object, not list."),
        ("{not json", "The request body is not valid JSON."),
        ("", "The request body is not valid JSON."),
        ('{"Platform": "AMAZON_LINUX2"}', "The member 'Name' is required."),
        ('{"Name": "a"}', "The member 'Platform' is required."),
        (
            '{"Name": 7, "Platform": "AMAZON_LINUX2"}',
            "The member 'Name' must be a JSON string, not 7.",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2", "ImageBuilderSupported": 1}',
            "The member 'ImageBuilderSupported' must be a JSON boolean, not 1.",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2",'
            ' "SupportedInstanceFamilies": "GENERAL_PURPOSE"}',
            "The member 'SupportedInstanceFamilies' must be a JSON array, "
            "not 'GENERAL_PURPOSE'.",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2",'
            ' "SupportedInstanceFamilies": [1]}',
            "SupportedInstanceFamilies must hold strings, not [1].",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2", "AccountId": "42"}',
            "AccountId must be 12 digits, not '42'.",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2", "Region": "us-west-1"}',
            "Region 'us-west-1' has no AppStream endpoint.",
        ),
        (
            '{"Name": "a", "Platform": "AMAZON_LINUX2", "Colour": "blue"}',
            "Unknown members ['Colour']; accepted members are ['Name', 'Platform', "
            "'AccountId', 'Region', 'DisplayName', 'Description', "
            "'SupportedInstanceFamilies', 'ImageBuilderSupported', 'State'].",
        ),
    ],
)
def test_route_rejects_bad_input(
    moto_api: FlaskClient, body: str, message: str
) -> None:
    reply = moto_api.post(ROUTE, data=body, content_type="application/json")

    assert (reply.status_code, reply.get_json()) == (
        400,
        {"__type": "ValidationException", "message": message},
    )


def test_route_answers_get_with_405(moto_api: FlaskClient) -> None:
    reply = moto_api.get(ROUTE)

    assert (reply.status_code, reply.get_json()) == (
        405,
        {"__type": "MethodNotAllowed", "message": "Add a private image with POST."},
    )


@mock_aws
def test_route_is_served_in_process_to_requests() -> None:
    reply = requests.post(
        IN_PROCESS_URL,
        json={"Name": "finance-apps", "Platform": "WINDOWS_SERVER_2022"},
        timeout=10,
    )

    images = _client().describe_images(Names=["finance-apps"])["Images"]
    assert (reply.status_code, [image["Visibility"] for image in images]) == (
        201,
        ["PRIVATE"],
    )


def test_route_reports_an_unknown_platform_as_json(moto_api: FlaskClient) -> None:
    reply = moto_api.post(ROUTE, json={"Name": "a", "Platform": "BEOS"})

    body = reply.get_json()
    assert (reply.status_code, sorted(body), body["__type"]) == (
        400,
        ["__type", "message"],
        "ValidationException",
    )
    assert body["message"].startswith(
        "1 validation error detected: Value 'BEOS' at 'platform' failed to satisfy "
        "constraint: Member must satisfy enum value set: ["
    )
