"""The moto-api route that adds private AppStream images to a running server."""

from __future__ import annotations

import json
import re
from typing import Any

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import ServiceException
from moto.core.serialize import JSONSerializer, XFormedAttributePicker
from moto.core.utils import get_service_model

_HEADERS = {"Content-Type": "application/json"}
_ACCOUNT_ID = re.compile(r"\d{12}")
_REQUIRED = ("Name", "Platform")
_KEYWORDS: dict[str, tuple[str, type]] = {
    "DisplayName": ("display_name", str),
    "Description": ("description", str),
    "SupportedInstanceFamilies": ("supported_instance_families", list),
    "ImageBuilderSupported": ("image_builder_supported", bool),
    "State": ("state", str),
}
_JSON_TYPES = {str: "string", list: "array", bool: "boolean"}
_SCOPE = ("AccountId", "Region")
_ACCEPTED = (*_REQUIRED, *_SCOPE, *_KEYWORDS)


class _BadRequest(Exception):
    def __init__(self, message: str, code: str = "ValidationException") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def add_private_image_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """Add a private image from a JSON body posted to the moto API.

    The body names the image and its platform, and optionally the account,
    region, display name, description, supported instance families, whether
    image builders may use it, and its state. The reply is 201 with the image
    as DescribeImages shows it, or 400 with ``__type`` and ``message``.
    """
    if request.method != "POST":
        return _error(405, "MethodNotAllowed", "Add a private image with POST.")
    try:
        body = _read_json_object(request)
        image = _add_image(body)
    except _BadRequest as exc:
        return _error(400, exc.code, exc.message)
    except ServiceException as exc:
        return _error(400, exc.code, exc.message)
    return 201, dict(_HEADERS), json.dumps(describe_image(image))


def describe_image(image: object) -> Any:
    """Render an image exactly as DescribeImages returns it on the wire."""
    operation = get_service_model("appstream").operation_model("DescribeImages")
    serializer = JSONSerializer(
        operation_model=operation, value_picker=XFormedAttributePicker()
    )
    body = serializer.serialize({"Images": [image]})["body"]
    return json.loads(body)["Images"][0]


def _read_json_object(request: Any) -> dict[str, Any]:
    get_data = getattr(request, "get_data", None)
    raw = get_data() if get_data is not None else request.body
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    try:
        body = json.loads(raw or "")
    except ValueError:
        raise _BadRequest("The request body is not valid JSON.")
    if not isinstance(body, dict):
        msg = f"The request body must be a JSON object, not {type(body).__name__}."
        raise _BadRequest(msg)
    return body


def _add_image(body: dict[str, Any]) -> object:
    from .appstream import appstream_backends

    unknown = sorted(set(body) - set(_ACCEPTED))
    if unknown:
        msg = f"Unknown members {unknown!r}; accepted members are {list(_ACCEPTED)!r}."
        raise _BadRequest(msg)
    for member in _REQUIRED:
        if member not in body:
            raise _BadRequest(f"The member {member!r} is required.")
        _check_type(body, member, str)

    _check_type(body, "AccountId", str)
    account_id = body.get("AccountId", DEFAULT_ACCOUNT_ID)
    if not _ACCOUNT_ID.fullmatch(account_id):
        msg = f"AccountId must be 12 digits, not {account_id!r}."
        raise _BadRequest(msg)
    _check_type(body, "Region", str)
    region = body.get("Region", "us-east-1")
    try:
        backend = appstream_backends[account_id][region]
    except KeyError:
        raise _BadRequest(f"Region {region!r} has no AppStream endpoint.")

    keywords: dict[str, Any] = {}
    for member, (keyword, expected) in _KEYWORDS.items():
        if member in body:
            _check_type(body, member, expected)
            keywords[keyword] = body[member]
    families = keywords.get("supported_instance_families", [])
    if not all(isinstance(family, str) for family in families):
        msg = f"SupportedInstanceFamilies must hold strings, not {families!r}."
        raise _BadRequest(msg)
    return backend.add_image(body["Name"], body["Platform"], **keywords)


def _check_type(body: dict[str, Any], member: str, expected: type) -> None:
    if member in body and not isinstance(body[member], expected):
        msg = (
            f"The member {member!r} must be a JSON {_JSON_TYPES[expected]}, "
            f"not {body[member]!r}."
        )
        raise _BadRequest(msg)


def _error(status: int, code: str, message: str) -> TYPE_RESPONSE:
    return status, dict(_HEADERS), json.dumps({"__type": code, "message": message})
