"""Stacks: CreateStack, DescribeStacks, UpdateStack and DeleteStack."""

import re
from datetime import datetime, timezone

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID

from .helpers import (
    LINUX_IMAGE,
    WINDOWS_ONLY_STACK_MEMBERS,
    assert_client_error,
    associate_user,
    create_fleet,
    create_user,
    default_user_settings,
)

HOME_FOLDERS_BUCKET = f"appstream2-36fb080bb8-us-east-1-{ACCOUNT_ID}"
SETTINGS_BUCKET = re.compile(
    rf"appstream-app-settings-us-east-1-{ACCOUNT_ID}-[a-z0-9]+"
)
NAME_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$"

AGENT_ACCESS_CONFIG = {
    "Settings": [{"AgentAction": "COMPUTER_VISION", "Permission": "ENABLED"}],
    "ScreenResolution": "W_1280xH_720",
    "ScreenImageFormat": "PNG",
}

CONTENT_REDIRECTION = {
    "HostToClient": {
        "Enabled": True,
        "AllowedUrls": ["https://*.example.com/*"],
        "DeniedUrls": ["https://ads.example.com/*"],
    }
}


def _stack_arn(name):
    return f"arn:aws:appstream:us-east-1:{ACCOUNT_ID}:stack/{name}"


@mock_aws
@freeze_time("2024-05-01 12:00:00")
def test_create_stack():
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(Name="stack-bare")["Stack"]

    assert stack == {
        "Arn": _stack_arn("stack-bare"),
        "Name": "stack-bare",
        "CreatedTime": datetime(2024, 5, 1, 12, tzinfo=timezone.utc),
        "StorageConnectors": [],
        "StackErrors": [],
        "UserSettings": default_user_settings(),
        "ApplicationSettings": {"Enabled": False},
    }


@mock_aws
def test_create_stack_is_described():
    client = boto3.client("appstream", region_name="us-east-1")
    created = client.create_stack(Name="stack-described")["Stack"]

    stacks = client.describe_stacks(Names=["stack-described"])["Stacks"]

    assert stacks == [created]


@mock_aws
def test_create_stack_home_folders_default_bucket():
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(
        Name="stack-home", StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}]
    )["Stack"]

    assert stack["StorageConnectors"] == [
        {"ConnectorType": "HOMEFOLDERS", "ResourceIdentifier": HOME_FOLDERS_BUCKET}
    ]


@mock_aws
def test_create_stack_home_folders_own_bucket():
    client = boto3.client("appstream", region_name="us-east-1")
    connector = {"ConnectorType": "HOMEFOLDERS", "ResourceIdentifier": "my-homes"}

    stack = client.create_stack(Name="stack-own-home", StorageConnectors=[connector])[
        "Stack"
    ]

    assert stack["StorageConnectors"] == [connector]


