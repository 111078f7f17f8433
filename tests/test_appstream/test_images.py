"""Images: the public catalog, private images, and their use by fleets."""

from datetime import datetime, timezone

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID

import moto_appstream

from .helpers import LINUX_IMAGE, WINDOWS_IMAGE, assert_client_error, create_fleet

SAMPLE_IMAGE = "Amazon-AppStream2-Sample-Image-06-17-2024"


def _public_arn(name, region="us-east-1"):
    return f"arn:aws:appstream:{region}::image/{name}"


def _private_arn(name, region="us-east-1"):
    return f"arn:aws:appstream:{region}:{ACCOUNT_ID}:image/{name}"


def _names(images):
    return [image["Name"] for image in images]


@pytest.mark.parametrize(
    "name,platform",
    [
        (SAMPLE_IMAGE, "WINDOWS_SERVER_2019"),
        (WINDOWS_IMAGE, "WINDOWS_SERVER_2019"),
        (LINUX_IMAGE, "AMAZON_LINUX2"),
    ],
)
@mock_aws
def test_describe_images_public_catalog(name, platform):
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images()["Images"]

    [image] = [image for image in images if image["Name"] == name]
    assert (
        image["Arn"],
        image["Platform"],
        image["Visibility"],
        image["State"],
    ) == (_public_arn(name), platform, "PUBLIC", "AVAILABLE")


@mock_aws
def test_describe_images_public_image():
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images(Names=[WINDOWS_IMAGE])["Images"]

    released = datetime(2023, 6, 12, tzinfo=timezone.utc)
    assert images == [
        {
            "Name": WINDOWS_IMAGE,
            "Arn": _public_arn(WINDOWS_IMAGE),
            "DisplayName": WINDOWS_IMAGE,
            "State": "AVAILABLE",
            "Visibility": "PUBLIC",
            "ImageBuilderSupported": True,
            "Platform": "WINDOWS_SERVER_2019",
            "Description": "Windows Server 2019 base image",
            "Applications": [],
            "CreatedTime": released,
            "PublicBaseImageReleasedDate": released,
            "AppstreamAgentVersion": "1.1.1062",
            "ImagePermissions": {"allowFleet": True, "allowImageBuilder": True},
            "ImageErrors": [],
            "LatestAppstreamAgentVersion": "FALSE",
            "SupportedInstanceFamilies": [
                "GENERAL_PURPOSE",
                "COMPUTE_OPTIMIZED",
                "MEMORY_OPTIMIZED",
                "GRAPHICS_G4",
            ],
            "DynamicAppProvidersEnabled": "DISABLED",
            "ManagedSoftwareIncluded": False,
            "ImageType": "NATIVE",
        }
    ]


@mock_aws
def test_describe_images_public_arns_carry_region():
    client = boto3.client("appstream", region_name="eu-central-1")

    images = client.describe_images(Names=[SAMPLE_IMAGE])["Images"]

    assert [image["Arn"] for image in images] == [
        _public_arn(SAMPLE_IMAGE, "eu-central-1")
    ]


@mock_aws
def test_describe_images_public_only_by_default():
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images()["Images"]

    assert {image["Visibility"] for image in images} == {"PUBLIC"}


@mock_aws
def test_describe_images_by_names():
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images(Names=[LINUX_IMAGE, SAMPLE_IMAGE])["Images"]

    assert [image["Arn"] for image in images] == [
        _public_arn(LINUX_IMAGE),
        _public_arn(SAMPLE_IMAGE),
    ]


@mock_aws
def test_describe_images_by_arns():
    client = boto3.client("appstream", region_name="us-east-1")
    arns = [_public_arn(WINDOWS_IMAGE), _public_arn(LINUX_IMAGE)]

    images = client.describe_images(Arns=arns)["Images"]

    assert _names(images) == [WINDOWS_IMAGE, LINUX_IMAGE]


@mock_aws
def test_describe_images_by_arns_private():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-by-arn", "WINDOWS_SERVER_2022")

    images = client.describe_images(Arns=[_private_arn("image-by-arn")])["Images"]

    assert _names(images) == ["image-by-arn"]


@mock_aws
def test_describe_images_names_and_arns():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(Names=[WINDOWS_IMAGE], Arns=[_public_arn(WINDOWS_IMAGE)])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Specify either Names or Arns, not both.",
    )


@pytest.mark.parametrize("names", [["image-unknown"], [WINDOWS_IMAGE, "image-unknown"]])
@mock_aws
def test_describe_images_unknown_name(names):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(Names=names)

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image image-unknown for account {ACCOUNT_ID} does not exist.",
    )


