"""Fleet operations: CreateFleet, DescribeFleets, UpdateFleet, DeleteFleet, StartFleet
and StopFleet."""

from datetime import datetime, timezone
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time
from moto import mock_aws, settings
from moto.core import DEFAULT_ACCOUNT_ID

from moto_appstream import add_private_image

from .helpers import (
    LINUX_IMAGE,
    WINDOWS_IMAGE,
    assert_client_error,
    create_fleet,
    fleet_progression,
    start_fleet_and_wait,
)

ACCOUNT = DEFAULT_ACCOUNT_ID
REGION = "us-east-1"

WINDOWS_IMAGE_ARN = f"arn:aws:appstream:{REGION}::image/{WINDOWS_IMAGE}"
SAMPLE_IMAGE = "Amazon-AppStream2-Sample-Image-06-17-2024"
SAMPLE_IMAGE_ARN = f"arn:aws:appstream:{REGION}::image/{SAMPLE_IMAGE}"
WINDOWS_2022_IMAGE = "AppStream-WinServer2022-01-08-2025"
WINDOWS_2022_IMAGE_ARN = f"arn:aws:appstream:{REGION}::image/{WINDOWS_2022_IMAGE}"

ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/AppStreamFleetRole"
OTHER_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/AppStreamOtherRole"
USB_FILTER = "Wacom Tablet,056a,*,*,*,*,0,1"
OTHER_USB_FILTER = "Yubikey,1050,*,*,*,*,1,0"
SUBNETS = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
VPC_CONFIG = {"SubnetIds": SUBNETS, "SecurityGroupIds": ["sg-0123abcd"]}
DOMAIN_JOIN_INFO = {
    "DirectoryName": "corp.example.com",
    "OrganizationalUnitDistinguishedName": "OU=AppStream,DC=corp,DC=example,DC=com",
}
SCRIPT_LOCATION = {"S3Bucket": "session-scripts", "S3Key": "scripts/config.json"}

STOPPED_CAPACITY = {"Desired": 2, "Running": 0, "InUse": 0, "Available": 0}
RUNNING_CAPACITY = {"Desired": 2, "Running": 2, "InUse": 0, "Available": 2}
ELASTIC_CAPACITY = {"Desired": 0, "Running": 0, "InUse": 0, "Available": 0}


def _client() -> Any:
    return boto3.client("appstream", region_name=REGION)


def _fleet_arn(name: str) -> str:
    return f"arn:aws:appstream:{REGION}:{ACCOUNT}:fleet/{name}"


def _create_fleet(client: Any, name: str, **members: Any) -> dict[str, Any]:
    """A fleet of two instances, as _expected_fleet describes it."""
    return create_fleet(
        client, name, **{"ComputeCapacity": {"DesiredInstances": 2}, **members}
    )


def _create_elastic_fleet(client: Any, name: str, **members: Any) -> dict[str, Any]:
    elastic = {
        "ImageName": None,
        "ComputeCapacity": None,
        "FleetType": "ELASTIC",
        "InstanceType": "stream.standard.small",
        "Platform": "AMAZON_LINUX2",
        "MaxConcurrentSessions": 10,
        "VpcConfig": {"SubnetIds": SUBNETS},
    }
    return create_fleet(client, name, **{**elastic, **members})


def _describe(client: Any, name: str) -> dict[str, Any]:
    return client.describe_fleets(Names=[name])["Fleets"][0]


def _without_created_time(fleet: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fleet.items() if key != "CreatedTime"}


def _expected_fleet(name: str, **members: Any) -> dict[str, Any]:
    """A fleet made by _create_fleet with only the required members."""
    return {
        "Arn": _fleet_arn(name),
        "Name": name,
        "ImageName": WINDOWS_IMAGE,
        "ImageArn": WINDOWS_IMAGE_ARN,
        "InstanceType": "stream.standard.medium",
        "FleetType": "ON_DEMAND",
        "ComputeCapacityStatus": STOPPED_CAPACITY,
        "MaxUserDurationInSeconds": 57600,
        "DisconnectTimeoutInSeconds": 900,
        "State": "STOPPED",
        "FleetErrors": [],
        "EnableDefaultInternetAccess": False,
        "IdleDisconnectTimeoutInSeconds": 0,
        "StreamView": "APP",
        "Platform": "WINDOWS_SERVER_2019",
        "RootVolumeConfig": {"VolumeSizeInGb": 200},
        "DisableIMDSV1": False,
        **members,
    }


@pytest.fixture
def manual_progression() -> Any:
    """Each fleet moves on from STARTING or STOPPING at its second description."""
    with fleet_progression(progression="manual", times=2):
        yield


# CreateFleet


@mock_aws
def test_create_fleet() -> None:
    client = _client()

    fleet = _create_fleet(client, "fleet-create")

    assert _without_created_time(fleet) == _expected_fleet("fleet-create")
    assert isinstance(fleet["CreatedTime"], datetime)
    assert fleet["CreatedTime"].tzinfo is not None


@mock_aws
def test_create_fleet_created_time() -> None:
    if settings.TEST_SERVER_MODE:
        pytest.skip("freezegun cannot freeze the server's clock")
    client = _client()

    with freeze_time("2024-05-01 12:30:00"):
        fleet = _create_fleet(client, "fleet-created-time")

    assert fleet["CreatedTime"] == datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)


@mock_aws
def test_create_fleet_is_described() -> None:
    client = _client()
    created = _create_fleet(client, "fleet-described")

    assert client.describe_fleets(Names=["fleet-described"])["Fleets"] == [created]


@mock_aws
def test_create_fleet_by_image_arn() -> None:
    client = _client()

    fleet = _create_fleet(
        client, "fleet-image-arn", ImageName=None, ImageArn=WINDOWS_IMAGE_ARN
    )

    assert _without_created_time(fleet) == _expected_fleet("fleet-image-arn")


@mock_aws
def test_create_fleet_private_image() -> None:
    add_private_image("finance-apps", "WINDOWS_SERVER_2022")
    client = _client()

    fleet = _create_fleet(client, "fleet-private-image", ImageName="finance-apps")

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-private-image",
        ImageName="finance-apps",
        ImageArn=f"arn:aws:appstream:{REGION}:{ACCOUNT}:image/finance-apps",
        Platform="WINDOWS_SERVER_2022",
    )


@mock_aws
def test_create_fleet_linux_image() -> None:
    client = _client()

    fleet = _create_fleet(client, "fleet-linux", ImageName=LINUX_IMAGE)

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-linux",
        ImageName=LINUX_IMAGE,
        ImageArn=f"arn:aws:appstream:{REGION}::image/{LINUX_IMAGE}",
        Platform="AMAZON_LINUX2",
    )


@mock_aws
def test_create_fleet_all_members() -> None:
    client = _client()

    fleet = client.create_fleet(
        Name="fleet-everything",
        ImageArn=WINDOWS_IMAGE_ARN,
        InstanceType="stream.compute.large",
        FleetType="ALWAYS_ON",
        ComputeCapacity={"DesiredInstances": 3},
        VpcConfig=VPC_CONFIG,
        MaxUserDurationInSeconds=7200,
        DisconnectTimeoutInSeconds=300,
        Description="Streams the finance applications",
        DisplayName="Finance",
        EnableDefaultInternetAccess=True,
        DomainJoinInfo=DOMAIN_JOIN_INFO,
        Tags={"team": "finance"},
        IdleDisconnectTimeoutInSeconds=600,
        IamRoleArn=ROLE_ARN,
        StreamView="DESKTOP",
        Platform="WINDOWS_SERVER_2019",
        UsbDeviceFilterStrings=[USB_FILTER, OTHER_USB_FILTER],
        RootVolumeConfig={"VolumeSizeInGb": 300},
        DisableIMDSV1=True,
    )["Fleet"]

    assert _without_created_time(fleet) == {
        "Arn": _fleet_arn("fleet-everything"),
        "Name": "fleet-everything",
        "DisplayName": "Finance",
        "Description": "Streams the finance applications",
        "ImageName": WINDOWS_IMAGE,
        "ImageArn": WINDOWS_IMAGE_ARN,
        "InstanceType": "stream.compute.large",
        "FleetType": "ALWAYS_ON",
        "ComputeCapacityStatus": {
            "Desired": 3,
            "Running": 0,
            "InUse": 0,
            "Available": 0,
        },
        "MaxUserDurationInSeconds": 7200,
        "DisconnectTimeoutInSeconds": 300,
        "State": "STOPPED",
        "VpcConfig": VPC_CONFIG,
        "FleetErrors": [],
        "EnableDefaultInternetAccess": True,
        "DomainJoinInfo": DOMAIN_JOIN_INFO,
        "IdleDisconnectTimeoutInSeconds": 600,
        "IamRoleArn": ROLE_ARN,
        "StreamView": "DESKTOP",
        "Platform": "WINDOWS_SERVER_2019",
        "UsbDeviceFilterStrings": [USB_FILTER, OTHER_USB_FILTER],
        "RootVolumeConfig": {"VolumeSizeInGb": 300},
        "DisableIMDSV1": True,
    }


