"""Tags on fleets, stacks and private images."""

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT_ID

import moto_appstream

from .helpers import WINDOWS_IMAGE, assert_client_error, create_fleet, create_user

OTHER_ACCOUNT_ID = "111122223333"
TAG_KEY_PATTERN = r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"
ARN_PATTERN = (
    r"^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:"
    r"[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\-]"
    r"{0,1023}$"
)
RESOURCE_TYPES = ["fleet", "stack", "image"]


def _create_resource(client, resource_type, name):
    if resource_type == "fleet":
        return create_fleet(client, name)["Arn"]
    if resource_type == "stack":
        return client.create_stack(Name=name)["Stack"]["Arn"]
    return moto_appstream.add_private_image(name, "WINDOWS_SERVER_2019").arn


def _tags(client, arn):
    return client.list_tags_for_resource(ResourceArn=arn)["Tags"]


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@mock_aws
def test_tag_resource(resource_type):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, resource_type, f"{resource_type}-tagged")

    response = client.tag_resource(
        ResourceArn=arn, Tags={"team": "finance", "cost-center": "4711"}
    )

    assert set(response) == {"ResponseMetadata"}
    assert _tags(client, arn) == {"team": "finance", "cost-center": "4711"}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@mock_aws
def test_tag_resource_adds_to_existing(resource_type):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, resource_type, f"{resource_type}-added")
    client.tag_resource(ResourceArn=arn, Tags={"team": "finance"})

    client.tag_resource(ResourceArn=arn, Tags={"stage": "prod"})

    assert _tags(client, arn) == {"team": "finance", "stage": "prod"}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@mock_aws
def test_tag_resource_overwrites_value(resource_type):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, resource_type, f"{resource_type}-overwritten")
    client.tag_resource(ResourceArn=arn, Tags={"stage": "test"})

    client.tag_resource(ResourceArn=arn, Tags={"stage": "prod"})

    assert _tags(client, arn) == {"stage": "prod"}


@mock_aws
def test_tag_resource_empty_value():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "stack", "stack-empty-value")

    client.tag_resource(ResourceArn=arn, Tags={"Environment": ""})

    assert _tags(client, arn) == {"Environment": ""}


@mock_aws
def test_tag_resource_keys_are_case_sensitive():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "stack", "stack-key-case")

    client.tag_resource(ResourceArn=arn, Tags={"Team": "a", "team": "b"})

    assert _tags(client, arn) == {"Team": "a", "team": "b"}


@mock_aws
def test_create_fleet_tags_are_listed():
    client = boto3.client("appstream", region_name="us-east-1")

    arn = create_fleet(client, "fleet-born-tagged", Tags={"owner": "ops"})["Arn"]

    assert _tags(client, arn) == {"owner": "ops"}


@mock_aws
def test_create_stack_tags_are_listed():
    client = boto3.client("appstream", region_name="us-east-1")

    arn = client.create_stack(Name="stack-born-tagged", Tags={"owner": "ops"})["Stack"][
        "Arn"
    ]

    assert _tags(client, arn) == {"owner": "ops"}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@mock_aws
def test_list_tags_for_resource_none(resource_type):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, resource_type, f"{resource_type}-untagged")

    response = client.list_tags_for_resource(ResourceArn=arn)

    assert response["Tags"] == {}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@mock_aws
def test_untag_resource(resource_type):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, resource_type, f"{resource_type}-untag")
    client.tag_resource(ResourceArn=arn, Tags={"keep": "1", "drop": "2", "gone": "3"})

    response = client.untag_resource(ResourceArn=arn, TagKeys=["drop", "gone"])

    assert set(response) == {"ResponseMetadata"}
    assert _tags(client, arn) == {"keep": "1"}


@mock_aws
def test_untag_resource_missing_key():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "fleet", "fleet-untag-missing")
    client.tag_resource(ResourceArn=arn, Tags={"keep": "1"})

    client.untag_resource(ResourceArn=arn, TagKeys=["never-set"])

    assert _tags(client, arn) == {"keep": "1"}


@mock_aws
def test_untag_resource_create_tags():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(Name="stack-untag-created", Tags={"a": "1", "b": "2"})[
        "Stack"
    ]["Arn"]

    client.untag_resource(ResourceArn=arn, TagKeys=["a"])

    assert _tags(client, arn) == {"b": "2"}


