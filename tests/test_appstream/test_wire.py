"""Malformed JSON 1.1 requests at the HTTP layer, sent through moto's Flask app."""

import json
from typing import Any

import boto3
import moto.server
import pytest
from moto import mock_aws
from werkzeug.test import TestResponse

JSON_11 = "application/x-amz-json-1.1"
TARGET_PREFIX = "PhotonAdminProxyService"
AUTHORIZATION = (
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/appstream/"
    "aws4_request, SignedHeaders=host, Signature=x"
)
IMAGE_NAME = "AppStream-WinServer2019-06-12-2023"
NOT_JSON = "The request body is not valid JSON."
NOT_AN_OBJECT = "The request body must be a JSON object."
DEPTH = 100000


def _post(
    action: str | None,
    body: str | bytes,
    content_type: str | None = JSON_11,
    target: str | None = None,
) -> TestResponse:
    headers = {"Authorization": AUTHORIZATION}
    if target is not None:
        headers["X-Amz-Target"] = target
    elif action is not None:
        headers["X-Amz-Target"] = f"{TARGET_PREFIX}.{action}"
    if content_type is not None:
        headers["Content-Type"] = content_type
    client = moto.server.create_backend_app("appstream").test_client()
    return client.post("/", data=body, headers=headers)


def _body(response: TestResponse) -> Any:
    return json.loads(response.get_data(as_text=True))


def _assert_error(response: TestResponse, error_type: str, message: str) -> None:
    assert response.status_code == 400
    assert response.headers["Content-Type"] == JSON_11
    assert _body(response) == {"__type": error_type, "message": message}


def _fleet_body(name: str, /, **members: Any) -> dict[str, Any]:
    return {
        "Name": name,
        "ImageName": IMAGE_NAME,
        "InstanceType": "stream.standard.medium",
        "ComputeCapacity": {"DesiredInstances": 1},
        **members,
    }


@mock_aws
def test_describe_fleets_through_flask_app() -> None:
    response = _post("DescribeFleets", "{}")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == JSON_11
    assert _body(response) == {"Fleets": []}


@mock_aws
def test_create_fleet_through_flask_app() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    response = _post("CreateFleet", json.dumps(_fleet_body("WireFleet")))

    assert response.status_code == 200
    fleet = _body(response)["Fleet"]
    assert fleet["Arn"] == "arn:aws:appstream:us-east-1:123456789012:fleet/WireFleet"
    names = [fleet["Name"] for fleet in client.describe_fleets()["Fleets"]]
    assert names == ["WireFleet"]


@pytest.mark.parametrize(
    "target",
    [
        f"{TARGET_PREFIX}.DescribeWidgets",
        f"{TARGET_PREFIX}.describeFleets",
        f"{TARGET_PREFIX}.",
        f"{TARGET_PREFIX}.DescribeFleets.Extra",
    ],
)
@mock_aws
def test_unknown_operation(target: str) -> None:
    response = _post(None, "{}", target=target)

    _assert_error(response, "UnknownOperationException", f"Unknown operation {target}")


@pytest.mark.parametrize(
    "target", ["AmazonEC2.DescribeFleets", "DescribeFleets", "AppStream.DescribeFleets"]
)
@mock_aws
def test_unknown_operation_target_prefix(target: str) -> None:
    response = _post(None, "{}", target=target)

    _assert_error(response, "UnknownOperationException", f"Unknown operation {target}")


@mock_aws
def test_missing_target() -> None:
    response = _post(None, "{}")

    _assert_error(
        response,
        "UnknownOperationException",
        "The request names no operation in an X-Amz-Target header.",
    )


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/x-amz-json-1.0",
    ],
)
@mock_aws
def test_wrong_content_type(content_type: str) -> None:
    response = _post("DescribeFleets", "{}", content_type=content_type)

    _assert_error(
        response,
        "UnknownOperationException",
        f"Unsupported content type '{content_type}'; expected {JSON_11}",
    )


@mock_aws
def test_missing_content_type() -> None:
    response = _post("DescribeFleets", "{}", content_type=None)

    _assert_error(
        response,
        "UnknownOperationException",
        f"Unsupported content type ''; expected {JSON_11}",
    )


@pytest.mark.parametrize(
    "content_type", [f"{JSON_11}; charset=utf-8", "Application/X-Amz-Json-1.1"]
)
@mock_aws
def test_content_type_parameters_and_case_accepted(content_type: str) -> None:
    response = _post("DescribeFleets", "{}", content_type=content_type)

    assert response.status_code == 200
    assert _body(response) == {"Fleets": []}


