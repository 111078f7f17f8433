"""User-stack associations: the batch operations and DescribeUserStackAssociations."""

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from .helpers import assert_client_error, create_user

DIRECTORY_MESSAGE = (
    "Users in a user pool cannot be assigned to stacks with fleets that are joined "
    "to an Active Directory domain."
)


def _entry(stack_name, user_name, **members):
    return {
        "StackName": stack_name,
        "UserName": user_name,
        "AuthenticationType": "USERPOOL",
        **members,
    }


def _association(stack_name, user_name, send_email_notification=False):
    return {
        "StackName": stack_name,
        "UserName": user_name,
        "AuthenticationType": "USERPOOL",
        "SendEmailNotification": send_email_notification,
    }


def _stack_associations(client, stack_name):
    return client.describe_user_stack_associations(StackName=stack_name)[
        "UserStackAssociations"
    ]


def _create_domain_joined_fleet(client, name):
    client.create_fleet(
        Name=name,
        ImageName="AppStream-WinServer2019-06-12-2023",
        InstanceType="stream.standard.medium",
        ComputeCapacity={"DesiredInstances": 1},
        DomainJoinInfo={
            "DirectoryName": "corp.example.com",
            "OrganizationalUnitDistinguishedName": "OU=AppStream,DC=corp,DC=example",
        },
    )


@mock_aws
def test_batch_associate_user_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-assoc")
    create_user(client, "assoc@example.com")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-assoc", "assoc@example.com")]
    )

    assert response["errors"] == []
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200


@mock_aws
def test_batch_associate_user_stack_is_described():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-assoc-described")
    create_user(client, "described@example.com")

    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-assoc-described", "described@example.com")]
    )

    assert _stack_associations(client, "stack-assoc-described") == [
        _association("stack-assoc-described", "described@example.com")
    ]


@pytest.mark.parametrize("send", [True, False])
@mock_aws
def test_batch_associate_user_stack_send_email_notification(send):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-email")
    create_user(client, "email@example.com")

    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-email", "email@example.com", SendEmailNotification=send)
        ]
    )

    assert _stack_associations(client, "stack-email") == [
        _association("stack-email", "email@example.com", send)
    ]


@mock_aws
def test_batch_associate_user_stack_many_entries():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-many-a")
    client.create_stack(Name="stack-many-b")
    create_user(client, "many1@example.com")
    create_user(client, "many2@example.com")
    entries = [
        _entry("stack-many-a", "many1@example.com"),
        _entry("stack-many-a", "many2@example.com"),
        _entry("stack-many-b", "many1@example.com"),
    ]

    response = client.batch_associate_user_stack(UserStackAssociations=entries)

    assert response["errors"] == []
    assert _stack_associations(client, "stack-many-a") == [
        _association("stack-many-a", "many1@example.com"),
        _association("stack-many-a", "many2@example.com"),
    ]


@mock_aws
def test_batch_associate_user_stack_stack_without_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-fleetless")
    create_user(client, "fleetless@example.com")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-fleetless", "fleetless@example.com")]
    )

    assert response["errors"] == []


@mock_aws
def test_batch_associate_user_stack_stack_not_found():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-real")
    create_user(client, "partial@example.com")
    missing = _entry("stack-imaginary", "partial@example.com")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[missing, _entry("stack-real", "partial@example.com")]
    )

    assert response["errors"] == [
        {
            "UserStackAssociation": missing,
            "ErrorCode": "STACK_NOT_FOUND",
            "ErrorMessage": "The stack stack-imaginary does not exist.",
        }
    ]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200


@mock_aws
def test_batch_associate_user_stack_stack_not_found_others_applied():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-applied")
    create_user(client, "applied@example.com")

    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-absent", "applied@example.com"),
            _entry("stack-applied", "applied@example.com"),
        ]
    )

    assert _stack_associations(client, "stack-applied") == [
        _association("stack-applied", "applied@example.com")
    ]


@mock_aws
def test_batch_associate_user_stack_user_not_found():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-for-missing-user")
    create_user(client, "present@example.com")
    missing = _entry(
        "stack-for-missing-user", "absent@example.com", SendEmailNotification=True
    )

    response = client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-for-missing-user", "present@example.com"),
            missing,
        ]
    )

    assert response["errors"] == [
        {
            "UserStackAssociation": missing,
            "ErrorCode": "USER_NAME_NOT_FOUND",
            "ErrorMessage": "The user absent@example.com does not exist.",
        }
    ]
    assert _stack_associations(client, "stack-for-missing-user") == [
        _association("stack-for-missing-user", "present@example.com")
    ]


