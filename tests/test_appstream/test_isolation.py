"""State is kept per account and Region, and ARNs say which."""

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID

import moto_appstream

from .helpers import (
    WINDOWS_IMAGE,
    assert_client_error,
    associate_user,
    client_for_account,
    create_fleet,
    create_user,
)

OTHER_ACCOUNT_ID = "111122223333"


@mock_aws
def test_describe_stacks_other_account_by_environment(monkeypatch):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-home-account")
    monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT_ID)

    stacks = client.describe_stacks()["Stacks"]

    assert stacks == []


@mock_aws
def test_create_stack_other_account_by_environment(monkeypatch):
    monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT_ID)
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(Name="stack-env-account")["Stack"]

    assert stack["Arn"] == (
        f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}:stack/stack-env-account"
    )


@mock_aws
def test_create_stack_other_account_invisible_to_default(monkeypatch):
    client = boto3.client("appstream", region_name="us-east-1")
    monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT_ID)
    client.create_stack(Name="stack-env-only")
    monkeypatch.delenv("MOTO_ACCOUNT_ID")

    with pytest.raises(ClientError) as exc:
        client.describe_stacks(Names=["stack-env-only"])

    assert_client_error(
        exc, "ResourceNotFoundException", "The stack stack-env-only does not exist."
    )


@mock_aws
def test_describe_fleets_other_account_by_header():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-home-account")
    other = client_for_account(OTHER_ACCOUNT_ID)

    fleets = other.describe_fleets()["Fleets"]

    assert fleets == []


@mock_aws
def test_create_fleet_other_account_by_header():
    other = client_for_account(OTHER_ACCOUNT_ID)

    fleet = create_fleet(other, "fleet-header-account")

    assert (fleet["Arn"], fleet["ImageArn"]) == (
        f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}:fleet/fleet-header-account",
        f"arn:aws:appstream:us-east-1::image/{WINDOWS_IMAGE}",
    )


@mock_aws
def test_create_fleet_same_name_in_two_accounts():
    client = boto3.client("appstream", region_name="us-east-1")
    other = client_for_account(OTHER_ACCOUNT_ID)
    create_fleet(client, "fleet-everywhere")

    create_fleet(other, "fleet-everywhere")

    arns = [
        [fleet["Arn"] for fleet in c.describe_fleets()["Fleets"]]
        for c in (client, other)
    ]
    assert arns == [
        [f"arn:aws:appstream:us-east-1:{ACCOUNT_ID}:fleet/fleet-everywhere"],
        [f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}:fleet/fleet-everywhere"],
    ]


@mock_aws
def test_describe_stacks_other_account_by_sts_credentials():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-before-assume")
    credentials = boto3.client("sts", region_name="us-east-1").assume_role(
        RoleArn=f"arn:aws:iam::{OTHER_ACCOUNT_ID}:role/appstream-admin",
        RoleSessionName="isolation",
    )["Credentials"]
    assumed = boto3.client(
        "appstream",
        region_name="us-east-1",
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )

    stack = assumed.create_stack(Name="stack-assumed")["Stack"]

    assert [s["Name"] for s in assumed.describe_stacks()["Stacks"]] == ["stack-assumed"]
    assert stack["Arn"] == (
        f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}:stack/stack-assumed"
    )


@mock_aws
def test_describe_users_other_account():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "home@example.com")
    other = client_for_account(OTHER_ACCOUNT_ID)

    users = other.describe_users(AuthenticationType="USERPOOL")["Users"]

    assert users == []


@mock_aws
def test_create_user_other_account_arn():
    other = client_for_account(OTHER_ACCOUNT_ID)
    other.create_user(UserName="guest@example.com", AuthenticationType="USERPOOL")

    users = other.describe_users(AuthenticationType="USERPOOL")["Users"]

    prefix = f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}"
    assert [user["Arn"] for user in users] == [
        f"{prefix}:user/USERPOOL/guest@example.com"
    ]


