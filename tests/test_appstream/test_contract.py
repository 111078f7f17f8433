"""Every implemented operation answers with a body that fits its output shape."""

import json
from collections.abc import Callable
from typing import Any

import boto3
import botocore.session
import pytest
import regex
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape
from moto import mock_aws

from moto_appstream import add_private_image
from moto_appstream.appstream.models import AppStreamBackend

SERVICE_MODEL = botocore.session.get_session().get_service_model("appstream")
IMAGE_NAME = "AppStream-WinServer2019-06-12-2023"
ROLE_ARN = "arn:aws:iam::123456789012:role/AppStreamRole"
USB_FILTER = "Smart Card, 0b, *, *, *, *, 0, 0"


def _implemented_operations() -> set[str]:
    return {
        operation
        for operation in SERVICE_MODEL.operation_names
        if callable(getattr(AppStreamBackend, xform_name(operation), None))
    }


def _length_problems(size: int, shape: Shape, path: str) -> list[str]:
    problems = []
    metadata = shape.metadata
    if "min" in metadata and size < metadata["min"]:
        problems.append(f"{path}: length {size} is below {metadata['min']}")
    if "max" in metadata and size > metadata["max"]:
        problems.append(f"{path}: length {size} is above {metadata['max']}")
    return problems


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _scalar_problems(value: Any, shape: Shape, path: str) -> list[str]:
    type_name = shape.type_name
    if type_name in ("string", "blob"):
        if not isinstance(value, str):
            return [f"{path}: {value!r} is not a string"]
        if type_name == "blob":
            return []
        problems = _length_problems(len(value), shape, path)
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
        pattern = shape.metadata.get("pattern")
        if pattern is not None and not regex.fullmatch(pattern, value):
            problems.append(f"{path}: {value!r} does not match {pattern}")
        return problems
    if type_name == "boolean":
        return [] if isinstance(value, bool) else [f"{path}: {value!r} is not a bool"]
    if type_name in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{path}: {value!r} is not an integer"]
        problems = []
        if "min" in shape.metadata and value < shape.metadata["min"]:
            problems.append(f"{path}: {value} is below {shape.metadata['min']}")
        if "max" in shape.metadata and value > shape.metadata["max"]:
            problems.append(f"{path}: {value} is above {shape.metadata['max']}")
        return problems
    if type_name in ("float", "double", "timestamp"):
        if _is_number(value):
            return []
        return [f"{path}: {value!r} is not a JSON number"]
    return [f"{path}: no check for shape type {type_name}"]


def shape_problems(value: Any, shape: Shape, path: str = "$") -> list[str]:
    """Everything about a decoded JSON value that its botocore shape forbids.

    A list directly under the output structure may be empty even when its shape
    sets a minimum: the mock answers a query that finds nothing with ``[]``.
    """
    if value is None:
        return [f"{path}: null"]
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not an object"]
        problems = [
            f"{path}: unexpected member {name!r}"
            for name in value
            if name not in shape.members
        ]
        problems.extend(
            f"{path}: required member {name!r} is missing"
            for name in shape.required_members
            if name not in value
        )
        for name, member_value in value.items():
            if name in shape.members:
                member_path = f"{path}.{name}"
                problems.extend(
                    shape_problems(member_value, shape.members[name], member_path)
                )
        return problems
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            return [f"{path}: {value!r} is not a list"]
        problems = []
        if value or path.count(".") != 1:
            problems = _length_problems(len(value), shape, path)
        for index, item in enumerate(value):
            problems.extend(shape_problems(item, shape.member, f"{path}[{index}]"))
        return problems
    if isinstance(shape, MapShape):
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not an object"]
        problems = _length_problems(len(value), shape, path)
        for key, item in value.items():
            problems.extend(_scalar_problems(key, shape.key, f"{path} key {key!r}"))
            problems.extend(shape_problems(item, shape.value, f"{path}[{key!r}]"))
        return problems
    return _scalar_problems(value, shape, path)