@pytest.mark.parametrize(
    "arn",
    [
        _private_arn("image-unknown"),
        _public_arn("image-unknown"),
        _public_arn(WINDOWS_IMAGE, "us-west-2"),
        f"arn:aws:appstream:us-east-1:{ACCOUNT_ID}:image/{WINDOWS_IMAGE}",
    ],
    ids=["private", "public", "public-other-region", "public-with-account"],
)
@mock_aws
def test_describe_images_unknown_arn(arn):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(Arns=[arn])

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image {arn} for account {ACCOUNT_ID} does not exist.",
    )


@mock_aws
def test_describe_images_type_public():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-not-public", "WINDOWS_SERVER_2019")

    images = client.describe_images(Type="PUBLIC")["Images"]

    assert "image-not-public" not in _names(images)
    assert {image["Visibility"] for image in images} == {"PUBLIC"}
    assert {SAMPLE_IMAGE, WINDOWS_IMAGE, LINUX_IMAGE} <= set(_names(images))


@mock_aws
def test_describe_images_type_private():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-private-1", "WINDOWS_SERVER_2019")
    moto_appstream.add_private_image("image-private-2", "AMAZON_LINUX2")

    images = client.describe_images(Type="PRIVATE")["Images"]

    assert [(image["Name"], image["Arn"]) for image in images] == [
        ("image-private-1", _private_arn("image-private-1")),
        ("image-private-2", _private_arn("image-private-2")),
    ]


@mock_aws
def test_describe_images_type_private_none():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.describe_images(Type="PRIVATE")

    assert response["Images"] == []
    assert "NextToken" not in response


@mock_aws
def test_describe_images_type_shared():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-not-shared", "WINDOWS_SERVER_2019")

    images = client.describe_images(Type="SHARED")["Images"]

    assert images == []


@mock_aws
def test_describe_images_type_filters_names():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-filtered", "WINDOWS_SERVER_2019")

    images = client.describe_images(
        Names=[WINDOWS_IMAGE, "image-filtered"], Type="PRIVATE"
    )["Images"]

    assert _names(images) == ["image-filtered"]


@mock_aws
def test_describe_images_invalid_type():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(Type="INTERNAL")

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value 'INTERNAL' at 'type' failed to satisfy "
            "constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]"
        ),
    )


@mock_aws
def test_describe_images_max_results():
    client = boto3.client("appstream", region_name="us-east-1")
    everything = _names(client.describe_images()["Images"])

    first = client.describe_images(MaxResults=2)
    second = client.describe_images(MaxResults=2, NextToken=first["NextToken"])

    assert _names(first["Images"]) == everything[:2]
    assert _names(second["Images"]) == everything[2:4]


@mock_aws
def test_describe_images_max_results_last_page():
    client = boto3.client("appstream", region_name="us-east-1")
    everything = _names(client.describe_images()["Images"])
    response = client.describe_images(MaxResults=len(everything) - 1)

    last = client.describe_images(MaxResults=25, NextToken=response["NextToken"])

    assert _names(last["Images"]) == everything[-1:]
    assert "NextToken" not in last


@mock_aws
def test_describe_images_max_results_zero():
    client = boto3.client("appstream", region_name="us-east-1")
    everything = _names(client.describe_images()["Images"])

    response = client.describe_images(MaxResults=0)

    assert _names(response["Images"]) == everything
    assert "NextToken" not in response


@mock_aws
def test_describe_images_paginator():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-paged", "WINDOWS_SERVER_2019")
    everything = _names(client.describe_images()["Images"])

    pages = list(
        client.get_paginator("describe_images").paginate(
            PaginationConfig={"PageSize": 2}
        )
    )

    assert [len(page["Images"]) for page in pages[:-1]] == [2] * (len(pages) - 1)
    assert [name for page in pages for name in _names(page["Images"])] == everything


@mock_aws
def test_describe_images_max_results_too_large():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(MaxResults=26)

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value '26' at 'maxResults' failed to satisfy "
            "constraint: Member must have value less than or equal to 25"
        ),
    )


@mock_aws
@freeze_time("2024-02-02 10:00:00")
def test_describe_images_private_image():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image(
        "image-finance",
        "WINDOWS_SERVER_2022",
        display_name="Finance",
        description="Ledger tools",
    )

    images = client.describe_images(Names=["image-finance"])["Images"]

    assert images == [
        {
            "Name": "image-finance",
            "Arn": _private_arn("image-finance"),
            "DisplayName": "Finance",
            "State": "AVAILABLE",
            "Visibility": "PRIVATE",
            "ImageBuilderSupported": True,
            "Platform": "WINDOWS_SERVER_2022",
            "Description": "Ledger tools",
            "Applications": [],
            "CreatedTime": datetime(2024, 2, 2, 10, tzinfo=timezone.utc),
            "ImageErrors": [],
            "LatestAppstreamAgentVersion": "FALSE",
            "DynamicAppProvidersEnabled": "DISABLED",
            "ImageSharedWithOthers": "FALSE",
            "ManagedSoftwareIncluded": False,
            "ImageType": "NATIVE",
        }
    ]


