"""Requests for every implemented AppStream operation, drawn from the botocore model.

The operations are those of the service model whose snake_case name is a method
of ``AppStreamBackend``, so an operation implemented later is fuzzed without a
change here. For each one, hypothesis draws a request body from the operation's
input shape: valid values at the edges of every constraint, or a body with one
defect whose AWS error code is known in advance (a JSON value of the wrong type
is a ``SerializationException``, a broken constraint a ``ValidationException``),
or a body whose fate AWS does not document (unknown members, lone surrogates),
for which only the general properties are checked.

``reply_problems`` states those properties for one reply; ``output_shape_errors``
checks a successful body against the operation's output shape.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import botocore.session
import regex
from botocore import xform_name
from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape
from hypothesis import strategies as st

from moto_appstream.appstream.models import AppStreamBackend

from .wire import Reply

SERVICE_MODEL = botocore.session.get_session().get_service_model("appstream")

SERIALIZATION = "SerializationException"
VALIDATION = "ValidationException"
UNKNOWN_OPERATION = "UnknownOperationException"
ACCESS_DENIED = "AccessDeniedException"
STANDARD_ERROR_CODES = frozenset(
    {
        VALIDATION,
        SERIALIZATION,
        UNKNOWN_OPERATION,
        "InvalidParameterValueException",
        ACCESS_DENIED,
    }
)

# What a case promises about its reply.
VALID = "valid"  # a body the model accepts: no wire-level rejection
UNPREDICTED = "unpredicted"  # AWS does not document the outcome

TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/')

MAX_GENERATED_LENGTH = 40
MAX_GENERATED_ITEMS = 3
LARGE_BODY_LENGTH = 1_000_000
PLAIN_ALPHABET = string.ascii_letters + string.digits + " _.:/=+-@,*;!#\t"
NON_ASCII = "éßЖ中€😀ñ\u00a0"


def implemented_operations() -> list[str]:
    """Operations of the model whose snake_case name the backend implements."""
    return [
        name
        for name in SERVICE_MODEL.operation_names
        if callable(getattr(AppStreamBackend, xform_name(name), None))
    ]


def operation_model(name: str) -> OperationModel:
    return SERVICE_MODEL.operation_model(name)


def allowed_error_codes(operation: str) -> frozenset[str]:
    """The operation's modeled errors and the standard AWS ones."""
    modeled = {shape.name for shape in operation_model(operation).error_shapes}
    return frozenset(modeled) | STANDARD_ERROR_CODES


@dataclass(frozen=True)
class Case:
    """One request body for one operation, and what its reply must be."""

    operation: str
    body: bytes
    expected: str
    kind: str

    def describe(self) -> str:
        shown = self.body[:600].decode("utf-8", errors="backslashreplace")
        more = f"... ({len(self.body)} bytes)" if len(self.body) > 600 else ""
        return f"{self.operation} [{self.kind}, expect {self.expected}]: {shown}{more}"


# Constraints, read as AWS's Java regular expressions: \s, \w and \d are ASCII.


@cache
def _ascii_pattern(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern, re.ASCII)
    except re.error:
        return None