@mock_aws
@freeze_time("2024-05-01 12:00:00")
def test_create_stack_every_member():
    client = boto3.client("appstream", region_name="us-east-1")
    storage_connectors = [
        {"ConnectorType": "HOMEFOLDERS", "ResourceIdentifier": "finance-homes"},
        {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]},
        {
            "ConnectorType": "ONE_DRIVE",
            "Domains": ["example.com", "example.org"],
            "DomainsRequireAdminConsent": ["example.org"],
        },
    ]
    user_settings = [
        {
            "Action": "CLIPBOARD_COPY_FROM_LOCAL_DEVICE",
            "Permission": "ENABLED",
            "MaximumLength": 1024,
        },
        {
            "Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
            "Permission": "ENABLED",
            "MaximumLength": 20971520,
        },
        {"Action": "FILE_UPLOAD", "Permission": "DISABLED"},
        {"Action": "FILE_DOWNLOAD", "Permission": "DISABLED"},
        {"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "DISABLED"},
        {"Action": "DOMAIN_PASSWORD_SIGNIN", "Permission": "DISABLED"},
        {"Action": "DOMAIN_SMART_CARD_SIGNIN", "Permission": "ENABLED"},
        {"Action": "AUTO_TIME_ZONE_REDIRECTION", "Permission": "ENABLED"},
    ]
    access_endpoints = [{"EndpointType": "STREAMING", "VpceId": "vpce-0a1b2c3d4e5f"}]
    agent_access_config = {
        "Settings": [
            {"AgentAction": "COMPUTER_VISION", "Permission": "ENABLED"},
            {"AgentAction": "COMPUTER_INPUT", "Permission": "ENABLED"},
        ],
        "S3BucketArn": "arn:aws:s3:::finance-screens",
        "ScreenshotsUploadEnabled": True,
        "ScreenResolution": "W_1280xH_720",
        "ScreenImageFormat": "JPEG",
    }

    stack = client.create_stack(
        Name="stack-full",
        Description="Finance applications",
        DisplayName="Finance",
        StorageConnectors=storage_connectors,
        RedirectURL="https://example.com/goodbye",
        FeedbackURL="https://example.com/feedback",
        UserSettings=user_settings,
        ApplicationSettings={"Enabled": True, "SettingsGroup": "finance-settings"},
        Tags={"team": "finance"},
        AccessEndpoints=access_endpoints,
        EmbedHostDomains=["portal.example.com"],
        StreamingExperienceSettings={"PreferredProtocol": "UDP"},
        ContentRedirection=CONTENT_REDIRECTION,
        AgentAccessConfig=agent_access_config,
    )["Stack"]

    bucket = stack["ApplicationSettings"]["S3BucketName"]
    assert stack == {
        "Arn": _stack_arn("stack-full"),
        "Name": "stack-full",
        "Description": "Finance applications",
        "DisplayName": "Finance",
        "CreatedTime": datetime(2024, 5, 1, 12, tzinfo=timezone.utc),
        "StorageConnectors": storage_connectors,
        "RedirectURL": "https://example.com/goodbye",
        "FeedbackURL": "https://example.com/feedback",
        "StackErrors": [],
        "UserSettings": user_settings,
        "ApplicationSettings": {
            "Enabled": True,
            "SettingsGroup": "finance-settings",
            "S3BucketName": bucket,
        },
        "AccessEndpoints": access_endpoints,
        "EmbedHostDomains": ["portal.example.com"],
        "StreamingExperienceSettings": {"PreferredProtocol": "UDP"},
        "ContentRedirection": CONTENT_REDIRECTION,
        "AgentAccessConfig": agent_access_config,
    }


@mock_aws
def test_create_stack_partial_user_settings_merged_with_defaults():
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(
        Name="stack-partial-settings",
        UserSettings=[
            {"Action": "AUTO_TIME_ZONE_REDIRECTION", "Permission": "ENABLED"},
            {"Action": "FILE_UPLOAD", "Permission": "DISABLED"},
        ],
    )["Stack"]

    assert stack["UserSettings"] == default_user_settings(
        FILE_UPLOAD="DISABLED", AUTO_TIME_ZONE_REDIRECTION="ENABLED"
    )


@mock_aws
def test_create_stack_application_settings_default_settings_group():
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(
        Name="stack-app-settings", ApplicationSettings={"Enabled": True}
    )["Stack"]

    settings = stack["ApplicationSettings"]
    assert SETTINGS_BUCKET.fullmatch(settings["S3BucketName"])
    assert settings == {
        "Enabled": True,
        "SettingsGroup": "stack-app-settings",
        "S3BucketName": settings["S3BucketName"],
    }


@mock_aws
def test_create_stack_application_settings_disabled():
    client = boto3.client("appstream", region_name="us-east-1")

    stack = client.create_stack(
        Name="stack-app-settings-off", ApplicationSettings={"Enabled": False}
    )["Stack"]

    assert stack["ApplicationSettings"] == {"Enabled": False}


@mock_aws
def test_create_stack_settings_group_without_application_settings():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(
            Name="stack-group-off",
            ApplicationSettings={"Enabled": False, "SettingsGroup": "group"},
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "A SettingsGroup can only be set when application settings are enabled.",
    )


@pytest.mark.parametrize(
    "setting",
    [
        {"Action": "FILE_UPLOAD", "Permission": "ENABLED", "MaximumLength": 10},
        {
            "Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
            "Permission": "DISABLED",
            "MaximumLength": 10,
        },
    ],
    ids=["not-clipboard", "clipboard-disabled"],
)
@mock_aws
def test_create_stack_maximum_length_not_allowed(setting):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-max-length", UserSettings=[setting])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        (
            "MaximumLength can only be set for the clipboard actions "
            "CLIPBOARD_COPY_FROM_LOCAL_DEVICE and CLIPBOARD_COPY_TO_LOCAL_DEVICE when "
            "their permission is ENABLED."
        ),
    )