@mock_aws
def test_create_fleet_tags() -> None:
    client = _client()

    _create_fleet(client, "fleet-tags", Tags={"team": "finance", "env": "test"})

    tags = client.list_tags_for_resource(ResourceArn=_fleet_arn("fleet-tags"))
    assert tags["Tags"] == {"team": "finance", "env": "test"}


@mock_aws
def test_create_fleet_multi_session() -> None:
    client = _client()

    fleet = _create_fleet(
        client,
        "fleet-multi-session",
        ComputeCapacity={"DesiredSessions": 10},
        MaxSessionsPerInstance=4,
    )

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-multi-session",
        MaxSessionsPerInstance=4,
        ComputeCapacityStatus={
            "Desired": 3,
            "Running": 0,
            "InUse": 0,
            "Available": 0,
            "DesiredUserSessions": 10,
            "AvailableUserSessions": 0,
            "ActiveUserSessions": 0,
            "ActualUserSessions": 0,
            "Draining": 0,
            "DrainModeActiveUserSessions": 0,
            "DrainModeUnusedUserSessions": 0,
        },
    )


@mock_aws
def test_create_fleet_desired_instances_zero() -> None:
    client = _client()

    fleet = _create_fleet(client, "fleet-zero", ComputeCapacity={"DesiredInstances": 0})

    assert fleet["ComputeCapacityStatus"] == {
        "Desired": 0,
        "Running": 0,
        "InUse": 0,
        "Available": 0,
    }


@pytest.mark.parametrize(
    "member,value",
    [
        ("MaxUserDurationInSeconds", 600),
        ("MaxUserDurationInSeconds", 432000),
        ("DisconnectTimeoutInSeconds", 60),
        ("DisconnectTimeoutInSeconds", 36000),
        ("IdleDisconnectTimeoutInSeconds", 0),
        ("IdleDisconnectTimeoutInSeconds", 60),
        ("IdleDisconnectTimeoutInSeconds", 70),
        ("IdleDisconnectTimeoutInSeconds", 36000),
        ("RootVolumeConfig", {"VolumeSizeInGb": 200}),
        ("RootVolumeConfig", {"VolumeSizeInGb": 500}),
    ],
)
@mock_aws
def test_create_fleet_range_limits(member: str, value: Any) -> None:
    client = _client()

    fleet = _create_fleet(client, "fleet-range-limit", **{member: value})

    assert fleet[member] == value


@mock_aws
def test_create_fleet_elastic() -> None:
    client = _client()

    fleet = _create_elastic_fleet(
        client,
        "fleet-elastic",
        SessionScriptS3Location=SCRIPT_LOCATION,
        UsbDeviceFilterStrings=[USB_FILTER],
    )

    assert _without_created_time(fleet) == {
        "Arn": _fleet_arn("fleet-elastic"),
        "Name": "fleet-elastic",
        "InstanceType": "stream.standard.small",
        "FleetType": "ELASTIC",
        "ComputeCapacityStatus": ELASTIC_CAPACITY,
        "MaxUserDurationInSeconds": 57600,
        "DisconnectTimeoutInSeconds": 900,
        "State": "STOPPED",
        "VpcConfig": {"SubnetIds": SUBNETS},
        "FleetErrors": [],
        "EnableDefaultInternetAccess": False,
        "IdleDisconnectTimeoutInSeconds": 0,
        "StreamView": "APP",
        "Platform": "AMAZON_LINUX2",
        "MaxConcurrentSessions": 10,
        "UsbDeviceFilterStrings": [USB_FILTER],
        "SessionScriptS3Location": SCRIPT_LOCATION,
        "RootVolumeConfig": {"VolumeSizeInGb": 200},
        "DisableIMDSV1": False,
    }


@pytest.mark.parametrize(
    "platform", ["WINDOWS_SERVER_2019", "AMAZON_LINUX2", "UBUNTU_PRO_2404"]
)
@pytest.mark.parametrize(
    "instance_type",
    [
        "stream.standard.small",
        "stream.standard.medium",
        "stream.standard.large",
        "stream.standard.xlarge",
        "stream.standard.2xlarge",
    ],
)
@mock_aws
def test_create_fleet_elastic_platforms_and_instance_types(
    platform: str, instance_type: str
) -> None:
    client = _client()

    fleet = _create_elastic_fleet(
        client, "fleet-elastic-kind", Platform=platform, InstanceType=instance_type
    )

    assert (fleet["Platform"], fleet["InstanceType"]) == (platform, instance_type)


@pytest.mark.parametrize(
    "members,message",
    [
        pytest.param(
            {"Platform": None},
            "A Platform is required for ELASTIC fleets.",
            id="no-platform",
        ),
        pytest.param(
            {"ImageName": WINDOWS_IMAGE},
            "ELASTIC fleets do not use an image.",
            id="image-name",
        ),
        pytest.param(
            {"ImageArn": WINDOWS_IMAGE_ARN},
            "ELASTIC fleets do not use an image.",
            id="image-arn",
        ),
        pytest.param(
            {"ComputeCapacity": {"DesiredInstances": 1}},
            "ComputeCapacity is not allowed for ELASTIC fleets.",
            id="compute-capacity",
        ),
        pytest.param(
            {"DomainJoinInfo": DOMAIN_JOIN_INFO},
            "DomainJoinInfo is not allowed for ELASTIC fleets.",
            id="domain-join-info",
        ),
        pytest.param(
            {"MaxSessionsPerInstance": 2},
            "MaxSessionsPerInstance is not allowed for ELASTIC fleets.",
            id="max-sessions-per-instance",
        ),
        pytest.param(
            {"Platform": "WINDOWS_SERVER_2022"},
            "ELASTIC fleets require a Platform of AMAZON_LINUX2, UBUNTU_PRO_2404, "
            "WINDOWS_SERVER_2019.",
            id="platform",
        ),
        pytest.param(
            {"MaxConcurrentSessions": None},
            "MaxConcurrentSessions is required for ELASTIC fleets.",
            id="no-max-concurrent-sessions",
        ),
        pytest.param(
            {"VpcConfig": None},
            "ELASTIC fleets require a VpcConfig with at least two subnets.",
            id="no-vpc-config",
        ),
        pytest.param(
            {"VpcConfig": {"SubnetIds": SUBNETS[:1]}},
            "ELASTIC fleets require a VpcConfig with at least two subnets.",
            id="one-subnet",
        ),
        pytest.param(
            {"VpcConfig": {"SecurityGroupIds": ["sg-0123abcd"]}},
            "ELASTIC fleets require a VpcConfig with at least two subnets.",
            id="no-subnets",
        ),
        pytest.param(
            {"InstanceType": "stream.compute.large"},
            "The instance type stream.compute.large is not supported for ELASTIC "
            "fleets.",
            id="instance-type",
        ),
    ],
)
@mock_aws
def test_create_fleet_elastic_invalid(members: dict[str, Any], message: str) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_elastic_fleet(client, "fleet-elastic-invalid", **members)

    assert_client_error(exc, "InvalidParameterCombinationException", message)
    assert client.describe_fleets()["Fleets"] == []


@pytest.mark.parametrize(
    "member,value",
    [
        ("MaxConcurrentSessions", 5),
        ("SessionScriptS3Location", SCRIPT_LOCATION),
    ],
)
@mock_aws
def test_create_fleet_elastic_member_on_image_fleet(member: str, value: Any) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-elastic-member", **{member: value})

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        f"{member} is allowed only for ELASTIC fleets.",
    )


@mock_aws
def test_create_fleet_duplicate_name() -> None:
    client = _client()
    _create_fleet(client, "fleet-duplicate")

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-duplicate", ImageName=SAMPLE_IMAGE)

    assert_client_error(
        exc,
        "ResourceAlreadyExistsException",
        "The fleet fleet-duplicate already exists.",
    )
    assert _describe(client, "fleet-duplicate")["ImageName"] == WINDOWS_IMAGE


@mock_aws
def test_create_fleet_unknown_image_name() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-unknown-image", ImageName="no-such-image")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image no-such-image for account {ACCOUNT} does not exist.",
    )


@pytest.mark.parametrize(
    "image_arn",
    [
        pytest.param(f"arn:aws:appstream:{REGION}::image/no-such-image", id="public"),
        pytest.param(
            f"arn:aws:appstream:{REGION}:{ACCOUNT}:image/{WINDOWS_IMAGE}",
            id="public-name-with-account",
        ),
        pytest.param(
            f"arn:aws:appstream:us-west-2::image/{WINDOWS_IMAGE}", id="other-region"
        ),
        pytest.param(
            f"arn:aws:appstream:{REGION}:111122223333:image/finance-apps",
            id="other-account",
        ),
    ],
)
@mock_aws
def test_create_fleet_unknown_image_arn(image_arn: str) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(
            client, "fleet-unknown-image-arn", ImageName=None, ImageArn=image_arn
        )

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image {image_arn} for account {ACCOUNT} does not exist.",
    )