@pytest.mark.parametrize(
    "body,message",
    [
        pytest.param("Names=fleet", NOT_JSON, id="form_body"),
        pytest.param('{"Names": ["fleet"]', NOT_JSON, id="truncated_object"),
        pytest.param("{'Names': []}", NOT_JSON, id="single_quotes"),
        pytest.param(b'{"Names": ["\xff\xfe"]}', NOT_JSON, id="not_utf8"),
        pytest.param(b"\xef\xbb\xbf{}", NOT_JSON, id="utf8_byte_order_mark"),
        pytest.param("[" * DEPTH + "]" * DEPTH, NOT_JSON, id="deeply_nested_lists"),
        pytest.param(
            '{"Names": ' + '{"a": ' * DEPTH + "1" + "}" * DEPTH + "}",
            NOT_JSON,
            id="deeply_nested_objects",
        ),
        pytest.param('["fleet"]', NOT_AN_OBJECT, id="json_list"),
        pytest.param('"fleet"', NOT_AN_OBJECT, id="json_string"),
        pytest.param("42", NOT_AN_OBJECT, id="json_number"),
        pytest.param("null", NOT_AN_OBJECT, id="json_null"),
        pytest.param("true", NOT_AN_OBJECT, id="json_true"),
    ],
)
@mock_aws
def test_body_not_a_json_object(body: str | bytes, message: str) -> None:
    response = _post("DescribeFleets", body)

    _assert_error(response, "SerializationException", message)


@pytest.mark.parametrize(
    "action,body,message",
    [
        pytest.param(
            "DescribeFleets",
            {"Names": "fleet"},
            "STRING_VALUE can not be converted to List",
            id="string_for_list",
        ),
        pytest.param(
            "DescribeFleets",
            {"Names": [{"Name": "fleet"}]},
            "Start of structure or map found where not expected.",
            id="object_for_string",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", ComputeCapacity=3),
            "NUMBER_VALUE can not be converted to Structure",
            id="number_for_structure",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", MaxUserDurationInSeconds="1"),
            "STRING_VALUE can not be converted to Integer",
            id="string_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", MaxUserDurationInSeconds=True),
            "TRUE_VALUE can not be converted to Integer",
            id="true_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", MaxUserDurationInSeconds=1.5),
            "NUMBER_VALUE can not be converted to Integer",
            id="float_for_integer",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", EnableDefaultInternetAccess="yes"),
            "STRING_VALUE can not be converted to Boolean",
            id="string_for_boolean",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", Tags=["team"]),
            "Start of list found where not expected",
            id="list_for_map",
        ),
        pytest.param(
            "CreateFleet",
            _fleet_body("TypedFleet", VpcConfig={"SubnetIds": "subnet-1"}),
            "STRING_VALUE can not be converted to List",
            id="nested_string_for_list",
        ),
    ],
)
@mock_aws
def test_member_of_wrong_type(action: str, body: dict[str, Any], message: str) -> None:
    response = _post(action, json.dumps(body))

    _assert_error(response, "SerializationException", message)


@mock_aws
def test_wrong_type_reported_before_constraints() -> None:
    body = _fleet_body("bad name", DisplayName="n" * 101, MaxUserDurationInSeconds="1")

    response = _post("CreateFleet", json.dumps(body))

    _assert_error(
        response,
        "SerializationException",
        "STRING_VALUE can not be converted to Integer",
    )


@mock_aws
def test_describe_fleets_empty_body_accepted() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_fleet(**_fleet_body("EmptyBodyFleet"))

    response = _post("DescribeFleets", "")

    assert response.status_code == 200
    names = [fleet["Name"] for fleet in _body(response)["Fleets"]]
    assert names == ["EmptyBodyFleet"]


@mock_aws
def test_describe_fleets_unknown_members_ignored() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    client.create_fleet(**_fleet_body("ExtraMemberFleet"))
    body = {"Bogus": {"deep": [1, 2]}, "names": ["NoSuchFleet"], "MaxResults": 1}

    response = _post("DescribeFleets", json.dumps(body))

    assert response.status_code == 200
    names = [fleet["Name"] for fleet in _body(response)["Fleets"]]
    assert names == ["ExtraMemberFleet"]


@mock_aws
def test_create_fleet_unknown_members_ignored() -> None:
    body = _fleet_body("ExtraCreateFleet", Colour="blue", name="other")

    response = _post("CreateFleet", json.dumps(body))

    assert response.status_code == 200
    fleet = _body(response)["Fleet"]
    assert fleet["Name"] == "ExtraCreateFleet"
    assert "Colour" not in fleet


