"""The model-driven request validator, through boto3 and called directly."""

from typing import Any

import boto3
import botocore.session
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from moto_appstream.appstream.exceptions import (
    SerializationException,
    ValidationException,
)
from moto_appstream.appstream.validation import validate_request

from .helpers import assert_client_error, create_user

IMAGE_NAME = "AppStream-WinServer2019-06-12-2023"
NAME_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$"
TAG_KEY_PATTERN = r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"
USERNAME_PATTERN = r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+"
USER_ATTRIBUTE_PATTERN = r"^[A-Za-z0-9_\-\s]+$"
EMBED_HOST_PATTERN = (
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]"
)
S3_BUCKET_PATTERN = r"^[0-9a-z\.\-]*(?<!\.)$"
ONE_ERROR = "1 validation error detected: "


def _input_shape(operation: str) -> Any:
    service_model = botocore.session.get_session().get_service_model("appstream")
    return service_model.operation_model(operation).input_shape


def _fleet_request(name: str, **members: Any) -> dict[str, Any]:
    return {
        "Name": name,
        "ImageName": IMAGE_NAME,
        "InstanceType": "stream.standard.medium",
        "ComputeCapacity": {"DesiredInstances": 1},
        **members,
    }


def _association(user_name: str, **members: Any) -> dict[str, Any]:
    return {
        "StackName": "stack",
        "UserName": user_name,
        "AuthenticationType": "USERPOOL",
        **members,
    }