@pytest.mark.parametrize("state", ["PENDING", "FAILED"])
@mock_aws
def test_create_fleet_image_not_available(state: str) -> None:
    add_private_image("unfinished-apps", "WINDOWS_SERVER_2019", state=state)
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-image-pending", ImageName="unfinished-apps")

    assert_client_error(
        exc,
        "ResourceNotAvailableException",
        (
            f"The image unfinished-apps is {state}. The image must be in an AVAILABLE "
            "state for this action to succeed."
        ),
    )
    assert client.describe_fleets()["Fleets"] == []


@mock_aws
def test_create_fleet_without_image() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-no-image", ImageName=None)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Either ImageName or ImageArn must be specified.",
    )


@mock_aws
def test_create_fleet_image_name_and_arn() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-two-images", ImageArn=WINDOWS_IMAGE_ARN)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Specify either ImageName or ImageArn, not both.",
    )


@pytest.mark.parametrize("fleet_type", ["ALWAYS_ON", "ON_DEMAND"])
@mock_aws
def test_create_fleet_without_compute_capacity(fleet_type: str) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(
            client, "fleet-no-capacity", FleetType=fleet_type, ComputeCapacity=None
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "ComputeCapacity is required for ALWAYS_ON and ON_DEMAND fleets.",
    )


@pytest.mark.parametrize(
    "capacity",
    [
        pytest.param({}, id="neither"),
        pytest.param({"DesiredInstances": 2, "DesiredSessions": 4}, id="both"),
    ],
)
@mock_aws
def test_create_fleet_desired_instances_or_sessions(capacity: dict[str, int]) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(
            client,
            "fleet-capacity-choice",
            ComputeCapacity=capacity,
            MaxSessionsPerInstance=2,
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Specify either DesiredInstances or DesiredSessions, not both or neither.",
    )


@mock_aws
def test_create_fleet_desired_sessions_single_session() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(
            client, "fleet-single-session", ComputeCapacity={"DesiredSessions": 4}
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "DesiredSessions is allowed only for multi-session fleets.",
    )


@mock_aws
def test_create_fleet_desired_instances_multi_session() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-multi-instances", MaxSessionsPerInstance=4)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Multi-session fleets are sized by DesiredSessions.",
    )


@pytest.mark.parametrize(
    "member,value,message",
    [
        (
            "MaxUserDurationInSeconds",
            599,
            "The MaxUserDurationInSeconds must be between 600 and 432000 seconds.",
        ),
        (
            "MaxUserDurationInSeconds",
            432001,
            "The MaxUserDurationInSeconds must be between 600 and 432000 seconds.",
        ),
        (
            "DisconnectTimeoutInSeconds",
            59,
            "The DisconnectTimeoutInSeconds must be between 60 and 36000 seconds.",
        ),
        (
            "DisconnectTimeoutInSeconds",
            36001,
            "The DisconnectTimeoutInSeconds must be between 60 and 36000 seconds.",
        ),
        (
            "IdleDisconnectTimeoutInSeconds",
            1,
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds.",
        ),
        (
            "IdleDisconnectTimeoutInSeconds",
            59,
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds.",
        ),
        (
            "IdleDisconnectTimeoutInSeconds",
            36001,
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds.",
        ),
        (
            "IdleDisconnectTimeoutInSeconds",
            -60,
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds.",
        ),
        (
            "RootVolumeConfig",
            {"VolumeSizeInGb": 199},
            "The VolumeSizeInGb must be between 200 and 500 GB.",
        ),
        (
            "RootVolumeConfig",
            {"VolumeSizeInGb": 501},
            "The VolumeSizeInGb must be between 200 and 500 GB.",
        ),
    ],
)
@mock_aws
def test_create_fleet_out_of_range(member: str, value: Any, message: str) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-out-of-range", **{member: value})

    assert_client_error(exc, "InvalidParameterCombinationException", message)
    assert client.describe_fleets()["Fleets"] == []


@pytest.mark.parametrize(
    "role_arn",
    [
        f"arn:aws:iam::{ACCOUNT}:user/appstream",
        f"arn:aws:iam::{ACCOUNT}:policy/AppStreamAccess",
        "arn:aws:s3:::appstream-role",
    ],
)
@mock_aws
def test_create_fleet_invalid_role(role_arn: str) -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-invalid-role", IamRoleArn=role_arn)

    assert_client_error(
        exc,
        "InvalidRoleException",
        (
            f"AppStream 2.0 encountered an error because your IAM role '{role_arn}' "
            "is invalid"
        ),
    )


@mock_aws
def test_create_fleet_platform_matches_image() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-platform", Platform="AMAZON_LINUX2")

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "The platform AMAZON_LINUX2 does not match the platform WINDOWS_SERVER_2019 "
            f"of image {WINDOWS_IMAGE}."
        ),
    )


@mock_aws
def test_create_fleet_quota() -> None:
    client = _client()
    for index in range(10):
        _create_fleet(client, f"fleet-quota-{index}")

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "fleet-quota-10")

    assert_client_error(
        exc,
        "LimitExceededException",
        (
            "The maximum number of fleets (10) has been reached for this account in "
            "this Region."
        ),
    )
    assert len(client.describe_fleets()["Fleets"]) == 10


@mock_aws
def test_create_fleet_quota_frees_up_on_delete() -> None:
    client = _client()
    for index in range(10):
        _create_fleet(client, f"fleet-freed-{index}")
    client.delete_fleet(Name="fleet-freed-0")

    fleet = _create_fleet(client, "fleet-freed-10")

    assert fleet["Name"] == "fleet-freed-10"


@mock_aws
def test_create_fleet_quota_not_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = _client()
    for index in range(10):
        _create_fleet(client, f"fleet-unlimited-{index}")

    fleet = _create_fleet(client, "fleet-unlimited-10")

    assert fleet["Name"] == "fleet-unlimited-10"
    assert len(client.describe_fleets()["Fleets"]) == 11


@mock_aws
def test_create_fleet_quota_per_region() -> None:
    client = _client()
    for index in range(10):
        _create_fleet(client, f"fleet-region-{index}")
    other = boto3.client("appstream", region_name="us-west-2")

    fleet = _create_fleet(other, "fleet-region-10")

    assert (
        fleet["Arn"] == f"arn:aws:appstream:us-west-2:{ACCOUNT}:fleet/fleet-region-10"
    )


# DescribeFleets


@mock_aws
def test_describe_fleets() -> None:
    client = _client()
    first = _create_fleet(client, "fleet-all-1")
    second = _create_elastic_fleet(client, "fleet-all-2")

    response = client.describe_fleets()

    assert response["Fleets"] == [first, second]
    assert "NextToken" not in response


@mock_aws
def test_describe_fleets_by_names() -> None:
    client = _client()
    _create_fleet(client, "fleet-names-1")
    second = _create_fleet(client, "fleet-names-2")
    third = _create_fleet(client, "fleet-names-3")

    response = client.describe_fleets(Names=["fleet-names-3", "fleet-names-2"])

    assert response["Fleets"] == [third, second]
    assert "NextToken" not in response


@mock_aws
def test_describe_fleets_unknown_name() -> None:
    client = _client()
    _create_fleet(client, "fleet-known")

    with pytest.raises(ClientError) as exc:
        client.describe_fleets(Names=["fleet-known", "fleet-unknown"])

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-unknown does not exist."
    )


@mock_aws
def test_describe_fleets_empty() -> None:
    response = _client().describe_fleets()

    assert response["Fleets"] == []
    assert "NextToken" not in response


@mock_aws
def test_describe_fleets_other_region() -> None:
    _create_fleet(_client(), "fleet-in-us-east-1")

    response = boto3.client("appstream", region_name="eu-west-1").describe_fleets()

    assert response["Fleets"] == []


@mock_aws
def test_describe_fleets_next_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = _client()
    names = [f"fleet-page-{index:02}" for index in range(60)]
    for name in names:
        _create_fleet(client, name)

    pages = []
    response = client.describe_fleets()
    pages.append(response)
    while "NextToken" in response:
        response = client.describe_fleets(NextToken=response["NextToken"])
        pages.append(response)

    seen = [fleet["Name"] for page in pages for fleet in page["Fleets"]]
    assert sorted(seen) == names
    assert [len(page["Fleets"]) for page in pages] == [25, 25, 10]
    assert "NextToken" not in pages[-1]


@mock_aws
def test_describe_fleets_paginator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = _client()
    names = [f"fleet-paginator-{index:02}" for index in range(60)]
    for name in names:
        _create_fleet(client, name)

    pages = list(client.get_paginator("describe_fleets").paginate())

    seen = [fleet["Name"] for page in pages for fleet in page["Fleets"]]
    assert sorted(seen) == names
    assert [len(page["Fleets"]) for page in pages] == [25, 25, 10]
    assert "NextToken" not in pages[-1]