@pytest.mark.parametrize("length", [-1, 0, 20971521])
@mock_aws
def test_create_stack_maximum_length_out_of_range(length):
    client = boto3.client("appstream", region_name="us-east-1")
    setting = {
        "Action": "CLIPBOARD_COPY_FROM_LOCAL_DEVICE",
        "Permission": "ENABLED",
        "MaximumLength": length,
    }

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-length-range", UserSettings=[setting])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The MaximumLength must be between 1 and 20971520.",
    )


@pytest.mark.parametrize("length", [1, 20971520])
@mock_aws
def test_create_stack_maximum_length_bounds(length):
    client = boto3.client("appstream", region_name="us-east-1")
    setting = {
        "Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
        "Permission": "ENABLED",
        "MaximumLength": length,
    }

    stack = client.create_stack(Name="stack-length-bounds", UserSettings=[setting])[
        "Stack"
    ]

    assert stack["UserSettings"][1] == setting


@mock_aws
def test_create_stack_duplicate_action():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(
            Name="stack-duplicate-action",
            UserSettings=[
                {"Action": "FILE_DOWNLOAD", "Permission": "ENABLED"},
                {"Action": "FILE_DOWNLOAD", "Permission": "DISABLED"},
            ],
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The action FILE_DOWNLOAD is specified more than once.",
    )


@mock_aws
def test_create_stack_duplicate_storage_connector():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(
            Name="stack-duplicate-connector",
            StorageConnectors=[
                {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]},
                {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.org"]},
            ],
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The storage connector GOOGLE_DRIVE is specified more than once.",
    )


@pytest.mark.parametrize("connector_type", ["HOMEFOLDERS", "GOOGLE_DRIVE"])
@mock_aws
def test_create_stack_admin_consent_only_for_one_drive(connector_type):
    client = boto3.client("appstream", region_name="us-east-1")
    connector = {
        "ConnectorType": connector_type,
        "DomainsRequireAdminConsent": ["example.com"],
    }

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-consent", StorageConnectors=[connector])

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "DomainsRequireAdminConsent is supported only for ONE_DRIVE.",
    )


@mock_aws
def test_create_stack_computer_input_without_computer_vision():
    client = boto3.client("appstream", region_name="us-east-1")
    config = {
        "Settings": [
            {"AgentAction": "COMPUTER_INPUT", "Permission": "ENABLED"},
            {"AgentAction": "COMPUTER_VISION", "Permission": "DISABLED"},
        ],
        "ScreenResolution": "W_1280xH_720",
        "ScreenImageFormat": "PNG",
    }

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-agent-input", AgentAccessConfig=config)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "COMPUTER_INPUT can only be enabled together with COMPUTER_VISION.",
    )


@mock_aws
def test_create_stack_screenshots_upload_without_bucket():
    client = boto3.client("appstream", region_name="us-east-1")
    config = {**AGENT_ACCESS_CONFIG, "ScreenshotsUploadEnabled": True}

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-agent-screens", AgentAccessConfig=config)

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "An S3BucketArn is required when ScreenshotsUploadEnabled is true.",
    )


@pytest.mark.parametrize(
    "members,message",
    [
        (
            {"Name": "bad name"},
            "Value 'bad name' at 'name' failed to satisfy constraint: Member must "
            f"satisfy regular expression pattern: {NAME_PATTERN}",
        ),
        (
            {"Name": "stack-long-description", "Description": "d" * 257},
            f"Value '{'d' * 257}' at 'description' failed to satisfy constraint: "
            "Member must have length less than or equal to 256",
        ),
        (
            {
                "Name": "stack-bad-protocol",
                "StreamingExperienceSettings": {"PreferredProtocol": "QUIC"},
            },
            "Value 'QUIC' at 'streamingExperienceSettings.preferredProtocol' failed "
            "to satisfy constraint: Member must satisfy enum value set: [TCP, UDP]",
        ),
    ],
    ids=["name-pattern", "description-length", "protocol-enum"],
)
@mock_aws
def test_create_stack_invalid_member(members, message):
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(**members)

    assert_client_error(
        exc, "ValidationException", f"1 validation error detected: {message}"
    )


@mock_aws
def test_create_stack_duplicate():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-twice")

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-twice")

    assert_client_error(
        exc, "ResourceAlreadyExistsException", "The stack stack-twice already exists."
    )


