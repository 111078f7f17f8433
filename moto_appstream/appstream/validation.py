"""Checks a request's format and body against its botocore input shape, as AWS does.

The body must be a JSON object sent as JSON 1.1. Then two passes run over it. The first finds JSON values of the wrong type, which
AWS rejects while deserializing (``SerializationException``). The second collects
every modeled constraint the value breaks (required members, lengths, patterns,
enums, numeric ranges) and reports them together, worded as AWS words them
(``ValidationException``). botocore checks only a few of these on the client side,
so requests from raw HTTP and from boto3 meet the same rules here.
"""

import json
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from botocore.model import ListShape, MapShape, Shape, StructureShape

if TYPE_CHECKING:
    import regex

from .exceptions import (
    SerializationException,
    UnknownOperationException,
    ValidationException,
)

_JSON_TYPE_NAMES = {
    "string": "String",
    "blob": "Blob",
    "boolean": "Boolean",
    "integer": "Integer",
    "long": "Long",
    "float": "Float",
    "double": "Double",
    "timestamp": "Timestamp",
    "list": "List",
    "map": "Map",
    "structure": "Structure",
}


CONTENT_TYPE = "application/x-amz-json-1.1"


def check_content_type(content_type: str | None) -> None:
    """AppStream speaks JSON 1.1 only; AWS knows no operation in another format."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type != CONTENT_TYPE:
        msg = (
            f"Unsupported content type {content_type or ''!r}; expected {CONTENT_TYPE}"
        )
        raise UnknownOperationException(msg)


def decode_request_body(body: bytes | str | None) -> dict[str, Any]:
    """The request's JSON object; an empty body stands for ``{}``."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        decoded = json.loads(text) if text else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SerializationException("The request body is not valid JSON.")
    if not isinstance(decoded, dict):
        raise SerializationException("The request body must be a JSON object.")
    return decoded


def validate_request(input_shape: StructureShape | None, body: Any) -> None:
    """Raise the AWS error for the first type mismatch or for every constraint."""
    if input_shape is None:
        return
    _check_type(body, input_shape)
    errors = list(_constraint_errors(body, input_shape, path=""))
    if errors:
        count = len(errors)
        noun = "error" if count == 1 else "errors"
        msg = f"{count} validation {noun} detected: " + "; ".join(errors)
        raise ValidationException(msg)