@mock_aws
def test_describe_fleets_forged_next_token() -> None:
    client = _client()
    _create_fleet(client, "fleet-forged-token")

    with pytest.raises(ClientError) as exc:
        client.describe_fleets(NextToken="not-a-token")

    assert_client_error(
        exc,
        "ValidationException",
        "The NextToken not-a-token is not valid for this request.",
    )


@mock_aws
def test_describe_fleets_stale_next_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = _client()
    names = [f"fleet-stale-{index:02}" for index in range(30)]
    for name in names:
        _create_fleet(client, name)
    first_page = client.describe_fleets()
    shown = {fleet["Name"] for fleet in first_page["Fleets"]}
    next_name = next(name for name in names if name not in shown)
    client.delete_fleet(Name=next_name)

    with pytest.raises(ClientError) as exc:
        client.describe_fleets(NextToken=first_page["NextToken"])

    assert_client_error(
        exc,
        "ValidationException",
        f"The NextToken {first_page['NextToken']} is not valid for this request.",
    )


# UpdateFleet


STOPPED_UPDATES = [
    pytest.param(
        {"InstanceType": "stream.memory.large"},
        {"InstanceType": "stream.memory.large"},
        id="InstanceType",
    ),
    pytest.param(
        {"ComputeCapacity": {"DesiredInstances": 5}},
        {
            "ComputeCapacityStatus": {
                "Desired": 5,
                "Running": 0,
                "InUse": 0,
                "Available": 0,
            }
        },
        id="ComputeCapacity",
    ),
    pytest.param({"VpcConfig": VPC_CONFIG}, {"VpcConfig": VPC_CONFIG}, id="VpcConfig"),
    pytest.param(
        {"MaxUserDurationInSeconds": 3600},
        {"MaxUserDurationInSeconds": 3600},
        id="MaxUserDurationInSeconds",
    ),
    pytest.param(
        {"DisconnectTimeoutInSeconds": 120},
        {"DisconnectTimeoutInSeconds": 120},
        id="DisconnectTimeoutInSeconds",
    ),
    pytest.param(
        {"Description": "Streams the finance applications"},
        {"Description": "Streams the finance applications"},
        id="Description",
    ),
    pytest.param(
        {"DisplayName": "Finance"}, {"DisplayName": "Finance"}, id="DisplayName"
    ),
    pytest.param(
        {"EnableDefaultInternetAccess": True},
        {"EnableDefaultInternetAccess": True},
        id="EnableDefaultInternetAccess",
    ),
    pytest.param(
        {"DomainJoinInfo": DOMAIN_JOIN_INFO},
        {"DomainJoinInfo": DOMAIN_JOIN_INFO},
        id="DomainJoinInfo",
    ),
    pytest.param(
        {"IdleDisconnectTimeoutInSeconds": 120},
        {"IdleDisconnectTimeoutInSeconds": 120},
        id="IdleDisconnectTimeoutInSeconds",
    ),
    pytest.param({"IamRoleArn": ROLE_ARN}, {"IamRoleArn": ROLE_ARN}, id="IamRoleArn"),
    pytest.param({"StreamView": "DESKTOP"}, {"StreamView": "DESKTOP"}, id="StreamView"),
    pytest.param(
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        id="UsbDeviceFilterStrings",
    ),
    pytest.param(
        {"MaxSessionsPerInstance": 4, "ComputeCapacity": {"DesiredSessions": 8}},
        {
            "MaxSessionsPerInstance": 4,
            "ComputeCapacityStatus": {
                "Desired": 2,
                "Running": 0,
                "InUse": 0,
                "Available": 0,
                "DesiredUserSessions": 8,
                "AvailableUserSessions": 0,
                "ActiveUserSessions": 0,
                "ActualUserSessions": 0,
                "Draining": 0,
                "DrainModeActiveUserSessions": 0,
                "DrainModeUnusedUserSessions": 0,
            },
        },
        id="MaxSessionsPerInstance",
    ),
    pytest.param(
        {"RootVolumeConfig": {"VolumeSizeInGb": 250}},
        {"RootVolumeConfig": {"VolumeSizeInGb": 250}},
        id="RootVolumeConfig",
    ),
    pytest.param({"DisableIMDSV1": True}, {"DisableIMDSV1": True}, id="DisableIMDSV1"),
    pytest.param(
        {"ImageName": WINDOWS_2022_IMAGE},
        {
            "ImageName": WINDOWS_2022_IMAGE,
            "ImageArn": WINDOWS_2022_IMAGE_ARN,
            "Platform": "WINDOWS_SERVER_2022",
        },
        id="ImageName",
    ),
    pytest.param(
        {"ImageArn": WINDOWS_2022_IMAGE_ARN},
        {
            "ImageName": WINDOWS_2022_IMAGE,
            "ImageArn": WINDOWS_2022_IMAGE_ARN,
            "Platform": "WINDOWS_SERVER_2022",
        },
        id="ImageArn",
    ),
    pytest.param(
        {"ImageName": LINUX_IMAGE},
        {
            "ImageName": LINUX_IMAGE,
            "ImageArn": f"arn:aws:appstream:{REGION}::image/{LINUX_IMAGE}",
            "Platform": "AMAZON_LINUX2",
        },
        id="ImageName-other-os",
    ),
    pytest.param(
        {"ImageName": LINUX_IMAGE, "Platform": "AMAZON_LINUX2"},
        {
            "ImageName": LINUX_IMAGE,
            "ImageArn": f"arn:aws:appstream:{REGION}::image/{LINUX_IMAGE}",
            "Platform": "AMAZON_LINUX2",
        },
        id="ImageName-and-Platform",
    ),
    pytest.param(
        {"Platform": "WINDOWS_SERVER_2019"},
        {"Platform": "WINDOWS_SERVER_2019"},
        id="Platform-of-image",
    ),
]


@pytest.mark.parametrize("members,changes", STOPPED_UPDATES)
@mock_aws
def test_update_fleet_stopped(members: dict[str, Any], changes: dict[str, Any]) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-stopped")
    before = _describe(client, "fleet-update-stopped")

    fleet = client.update_fleet(Name="fleet-update-stopped", **members)["Fleet"]

    assert fleet == {**before, **changes}
    assert _describe(client, "fleet-update-stopped") == fleet


ELASTIC_STOPPED_UPDATES = [
    pytest.param(
        {"InstanceType": "stream.standard.large"},
        {"InstanceType": "stream.standard.large"},
        id="InstanceType",
    ),
    pytest.param(
        {"Platform": "UBUNTU_PRO_2404"}, {"Platform": "UBUNTU_PRO_2404"}, id="Platform"
    ),
    pytest.param(
        {"MaxConcurrentSessions": 25},
        {"MaxConcurrentSessions": 25},
        id="MaxConcurrentSessions",
    ),
    pytest.param(
        {"SessionScriptS3Location": SCRIPT_LOCATION},
        {"SessionScriptS3Location": SCRIPT_LOCATION},
        id="SessionScriptS3Location",
    ),
    pytest.param({"VpcConfig": VPC_CONFIG}, {"VpcConfig": VPC_CONFIG}, id="VpcConfig"),
    pytest.param(
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        id="UsbDeviceFilterStrings",
    ),
    pytest.param(
        {"Description": "Elastic finance apps"},
        {"Description": "Elastic finance apps"},
        id="Description",
    ),
]


@pytest.mark.parametrize("members,changes", ELASTIC_STOPPED_UPDATES)
@mock_aws
def test_update_fleet_elastic_stopped(
    members: dict[str, Any], changes: dict[str, Any]
) -> None:
    client = _client()
    _create_elastic_fleet(client, "fleet-elastic-update")
    before = _describe(client, "fleet-elastic-update")

    fleet = client.update_fleet(Name="fleet-elastic-update", **members)["Fleet"]

    assert fleet == {**before, **changes}
    assert _describe(client, "fleet-elastic-update") == fleet


@mock_aws
def test_update_fleet_name_only() -> None:
    client = _client()
    _create_fleet(client, "fleet-update-nothing")
    before = _describe(client, "fleet-update-nothing")

    fleet = client.update_fleet(Name="fleet-update-nothing")["Fleet"]

    assert fleet == before


RUNNING_UPDATES = [
    pytest.param(
        {"DisplayName": "Finance"}, {"DisplayName": "Finance"}, id="DisplayName"
    ),
    pytest.param(
        {"ComputeCapacity": {"DesiredInstances": 5}},
        {
            "ComputeCapacityStatus": {
                "Desired": 5,
                "Running": 5,
                "InUse": 0,
                "Available": 5,
            }
        },
        id="ComputeCapacity",
    ),
    pytest.param(
        {"ImageName": SAMPLE_IMAGE},
        {"ImageName": SAMPLE_IMAGE, "ImageArn": SAMPLE_IMAGE_ARN},
        id="ImageName",
    ),
    pytest.param(
        {"ImageArn": SAMPLE_IMAGE_ARN},
        {"ImageName": SAMPLE_IMAGE, "ImageArn": SAMPLE_IMAGE_ARN},
        id="ImageArn",
    ),
    pytest.param(
        {"IdleDisconnectTimeoutInSeconds": 300},
        {"IdleDisconnectTimeoutInSeconds": 300},
        id="IdleDisconnectTimeoutInSeconds",
    ),
    pytest.param(
        {"DisconnectTimeoutInSeconds": 300},
        {"DisconnectTimeoutInSeconds": 300},
        id="DisconnectTimeoutInSeconds",
    ),
]