@mock_aws
def test_create_stack_quota():
    client = boto3.client("appstream", region_name="us-east-1")
    for index in range(10):
        client.create_stack(Name=f"stack-quota-{index}")

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-quota-10")

    assert_client_error(
        exc,
        "LimitExceededException",
        (
            "The maximum number of stacks (10) has been reached for this account in "
            "this Region."
        ),
    )


@mock_aws
def test_create_stack_quota_lifted(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    for index in range(11):
        client.create_stack(Name=f"stack-unlimited-{index}")

    stacks = client.describe_stacks()["Stacks"]

    assert len(stacks) == 11


@mock_aws
def test_describe_stacks():
    client = boto3.client("appstream", region_name="us-east-1")
    first = client.create_stack(Name="stack-all-1")["Stack"]
    second = client.create_stack(Name="stack-all-2")["Stack"]

    response = client.describe_stacks()

    assert response["Stacks"] == [first, second]
    assert "NextToken" not in response


@mock_aws
def test_describe_stacks_by_name():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-named-1")
    second = client.create_stack(Name="stack-named-2")["Stack"]

    stacks = client.describe_stacks(Names=["stack-named-2"])["Stacks"]

    assert stacks == [second]


@mock_aws
def test_describe_stacks_none():
    client = boto3.client("appstream", region_name="us-east-1")

    response = client.describe_stacks()

    assert response["Stacks"] == []
    assert "NextToken" not in response


@pytest.mark.parametrize(
    "names", [["stack-missing"], ["stack-present", "stack-missing"]]
)
@mock_aws
def test_describe_stacks_unknown(names):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-present")

    with pytest.raises(ClientError) as exc:
        client.describe_stacks(Names=names)

    assert_client_error(
        exc, "ResourceNotFoundException", "The stack stack-missing does not exist."
    )


@mock_aws
def test_describe_stacks_pagination(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    names = [f"stack-page-{index:02}" for index in range(30)]
    for name in names:
        client.create_stack(Name=name)

    first = client.describe_stacks()
    second = client.describe_stacks(NextToken=first["NextToken"])

    assert [stack["Name"] for stack in first["Stacks"]] == names[:25]
    assert [stack["Name"] for stack in second["Stacks"]] == names[25:]
    assert "NextToken" not in second


@mock_aws
def test_describe_stacks_paginator(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    names = [f"stack-paginator-{index:02}" for index in range(27)]
    for name in names:
        client.create_stack(Name=name)

    pages = list(client.get_paginator("describe_stacks").paginate())

    assert [len(page["Stacks"]) for page in pages] == [25, 2]
    assert [stack["Name"] for page in pages for stack in page["Stacks"]] == names


@mock_aws
def test_describe_stacks_forged_token():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-forged-token")

    with pytest.raises(ClientError) as exc:
        client.describe_stacks(NextToken="forged")

    assert_client_error(
        exc,
        "ValidationException",
        "The NextToken forged is not valid for this request.",
    )


@pytest.mark.parametrize(
    "member,value",
    [
        ("Description", "Updated description"),
        ("DisplayName", "Updated name"),
        ("RedirectURL", "https://example.com/updated-goodbye"),
        ("FeedbackURL", "https://example.com/updated-feedback"),
        ("AccessEndpoints", [{"EndpointType": "STREAMING", "VpceId": "vpce-99"}]),
        ("EmbedHostDomains", ["intranet.example.com", "portal.example.com"]),
        ("StreamingExperienceSettings", {"PreferredProtocol": "TCP"}),
        ("ContentRedirection", CONTENT_REDIRECTION),
        ("AgentAccessConfig", AGENT_ACCESS_CONFIG),
        (
            "StorageConnectors",
            [{"ConnectorType": "ONE_DRIVE", "Domains": ["example.com"]}],
        ),
    ],
)
@mock_aws
def test_update_stack_member(member, value):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-update-member")

    stack = client.update_stack(Name="stack-update-member", **{member: value})["Stack"]

    assert stack[member] == value


@mock_aws
def test_update_stack_is_described():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-update-described", Description="Before")
    updated = client.update_stack(Name="stack-update-described", Description="After")[
        "Stack"
    ]

    stacks = client.describe_stacks(Names=["stack-update-described"])["Stacks"]

    assert stacks == [updated]


@mock_aws
def test_update_stack_keeps_other_members():
    client = boto3.client("appstream", region_name="us-east-1")
    created = client.create_stack(
        Name="stack-update-keep",
        Description="Kept",
        EmbedHostDomains=["portal.example.com"],
    )["Stack"]

    stack = client.update_stack(Name="stack-update-keep", DisplayName="Shown")["Stack"]

    assert stack == {**created, "DisplayName": "Shown"}


@mock_aws
def test_update_stack_storage_connectors_replaced():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-replace-connectors",
        StorageConnectors=[
            {"ConnectorType": "HOMEFOLDERS"},
            {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]},
        ],
    )

    stack = client.update_stack(
        Name="stack-replace-connectors",
        StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}],
    )["Stack"]

    assert stack["StorageConnectors"] == [
        {"ConnectorType": "HOMEFOLDERS", "ResourceIdentifier": HOME_FOLDERS_BUCKET}
    ]