@mock_aws
def test_describe_user_stack_associations_other_account():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-assoc-home")
    create_user(client, "assoc@example.com")
    associate_user(client, "stack-assoc-home", "assoc@example.com")
    other = client_for_account(OTHER_ACCOUNT_ID)

    associations = other.describe_user_stack_associations(StackName="stack-assoc-home")[
        "UserStackAssociations"
    ]

    assert associations == []


@mock_aws
def test_batch_associate_user_stack_other_account_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-not-theirs")
    other = client_for_account(OTHER_ACCOUNT_ID)
    create_user(other, "theirs@example.com")
    entry = {
        "StackName": "stack-not-theirs",
        "UserName": "theirs@example.com",
        "AuthenticationType": "USERPOOL",
    }

    errors = other.batch_associate_user_stack(UserStackAssociations=[entry])["errors"]

    assert errors == [
        {
            "UserStackAssociation": entry,
            "ErrorCode": "STACK_NOT_FOUND",
            "ErrorMessage": "The stack stack-not-theirs does not exist.",
        }
    ]


@mock_aws
def test_associate_fleet_other_account_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-not-shared")
    other = client_for_account(OTHER_ACCOUNT_ID)
    other.create_stack(Name="stack-wants-fleet")

    with pytest.raises(ClientError) as exc:
        other.associate_fleet(
            FleetName="fleet-not-shared", StackName="stack-wants-fleet"
        )

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-not-shared does not exist."
    )


@mock_aws
def test_describe_images_private_image_other_account():
    moto_appstream.add_private_image("image-home-only", "WINDOWS_SERVER_2019")
    other = client_for_account(OTHER_ACCOUNT_ID)

    images = other.describe_images(Type="PRIVATE")["Images"]

    assert images == []


@mock_aws
def test_describe_images_private_image_other_account_by_arn():
    image = moto_appstream.add_private_image("image-by-foreign-arn", "AMAZON_LINUX2")
    other = client_for_account(OTHER_ACCOUNT_ID)

    with pytest.raises(ClientError) as exc:
        other.describe_images(Arns=[image.arn])

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        f"The image {image.arn} for account {OTHER_ACCOUNT_ID} does not exist.",
    )


@mock_aws
def test_add_private_image_other_account():
    moto_appstream.add_private_image(
        "image-of-other", "WINDOWS_SERVER_2019", account_id=OTHER_ACCOUNT_ID
    )
    other = client_for_account(OTHER_ACCOUNT_ID)

    images = other.describe_images(Type="PRIVATE")["Images"]

    assert [image["Arn"] for image in images] == [
        f"arn:aws:appstream:us-east-1:{OTHER_ACCOUNT_ID}:image/image-of-other"
    ]


@mock_aws
def test_list_tags_for_resource_other_account_fleet():
    other = client_for_account(OTHER_ACCOUNT_ID)
    arn = create_fleet(other, "fleet-foreign-tags")["Arn"]
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(ResourceArn=arn)

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@mock_aws
def test_list_tags_for_resource_own_account_fleet_by_header():
    other = client_for_account(OTHER_ACCOUNT_ID)
    arn = other.create_fleet(
        Name="fleet-own-tags",
        ImageName=WINDOWS_IMAGE,
        InstanceType="stream.standard.medium",
        ComputeCapacity={"DesiredInstances": 1},
        Tags={"owner": "guest"},
    )["Fleet"]["Arn"]

    tags = other.list_tags_for_resource(ResourceArn=arn)["Tags"]

    assert tags == {"owner": "guest"}


@mock_aws
def test_create_stack_quota_per_account():
    client = boto3.client("appstream", region_name="us-east-1")
    for index in range(10):
        client.create_stack(Name=f"stack-full-{index}")
    other = client_for_account(OTHER_ACCOUNT_ID)

    stack = other.create_stack(Name="stack-fresh-account")["Stack"]

    assert stack["Name"] == "stack-fresh-account"


@mock_aws
def test_describe_stacks_other_region():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-east")
    west = boto3.client("appstream", region_name="us-west-2")

    stacks = west.describe_stacks()["Stacks"]

    assert stacks == []