def _token_name(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE_VALUE" if value else "FALSE_VALUE"
    if isinstance(value, (int, float)):
        return "NUMBER_VALUE"
    return "STRING_VALUE"


def _check_type(value: Any, shape: Shape) -> None:
    if value is None:
        return
    type_name = shape.type_name
    if isinstance(value, list) and type_name != "list":
        raise SerializationException("Start of list found where not expected")
    if isinstance(value, dict) and type_name not in ("structure", "map"):
        raise SerializationException(
            "Start of structure or map found where not expected."
        )
    if isinstance(shape, StructureShape):
        _check_container(value, dict, shape)
        for name, member_shape in shape.members.items():
            _check_type(value.get(name), member_shape)
    elif isinstance(shape, MapShape):
        _check_container(value, dict, shape)
        for item in value.values():
            _check_type(item, shape.value)
    elif isinstance(shape, ListShape):
        _check_container(value, list, shape)
        for item in value:
            _check_type(item, shape.member)
    elif not _is_scalar_of(value, type_name):
        raise SerializationException(
            f"{_token_name(value)} can not be converted to {_JSON_TYPE_NAMES[type_name]}"
        )


def _check_container(value: Any, expected: type, shape: Shape) -> None:
    if not isinstance(value, expected):
        target = _JSON_TYPE_NAMES[shape.type_name]
        raise SerializationException(
            f"{_token_name(value)} can not be converted to {target}"
        )


def _is_scalar_of(value: Any, type_name: str) -> bool:
    if type_name in ("string", "blob"):
        return isinstance(value, str)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name in ("integer", "long"):
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name in ("float", "double", "timestamp"):
        return isinstance(value, (int, float, str)) and not isinstance(value, bool)
    return False


def _member_path(parent: str, member_name: str) -> str:
    name = member_name[:1].lower() + member_name[1:]
    return f"{parent}.{name}" if parent else name


def _render(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_render(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{key}={_render(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return str(value)


def _failure(value: Any, shape: Shape, path: str, constraint: str) -> str:
    if shape.metadata.get("sensitive"):
        return f"Value at '{path}' failed to satisfy constraint: {constraint}"
    shown = "null" if value is None else f"'{_render(value)}'"
    return f"Value {shown} at '{path}' failed to satisfy constraint: {constraint}"


# Java, whose regular expressions AWS applies, reads these classes as ASCII only,
# while its \p{...} properties stay Unicode; Python's ASCII flag would narrow both.
_JAVA_CLASSES = {"w": "a-zA-Z0-9_", "d": "0-9", "s": " \\t\\n\\x0B\\f\\r"}


def _java_pattern(pattern: str) -> str:
    translated = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped in _JAVA_CLASSES:
                members = _JAVA_CLASSES[escaped]
                translated.append(members if in_class else f"[{members}]")
            else:
                translated.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        translated.append(char)
        index += 1
    return "".join(translated)


@cache
def _compiled(pattern: str) -> "regex.Pattern[str]":
    # Imported on first use: of the patterns' syntax, only \p{...} needs it, and
    # it would otherwise add to every import of moto.
    import regex

    return regex.compile(_java_pattern(pattern))


def _scalar_constraints(value: Any, shape: Shape) -> Iterator[str]:
    metadata = shape.metadata
    if shape.type_name == "string":
        if "min" in metadata and len(value) < metadata["min"]:
            yield (
                f"Member must have length greater than or equal to {metadata['min']}"
            )
        if "max" in metadata and len(value) > metadata["max"]:
            yield f"Member must have length less than or equal to {metadata['max']}"
        if "pattern" in metadata and not _compiled(metadata["pattern"]).fullmatch(
            value
        ):
            yield (
                f"Member must satisfy regular expression pattern: {metadata['pattern']}"
            )
        if shape.enum and value not in shape.enum:
            yield f"Member must satisfy enum value set: [{', '.join(shape.enum)}]"
    elif shape.type_name in ("integer", "long", "float", "double"):
        if "min" in metadata and value < metadata["min"]:
            yield f"Member must have value greater than or equal to {metadata['min']}"
        if "max" in metadata and value > metadata["max"]:
            yield f"Member must have value less than or equal to {metadata['max']}"


def _size_constraints(value: Any, shape: Shape) -> Iterator[str]:
    metadata = shape.metadata
    if "min" in metadata and len(value) < metadata["min"]:
        yield f"Member must have length greater than or equal to {metadata['min']}"
    if "max" in metadata and len(value) > metadata["max"]:
        yield f"Member must have length less than or equal to {metadata['max']}"


def _constraint_errors(value: Any, shape: Shape, path: str) -> Iterator[str]:
    if isinstance(shape, StructureShape):
        for name, member_shape in shape.members.items():
            member_path = _member_path(path, name)
            member_value = value.get(name)
            if member_value is None:
                if name in shape.required_members:
                    yield _failure(
                        None, member_shape, member_path, "Member must not be null"
                    )
                continue
            yield from _constraint_errors(member_value, member_shape, member_path)
    elif isinstance(shape, ListShape):
        for constraint in _size_constraints(value, shape):
            yield _failure(value, shape, path, constraint)
        for index, item in enumerate(value, start=1):
            if item is not None:
                item_path = f"{path}.{index}.member"
                yield from _constraint_errors(item, shape.member, item_path)
    elif isinstance(shape, MapShape):
        for constraint in _size_constraints(value, shape):
            yield _failure(value, shape, path, constraint)
        for key, item in value.items():
            yield from _map_entry_errors(key, item, shape, path)
    else:
        for constraint in _scalar_constraints(value, shape):
            yield _failure(value, shape, path, constraint)


def _map_entry_errors(key: str, item: Any, shape: MapShape, path: str) -> Iterator[str]:
    key_constraints = list(_scalar_constraints(key, shape.key))
    if key_constraints:
        joined = ", ".join(key_constraints)
        yield _failure(
            key, shape.key, path, f"Map keys must satisfy constraint: [{joined}]"
        )
    if item is None:
        return
    value_constraints = list(_scalar_constraints(item, shape.value))
    if value_constraints:
        joined = ", ".join(value_constraints)
        yield _failure(
            item, shape.value, path, f"Map value must satisfy constraint: [{joined}]"
        )