@mock_aws
def test_update_stack_agent_access_config_merged():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-agent-merge", AgentAccessConfig=AGENT_ACCESS_CONFIG)

    stack = client.update_stack(
        Name="stack-agent-merge", AgentAccessConfig={"ScreenImageFormat": "JPEG"}
    )["Stack"]

    assert stack["AgentAccessConfig"] == {
        **AGENT_ACCESS_CONFIG,
        "ScreenImageFormat": "JPEG",
    }


@mock_aws
def test_update_stack_user_settings_merged():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-settings-merge",
        UserSettings=[{"Action": "FILE_UPLOAD", "Permission": "DISABLED"}],
    )

    stack = client.update_stack(
        Name="stack-settings-merge",
        UserSettings=[
            {"Action": "FILE_DOWNLOAD", "Permission": "DISABLED"},
            {"Action": "DOMAIN_SMART_CARD_SIGNIN", "Permission": "ENABLED"},
        ],
    )["Stack"]

    assert stack["UserSettings"] == default_user_settings(
        FILE_UPLOAD="DISABLED",
        FILE_DOWNLOAD="DISABLED",
        DOMAIN_SMART_CARD_SIGNIN="ENABLED",
    )


@mock_aws
def test_update_stack_user_settings_overwrite_action():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-settings-overwrite",
        UserSettings=[
            {
                "Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
                "Permission": "ENABLED",
                "MaximumLength": 100,
            }
        ],
    )

    stack = client.update_stack(
        Name="stack-settings-overwrite",
        UserSettings=[
            {"Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE", "Permission": "DISABLED"}
        ],
    )["Stack"]

    assert stack["UserSettings"] == default_user_settings(
        CLIPBOARD_COPY_TO_LOCAL_DEVICE="DISABLED"
    )


@mock_aws
def test_update_stack_enable_application_settings():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-enable-settings")

    stack = client.update_stack(
        Name="stack-enable-settings",
        ApplicationSettings={"Enabled": True, "SettingsGroup": "shared-group"},
    )["Stack"]

    settings = stack["ApplicationSettings"]
    assert SETTINGS_BUCKET.fullmatch(settings["S3BucketName"])
    assert settings == {
        "Enabled": True,
        "SettingsGroup": "shared-group",
        "S3BucketName": settings["S3BucketName"],
    }


@mock_aws
def test_update_stack_disable_application_settings():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-disable-settings",
        ApplicationSettings={"Enabled": True, "SettingsGroup": "group"},
    )

    stack = client.update_stack(
        Name="stack-disable-settings", ApplicationSettings={"Enabled": False}
    )["Stack"]

    assert stack["ApplicationSettings"] == {"Enabled": False}


@pytest.mark.parametrize(
    "attribute,member,value",
    [
        ("REDIRECT_URL", "RedirectURL", "https://example.com/goodbye"),
        ("FEEDBACK_URL", "FeedbackURL", "https://example.com/feedback"),
        ("EMBED_HOST_DOMAINS", "EmbedHostDomains", ["portal.example.com"]),
        (
            "ACCESS_ENDPOINTS",
            "AccessEndpoints",
            [{"EndpointType": "STREAMING", "VpceId": "vpce-42"}],
        ),
        (
            "STREAMING_EXPERIENCE_SETTINGS",
            "StreamingExperienceSettings",
            {"PreferredProtocol": "UDP"},
        ),
        ("CONTENT_REDIRECTION", "ContentRedirection", CONTENT_REDIRECTION),
        ("AGENT_ACCESS_CONFIG", "AgentAccessConfig", AGENT_ACCESS_CONFIG),
    ],
)
@mock_aws
def test_update_stack_attributes_to_delete(attribute, member, value):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-delete-attribute", **{member: value})

    stack = client.update_stack(
        Name="stack-delete-attribute", AttributesToDelete=[attribute]
    )["Stack"]

    assert member not in stack