def _create_fleet(client: Any, name: str = "ContractFleet") -> dict[str, Any]:
    return client.create_fleet(
        Name=name,
        ImageName=IMAGE_NAME,
        InstanceType="stream.standard.medium",
        FleetType="ALWAYS_ON",
        ComputeCapacity={"DesiredInstances": 2},
        VpcConfig={"SubnetIds": ["subnet-0a1b2c3d"], "SecurityGroupIds": ["sg-01"]},
        MaxUserDurationInSeconds=7200,
        DisconnectTimeoutInSeconds=600,
        Description="Fleet checked against the model",
        DisplayName="Contract fleet",
        EnableDefaultInternetAccess=True,
        DomainJoinInfo={
            "DirectoryName": "corp.example.com",
            "OrganizationalUnitDistinguishedName": "OU=Apps,DC=corp,DC=example,DC=com",
        },
        Tags={"team": "data"},
        IdleDisconnectTimeoutInSeconds=300,
        IamRoleArn=ROLE_ARN,
        StreamView="DESKTOP",
        UsbDeviceFilterStrings=[USB_FILTER],
        RootVolumeConfig={"VolumeSizeInGb": 250},
        DisableIMDSV1=True,
    )


def _create_multi_session_fleet(client: Any) -> None:
    client.create_fleet(
        Name="MultiSessionFleet",
        ImageName=IMAGE_NAME,
        InstanceType="stream.standard.xlarge",
        ComputeCapacity={"DesiredSessions": 12},
        MaxSessionsPerInstance=5,
    )


def _create_elastic_fleet(client: Any) -> None:
    client.create_fleet(
        Name="ElasticFleet",
        InstanceType="stream.standard.small",
        FleetType="ELASTIC",
        Platform="WINDOWS_SERVER_2019",
        MaxConcurrentSessions=5,
        VpcConfig={"SubnetIds": ["subnet-0a", "subnet-0b"]},
        SessionScriptS3Location={"S3Bucket": "session-scripts", "S3Key": "run.json"},
    )


def _create_stack(client: Any, name: str = "ContractStack") -> dict[str, Any]:
    return client.create_stack(
        Name=name,
        Description="Stack checked against the model",
        DisplayName="Contract stack",
        StorageConnectors=[
            {"ConnectorType": "HOMEFOLDERS"},
            {"ConnectorType": "GOOGLE_DRIVE", "Domains": ["example.com"]},
            {
                "ConnectorType": "ONE_DRIVE",
                "Domains": ["example.com"],
                "DomainsRequireAdminConsent": ["example.com"],
            },
        ],
        RedirectURL="https://example.com/bye",
        FeedbackURL="https://example.com/feedback",
        UserSettings=[
            {
                "Action": "CLIPBOARD_COPY_FROM_LOCAL_DEVICE",
                "Permission": "ENABLED",
                "MaximumLength": 4096,
            },
            {"Action": "FILE_DOWNLOAD", "Permission": "DISABLED"},
        ],
        ApplicationSettings={"Enabled": True, "SettingsGroup": "contract"},
        Tags={"team": "data"},
        AccessEndpoints=[{"EndpointType": "STREAMING", "VpceId": "vpce-0a1b2c3d"}],
        EmbedHostDomains=["example.com"],
        StreamingExperienceSettings={"PreferredProtocol": "UDP"},
        ContentRedirection={
            "HostToClient": {
                "Enabled": True,
                "AllowedUrls": ["https://*.example.com/*"],
                "DeniedUrls": ["https://bad.example.com/*"],
            }
        },
        AgentAccessConfig={
            "Settings": [{"AgentAction": "COMPUTER_VISION", "Permission": "ENABLED"}],
            "ScreenResolution": "W_1280xH_720",
            "ScreenImageFormat": "PNG",
        },
    )


def _create_user(client: Any, user_name: str = "jane@example.com") -> None:
    client.create_user(
        UserName=user_name,
        AuthenticationType="USERPOOL",
        FirstName="Jane",
        LastName="Doe",
        MessageAction="SUPPRESS",
    )


def _association(stack_name: str, user_name: str) -> dict[str, Any]:
    return {
        "StackName": stack_name,
        "UserName": user_name,
        "AuthenticationType": "USERPOOL",
        "SendEmailNotification": True,
    }


def _call_create_fleet(client: Any) -> None:
    _create_fleet(client)