@mock_aws
def test_batch_associate_user_stack_stack_checked_before_user():
    client = boto3.client("appstream", region_name="us-east-1")
    entry = _entry("stack-neither", "neither@example.com")

    response = client.batch_associate_user_stack(UserStackAssociations=[entry])

    assert [error["ErrorCode"] for error in response["errors"]] == ["STACK_NOT_FOUND"]


@mock_aws
def test_batch_associate_user_stack_every_entry_fails():
    client = boto3.client("appstream", region_name="us-east-1")
    entries = [
        _entry("stack-gone-1", "gone@example.com"),
        _entry("stack-gone-2", "gone@example.com"),
    ]

    response = client.batch_associate_user_stack(UserStackAssociations=entries)

    assert [error["UserStackAssociation"] for error in response["errors"]] == entries
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200


@mock_aws
def test_batch_associate_user_stack_domain_joined_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    _create_domain_joined_fleet(client, "fleet-domain")
    client.create_stack(Name="stack-domain")
    client.create_stack(Name="stack-pool")
    client.associate_fleet(FleetName="fleet-domain", StackName="stack-domain")
    create_user(client, "pool@example.com")
    joined = _entry("stack-domain", "pool@example.com")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[joined, _entry("stack-pool", "pool@example.com")]
    )

    assert response["errors"] == [
        {
            "UserStackAssociation": joined,
            "ErrorCode": "DIRECTORY_NOT_FOUND",
            "ErrorMessage": DIRECTORY_MESSAGE,
        }
    ]


@mock_aws
def test_batch_associate_user_stack_domain_joined_fleet_entry_not_applied():
    client = boto3.client("appstream", region_name="us-east-1")
    _create_domain_joined_fleet(client, "fleet-joined")
    client.create_stack(Name="stack-joined")
    client.create_stack(Name="stack-open")
    client.associate_fleet(FleetName="fleet-joined", StackName="stack-joined")
    create_user(client, "member@example.com")

    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-joined", "member@example.com"),
            _entry("stack-open", "member@example.com"),
        ]
    )

    associations = client.describe_user_stack_associations(
        UserName="member@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]
    assert associations == [_association("stack-open", "member@example.com")]


@mock_aws
def test_batch_associate_user_stack_fleet_not_domain_joined():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_fleet(
        Name="fleet-no-domain",
        ImageName="AppStream-WinServer2019-06-12-2023",
        InstanceType="stream.standard.medium",
        ComputeCapacity={"DesiredInstances": 1},
    )
    client.create_stack(Name="stack-no-domain")
    client.associate_fleet(FleetName="fleet-no-domain", StackName="stack-no-domain")
    create_user(client, "nodomain@example.com")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-no-domain", "nodomain@example.com")]
    )

    assert response["errors"] == []


@mock_aws
def test_batch_associate_user_stack_existing_pair():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-again")
    create_user(client, "again@example.com")
    entry = _entry("stack-again", "again@example.com")
    client.batch_associate_user_stack(UserStackAssociations=[entry])

    response = client.batch_associate_user_stack(UserStackAssociations=[entry])

    assert response["errors"] == []
    assert _stack_associations(client, "stack-again") == [
        _association("stack-again", "again@example.com")
    ]


@mock_aws
def test_batch_associate_user_stack_disabled_user():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-disabled-user")
    create_user(client, "asleep@example.com")
    client.disable_user(UserName="asleep@example.com", AuthenticationType="USERPOOL")

    response = client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-disabled-user", "asleep@example.com")]
    )

    assert response["errors"] == []


@mock_aws
def test_batch_associate_user_stack_duplicate_entry():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-dup")
    create_user(client, "dup@example.com")
    entry = _entry("stack-dup", "dup@example.com")

    with pytest.raises(ClientError) as exc:
        client.batch_associate_user_stack(UserStackAssociations=[entry, entry])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The user dup@example.com and stack stack-dup are specified more than once.",
    )


@mock_aws
def test_batch_associate_user_stack_duplicate_entry_applies_nothing():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-dup-none")
    create_user(client, "dup-none@example.com")
    create_user(client, "other@example.com")
    entry = _entry("stack-dup-none", "dup-none@example.com")
    with pytest.raises(ClientError):
        client.batch_associate_user_stack(
            UserStackAssociations=[
                _entry("stack-dup-none", "other@example.com"),
                entry,
                entry,
            ]
        )

    assert _stack_associations(client, "stack-dup-none") == []


