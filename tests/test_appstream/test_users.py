"""User-pool users: CreateUser, DescribeUsers, EnableUser, DisableUser, DeleteUser."""

from datetime import datetime, timezone

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID

from .helpers import assert_client_error, associate_user, create_user


def _user_arn(user_name):
    return f"arn:aws:appstream:us-east-1:{ACCOUNT_ID}:user/USERPOOL/{user_name}"


def _user_names(client):
    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    return [user["UserName"] for user in users]


@mock_aws
@freeze_time("2024-03-01 09:30:00")
def test_create_user():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.create_user(
        UserName="jane.doe@example.com", AuthenticationType="USERPOOL"
    )

    assert set(response) == {"ResponseMetadata"}
    assert client.describe_users(AuthenticationType="USERPOOL")["Users"] == [
        {
            "Arn": _user_arn("jane.doe@example.com"),
            "UserName": "jane.doe@example.com",
            "Enabled": True,
            "Status": "UNCONFIRMED",
            "CreatedTime": datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc),
            "AuthenticationType": "USERPOOL",
        }
    ]


@mock_aws
@freeze_time("2024-03-01 09:30:00")
def test_create_user_with_names():
    client = boto3.client("appstream", region_name="us-east-1")

    client.create_user(
        UserName="john.roe@example.com",
        AuthenticationType="USERPOOL",
        FirstName="John",
        LastName="Roe",
    )

    assert client.describe_users(AuthenticationType="USERPOOL")["Users"] == [
        {
            "Arn": _user_arn("john.roe@example.com"),
            "UserName": "john.roe@example.com",
            "Enabled": True,
            "Status": "UNCONFIRMED",
            "FirstName": "John",
            "LastName": "Roe",
            "CreatedTime": datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc),
            "AuthenticationType": "USERPOOL",
        }
    ]


@pytest.mark.parametrize("authentication_type", ["API", "SAML", "AWS_AD"])
@mock_aws
def test_create_user_not_userpool(authentication_type):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="federated@example.com", AuthenticationType=authentication_type
        )

    assert_client_error(
        exc,
        "InvalidParameterValueException",
        f"Cannot create a user with '{authentication_type}' authentication type",
    )


@mock_aws
def test_create_user_govcloud():
    client = boto3.client("appstream", region_name="us-gov-west-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(UserName="gov@example.com", AuthenticationType="USERPOOL")

    assert_client_error(
        exc,
        "InvalidParameterValueException",
        (
            "The AppStream 2.0 user pool feature is not available in the us-gov-west-1 "
            "Region."
        ),
    )


@mock_aws
def test_create_user_duplicate():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(UserName="twice@example.com", AuthenticationType="USERPOOL")

    with pytest.raises(ClientError) as exc:
        client.create_user(UserName="twice@example.com", AuthenticationType="USERPOOL")

    assert_client_error(
        exc,
        "ResourceAlreadyExistsException",
        "The user twice@example.com already exists.",
    )


@mock_aws
def test_create_user_names_are_case_sensitive():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(UserName="Alice@example.com", AuthenticationType="USERPOOL")

    client.create_user(UserName="alice@example.com", AuthenticationType="USERPOOL")

    assert _user_names(client) == ["Alice@example.com", "alice@example.com"]


@mock_aws
def test_create_user_message_action_suppress():
    client = boto3.client("appstream", region_name="us-east-1")

    client.create_user(
        UserName="quiet@example.com",
        AuthenticationType="USERPOOL",
        MessageAction="SUPPRESS",
    )

    assert _user_names(client) == ["quiet@example.com"]


@mock_aws
def test_create_user_message_action_resend():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(
        UserName="resent@example.com",
        AuthenticationType="USERPOOL",
        FirstName="Re",
        LastName="Sent",
    )
    before = client.describe_users(AuthenticationType="USERPOOL")["Users"]

    client.create_user(
        UserName="resent@example.com",
        AuthenticationType="USERPOOL",
        MessageAction="RESEND",
    )

    assert client.describe_users(AuthenticationType="USERPOOL")["Users"] == before


@pytest.mark.parametrize(
    "names", [{"FirstName": "Again"}, {"LastName": "Again"}], ids=["first", "last"]
)
@mock_aws
def test_create_user_message_action_resend_with_names(names):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(UserName="named@example.com", AuthenticationType="USERPOOL")

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="named@example.com",
            AuthenticationType="USERPOOL",
            MessageAction="RESEND",
            **names,
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "FirstName and LastName cannot be set when resending.",
    )