@mock_aws
def test_describe_images_lists_private_images():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-listed", "WINDOWS_SERVER_2019")

    images = client.describe_images()["Images"]

    assert "image-listed" in _names(images)


@mock_aws
def test_describe_images_private_image_through_backend():
    backend = moto_appstream.appstream_backends[ACCOUNT_ID]["us-east-1"]
    backend.add_image("image-from-backend", "AMAZON_LINUX2")
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images(Names=["image-from-backend"])["Images"]

    assert [(image["Arn"], image["Platform"]) for image in images] == [
        (_private_arn("image-from-backend"), "AMAZON_LINUX2")
    ]


@mock_aws
def test_create_fleet_private_image_by_name():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-fleet-name", "WINDOWS_SERVER_2022")

    fleet = create_fleet(client, "fleet-private-name", ImageName="image-fleet-name")

    assert (fleet["ImageName"], fleet["ImageArn"], fleet["Platform"]) == (
        "image-fleet-name",
        _private_arn("image-fleet-name"),
        "WINDOWS_SERVER_2022",
    )


@mock_aws
def test_create_fleet_private_image_by_arn():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image("image-fleet-arn", "AMAZON_LINUX2")

    fleet = create_fleet(
        client,
        "fleet-private-arn",
        ImageName=None,
        ImageArn=_private_arn("image-fleet-arn"),
    )

    assert (fleet["ImageName"], fleet["ImageArn"], fleet["Platform"]) == (
        "image-fleet-arn",
        _private_arn("image-fleet-arn"),
        "AMAZON_LINUX2",
    )


@mock_aws
def test_create_fleet_public_image_by_arn():
    client = boto3.client("appstream", region_name="us-east-1")

    fleet = create_fleet(
        client, "fleet-public-arn", ImageName=None, ImageArn=_public_arn(LINUX_IMAGE)
    )

    assert (fleet["ImageName"], fleet["ImageArn"], fleet["Platform"]) == (
        LINUX_IMAGE,
        _public_arn(LINUX_IMAGE),
        "AMAZON_LINUX2",
    )


@mock_aws
def test_create_fleet_private_image_not_available():
    client = boto3.client("appstream", region_name="us-east-1")
    moto_appstream.add_private_image(
        "image-still-pending", "WINDOWS_SERVER_2019", state="PENDING"
    )

    with pytest.raises(ClientError) as exc:
        create_fleet(client, "fleet-pending-image", ImageName="image-still-pending")

    assert_client_error(
        exc,
        "ResourceNotAvailableException",
        (
            "The image image-still-pending is PENDING. The image must be in an AVAILABLE "
            "state for this action to succeed."
        ),
    )


@mock_aws
def test_create_fleet_private_image_of_other_region_by_name():
    moto_appstream.add_private_image("image-east-only", "WINDOWS_SERVER_2019")
    client = boto3.client("appstream", region_name="us-west-2")

    with pytest.raises(ClientError) as exc:
        create_fleet(client, "fleet-west", ImageName="image-east-only")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image image-east-only for account {ACCOUNT_ID} does not exist.",
    )


@mock_aws
def test_create_fleet_private_image_of_other_region_by_arn():
    moto_appstream.add_private_image("image-east-arn", "WINDOWS_SERVER_2019")
    client = boto3.client("appstream", region_name="us-west-2")
    arn = _private_arn("image-east-arn")

    with pytest.raises(ClientError) as exc:
        create_fleet(client, "fleet-west-arn", ImageName=None, ImageArn=arn)

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image {arn} for account {ACCOUNT_ID} does not exist.",
    )


@mock_aws
def test_describe_images_private_image_of_other_region():
    moto_appstream.add_private_image("image-stays-east", "WINDOWS_SERVER_2019")
    client = boto3.client("appstream", region_name="us-west-2")

    images = client.describe_images(Type="PRIVATE")["Images"]

    assert images == []


@mock_aws
def test_describe_images_private_image_added_to_other_region():
    moto_appstream.add_private_image(
        "image-west", "WINDOWS_SERVER_2019", region_name="us-west-2"
    )
    client = boto3.client("appstream", region_name="us-west-2")

    images = client.describe_images(Type="PRIVATE")["Images"]

    assert [image["Arn"] for image in images] == [
        _private_arn("image-west", "us-west-2")
    ]