@pytest.mark.parametrize("authentication_type", ["API", "SAML", "AWS_AD"])
@mock_aws
def test_batch_associate_user_stack_not_userpool(authentication_type):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-federated")
    entry = {
        "StackName": "stack-federated",
        "UserName": "federated@example.com",
        "AuthenticationType": authentication_type,
    }

    with pytest.raises(ClientError) as exc:
        client.batch_associate_user_stack(UserStackAssociations=[entry])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "Only users of the USERPOOL authentication type can be associated with stacks."
        ),
    )


@pytest.mark.parametrize(
    "operation", ["batch_associate_user_stack", "batch_disassociate_user_stack"]
)
@mock_aws
def test_batch_associate_disassociate_user_stack_too_many_entries(operation):
    client = boto3.client("appstream", region_name="us-east-1")
    entries = [
        _entry("stack-crowd", f"crowd{index}@example.com") for index in range(26)
    ]
    rendered = ", ".join(
        f"{{StackName=stack-crowd, UserName=crowd{index}@example.com, "
        "AuthenticationType=USERPOOL}"
        for index in range(26)
    )

    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(UserStackAssociations=entries)

    assert_client_error(
        exc,
        "ValidationException",
        (
            f"1 validation error detected: Value '[{rendered}]' at "
            "'userStackAssociations' failed to satisfy constraint: Member must have "
            "length less than or equal to 25"
        ),
    )


@mock_aws
def test_batch_associate_user_stack_twenty_five_entries():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-full-batch")
    for index in range(25):
        create_user(client, f"batch{index}@example.com")
    entries = [
        _entry("stack-full-batch", f"batch{index}@example.com") for index in range(25)
    ]

    response = client.batch_associate_user_stack(UserStackAssociations=entries)

    assert response["errors"] == []


@mock_aws
def test_batch_associate_user_stack_invalid_authentication_type():
    client = boto3.client("appstream", region_name="us-east-1")
    entry = {
        "StackName": "stack-enum",
        "UserName": "enum@example.com",
        "AuthenticationType": "LDAP",
    }

    with pytest.raises(ClientError) as exc:
        client.batch_associate_user_stack(UserStackAssociations=[entry])

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value 'LDAP' at "
            "'userStackAssociations.1.member.authenticationType' failed to satisfy "
            "constraint: Member must satisfy enum value set: [API, SAML, USERPOOL, AWS_AD]"
        ),
    )


@mock_aws
def test_batch_disassociate_user_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-disassoc")
    create_user(client, "disassoc@example.com")
    entry = _entry("stack-disassoc", "disassoc@example.com")
    client.batch_associate_user_stack(UserStackAssociations=[entry])

    response = client.batch_disassociate_user_stack(UserStackAssociations=[entry])

    assert response["errors"] == []
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200


@mock_aws
def test_batch_disassociate_user_stack_removes_association():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-removed")
    create_user(client, "removed@example.com")
    create_user(client, "remains@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-removed", "removed@example.com"),
            _entry("stack-removed", "remains@example.com"),
        ]
    )

    client.batch_disassociate_user_stack(
        UserStackAssociations=[_entry("stack-removed", "removed@example.com")]
    )

    assert _stack_associations(client, "stack-removed") == [
        _association("stack-removed", "remains@example.com")
    ]


@mock_aws
def test_batch_disassociate_user_stack_not_associated():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-never-associated")
    create_user(client, "stranger@example.com")

    response = client.batch_disassociate_user_stack(
        UserStackAssociations=[_entry("stack-never-associated", "stranger@example.com")]
    )

    assert response["errors"] == []


@mock_aws
def test_batch_disassociate_user_stack_stack_not_found():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "lost-stack@example.com")
    entry = _entry("stack-vanished", "lost-stack@example.com")

    response = client.batch_disassociate_user_stack(UserStackAssociations=[entry])

    assert response["errors"] == [
        {
            "UserStackAssociation": entry,
            "ErrorCode": "STACK_NOT_FOUND",
            "ErrorMessage": "The stack stack-vanished does not exist.",
        }
    ]


@mock_aws
def test_batch_disassociate_user_stack_user_not_found():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-lost-user")
    entry = _entry("stack-lost-user", "vanished@example.com")

    response = client.batch_disassociate_user_stack(UserStackAssociations=[entry])

    assert response["errors"] == [
        {
            "UserStackAssociation": entry,
            "ErrorCode": "USER_NAME_NOT_FOUND",
            "ErrorMessage": "The user vanished@example.com does not exist.",
        }
    ]