@pytest.mark.parametrize(
    "members,message",
    [
        pytest.param(
            {"Name": "a" * 102},
            f"Value '{'a' * 102}' at 'name' failed to satisfy constraint: "
            f"Member must satisfy regular expression pattern: {NAME_PATTERN}",
            id="name_too_long",
        ),
        pytest.param(
            {"Name": "bad name"},
            "Value 'bad name' at 'name' failed to satisfy constraint: "
            f"Member must satisfy regular expression pattern: {NAME_PATTERN}",
            id="name_with_space",
        ),
        pytest.param(
            {"Name": "-leading-hyphen"},
            "Value '-leading-hyphen' at 'name' failed to satisfy constraint: "
            f"Member must satisfy regular expression pattern: {NAME_PATTERN}",
            id="name_not_starting_alphanumeric",
        ),
        pytest.param(
            {"Description": "d" * 257},
            f"Value '{'d' * 257}' at 'description' failed to satisfy constraint: "
            "Member must have length less than or equal to 256",
            id="description_257",
        ),
        pytest.param(
            {"DisplayName": "n" * 101},
            f"Value '{'n' * 101}' at 'displayName' failed to satisfy constraint: "
            "Member must have length less than or equal to 100",
            id="display_name_101",
        ),
        pytest.param(
            {"FleetType": "BOGUS"},
            "Value 'BOGUS' at 'fleetType' failed to satisfy constraint: "
            "Member must satisfy enum value set: [ALWAYS_ON, ON_DEMAND, ELASTIC]",
            id="fleet_type",
        ),
        pytest.param(
            {"StreamView": "WINDOW"},
            "Value 'WINDOW' at 'streamView' failed to satisfy constraint: "
            "Member must satisfy enum value set: [APP, DESKTOP]",
            id="stream_view",
        ),
        pytest.param(
            {"VpcConfig": {"SecurityGroupIds": [f"sg-{i}" for i in range(6)]}},
            "Value '[sg-0, sg-1, sg-2, sg-3, sg-4, sg-5]' at "
            "'vpcConfig.securityGroupIds' failed to satisfy constraint: "
            "Member must have length less than or equal to 5",
            id="six_security_groups",
        ),
        pytest.param(
            {
                "DomainJoinInfo": {
                    "DirectoryName": "corp.example.com",
                    "OrganizationalUnitDistinguishedName": "o" * 2001,
                }
            },
            f"Value '{'o' * 2001}' at "
            "'domainJoinInfo.organizationalUnitDistinguishedName' failed to "
            "satisfy constraint: Member must have length less than or equal to 2000",
            id="nested_structure_member",
        ),
        pytest.param(
            {"SessionScriptS3Location": {"S3Bucket": "Bad_Bucket"}},
            "Value 'Bad_Bucket' at 'sessionScriptS3Location.s3Bucket' failed to "
            "satisfy constraint: Member must satisfy regular expression pattern: "
            f"{S3_BUCKET_PATTERN}",
            id="nested_bucket_pattern",
        ),
        pytest.param(
            {"Platform": "WINDOWS_XP"},
            "Value 'WINDOWS_XP' at 'platform' failed to satisfy constraint: "
            "Member must satisfy enum value set: [WINDOWS, WINDOWS_SERVER_2016, "
            "WINDOWS_SERVER_2019, WINDOWS_SERVER_2022, WINDOWS_SERVER_2025, "
            "AMAZON_LINUX2, RHEL8, ROCKY_LINUX8, UBUNTU_PRO_2404]",
            id="platform",
        ),
        pytest.param(
            {"Tags": {f"key{i}": "value" for i in range(51)}},
            "Value '{"
            + ", ".join(f"key{i}=value" for i in range(51))
            + "}' at 'tags' failed to satisfy constraint: "
            "Member must have length less than or equal to 50",
            id="fifty_one_tags",
        ),
        pytest.param(
            {"Tags": {"aws:owner": "me"}},
            "Value 'aws:owner' at 'tags' failed to satisfy constraint: "
            "Map keys must satisfy constraint: [Member must satisfy regular "
            f"expression pattern: {TAG_KEY_PATTERN}]",
            id="tag_key_aws_prefix",
        ),
        pytest.param(
            {"Tags": {"aws:" + "k" * 125: "v"}},
            f"Value 'aws:{'k' * 125}' at 'tags' failed to satisfy constraint: "
            "Map keys must satisfy constraint: [Member must have length less than "
            "or equal to 128, Member must satisfy regular expression pattern: "
            f"{TAG_KEY_PATTERN}]",
            id="tag_key_two_constraints",
        ),
        pytest.param(
            {"Tags": {"owner": "v" * 257}},
            f"Value '{'v' * 257}' at 'tags' failed to satisfy constraint: "
            "Map value must satisfy constraint: [Member must have length less "
            "than or equal to 256]",
            id="tag_value_too_long",
        ),
        pytest.param(
            {"Tags": {"owner": "a;b"}},
            "Value 'a;b' at 'tags' failed to satisfy constraint: Map value must "
            "satisfy constraint: [Member must satisfy regular expression pattern: "
            r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$]",
            id="tag_value_bad_character",
        ),
    ],
)
@mock_aws
def test_create_fleet_invalid_member(members: dict[str, Any], message: str) -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_fleet(**_fleet_request("InvalidFleet", **members))

    assert_client_error(exc, "ValidationException", ONE_ERROR + message)


@mock_aws
def test_create_fleet_invalid_leaves_no_fleet() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError):
        client.create_fleet(**_fleet_request("RejectedFleet", Description="d" * 257))

    assert client.describe_fleets()["Fleets"] == []
    with pytest.raises(ClientError) as exc:
        client.describe_fleets(Names=["RejectedFleet"])
    err = exc.value.response["Error"]
    assert err["Code"] == "ResourceNotFoundException"
    assert err["Message"] == "The fleet RejectedFleet does not exist."


@mock_aws
def test_create_fleet_invalid_tags_leave_no_tags() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError):
        client.create_fleet(**_fleet_request("UntaggedFleet", Tags={"aws:x": "y"}))
    fleet = client.create_fleet(**_fleet_request("UntaggedFleet"))["Fleet"]

    assert client.list_tags_for_resource(ResourceArn=fleet["Arn"])["Tags"] == {}


@mock_aws
def test_create_fleet_two_errors_in_shape_order() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_fleet(
            **_fleet_request(
                "TwoErrorFleet", DisplayName="n" * 101, Description="d" * 257
            )
        )

    assert_client_error(
        exc,
        "ValidationException",
        "2 validation errors detected: "
        f"Value '{'d' * 257}' at 'description' failed to satisfy constraint: "
        "Member must have length less than or equal to 256; "
        f"Value '{'n' * 101}' at 'displayName' failed to satisfy constraint: "
        "Member must have length less than or equal to 100",
    )


