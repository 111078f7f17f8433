"""Images: the catalog of AWS-owned base images and account-owned private images."""

import re
from datetime import datetime
from enum import Enum
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.utils import utcnow
from moto.utilities.utils import get_partition

from ..exceptions import ValidationException
from .common import PlatformType, resource_arn

IMAGE_NAME_PATTERN = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$")


class ImageState(str, Enum):
    PENDING = "PENDING"
    AVAILABLE = "AVAILABLE"
    FAILED = "FAILED"
    COPYING = "COPYING"
    DELETING = "DELETING"
    CREATING = "CREATING"
    IMPORTING = "IMPORTING"
    VALIDATING = "VALIDATING"


class VisibilityType(str, Enum):
    PUBLIC = "PUBLIC"
    PRIVATE = "PRIVATE"
    SHARED = "SHARED"


_GENERAL_PURPOSE_FAMILIES = [
    "GENERAL_PURPOSE",
    "COMPUTE_OPTIMIZED",
    "MEMORY_OPTIMIZED",
]

# Name, platform, agent version, release date and instance families of base
# images AWS publishes in every Region.
PUBLIC_IMAGE_CATALOG: list[dict[str, Any]] = [
    {
        "name": "Amazon-AppStream2-Sample-Image-06-17-2024",
        "platform": "WINDOWS_SERVER_2019",
        "description": "Sample image with applications preinstalled",
        "agent_version": "1.1.1362",
        "released": datetime(2024, 6, 17),
        "families": _GENERAL_PURPOSE_FAMILIES,
    },
    {
        "name": "Amazon-AppStream2-Sample-Image-03-11-2023",
        "platform": "WINDOWS_SERVER_2019",
        "description": "Sample image with applications preinstalled",
        "agent_version": "1.1.1030",
        "released": datetime(2023, 3, 11),
        "families": _GENERAL_PURPOSE_FAMILIES,
    },
    {
        "name": "AppStream-WinServer2019-06-12-2023",
        "platform": "WINDOWS_SERVER_2019",
        "description": "Windows Server 2019 base image",
        "agent_version": "1.1.1062",
        "released": datetime(2023, 6, 12),
        "families": _GENERAL_PURPOSE_FAMILIES + ["GRAPHICS_G4"],
    },
    {
        "name": "AppStream-WinServer2022-01-08-2025",
        "platform": "WINDOWS_SERVER_2022",
        "description": "Windows Server 2022 base image",
        "agent_version": "1.1.1600",
        "released": datetime(2025, 1, 8),
        "families": _GENERAL_PURPOSE_FAMILIES + ["GRAPHICS_G4"],
    },
    {
        "name": "AppStream-AmazonLinux2-09-21-2022",
        "platform": "AMAZON_LINUX2",
        "description": "Amazon Linux 2 base image",
        "agent_version": "2.1.0.501",
        "released": datetime(2022, 9, 21),
        "families": _GENERAL_PURPOSE_FAMILIES,
    },
    {
        "name": "AppStream-RockyLinux8-11-10-2025",
        "platform": "ROCKY_LINUX8",
        "description": "Rocky Linux 8 base image",
        "agent_version": "2.1.0.1100",
        "released": datetime(2025, 11, 10),
        "families": _GENERAL_PURPOSE_FAMILIES,
    },
]


class Image(BaseModel):
    """An image; public ones carry an empty account field in their ARN."""

    def __init__(
        self,
        name: str,
        arn: str,
        platform: str,
        visibility: str,
        *,
        display_name: str | None = None,
        description: str | None = None,
        state: str = ImageState.AVAILABLE.value,
        image_builder_supported: bool = True,
        image_builder_name: str | None = None,
        appstream_agent_version: str | None = None,
        public_base_image_released_date: datetime | None = None,
        supported_instance_families: list[str] | None = None,
        base_image_arn: str | None = None,
    ) -> None:
        self.name = name
        self.arn = arn
        self.platform = platform
        self.visibility = visibility
        self.display_name = display_name or name
        self.description = description
        self.state = state
        self.image_builder_supported = image_builder_supported
        self.image_builder_name = image_builder_name
        self.appstream_agent_version = appstream_agent_version
        self.public_base_image_released_date = public_base_image_released_date
        self.supported_instance_families = supported_instance_families
        self.base_image_arn = base_image_arn
        self.created_time = public_base_image_released_date or utcnow()
        self.applications: list[dict[str, Any]] = []
        self.image_errors: list[dict[str, Any]] = []
        self.image_permissions = (
            {"allowFleet": True, "allowImageBuilder": True}
            if visibility == VisibilityType.PUBLIC
            else None
        )
        self.latest_appstream_agent_version = "FALSE"
        self.image_shared_with_others = (
            None if visibility == VisibilityType.PUBLIC else "FALSE"
        )
        self.dynamic_app_providers_enabled = "DISABLED"
        self.managed_software_included = False
        self.image_type = "NATIVE"

    @property
    def is_available(self) -> bool:
        return self.state == ImageState.AVAILABLE


def public_images(region_name: str) -> dict[str, Image]:
    """The AWS-owned base images of a Region, keyed by name."""
    partition = get_partition(region_name)
    images = {}
    for entry in PUBLIC_IMAGE_CATALOG:
        name = entry["name"]
        images[name] = Image(
            name=name,
            arn=f"arn:{partition}:appstream:{region_name}::image/{name}",
            platform=entry["platform"],
            visibility=VisibilityType.PUBLIC.value,
            description=entry["description"],
            appstream_agent_version=entry["agent_version"],
            public_base_image_released_date=entry["released"],
            supported_instance_families=list(entry["families"]),
        )
    return images


def private_image(
    account_id: str,
    region_name: str,
    name: str,
    platform: str,
    **attributes: Any,
) -> Image:
    """An image owned by the account, as an image builder would have made it."""
    _check_image_member("name", name, IMAGE_NAME_PATTERN.fullmatch(name) is not None)
    _check_enum("platform", platform, PlatformType)
    _check_enum("state", attributes.get("state", ImageState.AVAILABLE), ImageState)
    arn = resource_arn(account_id, region_name, f"image/{name}")
    return Image(
        name=name,
        arn=arn,
        platform=platform,
        visibility=VisibilityType.PRIVATE.value,
        **attributes,
    )


def _check_enum(member: str, value: str, enum: type[Enum]) -> None:
    allowed = [item.value for item in enum]
    _check_image_member(
        member,
        value,
        value in allowed,
        f"Member must satisfy enum value set: [{', '.join(allowed)}]",
    )


def _check_image_member(
    member: str,
    value: str,
    valid: bool,
    constraint: str = (
        "Member must satisfy regular expression pattern: "
        "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$"
    ),
) -> None:
    if not valid:
        msg = (
            f"1 validation error detected: Value '{value}' at '{member}' failed to "
            f"satisfy constraint: {constraint}"
        )
        raise ValidationException(msg)