@mock_aws
def test_batch_disassociate_user_stack_partial_success():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-partial-out")
    create_user(client, "partial-out@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-partial-out", "partial-out@example.com")]
    )

    client.batch_disassociate_user_stack(
        UserStackAssociations=[
            _entry("stack-missing-out", "partial-out@example.com"),
            _entry("stack-partial-out", "partial-out@example.com"),
        ]
    )

    assert _stack_associations(client, "stack-partial-out") == []


@mock_aws
def test_batch_disassociate_user_stack_duplicate_entry():
    client = boto3.client("appstream", region_name="us-east-1")
    entry = _entry("stack-dup-out", "dup-out@example.com")

    with pytest.raises(ClientError) as exc:
        client.batch_disassociate_user_stack(UserStackAssociations=[entry, entry])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "The user dup-out@example.com and stack stack-dup-out are specified more "
            "than once."
        ),
    )


@pytest.mark.parametrize("authentication_type", ["API", "SAML", "AWS_AD"])
@mock_aws
def test_batch_disassociate_user_stack_not_userpool(authentication_type):
    client = boto3.client("appstream", region_name="us-east-1")
    entry = {
        "StackName": "stack-federated-out",
        "UserName": "federated-out@example.com",
        "AuthenticationType": authentication_type,
    }

    with pytest.raises(ClientError) as exc:
        client.batch_disassociate_user_stack(UserStackAssociations=[entry])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "Only users of the USERPOOL authentication type can be associated with stacks."
        ),
    )


@mock_aws
def test_describe_user_stack_associations_by_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-filter-a")
    client.create_stack(Name="stack-filter-b")
    create_user(client, "filter1@example.com")
    create_user(client, "filter2@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-filter-a", "filter1@example.com"),
            _entry("stack-filter-b", "filter1@example.com"),
            _entry("stack-filter-a", "filter2@example.com"),
        ]
    )

    response = client.describe_user_stack_associations(StackName="stack-filter-a")

    assert response["UserStackAssociations"] == [
        _association("stack-filter-a", "filter1@example.com"),
        _association("stack-filter-a", "filter2@example.com"),
    ]
    assert "NextToken" not in response


@mock_aws
def test_describe_user_stack_associations_by_user():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-user-a")
    client.create_stack(Name="stack-user-b")
    create_user(client, "byuser@example.com")
    create_user(client, "someone@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-user-a", "byuser@example.com"),
            _entry("stack-user-b", "byuser@example.com", SendEmailNotification=True),
            _entry("stack-user-a", "someone@example.com"),
        ]
    )

    associations = client.describe_user_stack_associations(
        UserName="byuser@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]

    assert associations == [
        _association("stack-user-a", "byuser@example.com"),
        _association("stack-user-b", "byuser@example.com", True),
    ]


@mock_aws
def test_describe_user_stack_associations_by_stack_and_user():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-both-a")
    client.create_stack(Name="stack-both-b")
    create_user(client, "both@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[
            _entry("stack-both-a", "both@example.com"),
            _entry("stack-both-b", "both@example.com"),
        ]
    )

    associations = client.describe_user_stack_associations(
        StackName="stack-both-b",
        UserName="both@example.com",
        AuthenticationType="USERPOOL",
    )["UserStackAssociations"]

    assert associations == [_association("stack-both-b", "both@example.com")]


@mock_aws
def test_describe_user_stack_associations_by_stack_and_user_not_associated():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-pair-a")
    client.create_stack(Name="stack-pair-b")
    create_user(client, "pair@example.com")
    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-pair-a", "pair@example.com")]
    )

    associations = client.describe_user_stack_associations(
        StackName="stack-pair-b",
        UserName="pair@example.com",
        AuthenticationType="USERPOOL",
    )["UserStackAssociations"]

    assert associations == []


@pytest.mark.parametrize(
    "members,message",
    [
        (
            {},
            "Specify a StackName, or a UserName together with an AuthenticationType.",
        ),
        (
            {"UserName": "lonely@example.com"},
            "Specify a StackName, or a UserName together with an AuthenticationType.",
        ),
        (
            {"AuthenticationType": "USERPOOL"},
            "Specify a StackName, or a UserName together with an AuthenticationType.",
        ),
        (
            {"StackName": "stack-half", "UserName": "lonely@example.com"},
            "UserName and AuthenticationType must be specified together.",
        ),
        (
            {"StackName": "stack-half", "AuthenticationType": "USERPOOL"},
            "UserName and AuthenticationType must be specified together.",
        ),
    ],
    ids=[
        "none",
        "user-name-only",
        "authentication-type-only",
        "stack-and-user-name",
        "stack-and-authentication-type",
    ],
)
@mock_aws
def test_describe_user_stack_associations_invalid_filter(members, message):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_user_stack_associations(**members)

    assert_client_error(exc, "InvalidParameterCombinationException", message)