@mock_aws
def test_create_fleet_three_errors_across_members() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_fleet(
            **_fleet_request(
                "bad name",
                FleetType="BOGUS",
                VpcConfig={"SecurityGroupIds": [f"sg-{i}" for i in range(6)]},
            )
        )

    assert_client_error(
        exc,
        "ValidationException",
        "3 validation errors detected: "
        "Value 'bad name' at 'name' failed to satisfy constraint: "
        f"Member must satisfy regular expression pattern: {NAME_PATTERN}; "
        "Value 'BOGUS' at 'fleetType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [ALWAYS_ON, ON_DEMAND, ELASTIC]; "
        "Value '[sg-0, sg-1, sg-2, sg-3, sg-4, sg-5]' at "
        "'vpcConfig.securityGroupIds' failed to satisfy constraint: "
        "Member must have length less than or equal to 5",
    )


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"Name": "a" * 101}, id="name_101"),
        pytest.param({"Name": "a_b.c-d"}, id="name_punctuation"),
        pytest.param({"Description": "d" * 256}, id="description_256"),
        pytest.param({"DisplayName": "n" * 100}, id="display_name_100"),
        pytest.param(
            {"VpcConfig": {"SecurityGroupIds": [f"sg-{i}" for i in range(5)]}},
            id="five_security_groups",
        ),
        pytest.param({"Tags": {f"key{i}": "v" for i in range(50)}}, id="fifty_tags"),
        pytest.param({"Tags": {"owner": ""}}, id="empty_tag_value"),
        pytest.param({"Tags": {"Équipe": "Données 1"}}, id="unicode_tag"),
        pytest.param({"Tags": {"k" * 128: "v" * 256}}, id="longest_tag"),
    ],
)
@mock_aws
def test_create_fleet_boundary_values_accepted(members: dict[str, Any]) -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    request = _fleet_request("BoundaryFleet", **members)

    fleet = client.create_fleet(**request)["Fleet"]

    assert fleet["Name"] == request["Name"]


@pytest.mark.parametrize(
    "members,message",
    [
        pytest.param(
            {"RedirectURL": "u" * 1001},
            f"Value '{'u' * 1001}' at 'redirectURL' failed to satisfy constraint: "
            "Member must have length less than or equal to 1000",
            id="redirect_url_1001",
        ),
        pytest.param(
            {"FeedbackURL": "u" * 1001},
            f"Value '{'u' * 1001}' at 'feedbackURL' failed to satisfy constraint: "
            "Member must have length less than or equal to 1000",
            id="feedback_url_1001",
        ),
        pytest.param(
            {"EmbedHostDomains": ["example.com", "Not_A_Domain"]},
            "Value 'Not_A_Domain' at 'embedHostDomains.2.member' failed to satisfy "
            f"constraint: Member must satisfy regular expression pattern: "
            f"{EMBED_HOST_PATTERN}",
            id="embed_host_domain_pattern",
        ),
        pytest.param(
            {"EmbedHostDomains": [f"d{i}.example.com" for i in range(21)]},
            "Value '["
            + ", ".join(f"d{i}.example.com" for i in range(21))
            + "]' at 'embedHostDomains' failed to satisfy constraint: "
            "Member must have length less than or equal to 20",
            id="twenty_one_embed_host_domains",
        ),
        pytest.param(
            {"AccessEndpoints": [{"EndpointType": "STREAMING"}] * 5},
            "Value '["
            + ", ".join(["{EndpointType=STREAMING}"] * 5)
            + "]' at 'accessEndpoints' failed to satisfy constraint: "
            "Member must have length less than or equal to 4",
            id="five_access_endpoints",
        ),
        pytest.param(
            {"AccessEndpoints": [{"EndpointType": "INTERNET"}]},
            "Value 'INTERNET' at 'accessEndpoints.1.member.endpointType' failed "
            "to satisfy constraint: Member must satisfy enum value set: [STREAMING]",
            id="access_endpoint_type",
        ),
    ],
)
@mock_aws
def test_create_stack_invalid_member(members: dict[str, Any], message: str) -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="InvalidStack", **members)

    assert_client_error(exc, "ValidationException", ONE_ERROR + message)