@pytest.mark.parametrize("fleet_type", ["ALWAYS_ON", "ON_DEMAND"])
@pytest.mark.parametrize("members,changes", RUNNING_UPDATES)
@mock_aws
def test_update_fleet_running(
    fleet_type: str, members: dict[str, Any], changes: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-running", FleetType=fleet_type)
    before = start_fleet_and_wait(client, "fleet-update-running")

    fleet = client.update_fleet(Name="fleet-update-running", **members)["Fleet"]

    assert fleet == {**before, **changes}
    assert _describe(client, "fleet-update-running") == fleet


RUNNING_FORBIDDEN = [
    pytest.param({"InstanceType": "stream.memory.large"}, id="InstanceType"),
    pytest.param({"VpcConfig": VPC_CONFIG}, id="VpcConfig"),
    pytest.param({"MaxUserDurationInSeconds": 3600}, id="MaxUserDurationInSeconds"),
    pytest.param({"Description": "Finance apps"}, id="Description"),
    pytest.param(
        {"EnableDefaultInternetAccess": True}, id="EnableDefaultInternetAccess"
    ),
    pytest.param({"DomainJoinInfo": DOMAIN_JOIN_INFO}, id="DomainJoinInfo"),
    pytest.param({"IamRoleArn": ROLE_ARN}, id="IamRoleArn"),
    pytest.param({"StreamView": "DESKTOP"}, id="StreamView"),
    pytest.param({"Platform": "WINDOWS_SERVER_2019"}, id="Platform"),
    pytest.param({"UsbDeviceFilterStrings": [USB_FILTER]}, id="UsbDeviceFilterStrings"),
    pytest.param({"MaxSessionsPerInstance": 2}, id="MaxSessionsPerInstance"),
    pytest.param({"RootVolumeConfig": {"VolumeSizeInGb": 250}}, id="RootVolumeConfig"),
    pytest.param({"DisableIMDSV1": True}, id="DisableIMDSV1"),
    pytest.param({"AttributesToDelete": ["IAM_ROLE_ARN"]}, id="AttributesToDelete"),
    pytest.param({"DeleteVpcConfig": True}, id="DeleteVpcConfig"),
    pytest.param(
        {"DisplayName": "Finance", "Description": "Finance apps"},
        id="DisplayName-and-Description",
    ),
]


@pytest.mark.parametrize("fleet_type", ["ALWAYS_ON", "ON_DEMAND"])
@pytest.mark.parametrize("members", RUNNING_FORBIDDEN)
@mock_aws
def test_update_fleet_running_forbidden(
    fleet_type: str, members: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(client, "fleet-running-forbidden", FleetType=fleet_type)
    before = start_fleet_and_wait(client, "fleet-running-forbidden")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-running-forbidden", **members)

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot update the attribute for fleet fleet-running-forbidden when it is "
            "ACTIVE. The fleet must be stopped to complete this action."
        ),
    )
    assert _describe(client, "fleet-running-forbidden") == before


ELASTIC_RUNNING_UPDATES = [
    pytest.param(
        {"DisplayName": "Finance"}, {"DisplayName": "Finance"}, id="DisplayName"
    ),
    pytest.param(
        {"IdleDisconnectTimeoutInSeconds": 300},
        {"IdleDisconnectTimeoutInSeconds": 300},
        id="IdleDisconnectTimeoutInSeconds",
    ),
    pytest.param(
        {"DisconnectTimeoutInSeconds": 300},
        {"DisconnectTimeoutInSeconds": 300},
        id="DisconnectTimeoutInSeconds",
    ),
    pytest.param(
        {"MaxConcurrentSessions": 25},
        {"MaxConcurrentSessions": 25},
        id="MaxConcurrentSessions",
    ),
    pytest.param(
        {"SessionScriptS3Location": SCRIPT_LOCATION},
        {"SessionScriptS3Location": SCRIPT_LOCATION},
        id="SessionScriptS3Location",
    ),
    pytest.param(
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        {"UsbDeviceFilterStrings": [USB_FILTER]},
        id="UsbDeviceFilterStrings",
    ),
]


@pytest.mark.parametrize("members,changes", ELASTIC_RUNNING_UPDATES)
@mock_aws
def test_update_fleet_elastic_running(
    members: dict[str, Any], changes: dict[str, Any]
) -> None:
    client = _client()
    _create_elastic_fleet(client, "fleet-elastic-running")
    before = start_fleet_and_wait(client, "fleet-elastic-running")

    fleet = client.update_fleet(Name="fleet-elastic-running", **members)["Fleet"]

    assert fleet == {**before, **changes}
    assert _describe(client, "fleet-elastic-running") == fleet


ELASTIC_RUNNING_FORBIDDEN = [
    pytest.param({"InstanceType": "stream.standard.large"}, id="InstanceType"),
    pytest.param({"Platform": "UBUNTU_PRO_2404"}, id="Platform"),
    pytest.param({"VpcConfig": VPC_CONFIG}, id="VpcConfig"),
    pytest.param({"MaxUserDurationInSeconds": 3600}, id="MaxUserDurationInSeconds"),
    pytest.param({"Description": "Finance apps"}, id="Description"),
    pytest.param(
        {"EnableDefaultInternetAccess": True}, id="EnableDefaultInternetAccess"
    ),
    pytest.param({"IamRoleArn": ROLE_ARN}, id="IamRoleArn"),
    pytest.param({"StreamView": "DESKTOP"}, id="StreamView"),
    pytest.param({"RootVolumeConfig": {"VolumeSizeInGb": 250}}, id="RootVolumeConfig"),
    pytest.param({"DisableIMDSV1": True}, id="DisableIMDSV1"),
    pytest.param({"ComputeCapacity": {"DesiredInstances": 2}}, id="ComputeCapacity"),
    pytest.param(
        {"AttributesToDelete": ["VPC_CONFIGURATION"]}, id="AttributesToDelete"
    ),
]


@pytest.mark.parametrize("members", ELASTIC_RUNNING_FORBIDDEN)
@mock_aws
def test_update_fleet_elastic_running_forbidden(members: dict[str, Any]) -> None:
    client = _client()
    _create_elastic_fleet(client, "fleet-elastic-forbidden")
    before = start_fleet_and_wait(client, "fleet-elastic-forbidden")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-elastic-forbidden", **members)

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot update the attribute for fleet fleet-elastic-forbidden when it is "
            "ACTIVE. The fleet must be stopped to complete this action."
        ),
    )
    assert _describe(client, "fleet-elastic-forbidden") == before


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"DisplayName": "Finance"}, id="DisplayName"),
        pytest.param(
            {"ComputeCapacity": {"DesiredInstances": 3}}, id="ComputeCapacity"
        ),
        pytest.param({"ImageName": SAMPLE_IMAGE}, id="ImageName"),
        pytest.param({"DisconnectTimeoutInSeconds": 300}, id="DisconnectTimeout"),
        pytest.param({"Description": "Finance apps"}, id="Description"),
    ],
)
@mock_aws
def test_update_fleet_starting(
    manual_progression: None, members: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-starting")
    client.start_fleet(Name="fleet-update-starting")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-starting", **members)

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot update the attribute for fleet fleet-update-starting when it is "
            "STARTING. The fleet must be stopped to complete this action."
        ),
    )


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"DisplayName": "Finance"}, id="DisplayName"),
        pytest.param(
            {"ComputeCapacity": {"DesiredInstances": 3}}, id="ComputeCapacity"
        ),
        pytest.param({"ImageName": SAMPLE_IMAGE}, id="ImageName"),
        pytest.param({"DisconnectTimeoutInSeconds": 300}, id="DisconnectTimeout"),
        pytest.param({"Description": "Finance apps"}, id="Description"),
    ],
)
@mock_aws
def test_update_fleet_stopping(
    manual_progression: None, members: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-stopping")
    client.start_fleet(Name="fleet-update-stopping")
    assert _describe(client, "fleet-update-stopping")["State"] == "STARTING"
    assert _describe(client, "fleet-update-stopping")["State"] == "RUNNING"
    client.stop_fleet(Name="fleet-update-stopping")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-stopping", **members)

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot update the attribute for fleet fleet-update-stopping when it is "
            "STOPPING. The fleet must be stopped to complete this action."
        ),
    )