@mock_aws
def test_describe_user_stack_associations_unknown_stack():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.describe_user_stack_associations(StackName="stack-unheard-of")

    assert response["UserStackAssociations"] == []
    assert "NextToken" not in response


@mock_aws
def test_describe_user_stack_associations_unknown_user():
    client = boto3.client("appstream", region_name="us-east-1")

    associations = client.describe_user_stack_associations(
        UserName="unheard@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]

    assert associations == []


@mock_aws
def test_describe_user_stack_associations_max_results():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-paged-users")
    names = [f"paged{index}@example.com" for index in range(5)]
    for name in names:
        create_user(client, name)
    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-paged-users", name) for name in names]
    )

    first = client.describe_user_stack_associations(
        StackName="stack-paged-users", MaxResults=3
    )
    second = client.describe_user_stack_associations(
        StackName="stack-paged-users", MaxResults=3, NextToken=first["NextToken"]
    )

    assert [a["UserName"] for a in first["UserStackAssociations"]] == names[:3]
    assert [a["UserName"] for a in second["UserStackAssociations"]] == names[3:]
    assert "NextToken" not in second


@pytest.mark.parametrize("max_results", [None, 100, 500])
@mock_aws
def test_describe_user_stack_associations_page_capped(max_results):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-capped")
    names = [f"capped{index:02}@example.com" for index in range(30)]
    for name in names:
        create_user(client, name)
    for batch in (names[:25], names[25:]):
        client.batch_associate_user_stack(
            UserStackAssociations=[_entry("stack-capped", name) for name in batch]
        )
    limit = {} if max_results is None else {"MaxResults": max_results}

    first = client.describe_user_stack_associations(StackName="stack-capped", **limit)
    second = client.describe_user_stack_associations(
        StackName="stack-capped", NextToken=first["NextToken"], **limit
    )

    assert [a["UserName"] for a in first["UserStackAssociations"]] == names[:25]
    assert [a["UserName"] for a in second["UserStackAssociations"]] == names[25:]
    assert "NextToken" not in second


@mock_aws
def test_describe_user_stack_associations_paginator():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-paginator-users")
    names = [f"paginator{index}@example.com" for index in range(5)]
    for name in names:
        create_user(client, name)
    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-paginator-users", name) for name in names]
    )

    pages = list(
        client.get_paginator("describe_user_stack_associations").paginate(
            StackName="stack-paginator-users", PaginationConfig={"PageSize": 2}
        )
    )

    assert [len(page["UserStackAssociations"]) for page in pages] == [2, 2, 1]
    assert [
        a["UserName"] for page in pages for a in page["UserStackAssociations"]
    ] == names


@mock_aws
def test_describe_user_stack_associations_max_results_too_large():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_user_stack_associations(StackName="stack-any", MaxResults=501)

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value '501' at 'maxResults' failed to satisfy "
            "constraint: Member must have value less than or equal to 500"
        ),
    )


@mock_aws
def test_describe_user_stack_associations_max_results_zero():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-zero-limit")
    names = [f"zero{index}@example.com" for index in range(3)]
    for name in names:
        create_user(client, name)
    client.batch_associate_user_stack(
        UserStackAssociations=[_entry("stack-zero-limit", name) for name in names]
    )

    response = client.describe_user_stack_associations(
        StackName="stack-zero-limit", MaxResults=0
    )

    assert [a["UserName"] for a in response["UserStackAssociations"]] == names
    assert "NextToken" not in response


@mock_aws
def test_batch_disassociate_user_stack_domain_joined_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    _create_domain_joined_fleet(client, "fleet-domain-out")
    client.create_stack(Name="stack-domain-out")
    client.associate_fleet(FleetName="fleet-domain-out", StackName="stack-domain-out")
    create_user(client, "domain-out@example.com")
    entry = _entry("stack-domain-out", "domain-out@example.com")

    response = client.batch_disassociate_user_stack(UserStackAssociations=[entry])

    assert response["errors"] == [
        {
            "UserStackAssociation": entry,
            "ErrorCode": "DIRECTORY_NOT_FOUND",
            "ErrorMessage": DIRECTORY_MESSAGE,
        }
    ]