@mock_aws
def test_create_stack_two_errors_in_one_list_item() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    domain = "A" * 129

    with pytest.raises(ClientError) as exc:
        client.create_stack(Name="TwoErrorStack", EmbedHostDomains=[domain])

    assert_client_error(
        exc,
        "ValidationException",
        "2 validation errors detected: "
        f"Value '{domain}' at 'embedHostDomains.1.member' failed to satisfy "
        "constraint: Member must have length less than or equal to 128; "
        f"Value '{domain}' at 'embedHostDomains.1.member' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: "
        f"{EMBED_HOST_PATTERN}",
    )


@mock_aws
def test_create_stack_invalid_leaves_no_stack() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError):
        client.create_stack(Name="RejectedStack", RedirectURL="u" * 1001)

    assert client.describe_stacks()["Stacks"] == []


@pytest.mark.parametrize(
    "members,message",
    [
        pytest.param(
            {"UserName": "jane doe@example.com"},
            "Value at 'userName' failed to satisfy constraint: Member must satisfy "
            f"regular expression pattern: {USERNAME_PATTERN}",
            id="user_name_with_space",
        ),
        pytest.param(
            {"UserName": "u" * 129},
            "Value at 'userName' failed to satisfy constraint: Member must have "
            "length less than or equal to 128",
            id="user_name_129",
        ),
        pytest.param(
            {"UserName": "jane@example.com", "FirstName": "O'Brien"},
            "Value at 'firstName' failed to satisfy constraint: Member must satisfy "
            f"regular expression pattern: {USER_ATTRIBUTE_PATTERN}",
            id="first_name_apostrophe",
        ),
        pytest.param(
            {"UserName": "jane@example.com", "LastName": "l" * 2049},
            "Value at 'lastName' failed to satisfy constraint: Member must have "
            "length less than or equal to 2048",
            id="last_name_2049",
        ),
        pytest.param(
            {"UserName": "jane@example.com", "MessageAction": "SEND"},
            "Value 'SEND' at 'messageAction' failed to satisfy constraint: "
            "Member must satisfy enum value set: [SUPPRESS, RESEND]",
            id="message_action",
        ),
    ],
)
@mock_aws
def test_create_user_invalid_member(members: dict[str, Any], message: str) -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(AuthenticationType="USERPOOL", **members)

    assert_client_error(exc, "ValidationException", ONE_ERROR + message)


@mock_aws
def test_create_user_invalid_authentication_type() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(UserName="jane@example.com", AuthenticationType="LDAP")

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value 'LDAP' at 'authenticationType' failed to satisfy "
        "constraint: Member must satisfy enum value set: "
        "[API, SAML, USERPOOL, AWS_AD]",
    )


@mock_aws
def test_create_user_invalid_leaves_no_user() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError):
        client.create_user(
            UserName="jane@example.com",
            AuthenticationType="USERPOOL",
            FirstName="O'Brien",
        )

    assert client.describe_users(AuthenticationType="USERPOOL")["Users"] == []


@pytest.mark.parametrize(
    "user_name,first_name",
    [
        pytest.param("josé.garcía@example.com", "Jose", id="unicode_user_name"),
        pytest.param("u" * 128, "Mary Ann", id="user_name_128_spaced_first_name"),
        pytest.param("jane_doe+test@example.com", "Jane-Doe_2", id="punctuation"),
    ],
)
@mock_aws
def test_create_user_boundary_values_accepted(user_name: str, first_name: str) -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    client.create_user(
        UserName=user_name, AuthenticationType="USERPOOL", FirstName=first_name
    )

    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [(user["UserName"], user["FirstName"]) for user in users] == [
        (user_name, first_name)
    ]


@mock_aws
def test_create_user_first_name_with_a_tab_is_accepted() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    client.create_user(
        UserName="tab@example.com",
        AuthenticationType="USERPOOL",
        FirstName="Ann\tMarie",
    )

    users = client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert [user["FirstName"] for user in users] == ["Ann\tMarie"]