@mock_aws
def test_null_members_are_absent() -> None:
    response = _post("DescribeFleets", json.dumps({"Names": None, "NextToken": None}))

    assert response.status_code == 200
    assert _body(response) == {"Fleets": []}


@mock_aws
def test_constraint_violation_error_body() -> None:
    response = _post("DeleteFleet", "{}")

    assert response.status_code == 400
    body = _body(response)
    body.pop("Message", None)
    assert body == {
        "__type": "ValidationException",
        "message": "1 validation error detected: Value null at 'name' failed to "
        "satisfy constraint: Member must not be null",
    }


@mock_aws
def test_modeled_error_body() -> None:
    response = _post("DeleteFleet", json.dumps({"Name": "NoSuchFleet"}))

    assert response.status_code == 400
    body = _body(response)
    body.pop("Message", None)
    assert body == {
        "__type": "ResourceNotFoundException",
        "message": "The fleet NoSuchFleet does not exist.",
    }


MALFORMED_REQUESTS = [
    pytest.param(
        "CreateFleet",
        '{"Name": "NewFleet", "InstanceType": ',
        JSON_11,
        id="create_truncated_json",
    ),
    pytest.param(
        "CreateFleet",
        json.dumps(_fleet_body("NewFleet", ComputeCapacity=3)),
        JSON_11,
        id="create_wrong_member_type",
    ),
    pytest.param(
        "CreateFleet",
        json.dumps(_fleet_body("KeptFleet", Tags={"team": 1})),
        JSON_11,
        id="create_existing_name_wrong_tag_type",
    ),
    pytest.param(
        "CreateFleet",
        json.dumps(_fleet_body("NewFleet")),
        "application/json",
        id="create_wrong_content_type",
    ),
    pytest.param(
        "CreateFleet",
        json.dumps([_fleet_body("NewFleet")]),
        JSON_11,
        id="create_json_list",
    ),
    pytest.param(
        "DeleteFleet", json.dumps({"Name": ["KeptFleet"]}), JSON_11, id="delete_list"
    ),
    pytest.param(
        "DeleteFleet",
        json.dumps({"Name": "KeptFleet"}),
        "text/plain",
        id="delete_wrong_content_type",
    ),
    pytest.param(
        "DeleteFleet",
        b'{"Name": "KeptFleet\xff"}',
        JSON_11,
        id="delete_not_utf8",
    ),
    pytest.param(
        "StartFleet",
        json.dumps({"Name": "KeptFleet"}),
        "application/x-www-form-urlencoded",
        id="start_form_content_type",
    ),
    pytest.param(
        "UpdateFleet",
        json.dumps({"Name": "KeptFleet", "DisplayName": "Changed", "Description": 1}),
        JSON_11,
        id="update_wrong_member_type",
    ),
    pytest.param(
        "UpdateFleet",
        json.dumps({"Name": "KeptFleet", "DisplayName": "Changed"}),
        None,
        id="update_no_content_type",
    ),
]


@pytest.mark.parametrize("action,body,content_type", MALFORMED_REQUESTS)
@mock_aws
def test_malformed_request_changes_no_fleet(
    action: str, body: str | bytes, content_type: str | None
) -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    fleet = client.create_fleet(**_fleet_body("KeptFleet", Tags={"team": "data"}))
    arn = fleet["Fleet"]["Arn"]
    before = client.describe_fleets()["Fleets"]

    response = _post(action, body, content_type=content_type)

    assert response.status_code == 400
    assert set(_body(response)) == {"__type", "message"}
    assert client.describe_fleets()["Fleets"] == before
    assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "data"}


@mock_aws
def test_malformed_tag_resource_changes_no_tags() -> None:
    client = boto3.client("appstream", region_name="us-east-1")
    arn = client.create_stack(Name="TaggedStack", Tags={"team": "data"})["Stack"]["Arn"]
    body = {"ResourceArn": arn, "Tags": {"team": "web", "owner": ["me"]}}

    response = _post("TagResource", json.dumps(body))

    _assert_error(
        response, "SerializationException", "Start of list found where not expected"
    )
    assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "data"}


@mock_aws
def test_malformed_create_stack_changes_no_stacks() -> None:
    client = boto3.client("appstream", region_name="us-east-1")

    response = _post("CreateStack", json.dumps({"Name": "NewStack", "Tags": "x"}))

    _assert_error(
        response, "SerializationException", "STRING_VALUE can not be converted to Map"
    )
    assert client.describe_stacks()["Stacks"] == []