@mock_aws
def test_update_stack_attributes_to_delete_storage_connectors():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-delete-connectors",
        StorageConnectors=[
            {"ConnectorType": "HOMEFOLDERS"},
            {"ConnectorType": "ONE_DRIVE", "Domains": ["example.com"]},
        ],
    )

    stack = client.update_stack(
        Name="stack-delete-connectors", AttributesToDelete=["STORAGE_CONNECTORS"]
    )["Stack"]

    assert stack["StorageConnectors"] == []


@pytest.mark.parametrize(
    "attribute,remaining",
    [
        ("STORAGE_CONNECTOR_HOMEFOLDERS", ["GOOGLE_DRIVE", "ONE_DRIVE"]),
        ("STORAGE_CONNECTOR_GOOGLE_DRIVE", ["HOMEFOLDERS", "ONE_DRIVE"]),
        ("STORAGE_CONNECTOR_ONE_DRIVE", ["HOMEFOLDERS", "GOOGLE_DRIVE"]),
    ],
)
@mock_aws
def test_update_stack_attributes_to_delete_one_connector(attribute, remaining):
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-delete-one-connector",
        StorageConnectors=[
            {"ConnectorType": "HOMEFOLDERS"},
            {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]},
            {"ConnectorType": "ONE_DRIVE", "Domains": ["example.com"]},
        ],
    )

    stack = client.update_stack(
        Name="stack-delete-one-connector", AttributesToDelete=[attribute]
    )["Stack"]

    types = [connector["ConnectorType"] for connector in stack["StorageConnectors"]]
    assert types == remaining


@mock_aws
def test_update_stack_attributes_to_delete_user_settings():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-reset-settings",
        UserSettings=[
            {"Action": "FILE_UPLOAD", "Permission": "DISABLED"},
            {"Action": "AUTO_TIME_ZONE_REDIRECTION", "Permission": "ENABLED"},
        ],
    )

    stack = client.update_stack(
        Name="stack-reset-settings", AttributesToDelete=["USER_SETTINGS"]
    )["Stack"]

    assert stack["UserSettings"] == default_user_settings()


@pytest.mark.parametrize("attribute", ["THEME_NAME", "IAM_ROLE_ARN"])
@mock_aws
def test_update_stack_attributes_to_delete_unmodelled(attribute):
    client = boto3.client("appstream", region_name="us-east-1")
    created = client.create_stack(Name="stack-delete-theme", Description="Kept")[
        "Stack"
    ]

    stack = client.update_stack(
        Name="stack-delete-theme", AttributesToDelete=[attribute]
    )["Stack"]

    assert stack == created


@mock_aws
def test_update_stack_delete_storage_connectors():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(
        Name="stack-drop-connectors",
        StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}],
    )

    stack = client.update_stack(
        Name="stack-drop-connectors", DeleteStorageConnectors=True
    )["Stack"]

    assert stack["StorageConnectors"] == []


@mock_aws
def test_update_stack_unknown():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.update_stack(Name="stack-nowhere", Description="Nothing")

    assert_client_error(
        exc, "ResourceNotFoundException", "The stack stack-nowhere does not exist."
    )