FLEET_WITH_ATTRIBUTES = {
    "VpcConfig": VPC_CONFIG,
    "DomainJoinInfo": DOMAIN_JOIN_INFO,
    "IamRoleArn": ROLE_ARN,
    "UsbDeviceFilterStrings": [USB_FILTER],
    "RootVolumeConfig": {"VolumeSizeInGb": 300},
}


@pytest.mark.parametrize(
    "attribute,member,replacement",
    [
        ("VPC_CONFIGURATION", "VpcConfig", {}),
        (
            "VPC_CONFIGURATION_SECURITY_GROUP_IDS",
            "VpcConfig",
            {"VpcConfig": {"SubnetIds": SUBNETS}},
        ),
        ("DOMAIN_JOIN_INFO", "DomainJoinInfo", {}),
        ("IAM_ROLE_ARN", "IamRoleArn", {}),
        ("USB_DEVICE_FILTER_STRINGS", "UsbDeviceFilterStrings", {}),
        (
            "VOLUME_CONFIGURATION",
            "RootVolumeConfig",
            {"RootVolumeConfig": {"VolumeSizeInGb": 200}},
        ),
    ],
)
@mock_aws
def test_update_fleet_attributes_to_delete(
    attribute: str, member: str, replacement: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-attribute", **FLEET_WITH_ATTRIBUTES)
    remaining = {
        key: value for key, value in FLEET_WITH_ATTRIBUTES.items() if key != member
    }

    fleet = client.update_fleet(
        Name="fleet-delete-attribute", AttributesToDelete=[attribute]
    )["Fleet"]

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-delete-attribute", **remaining, **replacement
    )
    assert _describe(client, "fleet-delete-attribute") == fleet


@mock_aws
def test_update_fleet_delete_session_script_s3_location() -> None:
    client = _client()
    created = _create_elastic_fleet(
        client, "fleet-delete-script", SessionScriptS3Location=SCRIPT_LOCATION
    )

    fleet = client.update_fleet(
        Name="fleet-delete-script", AttributesToDelete=["SESSION_SCRIPT_S3_LOCATION"]
    )["Fleet"]

    expected = {k: v for k, v in created.items() if k != "SessionScriptS3Location"}
    assert fleet == expected


@mock_aws
def test_update_fleet_delete_max_sessions_per_instance() -> None:
    client = _client()
    _create_fleet(
        client,
        "fleet-delete-sessions",
        ComputeCapacity={"DesiredSessions": 8},
        MaxSessionsPerInstance=4,
    )

    fleet = client.update_fleet(
        Name="fleet-delete-sessions",
        AttributesToDelete=["MAX_SESSIONS_PER_INSTANCE"],
        ComputeCapacity={"DesiredInstances": 2},
    )["Fleet"]

    assert _without_created_time(fleet) == _expected_fleet("fleet-delete-sessions")


@mock_aws
def test_update_fleet_delete_several_attributes() -> None:
    client = _client()
    _create_fleet(
        client,
        "fleet-delete-several",
        VpcConfig=VPC_CONFIG,
        IamRoleArn=ROLE_ARN,
    )

    fleet = client.update_fleet(
        Name="fleet-delete-several",
        AttributesToDelete=["VPC_CONFIGURATION", "IAM_ROLE_ARN"],
        DisplayName="Cleared",
    )["Fleet"]

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-delete-several", DisplayName="Cleared"
    )


@mock_aws
def test_update_fleet_delete_absent_attribute() -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-absent")

    fleet = client.update_fleet(
        Name="fleet-delete-absent",
        AttributesToDelete=["DOMAIN_JOIN_INFO", "VPC_CONFIGURATION_SECURITY_GROUP_IDS"],
    )["Fleet"]

    assert _without_created_time(fleet) == _expected_fleet("fleet-delete-absent")


@mock_aws
def test_update_fleet_delete_vpc_config() -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-vpc", VpcConfig=VPC_CONFIG)

    fleet = client.update_fleet(Name="fleet-delete-vpc", DeleteVpcConfig=True)["Fleet"]

    assert _without_created_time(fleet) == _expected_fleet("fleet-delete-vpc")


@mock_aws
def test_update_fleet_delete_vpc_config_false() -> None:
    client = _client()
    _create_fleet(client, "fleet-keep-vpc", VpcConfig=VPC_CONFIG)

    fleet = client.update_fleet(Name="fleet-keep-vpc", DeleteVpcConfig=False)["Fleet"]

    assert fleet["VpcConfig"] == VPC_CONFIG


@pytest.mark.parametrize(
    "attribute,members",
    [
        pytest.param(
            "VPC_CONFIGURATION", {"VpcConfig": VPC_CONFIG}, id="VPC_CONFIGURATION"
        ),
        pytest.param(
            "VPC_CONFIGURATION_SECURITY_GROUP_IDS",
            {"VpcConfig": VPC_CONFIG},
            id="VPC_CONFIGURATION_SECURITY_GROUP_IDS",
        ),
        pytest.param(
            "DOMAIN_JOIN_INFO", {"DomainJoinInfo": DOMAIN_JOIN_INFO}, id="DOMAIN_JOIN"
        ),
        pytest.param("IAM_ROLE_ARN", {"IamRoleArn": OTHER_ROLE_ARN}, id="IAM_ROLE_ARN"),
        pytest.param(
            "USB_DEVICE_FILTER_STRINGS",
            {"UsbDeviceFilterStrings": [OTHER_USB_FILTER]},
            id="USB_DEVICE_FILTER_STRINGS",
        ),
        pytest.param(
            "VOLUME_CONFIGURATION",
            {"RootVolumeConfig": {"VolumeSizeInGb": 250}},
            id="VOLUME_CONFIGURATION",
        ),
    ],
)
@mock_aws
def test_update_fleet_delete_and_set_attribute(
    attribute: str, members: dict[str, Any]
) -> None:
    client = _client()
    _create_fleet(
        client, "fleet-delete-and-set", VpcConfig=VPC_CONFIG, IamRoleArn=ROLE_ARN
    )
    before = _describe(client, "fleet-delete-and-set")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-delete-and-set", AttributesToDelete=[attribute], **members
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        f"The attribute {attribute} cannot be deleted and set at once.",
    )
    assert _describe(client, "fleet-delete-and-set") == before


@mock_aws
def test_update_fleet_delete_vpc_config_and_set_vpc_config() -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-set-vpc", VpcConfig=VPC_CONFIG)

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-delete-set-vpc",
            DeleteVpcConfig=True,
            VpcConfig={"SubnetIds": SUBNETS[:1]},
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The attribute VPC_CONFIGURATION cannot be deleted and set at once.",
    )


@mock_aws
def test_update_fleet_image_name_updates_image_arn() -> None:
    client = _client()
    _create_fleet(client, "fleet-new-image-name")

    fleet = client.update_fleet(Name="fleet-new-image-name", ImageName=SAMPLE_IMAGE)[
        "Fleet"
    ]

    assert (fleet["ImageName"], fleet["ImageArn"]) == (SAMPLE_IMAGE, SAMPLE_IMAGE_ARN)


@mock_aws
def test_update_fleet_image_arn_updates_image_name() -> None:
    client = _client()
    _create_fleet(
        client, "fleet-new-image-arn", ImageName=None, ImageArn=SAMPLE_IMAGE_ARN
    )

    fleet = client.update_fleet(Name="fleet-new-image-arn", ImageArn=WINDOWS_IMAGE_ARN)[
        "Fleet"
    ]

    assert (fleet["ImageName"], fleet["ImageArn"]) == (WINDOWS_IMAGE, WINDOWS_IMAGE_ARN)


@mock_aws
def test_update_fleet_private_image() -> None:
    add_private_image("finance-apps", "WINDOWS_SERVER_2019")
    client = _client()
    _create_fleet(client, "fleet-to-private-image")
    start_fleet_and_wait(client, "fleet-to-private-image")

    fleet = client.update_fleet(
        Name="fleet-to-private-image", ImageName="finance-apps"
    )["Fleet"]

    assert (fleet["ImageName"], fleet["ImageArn"], fleet["State"]) == (
        "finance-apps",
        f"arn:aws:appstream:{REGION}:{ACCOUNT}:image/finance-apps",
        "RUNNING",
    )


@pytest.mark.parametrize(
    "image_name,platform",
    [
        (LINUX_IMAGE, "AMAZON_LINUX2"),
        ("AppStream-RockyLinux8-11-10-2025", "ROCKY_LINUX8"),
        (WINDOWS_2022_IMAGE, "WINDOWS_SERVER_2022"),
    ],
)
@mock_aws
def test_update_fleet_running_image_of_other_os(image_name: str, platform: str) -> None:
    client = _client()
    _create_fleet(client, "fleet-other-os")
    before = start_fleet_and_wait(client, "fleet-other-os")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-other-os", ImageName=image_name)

    assert_client_error(
        exc,
        "IncompatibleImageException",
        (
            f"The image {image_name} runs {platform}, but fleet fleet-other-os runs "
            "WINDOWS_SERVER_2019. The fleet must be stopped to change its operating "
            "system."
        ),
    )
    assert _describe(client, "fleet-other-os") == before


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({}, id="current-image"),
        pytest.param({"ImageName": SAMPLE_IMAGE}, id="new-image"),
    ],
)
@mock_aws
def test_update_fleet_platform_matches_image(members: dict[str, Any]) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-platform")
    before = _describe(client, "fleet-update-platform")
    image_name = members.get("ImageName", WINDOWS_IMAGE)

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-update-platform", Platform="AMAZON_LINUX2", **members
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "The platform AMAZON_LINUX2 does not match the platform WINDOWS_SERVER_2019 "
            f"of image {image_name}."
        ),
    )
    assert _describe(client, "fleet-update-platform") == before


