"""Fleet-stack associations: AssociateFleet, DisassociateFleet, ListAssociated*."""

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from .helpers import (
    LINUX_IMAGE,
    WINDOWS_ONLY_STACK_MEMBERS,
    assert_client_error,
    create_fleet,
)


@mock_aws
def test_associate_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-associate")
    client.create_stack(Name="stack-associate")

    client.associate_fleet(FleetName="fleet-associate", StackName="stack-associate")

    response = client.list_associated_fleets(StackName="stack-associate")
    assert response["Names"] == ["fleet-associate"]
    assert "NextToken" not in response


@mock_aws
def test_associate_fleet_is_listed_for_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-listed")
    client.create_stack(Name="stack-listed")

    client.associate_fleet(FleetName="fleet-listed", StackName="stack-listed")

    response = client.list_associated_stacks(FleetName="fleet-listed")
    assert response["Names"] == ["stack-listed"]
    assert "NextToken" not in response


@mock_aws
def test_associate_fleet_returns_empty_response():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-empty-response")
    client.create_stack(Name="stack-empty-response")

    response = client.associate_fleet(
        FleetName="fleet-empty-response", StackName="stack-empty-response"
    )

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert set(response) == {"ResponseMetadata"}


@mock_aws
def test_associate_fleet_unknown_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-no-fleet")

    with pytest.raises(ClientError) as exc:
        client.associate_fleet(FleetName="fleet-missing", StackName="stack-no-fleet")

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-missing does not exist."
    )


@mock_aws
def test_associate_fleet_unknown_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-no-stack")

    with pytest.raises(ClientError) as exc:
        client.associate_fleet(FleetName="fleet-no-stack", StackName="stack-missing")

    assert_client_error(
        exc, "ResourceNotFoundException", "The stack stack-missing does not exist."
    )


@mock_aws
def test_associate_fleet_same_pair_twice():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-twice")
    client.create_stack(Name="stack-twice")
    client.associate_fleet(FleetName="fleet-twice", StackName="stack-twice")

    client.associate_fleet(FleetName="fleet-twice", StackName="stack-twice")

    assert client.list_associated_fleets(StackName="stack-twice")["Names"] == [
        "fleet-twice"
    ]


@mock_aws
def test_associate_fleet_second_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-first")
    create_fleet(client, "fleet-second")
    client.create_stack(Name="stack-one-fleet")
    client.associate_fleet(FleetName="fleet-first", StackName="stack-one-fleet")

    with pytest.raises(ClientError) as exc:
        client.associate_fleet(FleetName="fleet-second", StackName="stack-one-fleet")

    assert_client_error(
        exc,
        "LimitExceededException",
        (
            "The stack stack-one-fleet is already associated with fleet fleet-first. "
            "A stack can be associated with one fleet only."
        ),
    )


@mock_aws
def test_associate_fleet_second_fleet_changes_nothing():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-kept")
    create_fleet(client, "fleet-refused")
    client.create_stack(Name="stack-kept-fleet")
    client.associate_fleet(FleetName="fleet-kept", StackName="stack-kept-fleet")
    with pytest.raises(ClientError):
        client.associate_fleet(FleetName="fleet-refused", StackName="stack-kept-fleet")

    names = client.list_associated_stacks(FleetName="fleet-refused")["Names"]

    assert names == []


@mock_aws
def test_associate_fleet_after_disassociating_another():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-old")
    create_fleet(client, "fleet-new")
    client.create_stack(Name="stack-switch")
    client.associate_fleet(FleetName="fleet-old", StackName="stack-switch")
    client.disassociate_fleet(FleetName="fleet-old", StackName="stack-switch")

    client.associate_fleet(FleetName="fleet-new", StackName="stack-switch")

    assert client.list_associated_fleets(StackName="stack-switch")["Names"] == [
        "fleet-new"
    ]


@pytest.mark.parametrize(
    "members",
    list(WINDOWS_ONLY_STACK_MEMBERS.values()),
    ids=list(WINDOWS_ONLY_STACK_MEMBERS),
)
@mock_aws
def test_associate_fleet_linux_fleet_windows_only_stack(members):
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-linux", ImageName=LINUX_IMAGE)
    client.create_stack(Name="stack-windows-only", **members)

    with pytest.raises(ClientError) as exc:
        client.associate_fleet(FleetName="fleet-linux", StackName="stack-windows-only")

    assert_client_error(
        exc,
        "IncompatibleImageException",
        (
            "The fleet fleet-linux runs AMAZON_LINUX2, which does not support the "
            "storage connectors or application settings persistence of stack "
            "stack-windows-only."
        ),
    )


@mock_aws
def test_associate_fleet_linux_fleet_home_folders():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-linux-homes", ImageName=LINUX_IMAGE)
    client.create_stack(
        Name="stack-linux-homes", StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}]
    )

    client.associate_fleet(FleetName="fleet-linux-homes", StackName="stack-linux-homes")

    assert client.list_associated_fleets(StackName="stack-linux-homes")["Names"] == [
        "fleet-linux-homes"
    ]


@mock_aws
def test_associate_fleet_windows_fleet_windows_only_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-windows")
    client.create_stack(
        Name="stack-drives",
        StorageConnectors=[
            {"ConnectorType": "GOOGLE_DRIVE"},
            {"ConnectorType": "ONE_DRIVE"},
        ],
        ApplicationSettings={"Enabled": True},
    )

    client.associate_fleet(FleetName="fleet-windows", StackName="stack-drives")

    assert client.list_associated_fleets(StackName="stack-drives")["Names"] == [
        "fleet-windows"
    ]