@cache
def _unicode_pattern(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def _matches_everywhere(pattern: str, value: str) -> bool:
    """True when the value matches under ASCII and under Unicode classes."""
    ascii_pattern = _ascii_pattern(pattern)
    if ascii_pattern is not None and not ascii_pattern.fullmatch(value):
        return False
    return bool(_unicode_pattern(pattern).fullmatch(value))


def _matches_nowhere(pattern: str, value: str) -> bool:
    """True when the value fails under ASCII and under Unicode classes."""
    ascii_pattern = _ascii_pattern(pattern)
    if ascii_pattern is not None and ascii_pattern.fullmatch(value):
        return False
    return not _unicode_pattern(pattern).fullmatch(value)


def string_is_valid(shape: Shape, value: str) -> bool:
    metadata = shape.metadata
    if len(value) < metadata.get("min", 0):
        return False
    if "max" in metadata and len(value) > metadata["max"]:
        return False
    enum = getattr(shape, "enum", None) or []
    if enum and value not in enum:
        return False
    pattern = metadata.get("pattern")
    return pattern is None or _matches_everywhere(pattern, value)


# Valid values.


def valid_value(shape: Shape, known: Sequence[str] = (), depth: int = 0) -> Any:
    """A strategy for values of ``shape`` that satisfy every modeled constraint.

    ``known`` holds strings (names, ARNs) of resources that exist; a string
    member takes one of them whenever it fits, so lookups find something.
    """
    if isinstance(shape, StructureShape):
        return _valid_structure(shape, known, depth)
    if isinstance(shape, ListShape):
        return _valid_list(shape, known, depth)
    if isinstance(shape, MapShape):
        return _valid_map(shape, known, depth)
    if shape.type_name == "string":
        return _valid_string(shape, known)
    if shape.type_name in ("integer", "long"):
        return _valid_integer(shape)
    if shape.type_name == "boolean":
        return st.booleans()
    if shape.type_name in ("float", "double"):
        return st.floats(
            min_value=shape.metadata.get("min"),
            max_value=shape.metadata.get("max"),
            allow_nan=False,
            allow_infinity=False,
        )
    if shape.type_name == "timestamp":
        return st.integers(min_value=0, max_value=2**31 - 1)
    if shape.type_name == "blob":
        return st.sampled_from(["", "AAEC"])
    raise NotImplementedError(f"no strategy for {shape.type_name} {shape.name}")


def _valid_structure(shape: StructureShape, known: Sequence[str], depth: int) -> Any:
    if depth > 8:
        return st.just({})
    required = {
        name: valid_value(member, known, depth + 1)
        for name, member in shape.members.items()
        if name in shape.required_members
    }
    optional = {
        name: valid_value(member, known, depth + 1)
        for name, member in shape.members.items()
        if name not in shape.required_members
    }
    if not optional:
        return st.fixed_dictionaries(required)
    few = st.sets(st.sampled_from(sorted(optional)), max_size=3).flatmap(
        lambda names: st.fixed_dictionaries(
            {**required, **{name: optional[name] for name in names}}
        )
    )
    return st.one_of(
        st.fixed_dictionaries(required),
        few,
        st.fixed_dictionaries(required, optional=optional),
    )


def _size_bounds(shape: Shape) -> tuple[int, int | None]:
    return shape.metadata.get("min", 0), shape.metadata.get("max")


def _valid_list(shape: ListShape, known: Sequence[str], depth: int) -> Any:
    low, high = _size_bounds(shape)
    member = valid_value(shape.member, known, depth + 1)
    small_high = MAX_GENERATED_ITEMS if high is None else min(high, MAX_GENERATED_ITEMS)
    options = [st.lists(member, min_size=low, max_size=max(low, small_high))]
    if high is not None and high > small_high:
        options.append(st.lists(member, min_size=high, max_size=high))
    return st.one_of(options)


def _valid_map(shape: MapShape, known: Sequence[str], depth: int) -> Any:
    low, high = _size_bounds(shape)
    keys = valid_value(shape.key, known, depth + 1)
    values = valid_value(shape.value, known, depth + 1)
    small_high = MAX_GENERATED_ITEMS if high is None else min(high, MAX_GENERATED_ITEMS)
    options = [
        st.dictionaries(keys, values, min_size=low, max_size=max(low, small_high))
    ]
    if high is not None and high > small_high:
        options.append(st.dictionaries(keys, values, min_size=high, max_size=high))
    return st.one_of(options)


def _edge_strings(shape: Shape) -> list[str]:
    low, high = _size_bounds(shape)
    lengths = {low, max(low, 1), high if high is not None else low + 200}
    candidates = [char * length for char in ("a", "A", "0", "é") for length in lengths]
    return [value for value in candidates if string_is_valid(shape, value)]


def _valid_string(shape: Shape, known: Sequence[str]) -> Any:
    enum = getattr(shape, "enum", None) or []
    if enum:
        return st.sampled_from(enum)
    low, high = _size_bounds(shape)
    pattern = shape.metadata.get("pattern")
    generated_high = max(
        low, MAX_GENERATED_LENGTH if high is None else min(high, MAX_GENERATED_LENGTH)
    )
    options = []
    compiled = _ascii_pattern(pattern) if pattern else None
    if compiled is not None:
        options.append(st.from_regex(compiled, fullmatch=True))
    if pattern is not None:
        alphabet = st.sampled_from(PLAIN_ALPHABET + NON_ASCII)
        options.append(st.text(alphabet, min_size=low, max_size=generated_high))
    else:
        options.append(st.text(min_size=low, max_size=generated_high))
    generated = st.one_of(options).filter(lambda value: string_is_valid(shape, value))
    fits = sorted({value for value in known if string_is_valid(shape, value)})
    edges = _edge_strings(shape)
    choices = [generated]
    if edges:
        choices.append(st.sampled_from(edges))
    if fits:
        choices.insert(0, st.sampled_from(fits))
    return st.one_of(choices)


def _valid_integer(shape: Shape) -> Any:
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    floor = -(2**31) if low is None else int(low)
    ceiling = 2**31 - 1 if high is None else int(high)
    edges = sorted({floor, ceiling, *(v for v in (0, 1) if floor <= v <= ceiling)})
    return st.one_of(
        st.sampled_from(edges), st.integers(min_value=floor, max_value=ceiling)
    )


# Invalid values: each strategy yields (value, the error code AWS gives).


def _wrong_type(shape: Shape) -> Any:
    """JSON values of a type the shape never takes."""
    type_name = shape.type_name
    options: list[Any] = []
    if type_name not in ("string", "blob", "timestamp", "float", "double"):
        options.append(st.sampled_from(["", "true", "12", "é"]))
    if type_name not in ("integer", "long", "float", "double", "timestamp"):
        options.append(st.sampled_from([0, -1, 2**31, 1.5]))
    if type_name != "boolean":
        options.append(st.booleans())
    if type_name != "list":
        options.append(st.sampled_from([[], ["a"], [1, 2]]))
    if type_name not in ("structure", "map"):
        options.append(st.sampled_from([{}, {"a": 1}]))
    return st.one_of(options)


def _string_violations(shape: Shape) -> list[str]:
    low, high = _size_bounds(shape)
    values: list[str] = []
    if low >= 1:
        values.append("a" * (low - 1))
    if high is not None:
        values.extend(["a" * (high + 1), "é" * (high + 1)])
    pattern = shape.metadata.get("pattern")
    if pattern is not None:
        for candidate in (" ", "a b", "a\n", "!!", "-x", "aws:x", "😀", "a\x00", ".."):
            fits = low <= len(candidate) <= (high or len(candidate))
            if fits and _matches_nowhere(pattern, candidate):
                values.append(candidate)
        if high is None:
            values.append("a" * 2048 + "!")
    enum = getattr(shape, "enum", None) or []
    if enum:
        values.extend(["NOT_A_MODELED_VALUE", enum[0].lower() + "x", f" {enum[0]}"])
    return [value for value in values if not string_is_valid(shape, value)]


def _constraint_violations(shape: Shape, known: Sequence[str], depth: int) -> Any:
    """Values of the right JSON type that break a modeled constraint."""
    low, high = _size_bounds(shape)
    options: list[Any] = []
    if shape.type_name == "string":
        violations = _string_violations(shape)
        if violations:
            options.append(st.sampled_from(violations))
    elif shape.type_name in ("integer", "long"):
        bounds = []
        if "min" in shape.metadata:
            bounds.append(shape.metadata["min"] - 1)
        if "max" in shape.metadata:
            bounds.append(shape.metadata["max"] + 1)
        if bounds:
            options.append(st.sampled_from(bounds))
    elif isinstance(shape, ListShape):
        member = valid_value(shape.member, known, depth + 1)
        if low >= 1:
            options.append(st.lists(member, min_size=low - 1, max_size=low - 1))
        if high is not None:
            options.append(st.lists(member, min_size=high + 1, max_size=high + 1))
    elif isinstance(shape, MapShape):
        keys = valid_value(shape.key, known, depth + 1)
        values = valid_value(shape.value, known, depth + 1)
        if low >= 1:
            options.append(st.just({}))
        if high is not None:
            size = high + 1
            options.append(st.dictionaries(keys, values, min_size=size, max_size=size))
    return st.one_of(options) if options else None


def invalid_value(shape: Shape, known: Sequence[str] = (), depth: int = 0) -> Any:
    """A strategy for (value, code): one defect, and the error it must raise."""
    options = [_wrong_type(shape).map(lambda value: (value, SERIALIZATION))]
    violation = _constraint_violations(shape, known, depth)
    if violation is not None:
        options.append(violation.map(lambda value: (value, VALIDATION)))
    if depth < 6:
        if isinstance(shape, StructureShape):
            nested = invalid_structure(shape, known, depth)
            if nested is not None:
                options.append(nested)
        elif isinstance(shape, ListShape):
            options.append(_list_with_invalid_item(shape, known, depth))
        elif isinstance(shape, MapShape):
            options.append(_map_with_invalid_entry(shape, known, depth))
    return st.one_of(options)


def _list_with_invalid_item(shape: ListShape, known: Sequence[str], depth: int) -> Any:
    low, high = _size_bounds(shape)
    fewest = max(low - 1, 0)
    most = max(fewest, min(MAX_GENERATED_ITEMS, (high or MAX_GENERATED_ITEMS) - 1))
    valid_items = st.lists(
        valid_value(shape.member, known, depth + 1), min_size=fewest, max_size=most
    )
    bad_item = invalid_value(shape.member, known, depth + 1)

    def insert(data: tuple[list[Any], tuple[Any, str], int]) -> tuple[Any, str]:
        items, (bad, code), position = data
        items = list(items)
        items.insert(position % (len(items) + 1), bad)
        return items, code

    return st.tuples(valid_items, bad_item, st.integers(0, 10)).map(insert)


def _map_with_invalid_entry(shape: MapShape, known: Sequence[str], depth: int) -> Any:
    key = valid_value(shape.key, known, depth + 1)
    value = valid_value(shape.value, known, depth + 1)
    bad_value = invalid_value(shape.value, known, depth + 1)

    def with_bad_value(drawn: tuple[str, tuple[Any, str]]) -> tuple[Any, str]:
        entry_key, (bad, code) = drawn
        return {entry_key: bad}, code

    def with_bad_key(drawn: tuple[str, Any]) -> tuple[Any, str]:
        bad_key, entry_value = drawn
        return {bad_key: entry_value}, VALIDATION

    options = [st.tuples(key, bad_value).map(with_bad_value)]
    key_violations = _string_violations(shape.key)
    if key_violations:
        options.append(
            st.tuples(st.sampled_from(key_violations), value).map(with_bad_key)
        )
    return st.one_of(options)


def invalid_structure(
    shape: StructureShape, known: Sequence[str], depth: int = 0
) -> Any | None:
    """Structures with exactly one defective or missing member."""
    options = []
    base = _valid_structure(shape, known, depth)
    for name in shape.required_members:
        options.append(st.tuples(base, st.booleans()).map(_dropping(name)))
    for name, member in shape.members.items():
        bad = invalid_value(member, known, depth + 1)
        options.append(st.tuples(base, bad).map(_replacing(name)))
    return st.one_of(options) if options else None


def _dropping(name: str) -> Callable[[tuple[dict[str, Any], bool]], tuple[Any, str]]:
    def drop(drawn: tuple[dict[str, Any], bool]) -> tuple[Any, str]:
        body, as_null = drawn
        return _without(body, name, as_null), VALIDATION

    return drop


def _replacing(
    name: str,
) -> Callable[[tuple[dict[str, Any], tuple[Any, str]]], tuple[Any, str]]:
    def replace(drawn: tuple[dict[str, Any], tuple[Any, str]]) -> tuple[Any, str]:
        body, (bad, code) = drawn
        return {**body, name: bad}, code

    return replace


def _without(body: dict[str, Any], name: str, as_null: bool) -> dict[str, Any]:
    rest = {key: value for key, value in body.items() if key != name}
    if as_null:
        rest[name] = None
    return rest


# Whole request bodies.


def _encode(value: Any, ensure_ascii: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ensure_ascii).encode("utf-8", "surrogatepass")


def _case(operation: str, expected: str, kind: str) -> Callable[[Any], Case]:
    def build(drawn: tuple[Any, bool]) -> Case:
        value, ensure_ascii = drawn
        return Case(operation, _encode(value, ensure_ascii), expected, kind)

    return build


def _deep(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _deeply_nested(operation: str, shape: StructureShape, known: Sequence[str]) -> Any:
    """A member replaced by lists or objects nested hundreds of thousands deep."""
    names = sorted(shape.members)

    def build(drawn: tuple[dict[str, Any], str, int, str]) -> Case:
        body, name, depth, kind = drawn
        member = shape.members[name]
        text = json.dumps({**body, name: "@DEEP@"}).replace(
            '"@DEEP@"', _deep(depth, kind)
        )
        # An object inside a structure is an unknown member unless the depth
        # itself makes the JSON unreadable.
        ignored = kind == "object" and isinstance(member, StructureShape)
        expected = UNPREDICTED if ignored and depth < 100_000 else SERIALIZATION
        return Case(operation, text.encode("utf-8"), expected, f"deep {kind} {depth}")

    return st.tuples(
        _valid_structure(shape, known, 0),
        st.sampled_from(names),
        st.sampled_from([64, 3000, 200_000]),
        st.sampled_from(["list", "object"]),
    ).map(build)


def _large(operation: str, shape: StructureShape, known: Sequence[str]) -> Any:
    """A body of about a megabyte, in one string member or one unknown member."""
    strings = sorted(
        name for name, member in shape.members.items() if member.type_name == "string"
    )

    def build(drawn: tuple[dict[str, Any], str]) -> Case:
        body, name = drawn
        huge = "x" * LARGE_BODY_LENGTH
        if name == "":
            text = json.dumps({**body, "PaddingThatIsNotModeled": huge})
            return Case(operation, text.encode(), UNPREDICTED, "large unknown member")
        member = shape.members[name]
        text = json.dumps({**body, name: huge})
        fits = string_is_valid(member, huge)
        return Case(
            operation, text.encode(), UNPREDICTED if fits else VALIDATION, "large"
        )

    return st.tuples(
        _valid_structure(shape, known, 0), st.sampled_from(["", *strings])
    ).map(build)


RAW_BODIES: list[tuple[bytes, str]] = [
    (b"[]", SERIALIZATION),
    (b'"body"', SERIALIZATION),
    (b"42", SERIALIZATION),
    (b"null", SERIALIZATION),
    (b"{", SERIALIZATION),
    (b'{"a": }', SERIALIZATION),
    (b'{"Name": "\xff\xfe"}', SERIALIZATION),
    (b"\xc3\x28", SERIALIZATION),
    (b"[" * 200_000, SERIALIZATION),
    (b"\xef\xbb\xbf{}", UNPREDICTED),
    (b'{"Name": "\\ud800"}', UNPREDICTED),
]


def _unknown_member(operation: str, shape: StructureShape, known: Sequence[str]) -> Any:
    extra = st.sampled_from(["UnknownMember", "name", "__type", "Ä"])
    return st.tuples(
        st.tuples(_valid_structure(shape, known, 0), extra, st.text(max_size=5)).map(
            lambda drawn: {**drawn[0], drawn[1]: drawn[2]}
        ),
        st.booleans(),
    ).map(_case(operation, UNPREDICTED, "unknown member"))


def _with_surrogate(operation: str, shape: StructureShape, known: Sequence[str]) -> Any:
    """A valid body, then a lone UTF-16 surrogate in one plain string member."""
    plain = sorted(
        name
        for name, member in shape.members.items()
        if member.type_name == "string"
        and not getattr(member, "enum", None)
        and "pattern" not in member.metadata
    )
    if not plain:
        return None
    return st.tuples(
        st.tuples(_valid_structure(shape, known, 0), st.sampled_from(plain)).map(
            lambda drawn: {**drawn[0], drawn[1]: "a\ud83d"}
        ),
        st.just(True),
    ).map(_case(operation, UNPREDICTED, "lone surrogate"))


# How often each kind of body is drawn, relative to the others.
COMMON = 4
RARE = 1


def cases(operation: str, known: Iterable[str] = ()) -> Any:
    """Every kind of request body for one operation.

    Valid bodies and bodies with one modeled defect are drawn most often; the
    kinds that do not depend on the shape's details less often.
    """
    shape = operation_model(operation).input_shape
    assert isinstance(shape, StructureShape)
    known = tuple(known)
    flags = st.booleans()
    valid = st.tuples(_valid_structure(shape, known, 0), flags).map(
        _case(operation, VALID, "valid")
    )
    raw = st.sampled_from(RAW_BODIES).map(
        lambda body: Case(operation, body[0], body[1], "raw body")
    )
    options = [valid] * COMMON + [
        _unknown_member(operation, shape, known),
        _deeply_nested(operation, shape, known),
        _large(operation, shape, known),
        raw,
    ] * RARE
    broken = invalid_structure(shape, known)
    if broken is not None:
        invalid = st.tuples(broken, flags).map(
            lambda drawn: Case(
                operation, _encode(drawn[0][0], drawn[1]), drawn[0][1], "invalid"
            )
        )
        options.extend([invalid] * COMMON)
    surrogate = _with_surrogate(operation, shape, known)
    if surrogate is not None:
        options.extend([surrogate] * RARE)
    return st.one_of(options)


# Checking replies.


def output_shape_errors(value: Any, shape: Shape | None, path: str = "") -> list[str]:
    """Where a decoded JSON value departs from a botocore output shape.

    Types, members, enums and lengths are checked as botocore's Stubber checks a
    canned response. An empty list or map directly in the output structure is
    accepted whatever its shape's minimum: it is how a query that finds nothing
    answers.
    """
    where = path or "<body>"
    if shape is None:
        return [] if value == {} else [f"{where}: expected an empty object"]
    if value is None:
        return [f"{where}: null"]
    if isinstance(shape, StructureShape):
        return _structure_errors(value, shape, path)
    if isinstance(shape, (ListShape, MapShape)):
        return _container_errors(value, shape, path)
    return _scalar_errors(value, shape, where)


def _structure_errors(value: Any, shape: StructureShape, path: str) -> list[str]:
    where = path or "<body>"
    if not isinstance(value, dict):
        return [f"{where}: expected an object, got {value!r:.80}"]
    errors = [
        f"{where}: unmodeled member {key!r}"
        for key in value
        if key not in shape.members
    ]
    errors.extend(
        f"{where}: missing required member {name!r}"
        for name in shape.required_members
        if name not in value
    )
    for key, item in value.items():
        if key in shape.members:
            member_path = f"{path}.{key}" if path else key
            errors.extend(output_shape_errors(item, shape.members[key], member_path))
    return errors


def _container_errors(value: Any, shape: ListShape | MapShape, path: str) -> list[str]:
    expected = list if isinstance(shape, ListShape) else dict
    if not isinstance(value, expected):
        return [f"{path}: expected a {expected.__name__}, got {value!r:.80}"]
    errors = []
    low, high = _size_bounds(shape)
    top_level_empty = not value and "." not in path and "[" not in path
    if len(value) < low and not top_level_empty:
        errors.append(f"{path}: {len(value)} items, fewer than {low}")
    if high is not None and len(value) > high:
        errors.append(f"{path}: {len(value)} items, more than {high}")
    if isinstance(shape, ListShape):
        for index, item in enumerate(value):
            errors.extend(output_shape_errors(item, shape.member, f"{path}[{index}]"))
    elif isinstance(value, dict):
        for key, item in value.items():
            errors.extend(_scalar_errors(key, shape.key, f"{path} key {key!r}"))
            errors.extend(output_shape_errors(item, shape.value, f"{path}[{key!r}]"))
    return errors


def _scalar_errors(value: Any, shape: Shape, where: str) -> list[str]:
    type_name = shape.type_name
    if type_name in ("string", "blob"):
        if not isinstance(value, str):
            return [f"{where}: expected a string, got {value!r:.80}"]
        enum = getattr(shape, "enum", None) or []
        if enum and value not in enum:
            return [f"{where}: {value!r} is not one of {enum}"]
        low, high = _size_bounds(shape)
        if len(value) < low or (high is not None and len(value) > high):
            return [f"{where}: {value!r:.80} has a length outside {low}..{high}"]
        return []
    if type_name == "boolean":
        ok = isinstance(value, bool)
    elif type_name in ("integer", "long"):
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return [] if ok else [f"{where}: expected {type_name}, got {value!r:.80}"]


def error_code(reply: Reply) -> str | None:
    try:
        body = reply.json()
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("__type"), str):
        return None
    code: str = body["__type"].rpartition("#")[2]
    return code


def error_body_problems(reply: Reply) -> list[str]:
    """How an error reply departs from AWS's JSON shape: ``__type`` and ``message``."""
    try:
        body = reply.json()
    except ValueError:
        return [f"error body is not JSON: {reply.text[:200]!r}"]
    if not isinstance(body, dict):
        return [f"error body is not an object: {reply.text[:200]!r}"]
    problems = []
    if not isinstance(body.get("__type"), str):
        problems.append(f"error body has no string '__type': {body!r:.300}")
    if not isinstance(body.get("message"), str):
        problems.append(f"error body has no string 'message': {body!r:.300}")
    return problems


def reply_problems(case: Case, reply: Reply) -> list[str]:
    """Every way the reply breaks the properties a reply to ``case`` must have."""
    problems = []
    if reply.status >= 500:
        problems.append(f"HTTP {reply.status}")
    if any(marker in reply.text for marker in TRACEBACK_MARKERS):
        problems.append("a traceback in the body")
    if 200 <= reply.status < 300:
        if case.expected in (SERIALIZATION, VALIDATION):
            problems.append(f"accepted although the model gives {case.expected}")
        try:
            body = reply.json()
        except ValueError:
            problems.append("a success body that is not JSON")
        else:
            output = operation_model(case.operation).output_shape
            problems.extend(output_shape_errors(body, output))
    elif 400 <= reply.status < 500:
        problems.extend(error_body_problems(reply))
        code = error_code(reply)
        if code is not None:
            problems.extend(_code_problems(case, reply.status, code))
    elif reply.status < 500:
        problems.append(f"unexpected HTTP {reply.status}")
    return problems


def _refused_token(case: Case, code: str) -> bool:
    """A generated NextToken is only a string to the model; the service refuses
    any token that it did not hand out itself."""
    try:
        body = json.loads(case.body)
    except ValueError:
        return False
    return code == VALIDATION and isinstance(body, dict) and "NextToken" in body


def _code_problems(case: Case, status: int, code: str) -> list[str]:
    problems = []
    if code not in allowed_error_codes(case.operation):
        problems.append(f"{code} is neither modeled for {case.operation} nor standard")
    if case.expected in (SERIALIZATION, VALIDATION) and code != case.expected:
        problems.append(f"answered {code}, the model gives {case.expected}")
    if (
        case.expected == VALID
        and code in (SERIALIZATION, VALIDATION, UNKNOWN_OPERATION)
        and not _refused_token(case, code)
    ):
        problems.append(f"a body the model accepts got {code}")
    expected_status = 403 if code == ACCESS_DENIED else 400
    if status != expected_status:
        problems.append(f"{code} came with HTTP {status}, not {expected_status}")
    return problems