@mock_aws
def test_update_fleet_image_name_and_arn() -> None:
    client = _client()
    _create_fleet(client, "fleet-update-two-images")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-update-two-images",
            ImageName=SAMPLE_IMAGE,
            ImageArn=SAMPLE_IMAGE_ARN,
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Specify either ImageName or ImageArn, not both.",
    )


@mock_aws
def test_update_fleet_unknown_image() -> None:
    client = _client()
    _create_fleet(client, "fleet-update-unknown-image")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-unknown-image", ImageName="no-image")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image no-image for account {ACCOUNT} does not exist.",
    )


@mock_aws
def test_update_fleet_image_not_available() -> None:
    add_private_image("unfinished-apps", "WINDOWS_SERVER_2019", state="PENDING")
    client = _client()
    _create_fleet(client, "fleet-update-pending-image")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-update-pending-image", ImageName="unfinished-apps"
        )

    assert_client_error(
        exc,
        "ResourceNotAvailableException",
        (
            "The image unfinished-apps is PENDING. The image must be in an AVAILABLE "
            "state for this action to succeed."
        ),
    )


@mock_aws
def test_update_fleet_without_name() -> None:
    client = _client()
    _create_fleet(client, "fleet-update-unnamed")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(DisplayName="Unnamed")

    assert_client_error(
        exc, "InvalidParameterCombinationException", "The fleet name is required."
    )


@mock_aws
def test_update_fleet_unknown_fleet() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-missing", DisplayName="Missing")

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-missing does not exist."
    )


@pytest.mark.parametrize(
    "member,value,message",
    [
        (
            "MaxUserDurationInSeconds",
            432001,
            "The MaxUserDurationInSeconds must be between 600 and 432000 seconds.",
        ),
        (
            "DisconnectTimeoutInSeconds",
            59,
            "The DisconnectTimeoutInSeconds must be between 60 and 36000 seconds.",
        ),
        (
            "IdleDisconnectTimeoutInSeconds",
            30,
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds.",
        ),
        (
            "RootVolumeConfig",
            {"VolumeSizeInGb": 600},
            "The VolumeSizeInGb must be between 200 and 500 GB.",
        ),
    ],
)
@mock_aws
def test_update_fleet_out_of_range(member: str, value: Any, message: str) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-range")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-range", **{member: value})

    assert_client_error(exc, "InvalidParameterCombinationException", message)


@mock_aws
def test_update_fleet_invalid_role() -> None:
    client = _client()
    _create_fleet(client, "fleet-update-role")
    role_arn = f"arn:aws:iam::{ACCOUNT}:user/appstream"

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-role", IamRoleArn=role_arn)

    assert_client_error(
        exc,
        "InvalidRoleException",
        (
            f"AppStream 2.0 encountered an error because your IAM role '{role_arn}' "
            "is invalid"
        ),
    )


@pytest.mark.parametrize(
    "capacity,message",
    [
        pytest.param(
            {},
            "Specify either DesiredInstances or DesiredSessions, not both or neither.",
            id="neither",
        ),
        pytest.param(
            {"DesiredInstances": 1, "DesiredSessions": 1},
            "Specify either DesiredInstances or DesiredSessions, not both or neither.",
            id="both",
        ),
        pytest.param(
            {"DesiredSessions": 4},
            "DesiredSessions is allowed only for multi-session fleets.",
            id="sessions-on-single-session",
        ),
    ],
)
@mock_aws
def test_update_fleet_invalid_compute_capacity(
    capacity: dict[str, int], message: str
) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-capacity")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-capacity", ComputeCapacity=capacity)

    assert_client_error(exc, "InvalidParameterCombinationException", message)


@mock_aws
def test_update_fleet_desired_instances_multi_session() -> None:
    client = _client()
    _create_fleet(
        client,
        "fleet-update-multi",
        ComputeCapacity={"DesiredSessions": 8},
        MaxSessionsPerInstance=4,
    )

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="fleet-update-multi", ComputeCapacity={"DesiredInstances": 3}
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "Multi-session fleets are sized by DesiredSessions.",
    )


@pytest.mark.parametrize(
    "members,message",
    [
        pytest.param(
            {"ImageName": WINDOWS_IMAGE},
            "ELASTIC fleets do not use an image.",
            id="image-name",
        ),
        pytest.param(
            {"ImageArn": WINDOWS_IMAGE_ARN},
            "ELASTIC fleets do not use an image.",
            id="image-arn",
        ),
        pytest.param(
            {"ComputeCapacity": {"DesiredInstances": 1}},
            "ComputeCapacity is not allowed for ELASTIC fleets.",
            id="compute-capacity",
        ),
        pytest.param(
            {"DomainJoinInfo": DOMAIN_JOIN_INFO},
            "DomainJoinInfo is not allowed for ELASTIC fleets.",
            id="domain-join-info",
        ),
        pytest.param(
            {"MaxSessionsPerInstance": 2},
            "MaxSessionsPerInstance is not allowed for ELASTIC fleets.",
            id="max-sessions-per-instance",
        ),
        pytest.param(
            {"Platform": "ROCKY_LINUX8"},
            "ELASTIC fleets require a Platform of AMAZON_LINUX2, UBUNTU_PRO_2404, "
            "WINDOWS_SERVER_2019.",
            id="platform",
        ),
        pytest.param(
            {"InstanceType": "stream.memory.large"},
            "The instance type stream.memory.large is not supported for ELASTIC "
            "fleets.",
            id="instance-type",
        ),
    ],
)
@mock_aws
def test_update_fleet_elastic_invalid(members: dict[str, Any], message: str) -> None:
    client = _client()
    _create_elastic_fleet(client, "fleet-elastic-update-invalid")
    before = _describe(client, "fleet-elastic-update-invalid")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-elastic-update-invalid", **members)

    assert_client_error(exc, "InvalidParameterCombinationException", message)
    assert _describe(client, "fleet-elastic-update-invalid") == before


@pytest.mark.parametrize(
    "member,value",
    [
        ("MaxConcurrentSessions", 5),
        ("SessionScriptS3Location", SCRIPT_LOCATION),
    ],
)
@mock_aws
def test_update_fleet_elastic_member_on_image_fleet(member: str, value: Any) -> None:
    client = _client()
    _create_fleet(client, "fleet-update-elastic-member")

    with pytest.raises(ClientError) as exc:
        client.update_fleet(Name="fleet-update-elastic-member", **{member: value})

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        f"{member} is allowed only for ELASTIC fleets.",
    )


# DeleteFleet


@mock_aws
def test_delete_fleet() -> None:
    client = _client()
    _create_fleet(client, "fleet-delete")

    response = client.delete_fleet(Name="fleet-delete")

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert client.describe_fleets()["Fleets"] == []


@mock_aws
def test_delete_fleet_is_not_described() -> None:
    client = _client()
    _create_fleet(client, "fleet-deleted")
    client.delete_fleet(Name="fleet-deleted")

    with pytest.raises(ClientError) as exc:
        client.describe_fleets(Names=["fleet-deleted"])

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-deleted does not exist."
    )


@mock_aws
def test_delete_fleet_unknown() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        client.delete_fleet(Name="fleet-never-created")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The fleet fleet-never-created does not exist.",
    )


@mock_aws
def test_delete_fleet_associated_with_stack() -> None:
    client = _client()
    _create_fleet(client, "fleet-with-stack")
    client.create_stack(Name="stack-with-fleet")
    client.associate_fleet(FleetName="fleet-with-stack", StackName="stack-with-fleet")

    with pytest.raises(ClientError) as exc:
        client.delete_fleet(Name="fleet-with-stack")

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "The fleet fleet-with-stack is associated with a stack. To delete the "
            "fleet, you must dissociate it from the stack."
        ),
    )
    assert _describe(client, "fleet-with-stack")["Name"] == "fleet-with-stack"


@mock_aws
def test_delete_fleet_after_disassociation() -> None:
    client = _client()
    _create_fleet(client, "fleet-was-associated")
    client.create_stack(Name="stack-was-associated")
    client.associate_fleet(
        FleetName="fleet-was-associated", StackName="stack-was-associated"
    )
    client.disassociate_fleet(
        FleetName="fleet-was-associated", StackName="stack-was-associated"
    )

    client.delete_fleet(Name="fleet-was-associated")

    assert client.describe_fleets()["Fleets"] == []