@mock_aws
def test_create_user_first_name_with_a_unicode_space_is_rejected() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.create_user(
            UserName="em@example.com",
            AuthenticationType="USERPOOL",
            FirstName="Ann\u2003Marie",
        )

    assert_client_error(
        exc,
        "ValidationException",
        "1 validation error detected: Value at 'firstName' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: "
        "^[A-Za-z0-9_\\-\\s]+$",
    )


@mock_aws
def test_describe_images_max_results_above_25() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(MaxResults=26)

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value '26' at 'maxResults' failed to satisfy constraint: "
        "Member must have value less than or equal to 25",
    )


@mock_aws
def test_describe_images_max_results_25_accepted() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    images = client.describe_images(MaxResults=25)["Images"]

    assert 1 <= len(images) <= 25


@mock_aws
def test_describe_images_invalid_type() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_images(Type="OWNED")

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value 'OWNED' at 'type' failed to satisfy constraint: "
        "Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]",
    )


@mock_aws
def test_describe_user_stack_associations_max_results_above_500() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    with pytest.raises(ClientError) as exc:
        client.describe_user_stack_associations(StackName="stack", MaxResults=501)

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value '501' at 'maxResults' failed to satisfy constraint: "
        "Member must have value less than or equal to 500",
    )


@mock_aws
def test_batch_associate_user_stack_26_entries() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    entries = [_association(f"user{i}@example.com") for i in range(26)]

    with pytest.raises(ClientError) as exc:
        client.batch_associate_user_stack(UserStackAssociations=entries)

    rendered = ", ".join(
        f"{{StackName=stack, UserName=user{i}@example.com, "
        "AuthenticationType=USERPOOL}"
        for i in range(26)
    )
    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + f"Value '[{rendered}]' at 'userStackAssociations' failed to "
        "satisfy constraint: Member must have length less than or equal to 25",
    )


@mock_aws
def test_batch_associate_user_stack_invalid_user_name_in_entry() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    entries = [_association("jane@example.com"), _association("john doe")]

    with pytest.raises(ClientError) as exc:
        client.batch_associate_user_stack(UserStackAssociations=entries)

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value at 'userStackAssociations.2.member.userName' failed to "
        "satisfy constraint: Member must satisfy regular expression pattern: "
        f"{USERNAME_PATTERN}",
    )


@mock_aws
def test_batch_disassociate_user_stack_invalid_authentication_type() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    entries = [_association("jane@example.com", AuthenticationType="LDAP")]

    with pytest.raises(ClientError) as exc:
        client.batch_disassociate_user_stack(UserStackAssociations=entries)

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value 'LDAP' at 'userStackAssociations.1.member."
        "authenticationType' failed to satisfy constraint: Member must satisfy "
        "enum value set: [API, SAML, USERPOOL, AWS_AD]",
    )


@mock_aws
def test_batch_associate_user_stack_invalid_leaves_no_association() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_stack(Name="stack")
    create_user(client, "jane@example.com")
    entries = [_association("jane@example.com"), _association("john doe")]

    with pytest.raises(ClientError):
        client.batch_associate_user_stack(UserStackAssociations=entries)

    associations = client.describe_user_stack_associations(StackName="stack")
    assert associations["UserStackAssociations"] == []


@mock_aws
def test_tag_resource_invalid_tag_key() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(Name="TaggedStack")["Stack"]["Arn"]

    with pytest.raises(ClientError) as exc:
        client.tag_resource(ResourceArn=arn, Tags={"ok": "1", "aws:cfn": "2"})

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + "Value 'aws:cfn' at 'tags' failed to satisfy constraint: "
        "Map keys must satisfy constraint: [Member must satisfy regular "
        f"expression pattern: {TAG_KEY_PATTERN}]",
    )
    assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == {}


@mock_aws
def test_untag_resource_51_keys() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(Name="UntaggedStack")["Stack"]["Arn"]
    keys = [f"key{i}" for i in range(51)]

    with pytest.raises(ClientError) as exc:
        client.untag_resource(ResourceArn=arn, TagKeys=keys)

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + f"Value '[{', '.join(keys)}]' at 'tagKeys' failed to satisfy "
        "constraint: Member must have length less than or equal to 50",
    )