@mock_aws
def test_update_stack_invalid_user_settings():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-update-bad-settings")

    with pytest.raises(ClientError) as exc:
        client.update_stack(
            Name="stack-update-bad-settings",
            UserSettings=[
                {"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "ENABLED"},
                {"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "DISABLED"},
            ],
        )

    assert_client_error(
        exc,
        "InvalidParameterCombinationException",
        "The action PRINTING_TO_LOCAL_DEVICE is specified more than once.",
    )


@pytest.mark.parametrize(
    "members",
    list(WINDOWS_ONLY_STACK_MEMBERS.values()),
    ids=list(WINDOWS_ONLY_STACK_MEMBERS),
)
@mock_aws
def test_update_stack_linux_fleet_incompatible(members):
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-linux-update", ImageName=LINUX_IMAGE)
    client.create_stack(Name="stack-linux-update")
    client.associate_fleet(
        FleetName="fleet-linux-update", StackName="stack-linux-update"
    )

    with pytest.raises(ClientError) as exc:
        client.update_stack(Name="stack-linux-update", **members)

    assert_client_error(
        exc,
        "IncompatibleImageException",
        (
            "The stack stack-linux-update is associated with fleet fleet-linux-update, "
            "whose image does not support Google Drive, OneDrive or persistent "
            "application settings."
        ),
    )


@mock_aws
def test_update_stack_linux_fleet_home_folders():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-linux-homes", ImageName=LINUX_IMAGE)
    client.create_stack(Name="stack-linux-homes")
    client.associate_fleet(FleetName="fleet-linux-homes", StackName="stack-linux-homes")

    stack = client.update_stack(
        Name="stack-linux-homes", StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}]
    )["Stack"]

    assert stack["StorageConnectors"] == [
        {"ConnectorType": "HOMEFOLDERS", "ResourceIdentifier": HOME_FOLDERS_BUCKET}
    ]


@mock_aws
def test_update_stack_windows_fleet_google_drive():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-windows-drive")
    client.create_stack(Name="stack-windows-drive")
    client.associate_fleet(
        FleetName="fleet-windows-drive", StackName="stack-windows-drive"
    )
    connector = {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]}

    stack = client.update_stack(
        Name="stack-windows-drive", StorageConnectors=[connector]
    )["Stack"]

    assert stack["StorageConnectors"] == [connector]


@mock_aws
def test_delete_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-deleted")

    client.delete_stack(Name="stack-deleted")

    assert client.describe_stacks()["Stacks"] == []


@mock_aws
def test_delete_stack_name_reused():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-reused", Description="First")
    client.delete_stack(Name="stack-reused")

    stack = client.create_stack(Name="stack-reused")["Stack"]

    assert "Description" not in stack


@mock_aws
def test_delete_stack_unknown():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.delete_stack(Name="stack-never-created")

    assert_client_error(
        exc,
        "ResourceNotFoundException",
        "The stack stack-never-created does not exist.",
    )


@mock_aws
def test_delete_stack_with_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-blocks-delete")
    client.create_stack(Name="stack-with-fleet")
    client.associate_fleet(
        FleetName="fleet-blocks-delete", StackName="stack-with-fleet"
    )

    with pytest.raises(ClientError) as exc:
        client.delete_stack(Name="stack-with-fleet")

    assert_client_error(
        exc,
        "ResourceInUseException",
        (
            "Cannot delete stack stack-with-fleet. This stack has fleets associated with "
            "it. Only stacks with no fleets associated with it can be deleted."
        ),
    )


@mock_aws
def test_delete_stack_after_disassociating_fleet():
    client = boto3.client("appstream", region_name="us-east-1")
    create_fleet(client, "fleet-released")
    client.create_stack(Name="stack-released")
    client.associate_fleet(FleetName="fleet-released", StackName="stack-released")
    client.disassociate_fleet(FleetName="fleet-released", StackName="stack-released")

    client.delete_stack(Name="stack-released")

    assert client.list_associated_stacks(FleetName="fleet-released")["Names"] == []


@mock_aws
def test_delete_stack_removes_user_associations():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-with-users")
    create_user(client, "stack.user@example.com")
    associate_user(client, "stack-with-users", "stack.user@example.com")

    client.delete_stack(Name="stack-with-users")

    associations = client.describe_user_stack_associations(
        UserName="stack.user@example.com", AuthenticationType="USERPOOL"
    )["UserStackAssociations"]
    assert associations == []


@mock_aws
def test_delete_stack_removes_user_associations_of_recreated_stack():
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack-recreated-users")
    create_user(client, "again@example.com")
    associate_user(client, "stack-recreated-users", "again@example.com")
    client.delete_stack(Name="stack-recreated-users")
    client.create_stack(Name="stack-recreated-users")

    associations = client.describe_user_stack_associations(
        StackName="stack-recreated-users"
    )["UserStackAssociations"]

    assert associations == []


@mock_aws
def test_delete_stack_removes_tags():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(Name="stack-tagged", Tags={"team": "finance"})["Stack"][
        "Arn"
    ]
    client.delete_stack(Name="stack-tagged")
    client.create_stack(Name="stack-tagged")

    tags = client.list_tags_for_resource(ResourceArn=arn)["Tags"]

    assert tags == {}