@mock_aws
def test_create_user_message_action_resend_unknown_user():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="nobody@example.com",
            AuthenticationType="USERPOOL",
            MessageAction="RESEND",
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The user nobody@example.com does not exist, so it cannot be resent.",
    )


@mock_aws
def test_create_user_message_action_resend_creates_nothing():
    client = boto3.client("appstream", region_name="us-east-1")
    with pytest.raises(ClientError):
        client.create_user(
            UserName="not-created@example.com",
            AuthenticationType="USERPOOL",
            MessageAction="RESEND",
        )

    assert _user_names(client) == []


@pytest.mark.parametrize(
    "members,message",
    [
        (
            {"FirstName": "Zoë"},
            "Value at 'firstName' failed to satisfy constraint: Member must satisfy "
            "regular expression pattern: ^[A-Za-z0-9_\\-\\s]+$",
        ),
        (
            {"LastName": "O'Brien"},
            "Value at 'lastName' failed to satisfy constraint: Member must satisfy "
            "regular expression pattern: ^[A-Za-z0-9_\\-\\s]+$",
        ),
        (
            {"MessageAction": "SHOUT"},
            "Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member "
            "must satisfy enum value set: [SUPPRESS, RESEND]",
        ),
    ],
    ids=["first-name-pattern", "last-name-pattern", "message-action-enum"],
)
@mock_aws
def test_create_user_invalid_member(members, message):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="invalid@example.com", AuthenticationType="USERPOOL", **members
        )

    assert_client_error(
        exc, "ValidationException", f"1 validation error detected: {message}"
    )


@mock_aws
def test_create_user_quota():
    client = boto3.client("appstream", region_name="us-east-1")
    for index in range(50):
        client.create_user(
            UserName=f"quota{index}@example.com", AuthenticationType="USERPOOL"
        )

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="quota50@example.com", AuthenticationType="USERPOOL"
        )

    assert_client_error(
        exc,
        "LimitExceededException",
        (
            "The maximum number of users (50) has been reached for this account in this "
            "Region."
        ),
    )


@mock_aws
def test_create_user_quota_lifted(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    for index in range(51):
        client.create_user(
            UserName=f"unlimited{index}@example.com", AuthenticationType="USERPOOL"
        )

    pages = client.get_paginator("describe_users").paginate(
        AuthenticationType="USERPOOL"
    )
    assert sum(len(page["Users"]) for page in pages) == 51


@mock_aws
def test_describe_users_none():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.describe_users(AuthenticationType="USERPOOL")

    assert response["Users"] == []
    assert "NextToken" not in response


@mock_aws
def test_describe_users_max_results():
    client = boto3.client("appstream", region_name="us-east-1")
    names = [f"page{index}@example.com" for index in range(5)]
    for name in names:
        create_user(client, name)

    first = client.describe_users(AuthenticationType="USERPOOL", MaxResults=3)
    second = client.describe_users(
        AuthenticationType="USERPOOL", MaxResults=3, NextToken=first["NextToken"]
    )

    assert [user["UserName"] for user in first["Users"]] == names[:3]
    assert [user["UserName"] for user in second["Users"]] == names[3:]
    assert "NextToken" not in second


@mock_aws
def test_describe_users_paginator():
    client = boto3.client("appstream", region_name="us-east-1")
    names = [f"paginated{index}@example.com" for index in range(5)]
    for name in names:
        create_user(client, name)

    pages = list(
        client.get_paginator("describe_users").paginate(
            AuthenticationType="USERPOOL", PaginationConfig={"PageSize": 2}
        )
    )

    assert [len(page["Users"]) for page in pages] == [2, 2, 1]
    assert [user["UserName"] for page in pages for user in page["Users"]] == names


@pytest.mark.parametrize("authentication_type", ["API", "SAML", "AWS_AD"])
@mock_aws
def test_describe_users_not_userpool(authentication_type):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_users(AuthenticationType=authentication_type)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            f"Users of the {authentication_type} authentication type cannot be "
            "described. Use USERPOOL."
        ),
    )