@mock_aws
def test_delete_fleet_removes_tags():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = create_fleet(client, "fleet-recreated", Tags={"old": "tag"})["Arn"]
    client.delete_fleet(Name="fleet-recreated")
    create_fleet(client, "fleet-recreated")

    assert _tags(client, arn) == {}


@mock_aws
def test_tag_resource_only_named_resource():
    client = boto3.client("appstream", region_name="us-east-1")
    fleet_arn = create_fleet(client, "fleet-own-tags")["Arn"]
    stack_arn = client.create_stack(Name="stack-own-tags")["Stack"]["Arn"]

    client.tag_resource(ResourceArn=fleet_arn, Tags={"kind": "fleet"})

    assert _tags(client, stack_arn) == {}


def _unknown_arn(client, case):
    prefix = f"arn:aws:appstream:us-east-1:{ACCOUNT_ID}"
    if case == "unknown-fleet":
        return f"{prefix}:fleet/fleet-never-made"
    if case == "unknown-stack":
        return f"{prefix}:stack/stack-never-made"
    if case == "unknown-image":
        return f"{prefix}:image/image-never-made"
    if case == "user":
        create_user(client, "tagged@example.com")
        return f"{prefix}:user/USERPOOL/tagged@example.com"
    if case == "public-image":
        return f"arn:aws:appstream:us-east-1::image/{WINDOWS_IMAGE}"
    if case == "other-account":
        other = boto3.client("appstream", region_name="us-east-1")
        other.meta.events.register(
            "before-call.appstream.*",
            lambda params, **kwargs: params["headers"].update(
                {"x-moto-account-id": OTHER_ACCOUNT_ID}
            ),
        )
        return create_fleet(other, "fleet-elsewhere")["Arn"]
    if case == "other-region":
        other = boto3.client("appstream", region_name="eu-west-1")
        return create_fleet(other, "fleet-abroad")["Arn"]
    if case == "other-service":
        return "arn:aws:s3:::fleet-bucket"
    raise ValueError(case)


UNKNOWN_ARN_CASES = [
    "unknown-fleet",
    "unknown-stack",
    "unknown-image",
    "user",
    "public-image",
    "other-account",
    "other-region",
    "other-service",
]


@pytest.mark.parametrize("case", UNKNOWN_ARN_CASES)
@mock_aws
def test_list_tags_for_resource_unknown(case):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _unknown_arn(client, case)

    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(ResourceArn=arn)

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@pytest.mark.parametrize("case", UNKNOWN_ARN_CASES)
@mock_aws
def test_tag_resource_unknown(case):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _unknown_arn(client, case)

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn=arn, Tags={"team": "finance"})

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@pytest.mark.parametrize("case", UNKNOWN_ARN_CASES)
@mock_aws
def test_untag_resource_unknown(case):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _unknown_arn(client, case)

    with pytest.raises(ClientError) as exc:
        client.untag_resource(ResourceArn=arn, TagKeys=["team"])

    assert_client_error(
        exc, "ResourceNotFoundException", f"The resource {arn} does not exist."
    )


@mock_aws
def test_tag_resource_other_account_resource_untouched():
    client = boto3.client("appstream", region_name="us-east-1")
    other = boto3.client("appstream", region_name="us-east-1")
    other.meta.events.register(
        "before-call.appstream.*",
        lambda params, **kwargs: params["headers"].update(
            {"x-moto-account-id": OTHER_ACCOUNT_ID}
        ),
    )
    arn = create_fleet(other, "fleet-protected")["Arn"]
    with pytest.raises(ClientError):
        client.tag_resource(ResourceArn=arn, Tags={"intruder": "yes"})

    assert other.list_tags_for_resource(ResourceArn=arn)["Tags"] == {}


@mock_aws
def test_tag_resource_more_than_fifty_in_total():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(
        Name="stack-tag-limit", Tags={f"old{index}": "v" for index in range(30)}
    )["Stack"]["Arn"]

    with pytest.raises(ClientError) as exc:
        client.tag_resource(
            ResourceArn=arn, Tags={f"new{index}": "v" for index in range(21)}
        )

    assert_client_error(
        exc,
        "LimitExceededException",
        f"The resource {arn} would have more than 50 tags.",
    )


@mock_aws
def test_tag_resource_more_than_fifty_in_total_adds_nothing():
    client = boto3.client("appstream", region_name="us-east-1")
    old = {f"old{index}": "v" for index in range(40)}
    arn = client.create_stack(Name="stack-tag-limit-kept", Tags=old)["Stack"]["Arn"]
    with pytest.raises(ClientError):
        client.tag_resource(
            ResourceArn=arn, Tags={f"new{index}": "v" for index in range(11)}
        )

    assert _tags(client, arn) == old