def _call_describe_fleets(client: Any) -> None:
    _create_fleet(client)
    _create_multi_session_fleet(client)
    _create_elastic_fleet(client)
    client.start_fleet(Name="MultiSessionFleet")
    client.describe_fleets()


def _call_update_fleet(client: Any) -> None:
    _create_fleet(client)
    client.update_fleet(
        Name="ContractFleet",
        DisplayName="Renamed fleet",
        ComputeCapacity={"DesiredInstances": 3},
        AttributesToDelete=["IAM_ROLE_ARN", "VPC_CONFIGURATION_SECURITY_GROUP_IDS"],
    )


def _call_delete_fleet(client: Any) -> None:
    _create_fleet(client)
    client.delete_fleet(Name="ContractFleet")


def _call_start_fleet(client: Any) -> None:
    _create_fleet(client)
    client.start_fleet(Name="ContractFleet")


def _call_stop_fleet(client: Any) -> None:
    _create_fleet(client)
    client.start_fleet(Name="ContractFleet")
    client.stop_fleet(Name="ContractFleet")


def _call_create_stack(client: Any) -> None:
    _create_stack(client)


def _call_describe_stacks(client: Any) -> None:
    _create_stack(client)
    client.create_stack(Name="PlainStack")
    client.describe_stacks()


