"""Enums, ARNs and checks shared by the AppStream resource models."""

import warnings
from collections.abc import Iterable
from enum import Enum
from typing import Any

from moto.utilities.utils import get_partition

from ..exceptions import InvalidParameterCombinationException


class PlatformType(str, Enum):
    WINDOWS = "WINDOWS"
    WINDOWS_SERVER_2016 = "WINDOWS_SERVER_2016"
    WINDOWS_SERVER_2019 = "WINDOWS_SERVER_2019"
    WINDOWS_SERVER_2022 = "WINDOWS_SERVER_2022"
    WINDOWS_SERVER_2025 = "WINDOWS_SERVER_2025"
    AMAZON_LINUX2 = "AMAZON_LINUX2"
    RHEL8 = "RHEL8"
    ROCKY_LINUX8 = "ROCKY_LINUX8"
    UBUNTU_PRO_2404 = "UBUNTU_PRO_2404"


LINUX_PLATFORMS = frozenset(
    {
        PlatformType.AMAZON_LINUX2,
        PlatformType.RHEL8,
        PlatformType.ROCKY_LINUX8,
        PlatformType.UBUNTU_PRO_2404,
    }
)


class AuthenticationType(str, Enum):
    API = "API"
    SAML = "SAML"
    USERPOOL = "USERPOOL"
    AWS_AD = "AWS_AD"


def resource_arn(account_id: str, region_name: str, resource: str) -> str:
    """The ARN of an AppStream resource, e.g. ``fleet/MyFleet``."""
    partition = get_partition(region_name)
    return f"arn:{partition}:appstream:{region_name}:{account_id}:{resource}"


def check_range(
    member: str, value: int | None, minimum: int, maximum: int, unit: str = ""
) -> None:
    """Enforce a numeric range that the API documents but the model does not."""
    if value is None or minimum <= value <= maximum:
        return
    suffix = f" {unit}" if unit else ""
    msg = f"The {member} must be between {minimum} and {maximum}{suffix}."
    raise InvalidParameterCombinationException(msg)


def check_unique(values: Iterable[str], noun: str) -> None:
    """A list member may name each action or connector type only once."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            msg = f"The {noun} {value} is specified more than once."
            raise InvalidParameterCombinationException(msg)
        seen.add(value)


def warn_unmodelled(
    operation: str, settings: dict[str, Any], modelled: Iterable[str]
) -> None:
    """Say which request members, new in a later botocore model, are dropped."""
    for member in sorted(set(settings) - set(modelled)):
        msg = (
            f"moto-appstream does not model the {member} member of {operation}; "
            "its value is ignored."
        )
        warnings.warn(msg, UserWarning, stacklevel=3)


# Members that may be sent empty, but that AWS returns only when they hold text.
OPTIONAL_LABELS = ("Description", "DisplayName")


def clear_blank_labels(settings: dict[str, Any]) -> dict[str, Any]:
    """An empty Description or DisplayName means the resource has none."""
    return {
        member: None if member in OPTIONAL_LABELS and value == "" else value
        for member, value in settings.items()
    }


def without_none(structure: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in structure.items() if value is not None}