@mock_aws
def test_tag_resource_fifty_in_total():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = create_fleet(
        client, "fleet-tag-fifty", Tags={f"old{index}": "v" for index in range(30)}
    )["Arn"]

    client.tag_resource(
        ResourceArn=arn, Tags={f"new{index}": "v" for index in range(20)}
    )

    assert len(_tags(client, arn)) == 50


@mock_aws
def test_tag_resource_overwrite_at_limit():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(
        Name="stack-tag-full", Tags={f"key{index}": "old" for index in range(50)}
    )["Stack"]["Arn"]

    client.tag_resource(ResourceArn=arn, Tags={"key0": "new", "key49": "new"})

    tags = _tags(client, arn)
    assert (len(tags), tags["key0"], tags["key49"]) == (50, "new", "new")


@mock_aws
def test_tag_resource_more_than_fifty_quota_lifted(monkeypatch):
    monkeypatch.setenv("MOTO_APPSTREAM_ENFORCE_QUOTAS", "false")
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(
        Name="stack-tag-unlimited", Tags={f"old{index}": "v" for index in range(30)}
    )["Stack"]["Arn"]

    client.tag_resource(
        ResourceArn=arn, Tags={f"new{index}": "v" for index in range(21)}
    )

    assert len(_tags(client, arn)) == 51


@mock_aws
def test_tag_resource_fifty_one_keys():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "stack", "stack-fifty-one")
    tags = {f"k{index}": "v" for index in range(51)}
    rendered = ", ".join(f"k{index}=v" for index in range(51))

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn=arn, Tags=tags)

    assert_client_error(
        exc,
        "ValidationException",
        (
            f"1 validation error detected: Value '{{{rendered}}}' at 'tags' failed to "
            "satisfy constraint: Member must have length less than or equal to 50"
        ),
    )


@mock_aws
def test_untag_resource_fifty_one_keys():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "fleet", "fleet-fifty-one")
    keys = [f"k{index}" for index in range(51)]

    with pytest.raises(ClientError) as exc:
        client.untag_resource(ResourceArn=arn, TagKeys=keys)

    assert_client_error(
        exc,
        "ValidationException",
        (
            f"1 validation error detected: Value '[{', '.join(keys)}]' at 'tagKeys' "
            "failed to satisfy constraint: Member must have length less than or equal "
            "to 50"
        ),
    )


@pytest.mark.parametrize("key", ["aws:createdBy", "aws:"])
@mock_aws
def test_tag_resource_aws_prefix(key):
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "stack", "stack-reserved-prefix")

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn=arn, Tags={key: "me"})

    assert_client_error(
        exc,
        "ValidationException",
        (
            f"1 validation error detected: Value '{key}' at 'tags' failed to satisfy "
            "constraint: Map keys must satisfy constraint: [Member must satisfy regular "
            f"expression pattern: {TAG_KEY_PATTERN}]"
        ),
    )


@mock_aws
def test_create_stack_aws_prefix_tag():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="stack-reserved-at-create", Tags={"aws:team": "x"})

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value 'aws:team' at 'tags' failed to satisfy "
            "constraint: Map keys must satisfy constraint: [Member must satisfy regular "
            f"expression pattern: {TAG_KEY_PATTERN}]"
        ),
    )


@mock_aws
def test_tag_resource_key_too_long():
    client = boto3.client("appstream", region_name="us-east-1")
    arn = _create_resource(client, "fleet", "fleet-long-key")
    key = "k" * 129

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn=arn, Tags={key: "v"})

    assert_client_error(
        exc,
        "ValidationException",
        (
            f"1 validation error detected: Value '{key}' at 'tags' failed to satisfy "
            "constraint: Map keys must satisfy constraint: [Member must have length "
            "less than or equal to 128]"
        ),
    )


@mock_aws
def test_tag_resource_malformed_arn():
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn="fleet/not-an-arn", Tags={"team": "x"})

    assert_client_error(
        exc,
        "ValidationException",
        (
            "1 validation error detected: Value 'fleet/not-an-arn' at 'resourceArn' "
            "failed to satisfy constraint: Member must satisfy regular expression "
            f"pattern: {ARN_PATTERN}"
        ),
    )