@mock_aws
def test_update_fleet_invalid_member_leaves_fleet_unchanged() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    fleet = client.create_fleet(**_fleet_request("SteadyFleet"))["Fleet"]

    with pytest.raises(ClientError) as exc:
        client.update_fleet(
            Name="SteadyFleet", StreamView="DESKTOP", Description="d" * 257
        )

    assert_client_error(
        exc,
        "ValidationException",
        ONE_ERROR + f"Value '{'d' * 257}' at 'description' failed to satisfy "
        "constraint: Member must have length less than or equal to 256",
    )
    assert client.describe_fleets(Names=["SteadyFleet"])["Fleets"] == [fleet]


def test_validate_request_missing_required_members() -> None:
    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("CreateFleet"), {})

    assert exc.value.message == (
        "2 validation errors detected: "
        "Value null at 'name' failed to satisfy constraint: Member must not be null; "
        "Value null at 'instanceType' failed to satisfy constraint: "
        "Member must not be null"
    )


def test_validate_request_missing_required_member() -> None:
    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("CreateFleet"), {"InstanceType": "x"})

    assert exc.value.message == (
        ONE_ERROR + "Value null at 'name' failed to satisfy constraint: "
        "Member must not be null"
    )


def test_validate_request_null_member_counts_as_missing() -> None:
    body = {"Name": None, "InstanceType": "stream.standard.small"}

    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("CreateFleet"), body)

    assert exc.value.message == (
        ONE_ERROR + "Value null at 'name' failed to satisfy constraint: "
        "Member must not be null"
    )


def test_validate_request_missing_nested_required_member() -> None:
    body = {
        "Name": "fleet",
        "InstanceType": "stream.standard.small",
        "SessionScriptS3Location": {"S3Key": "script.json"},
    }

    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("CreateFleet"), body)

    assert exc.value.message == (
        ONE_ERROR + "Value null at 'sessionScriptS3Location.s3Bucket' failed to "
        "satisfy constraint: Member must not be null"
    )


def test_validate_request_missing_sensitive_member_in_list() -> None:
    body = {
        "UserStackAssociations": [
            {"StackName": "stack", "AuthenticationType": "USERPOOL"}
        ]
    }

    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("BatchAssociateUserStack"), body)

    assert exc.value.message == (
        ONE_ERROR + "Value at 'userStackAssociations.1.member.userName' failed to "
        "satisfy constraint: Member must not be null"
    )


def test_validate_request_minimum_length() -> None:
    body = {"Name": "fleet", "InstanceType": ""}

    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("CreateFleet"), body)

    assert exc.value.message == (
        ONE_ERROR + "Value '' at 'instanceType' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1"
    )


def test_validate_request_minimum_value() -> None:
    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("DescribeImages"), {"MaxResults": -1})

    assert exc.value.message == (
        ONE_ERROR + "Value '-1' at 'maxResults' failed to satisfy constraint: "
        "Member must have value greater than or equal to 0"
    )


def test_validate_request_empty_map() -> None:
    body = {"ResourceArn": "arn:aws:appstream:us-east-1:123456789012:stack/s"}

    with pytest.raises(ValidationException) as exc:
        validate_request(_input_shape("TagResource"), {**body, "Tags": {}})

    assert exc.value.message == (
        ONE_ERROR + "Value '{}' at 'tags' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1"
    )