@mock_aws
def test_delete_fleet_running() -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-running")
    start_fleet_and_wait(client, "fleet-delete-running")

    with pytest.raises(ClientError) as exc:
        client.delete_fleet(Name="fleet-delete-running")

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot delete fleet fleet-delete-running when it is ACTIVE. The fleet must "
            "be stopped to complete this action."
        ),
    )
    assert _describe(client, "fleet-delete-running")["State"] == "RUNNING"


@pytest.mark.parametrize("state", ["STARTING", "STOPPING"])
@mock_aws
def test_delete_fleet_in_transition(manual_progression: None, state: str) -> None:
    client = _client()
    _create_fleet(client, "fleet-delete-moving")
    client.start_fleet(Name="fleet-delete-moving")
    if state == "STOPPING":
        _describe(client, "fleet-delete-moving")
        _describe(client, "fleet-delete-moving")
        client.stop_fleet(Name="fleet-delete-moving")

    with pytest.raises(ClientError) as exc:
        client.delete_fleet(Name="fleet-delete-moving")

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            f"Cannot delete fleet fleet-delete-moving when it is {state}. The fleet "
            "must be stopped to complete this action."
        ),
    )


@mock_aws
def test_delete_fleet_after_stop() -> None:
    client = _client()
    _create_fleet(client, "fleet-stop-then-delete")
    start_fleet_and_wait(client, "fleet-stop-then-delete")
    client.stop_fleet(Name="fleet-stop-then-delete")

    client.delete_fleet(Name="fleet-stop-then-delete")

    assert client.describe_fleets()["Fleets"] == []


@mock_aws
def test_delete_fleet_removes_tags() -> None:
    client = _client()
    arn = _fleet_arn("fleet-delete-tags")
    _create_fleet(client, "fleet-delete-tags", Tags={"team": "finance"})
    client.delete_fleet(Name="fleet-delete-tags")

    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(ResourceArn=arn)

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@mock_aws
def test_delete_fleet_name_can_be_reused() -> None:
    client = _client()
    _create_fleet(client, "fleet-reused", Tags={"team": "finance"})
    client.delete_fleet(Name="fleet-reused")

    fleet = _create_fleet(client, "fleet-reused", ImageName=SAMPLE_IMAGE)

    assert _without_created_time(fleet) == _expected_fleet(
        "fleet-reused", ImageName=SAMPLE_IMAGE, ImageArn=SAMPLE_IMAGE_ARN
    )
    tags = client.list_tags_for_resource(ResourceArn=_fleet_arn("fleet-reused"))
    assert tags["Tags"] == {}


# StartFleet and StopFleet


@mock_aws
def test_start_fleet(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-start")

    response = client.start_fleet(Name="fleet-start")

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    states = [_describe(client, "fleet-start")["State"] for _ in range(3)]
    assert states == ["STARTING", "RUNNING", "RUNNING"]


@mock_aws
def test_start_fleet_default_progression() -> None:
    client = _client()
    _create_fleet(client, "fleet-start-default")

    client.start_fleet(Name="fleet-start-default")

    assert _describe(client, "fleet-start-default")["State"] == "RUNNING"


@mock_aws
def test_stop_fleet(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-stop")
    client.start_fleet(Name="fleet-stop")
    assert [_describe(client, "fleet-stop")["State"] for _ in range(2)] == [
        "STARTING",
        "RUNNING",
    ]

    response = client.stop_fleet(Name="fleet-stop")

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    states = [_describe(client, "fleet-stop")["State"] for _ in range(3)]
    assert states == ["STOPPING", "STOPPED", "STOPPED"]


@mock_aws
def test_stop_fleet_default_progression() -> None:
    client = _client()
    _create_fleet(client, "fleet-stop-default")
    start_fleet_and_wait(client, "fleet-stop-default")

    client.stop_fleet(Name="fleet-stop-default")

    assert _describe(client, "fleet-stop-default")["State"] == "STOPPED"


@mock_aws
def test_start_fleet_starting(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-start-starting")
    client.start_fleet(Name="fleet-start-starting")

    client.start_fleet(Name="fleet-start-starting")

    states = [_describe(client, "fleet-start-starting")["State"] for _ in range(2)]
    assert states == ["STARTING", "RUNNING"]


@mock_aws
def test_start_fleet_running() -> None:
    client = _client()
    _create_fleet(client, "fleet-start-running")
    before = start_fleet_and_wait(client, "fleet-start-running")

    client.start_fleet(Name="fleet-start-running")

    assert _describe(client, "fleet-start-running") == before


@mock_aws
def test_start_fleet_stopping(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-start-stopping")
    start_fleet_and_wait(client, "fleet-start-stopping", describes=2)
    client.stop_fleet(Name="fleet-start-stopping")

    with pytest.raises(ClientError) as exc:
        client.start_fleet(Name="fleet-start-stopping")

    assert_client_error(
        exc,
        "ConcurrentModificationException",
        (
            "The fleet fleet-start-stopping is STOPPING. Wait until it is STOPPED, then "
            "start it."
        ),
    )
    states = [_describe(client, "fleet-start-stopping")["State"] for _ in range(2)]
    assert states == ["STOPPING", "STOPPED"]


@mock_aws
def test_start_fleet_after_stop() -> None:
    client = _client()
    _create_fleet(client, "fleet-restart")
    start_fleet_and_wait(client, "fleet-restart")
    client.stop_fleet(Name="fleet-restart")
    assert _describe(client, "fleet-restart")["State"] == "STOPPED"

    client.start_fleet(Name="fleet-restart")

    assert _describe(client, "fleet-restart")["State"] == "RUNNING"


@mock_aws
def test_start_fleet_unknown() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        client.start_fleet(Name="fleet-start-missing")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The fleet fleet-start-missing does not exist.",
    )


@mock_aws
def test_stop_fleet_stopped() -> None:
    client = _client()
    _create_fleet(client, "fleet-stop-stopped")
    before = _describe(client, "fleet-stop-stopped")

    client.stop_fleet(Name="fleet-stop-stopped")

    assert _describe(client, "fleet-stop-stopped") == before


@mock_aws
def test_stop_fleet_stopping(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-stop-stopping")
    start_fleet_and_wait(client, "fleet-stop-stopping", describes=2)
    client.stop_fleet(Name="fleet-stop-stopping")

    client.stop_fleet(Name="fleet-stop-stopping")

    states = [_describe(client, "fleet-stop-stopping")["State"] for _ in range(2)]
    assert states == ["STOPPING", "STOPPED"]


@mock_aws
def test_stop_fleet_starting(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-stop-starting")
    client.start_fleet(Name="fleet-stop-starting")

    client.stop_fleet(Name="fleet-stop-starting")

    states = [_describe(client, "fleet-stop-starting")["State"] for _ in range(2)]
    assert states == ["STOPPING", "STOPPED"]


@mock_aws
def test_stop_fleet_unknown() -> None:
    client = _client()

    with pytest.raises(ClientError) as exc:
        client.stop_fleet(Name="fleet-stop-missing")

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-stop-missing does not exist."
    )


@mock_aws
def test_start_fleet_compute_capacity_status(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-capacity-start")

    client.start_fleet(Name="fleet-capacity-start")

    observed = [
        (fleet["State"], fleet["ComputeCapacityStatus"])
        for fleet in (_describe(client, "fleet-capacity-start") for _ in range(2))
    ]
    assert observed == [("STARTING", STOPPED_CAPACITY), ("RUNNING", RUNNING_CAPACITY)]


@mock_aws
def test_stop_fleet_compute_capacity_status(manual_progression: None) -> None:
    client = _client()
    _create_fleet(client, "fleet-capacity-stop")
    start_fleet_and_wait(client, "fleet-capacity-stop", describes=2)

    client.stop_fleet(Name="fleet-capacity-stop")

    observed = [
        (fleet["State"], fleet["ComputeCapacityStatus"])
        for fleet in (_describe(client, "fleet-capacity-stop") for _ in range(2))
    ]
    assert observed == [("STOPPING", STOPPED_CAPACITY), ("STOPPED", STOPPED_CAPACITY)]


@mock_aws
def test_start_fleet_multi_session_compute_capacity_status() -> None:
    client = _client()
    _create_fleet(
        client,
        "fleet-capacity-sessions",
        ComputeCapacity={"DesiredSessions": 10},
        MaxSessionsPerInstance=4,
    )

    client.start_fleet(Name="fleet-capacity-sessions")

    assert _describe(client, "fleet-capacity-sessions")["ComputeCapacityStatus"] == {
        "Desired": 3,
        "Running": 3,
        "InUse": 0,
        "Available": 3,
        "DesiredUserSessions": 10,
        "AvailableUserSessions": 10,
        "ActiveUserSessions": 0,
        "ActualUserSessions": 10,
        "Draining": 0,
        "DrainModeActiveUserSessions": 0,
        "DrainModeUnusedUserSessions": 0,
    }