@mock_aws
def test_disassociate_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-disassociate")
    client.create_stack(Name="stack-disassociate")
    client.associate_fleet(
        FleetName="fleet-disassociate", StackName="stack-disassociate"
    )

    client.disassociate_fleet(
        FleetName="fleet-disassociate", StackName="stack-disassociate"
    )

    assert client.list_associated_fleets(StackName="stack-disassociate")["Names"] == []


@mock_aws
def test_disassociate_fleet_removes_stack_from_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-shrinks")
    client.create_stack(Name="stack-stays")
    client.create_stack(Name="stack-leaves")
    client.associate_fleet(FleetName="fleet-shrinks", StackName="stack-stays")
    client.associate_fleet(FleetName="fleet-shrinks", StackName="stack-leaves")

    client.disassociate_fleet(FleetName="fleet-shrinks", StackName="stack-leaves")

    assert client.list_associated_stacks(FleetName="fleet-shrinks")["Names"] == [
        "stack-stays"
    ]


@mock_aws
def test_disassociate_fleet_not_associated():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-alone")
    client.create_stack(Name="stack-alone")

    with pytest.raises(ClientError) as exc:
        client.disassociate_fleet(FleetName="fleet-alone", StackName="stack-alone")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The fleet fleet-alone is not associated with the stack stack-alone.",
    )


@mock_aws
def test_disassociate_fleet_other_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-serving")
    create_fleet(client, "fleet-bystander")
    client.create_stack(Name="stack-served")
    client.associate_fleet(FleetName="fleet-serving", StackName="stack-served")

    with pytest.raises(ClientError) as exc:
        client.disassociate_fleet(FleetName="fleet-bystander", StackName="stack-served")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The fleet fleet-bystander is not associated with the stack stack-served.",
    )


@mock_aws
def test_disassociate_fleet_unknown_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-without-fleet")

    with pytest.raises(ClientError) as exc:
        client.disassociate_fleet(
            FleetName="fleet-unknown", StackName="stack-without-fleet"
        )

    assert_client_error(
        exc, "ResourceNotFoundException", "The fleet fleet-unknown does not exist."
    )


@mock_aws
def test_disassociate_fleet_unknown_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-without-stack")

    with pytest.raises(ClientError) as exc:
        client.disassociate_fleet(
            FleetName="fleet-without-stack", StackName="stack-unknown"
        )

    assert_client_error(
        exc, "ResourceNotFoundException", "The stack stack-unknown does not exist."
    )


@mock_aws
def test_list_associated_fleets_unknown_stack():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.list_associated_fleets(StackName="stack-ghost")

    assert response["Names"] == []
    assert "NextToken" not in response


@mock_aws
def test_list_associated_fleets_no_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-fleetless")

    names = client.list_associated_fleets(StackName="stack-fleetless")["Names"]

    assert names == []


@mock_aws
def test_list_associated_stacks_unknown_fleet():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.list_associated_stacks(FleetName="fleet-ghost")

    assert response["Names"] == []
    assert "NextToken" not in response


@mock_aws
def test_list_associated_stacks_no_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-stackless")

    names = client.list_associated_stacks(FleetName="fleet-stackless")["Names"]

    assert names == []


@mock_aws
def test_list_associated_stacks_one_fleet_many_stacks():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-shared")
    stack_names = ["stack-sales", "stack-support", "stack-finance"]
    for name in stack_names:
        client.create_stack(Name=name)
        client.associate_fleet(FleetName="fleet-shared", StackName=name)

    names = client.list_associated_stacks(FleetName="fleet-shared")["Names"]

    assert names == stack_names


@mock_aws
def test_list_associated_fleets_one_fleet_many_stacks():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-common")
    stack_names = ["stack-east", "stack-west"]
    for name in stack_names:
        client.create_stack(Name=name)
        client.associate_fleet(FleetName="fleet-common", StackName=name)

    fleets = [
        client.list_associated_fleets(StackName=name)["Names"] for name in stack_names
    ]

    assert fleets == [["fleet-common"], ["fleet-common"]]


@mock_aws
def test_list_associated_stacks_pagination(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-busy")
    stack_names = [f"stack-busy-{index:02}" for index in range(26)]
    for name in stack_names:
        client.create_stack(Name=name)
        client.associate_fleet(FleetName="fleet-busy", StackName=name)

    first = client.list_associated_stacks(FleetName="fleet-busy")
    second = client.list_associated_stacks(
        FleetName="fleet-busy", NextToken=first["NextToken"]
    )

    assert first["Names"] == stack_names[:25]
    assert second["Names"] == stack_names[25:]
    assert "NextToken" not in second


@mock_aws
def test_list_associated_stacks_paginator(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-paged")
    stack_names = [f"stack-paged-{index:02}" for index in range(30)]
    for name in stack_names:
        client.create_stack(Name=name)
        client.associate_fleet(FleetName="fleet-paged", StackName=name)

    pages = list(
        client.get_paginator("list_associated_stacks").paginate(FleetName="fleet-paged")
    )

    assert [len(page["Names"]) for page in pages] == [25, 5]
    assert [name for page in pages for name in page["Names"]] == stack_names


@mock_aws
def test_list_associated_fleets_paginator():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-single-page")
    client.create_stack(Name="stack-single-page")
    client.associate_fleet(FleetName="fleet-single-page", StackName="stack-single-page")

    pages = list(
        client.get_paginator("list_associated_fleets").paginate(
            StackName="stack-single-page"
        )
    )

    assert [page["Names"] for page in pages] == [["fleet-single-page"]]