def test_validate_request_valid_body() -> None:
    body = _fleet_request(
        "ValidFleet",
        Tags={"team": "data"},
        VpcConfig={"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
        EnableDefaultInternetAccess=False,
    )

    assert validate_request(_input_shape("CreateFleet"), body) is None


def test_validate_request_without_input_shape() -> None:
    assert validate_request(None, {"Anything": [1, 2]}) is None


@pytest.mark.parametrize(
    "operation,body,message",
    [
        pytest.param(
            "DescribeFleets",
            {"Names": "fleet"},
            "STRING_VALUE can not be converted to List",
            id="string_for_list",
        ),
        pytest.param(
            "DescribeFleets",
            {"Names": 3},
            "NUMBER_VALUE can not be converted to List",
            id="number_for_list",
        ),
        pytest.param(
            "DescribeFleets",
            {"Names": {"a": "b"}},
            "Start of structure or map found where not expected.",
            id="map_for_list",
        ),
        pytest.param(
            "DescribeFleets",
            {"NextToken": ["token"]},
            "Start of list found where not expected",
            id="list_for_string",
        ),
        pytest.param(
            "DescribeFleets",
            {"Names": [["fleet"]]},
            "Start of list found where not expected",
            id="list_for_list_member",
        ),
        pytest.param(
            "CreateFleet",
            {"Name": {"first": "fleet"}},
            "Start of structure or map found where not expected.",
            id="map_for_string",
        ),
        pytest.param(
            "CreateFleet",
            {"Name": 7},
            "NUMBER_VALUE can not be converted to String",
            id="number_for_string",
        ),
        pytest.param(
            "CreateFleet",
            {"Name": False},
            "FALSE_VALUE can not be converted to String",
            id="boolean_for_string",
        ),
        pytest.param(
            "CreateFleet",
            {"ComputeCapacity": 3},
            "NUMBER_VALUE can not be converted to Structure",
            id="number_for_structure",
        ),
        pytest.param(
            "CreateFleet",
            {"ComputeCapacity": ["DesiredInstances"]},
            "Start of list found where not expected",
            id="list_for_structure",
        ),
        pytest.param(
            "CreateFleet",
            {"ComputeCapacity": {"DesiredInstances": "2"}},
            "STRING_VALUE can not be converted to Integer",
            id="nested_string_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"MaxUserDurationInSeconds": "600"},
            "STRING_VALUE can not be converted to Integer",
            id="string_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"MaxUserDurationInSeconds": True},
            "TRUE_VALUE can not be converted to Integer",
            id="true_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"MaxUserDurationInSeconds": False},
            "FALSE_VALUE can not be converted to Integer",
            id="false_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"MaxUserDurationInSeconds": 600.5},
            "NUMBER_VALUE can not be converted to Integer",
            id="float_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"MaxUserDurationInSeconds": 600.0},
            "NUMBER_VALUE can not be converted to Integer",
            id="integral_float_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            {"EnableDefaultInternetAccess": "true"},
            "STRING_VALUE can not be converted to Boolean",
            id="string_for_boolean",
        ),
        pytest.param(
            "CreateFleet",
            {"EnableDefaultInternetAccess": 1},
            "NUMBER_VALUE can not be converted to Boolean",
            id="number_for_boolean",
        ),
        pytest.param(
            "CreateFleet",
            {"Tags": "team=data"},
            "STRING_VALUE can not be converted to Map",
            id="string_for_map",
        ),
        pytest.param(
            "CreateFleet",
            {"Tags": [{"Key": "team", "Value": "data"}]},
            "Start of list found where not expected",
            id="list_for_map",
        ),
        pytest.param(
            "CreateFleet",
            {"Tags": {"team": 1}},
            "NUMBER_VALUE can not be converted to String",
            id="number_for_map_value",
        ),
        pytest.param(
            "CreateFleet",
            {"VpcConfig": {"SubnetIds": [1]}},
            "NUMBER_VALUE can not be converted to String",
            id="number_for_nested_list_member",
        ),
        pytest.param(
            "BatchAssociateUserStack",
            {"UserStackAssociations": ["jane@example.com"]},
            "STRING_VALUE can not be converted to Structure",
            id="string_for_list_of_structures",
        ),
    ],
)
def test_validate_request_wrong_json_type(
    operation: str, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(SerializationException) as exc:
        validate_request(_input_shape(operation), body)

    assert exc.value.message == message
    assert exc.value.code == 400


def test_validate_request_type_error_before_constraints() -> None:
    body = {"Name": "bad name", "InstanceType": "x", "MaxUserDurationInSeconds": "1"}

    with pytest.raises(SerializationException) as exc:
        validate_request(_input_shape("CreateFleet"), body)

    assert exc.value.message == "STRING_VALUE can not be converted to Integer"