@mock_aws
def test_describe_fleets_other_region():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-east")
    west = boto3.client("appstream", region_name="eu-west-1")

    with pytest.raises(ClientError) as exc:
        west.describe_fleets(Names=["fleet-east"])

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-east does not exist."
    )


@mock_aws
def test_describe_users_other_region():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "east@example.com")
    west = boto3.client("appstream", region_name="us-west-2")

    users = west.describe_users(AuthenticationType="USERPOOL")["Users"]

    assert users == []


@mock_aws
def test_create_user_same_name_other_region():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(UserName="twice@example.com", AuthenticationType="USERPOOL")
    west = boto3.client("appstream", region_name="us-west-2")

    west.create_user(UserName="twice@example.com", AuthenticationType="USERPOOL")

    users = west.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["Arn"] for user in users] == [
        f"arn:aws:appstream:us-west-2:{ACCOUNT_ID}:user/USERPOOL/twice@example.com"
    ]


@mock_aws
def test_list_associated_stacks_other_region():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-east-assoc")
    client.create_stack(Name="stack-east-assoc")
    client.associate_fleet(FleetName="fleet-east-assoc", StackName="stack-east-assoc")
    west = boto3.client("appstream", region_name="us-west-2")

    names = west.list_associated_stacks(FleetName="fleet-east-assoc")["Names"]

    assert names == []


@mock_aws
def test_list_tags_for_resource_other_region_fleet():
    west = boto3.client("appstream", region_name="us-west-2")
    arn = create_fleet(west, "fleet-west-tags")["Arn"]
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(ResourceArn=arn)

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@pytest.mark.parametrize(
    "region,partition",
    [
        ("us-east-1", "aws"),
        ("eu-central-1", "aws"),
        ("us-gov-west-1", "aws-us-gov"),
        ("us-gov-east-1", "aws-us-gov"),
    ],
)
@mock_aws
def test_create_stack_arn_partition_and_region(region, partition):
    client = boto3.client("appstream", region_name=region)

    stack = client.create_stack(Name="stack-partition")["Stack"]

    assert stack["Arn"] == (
        f"arn:{partition}:appstream:{region}:{ACCOUNT_ID}:stack/stack-partition"
    )


@pytest.mark.parametrize(
    "region,partition",
    [
        ("ap-southeast-2", "aws"),
        ("us-gov-west-1", "aws-us-gov"),
    ],
)
@mock_aws
def test_create_fleet_arn_partition_and_region(region, partition):
    client = boto3.client("appstream", region_name=region)

    fleet = create_fleet(client, "fleet-partition")

    assert (fleet["Arn"], fleet["ImageArn"]) == (
        f"arn:{partition}:appstream:{region}:{ACCOUNT_ID}:fleet/fleet-partition",
        f"arn:{partition}:appstream:{region}::image/{WINDOWS_IMAGE}",
    )


@mock_aws
def test_describe_images_govcloud_arns():
    client = boto3.client("appstream", region_name="us-gov-west-1")

    images = client.describe_images(Names=[WINDOWS_IMAGE])["Images"]

    assert [image["Arn"] for image in images] == [
        f"arn:aws-us-gov:appstream:us-gov-west-1::image/{WINDOWS_IMAGE}"
    ]


@mock_aws
def test_add_private_image_govcloud_arn():
    image = moto_appstream.add_private_image(
        "image-gov", "WINDOWS_SERVER_2019", region_name="us-gov-west-1"
    )
    client = boto3.client("appstream", region_name="us-gov-west-1")

    images = client.describe_images(Arns=[image.arn])["Images"]

    assert [image["Arn"] for image in images] == [
        f"arn:aws-us-gov:appstream:us-gov-west-1:{ACCOUNT_ID}:image/image-gov"
    ]


@mock_aws
def test_tag_resource_govcloud_stack():
    client = boto3.client("appstream", region_name="us-gov-west-1")
    arn = client.create_stack(Name="stack-gov-tags")["Stack"]["Arn"]

    client.tag_resource(ResourceArn=arn, Tags={"agency": "x"})

    assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"agency": "x"}