@mock_aws
def test_disable_user():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "disabled@example.com")

    response = client.disable_user(
        UserName="disabled@example.com", AuthenticationType="USERPOOL"
    )

    assert set(response) == {"ResponseMetadata"}
    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["Enabled"] for user in users] == [False]


@mock_aws
def test_disable_user_twice():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "off-twice@example.com")
    client.disable_user(UserName="off-twice@example.com", AuthenticationType="USERPOOL")

    client.disable_user(UserName="off-twice@example.com", AuthenticationType="USERPOOL")

    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["Enabled"] for user in users] == [False]


@mock_aws
def test_disable_user_keeps_stack_associations():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-of-disabled-user")
    create_user(client, "paused@example.com")
    associate_user(client, "stack-of-disabled-user", "paused@example.com")

    client.disable_user(UserName="paused@example.com", AuthenticationType="USERPOOL")

    associations = client.describe_user_stack_associations(
        UserName="paused@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]
    assert [a["StackName"] for a in associations] == ["stack-of-disabled-user"]


@mock_aws
def test_enable_user():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "enabled@example.com")
    client.disable_user(UserName="enabled@example.com", AuthenticationType="USERPOOL")

    response = client.enable_user(
        UserName="enabled@example.com", AuthenticationType="USERPOOL"
    )

    assert set(response) == {"ResponseMetadata"}
    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["Enabled"] for user in users] == [True]


@mock_aws
def test_enable_user_already_enabled():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "on-already@example.com")

    client.enable_user(UserName="on-already@example.com", AuthenticationType="USERPOOL")

    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["Enabled"] for user in users] == [True]


@pytest.mark.parametrize("operation", ["enable_user", "disable_user", "delete_user"])
@mock_aws
def test_enable_disable_delete_user_unknown_user(operation):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(
            UserName="ghost@example.com", AuthenticationType="USERPOOL"
        )

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        (
            "The user ghost@example.com with authentication type USERPOOL does not exist."
        ),
    )


@pytest.mark.parametrize("operation", ["enable_user", "disable_user", "delete_user"])
@mock_aws
def test_enable_disable_delete_user_name_differs_in_case(operation):
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "Case@example.com")

    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(
            UserName="case@example.com", AuthenticationType="USERPOOL"
        )

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The user case@example.com with authentication type USERPOOL does not exist.",
    )


@mock_aws
def test_delete_user():
    client = boto3.client("appstream", region_name="us-east-1")
    create_user(client, "kept@example.com")
    create_user(client, "deleted@example.com")

    response = client.delete_user(
        UserName="deleted@example.com", AuthenticationType="USERPOOL"
    )

    assert set(response) == {"ResponseMetadata"}
    assert _user_names(client) == ["kept@example.com"]


@mock_aws
def test_delete_user_name_reused():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_user(
        UserName="reused@example.com", AuthenticationType="USERPOOL", FirstName="Old"
    )
    client.delete_user(UserName="reused@example.com", AuthenticationType="USERPOOL")

    create_user(client, "reused@example.com")

    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [("FirstName" in user, user["UserName"]) for user in users] == [
        (False, "reused@example.com")
    ]


@mock_aws
def test_delete_user_removes_stack_associations():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-of-deleted-user")
    create_user(client, "leaving@example.com")
    associate_user(client, "stack-of-deleted-user", "leaving@example.com")

    client.delete_user(UserName="leaving@example.com", AuthenticationType="USERPOOL")

    associations = client.describe_user_stack_associations(
        StackName="stack-of-deleted-user"
    )["UserStackAssociations"]
    assert associations == []


@mock_aws
def test_delete_user_associations_gone_when_recreated():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-of-returning-user")
    create_user(client, "returning@example.com")
    associate_user(client, "stack-of-returning-user", "returning@example.com")
    client.delete_user(UserName="returning@example.com", AuthenticationType="USERPOOL")
    create_user(client, "returning@example.com")

    associations = client.describe_user_stack_associations(
        UserName="returning@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]

    assert associations == []


@mock_aws
def test_describe_users_max_results_zero():
    client = boto3.client("appstream", region_name="us-east-1")
    names = [f"unlimited-page{index}@example.com" for index in range(3)]
    for name in names:
        create_user(client, name)

    response = client.describe_users(AuthenticationType="USERPOOL", MaxResults=0)

    assert [user["UserName"] for user in response["Users"]] == names
    assert "NextToken" not in response