def _call_update_stack(client: Any) -> None:
    _create_stack(client)
    client.update_stack(
        Name="ContractStack",
        DisplayName="Renamed stack",
        UserSettings=[{"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "DISABLED"}],
        AttributesToDelete=["REDIRECT_URL", "STORAGE_CONNECTOR_GOOGLE_DRIVE"],
    )


def _call_delete_stack(client: Any) -> None:
    _create_stack(client)
    client.delete_stack(Name="ContractStack")


def _call_associate_fleet(client: Any) -> None:
    _create_fleet(client)
    _create_stack(client)
    client.associate_fleet(FleetName="ContractFleet", StackName="ContractStack")


def _call_disassociate_fleet(client: Any) -> None:
    _call_associate_fleet(client)
    client.disassociate_fleet(FleetName="ContractFleet", StackName="ContractStack")


def _call_list_associated_fleets(client: Any) -> None:
    _call_associate_fleet(client)
    client.list_associated_fleets(StackName="ContractStack")


def _call_list_associated_stacks(client: Any) -> None:
    _call_associate_fleet(client)
    client.list_associated_stacks(FleetName="ContractFleet")


def _call_create_user(client: Any) -> None:
    _create_user(client)


def _call_describe_users(client: Any) -> None:
    _create_user(client)
    client.create_user(UserName="john@example.com", AuthenticationType="USERPOOL")
    client.disable_user(UserName="john@example.com", AuthenticationType="USERPOOL")
    client.describe_users(AuthenticationType="USERPOOL")


def _call_enable_user(client: Any) -> None:
    _create_user(client)
    client.enable_user(UserName="jane@example.com", AuthenticationType="USERPOOL")


def _call_disable_user(client: Any) -> None:
    _create_user(client)
    client.disable_user(UserName="jane@example.com", AuthenticationType="USERPOOL")


def _call_delete_user(client: Any) -> None:
    _create_user(client)
    client.delete_user(UserName="jane@example.com", AuthenticationType="USERPOOL")


def _prepare_associations(client: Any) -> list[dict[str, Any]]:
    _create_user(client)
    client.create_stack(Name="UserStack")
    _create_fleet(client, "DomainFleet")
    client.create_stack(Name="DomainStack")
    client.associate_fleet(FleetName="DomainFleet", StackName="DomainStack")
    return [
        _association("UserStack", "jane@example.com"),
        _association("NoSuchStack", "jane@example.com"),
        _association("UserStack", "nobody@example.com"),
        _association("DomainStack", "jane@example.com"),
    ]


def _call_batch_associate_user_stack(client: Any) -> None:
    entries = _prepare_associations(client)
    client.batch_associate_user_stack(UserStackAssociations=entries)


def _call_batch_disassociate_user_stack(client: Any) -> None:
    entries = _prepare_associations(client)
    client.batch_associate_user_stack(UserStackAssociations=entries[:1])
    client.batch_disassociate_user_stack(UserStackAssociations=entries)


def _call_describe_user_stack_associations(client: Any) -> None:
    entries = _prepare_associations(client)
    client.batch_associate_user_stack(UserStackAssociations=entries[:1])
    client.describe_user_stack_associations(
        UserName="jane@example.com", AuthenticationType="USERPOOL"
    )


def _call_describe_images(client: Any) -> None:
    add_private_image(
        "ContractImage",
        "AMAZON_LINUX2",
        display_name="Contract image",
        description="Private image checked against the model",
    )
    client.describe_images()


def _call_tag_resource(client: Any) -> None:
    arn = _create_stack(client)["Stack"]["Arn"]
    client.tag_resource(ResourceArn=arn, Tags={"owner": "ops", "cost": ""})


def _call_untag_resource(client: Any) -> None:
    arn = _create_stack(client)["Stack"]["Arn"]
    client.untag_resource(ResourceArn=arn, TagKeys=["team", "absent"])


def _call_list_tags_for_resource(client: Any) -> None:
    arn = _create_fleet(client)["Fleet"]["Arn"]
    client.list_tags_for_resource(ResourceArn=arn)


CALLS: dict[str, Callable[[Any], None]] = {
    "AssociateFleet": _call_associate_fleet,
    "BatchAssociateUserStack": _call_batch_associate_user_stack,
    "BatchDisassociateUserStack": _call_batch_disassociate_user_stack,
    "CreateFleet": _call_create_fleet,
    "CreateStack": _call_create_stack,
    "CreateUser": _call_create_user,
    "DeleteFleet": _call_delete_fleet,
    "DeleteStack": _call_delete_stack,
    "DeleteUser": _call_delete_user,
    "DescribeFleets": _call_describe_fleets,
    "DescribeImages": _call_describe_images,
    "DescribeStacks": _call_describe_stacks,
    "DescribeUserStackAssociations": _call_describe_user_stack_associations,
    "DescribeUsers": _call_describe_users,
    "DisableUser": _call_disable_user,
    "DisassociateFleet": _call_disassociate_fleet,
    "EnableUser": _call_enable_user,
    "ListAssociatedFleets": _call_list_associated_fleets,
    "ListAssociatedStacks": _call_list_associated_stacks,
    "ListTagsForResource": _call_list_tags_for_resource,
    "StartFleet": _call_start_fleet,
    "StopFleet": _call_stop_fleet,
    "TagResource": _call_tag_resource,
    "UntagResource": _call_untag_resource,
    "UpdateFleet": _call_update_fleet,
    "UpdateStack": _call_update_stack,
}


def _recording_client() -> tuple[Any, dict[str, list[Any]]]:
    client = boto3.client("appstream", region_name="us-east-1")
    bodies: dict[str, list[Any]] = {}

    def record(http_response: Any, model: Any, **_: Any) -> None:
        assert http_response.status_code == 200, http_response.content
        bodies.setdefault(model.name, []).append(json.loads(http_response.content))

    client.meta.events.register("after-call.appstream", record)
    return client, bodies


def test_contract_covers_every_implemented_operation() -> None:
    assert set(CALLS) == _implemented_operations()


def test_implemented_operations_are_the_26() -> None:
    assert len(_implemented_operations()) == 26


def _all_problems(bodies: dict[str, list[Any]]) -> list[str]:
    return [
        f"{name}: {problem}"
        for name, recorded in bodies.items()
        for body in recorded
        for problem in shape_problems(
            body, SERVICE_MODEL.operation_model(name).output_shape
        )
    ]


@pytest.mark.parametrize("operation", sorted(CALLS))
@mock_aws
def test_response_matches_output_shape(operation: str) -> None:
    client, bodies = _recording_client()

    CALLS[operation](client)

    assert len(bodies[operation]) >= 1
    assert _all_problems(bodies) == []


@mock_aws
def test_describe_images_page_matches_output_shape() -> None:
    client, bodies = _recording_client()

    client.describe_images(MaxResults=2)

    body = bodies["DescribeImages"][-1]
    assert len(body["Images"]) == 2
    assert "NextToken" in body
    output_shape = SERVICE_MODEL.operation_model("DescribeImages").output_shape
    assert shape_problems(body, output_shape) == []


@mock_aws
def test_empty_results_match_output_shape() -> None:
    client, bodies = _recording_client()

    client.describe_fleets()
    client.describe_stacks()
    client.describe_users(AuthenticationType="USERPOOL")
    client.describe_user_stack_associations(StackName="NoSuchStack")
    client.list_associated_fleets(StackName="NoSuchStack")
    client.list_associated_stacks(FleetName="NoSuchFleet")

    assert len(bodies) == 6
    assert _all_problems(bodies) == []


def _fleet_shape() -> Shape:
    return SERVICE_MODEL.shape_for("Fleet")


def test_shape_problems_reports_unexpected_member() -> None:
    shape = SERVICE_MODEL.shape_for("ComputeCapacityStatus")

    problems = shape_problems({"Desired": 1, "Wanted": 2}, shape)

    assert problems == ["$: unexpected member 'Wanted'"]


def test_shape_problems_reports_missing_required_member() -> None:
    shape = SERVICE_MODEL.shape_for("ComputeCapacityStatus")

    assert shape_problems({"Running": 1}, shape) == [
        "$: required member 'Desired' is missing"
    ]


def test_shape_problems_reports_wrong_types() -> None:
    shape = SERVICE_MODEL.shape_for("ComputeCapacityStatus")

    problems = shape_problems({"Desired": True, "Running": "1", "InUse": 1.5}, shape)

    assert problems == [
        "$.Desired: True is not an integer",
        "$.Running: '1' is not an integer",
        "$.InUse: 1.5 is not an integer",
    ]


def test_shape_problems_reports_enum_and_pattern() -> None:
    fleet = {
        "Arn": "fleet/NotAnArn",
        "Name": "fleet",
        "InstanceType": "stream.standard.small",
        "ComputeCapacityStatus": {"Desired": 1},
        "State": "PAUSED",
        "CreatedTime": "yesterday",
    }

    problems = shape_problems(fleet, _fleet_shape())

    arn_pattern = SERVICE_MODEL.shape_for("Arn").metadata["pattern"]
    assert problems == [
        f"$.Arn: 'fleet/NotAnArn' does not match {arn_pattern}",
        "$.State: 'PAUSED' is not one of ['STARTING', 'RUNNING', 'STOPPING', "
        "'STOPPED']",
        "$.CreatedTime: 'yesterday' is not a JSON number",
    ]


def test_shape_problems_reports_lengths_and_nulls() -> None:
    shape = SERVICE_MODEL.operation_model("CreateStack").output_shape
    stack = {
        "Name": "",
        "AccessEndpoints": [],
        "EmbedHostDomains": None,
        "UserSettings": [{"Action": "FILE_UPLOAD", "Permission": "ENABLED"}],
    }

    problems = shape_problems({"Stack": stack}, shape)

    assert problems == [
        "$.Stack.Name: length 0 is below 1",
        "$.Stack.AccessEndpoints: length 0 is below 1",
        "$.Stack.EmbedHostDomains: null",
    ]


def test_shape_problems_checks_map_keys_and_values() -> None:
    shape = SERVICE_MODEL.operation_model("ListTagsForResource").output_shape

    problems = shape_problems({"Tags": {"aws:x": "v", "ok": 1}}, shape)

    key_pattern = SERVICE_MODEL.shape_for("TagKey").metadata["pattern"]
    assert problems == [
        f"$.Tags key 'aws:x': 'aws:x' does not match {key_pattern}",
        "$.Tags['ok']: 1 is not a string",
    ]


def test_shape_problems_allows_empty_result_list_only_at_top() -> None:
    shape = SERVICE_MODEL.operation_model("DescribeStacks").output_shape
    stack = {"Name": "stack", "AccessEndpoints": []}

    problems = shape_problems({"Stacks": [], "NextToken": "t"}, shape)
    nested = shape_problems({"Stacks": [stack]}, shape)

    assert problems == []
    assert nested == ["$.Stacks[0].AccessEndpoints: length 0 is below 1"]
