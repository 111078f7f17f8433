"""Fleets: the streaming instances behind a stack, and their life cycle."""

import math
from enum import Enum
from typing import Any

from botocore import xform_name
from moto.core.common_models import BaseModel
from moto.core.utils import utcnow
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.utilities.arns import parse_arn

from ..exceptions import (
    IncompatibleImageException,
    InvalidParameterCombinationException,
    InvalidRoleException,
    ResourceInUseException,
)
from .common import (
    LINUX_PLATFORMS,
    PlatformType,
    check_range,
    resource_arn,
    without_none,
)
from .images import Image

FLEET_MODEL_NAME = "appstream::fleet"

DEFAULT_MAX_USER_DURATION_IN_SECONDS = 57600
DEFAULT_DISCONNECT_TIMEOUT_IN_SECONDS = 900
DEFAULT_VOLUME_SIZE_IN_GB = 200

ELASTIC_PLATFORMS = frozenset(
    {
        PlatformType.WINDOWS_SERVER_2019,
        PlatformType.AMAZON_LINUX2,
        PlatformType.UBUNTU_PRO_2404,
    }
)
ELASTIC_INSTANCE_TYPES = frozenset(
    {
        "stream.standard.small",
        "stream.standard.medium",
        "stream.standard.large",
        "stream.standard.xlarge",
        "stream.standard.2xlarge",
    }
)


class FleetState(str, Enum):
    STARTING = "STARTING"
    RUNNING = "RUNNING"
    STOPPING = "STOPPING"
    STOPPED = "STOPPED"


class FleetType(str, Enum):
    ALWAYS_ON = "ALWAYS_ON"
    ON_DEMAND = "ON_DEMAND"
    ELASTIC = "ELASTIC"


class FleetAttribute(str, Enum):
    VPC_CONFIGURATION = "VPC_CONFIGURATION"
    VPC_CONFIGURATION_SECURITY_GROUP_IDS = "VPC_CONFIGURATION_SECURITY_GROUP_IDS"
    DOMAIN_JOIN_INFO = "DOMAIN_JOIN_INFO"
    IAM_ROLE_ARN = "IAM_ROLE_ARN"
    USB_DEVICE_FILTER_STRINGS = "USB_DEVICE_FILTER_STRINGS"
    SESSION_SCRIPT_S3_LOCATION = "SESSION_SCRIPT_S3_LOCATION"
    MAX_SESSIONS_PER_INSTANCE = "MAX_SESSIONS_PER_INSTANCE"
    VOLUME_CONFIGURATION = "VOLUME_CONFIGURATION"


# The request member each deletable attribute clears.
ATTRIBUTE_MEMBERS = {
    FleetAttribute.VPC_CONFIGURATION: "VpcConfig",
    FleetAttribute.VPC_CONFIGURATION_SECURITY_GROUP_IDS: "VpcConfig",
    FleetAttribute.DOMAIN_JOIN_INFO: "DomainJoinInfo",
    FleetAttribute.IAM_ROLE_ARN: "IamRoleArn",
    FleetAttribute.USB_DEVICE_FILTER_STRINGS: "UsbDeviceFilterStrings",
    FleetAttribute.SESSION_SCRIPT_S3_LOCATION: "SessionScriptS3Location",
    FleetAttribute.MAX_SESSIONS_PER_INSTANCE: "MaxSessionsPerInstance",
    FleetAttribute.VOLUME_CONFIGURATION: "RootVolumeConfig",
}

# What UpdateFleet may change while a fleet runs, by fleet type.
_IMAGE_FLEET_RUNNING_UPDATES = frozenset(
    {
        "DisplayName",
        "ComputeCapacity",
        "ImageArn",
        "ImageName",
        "IdleDisconnectTimeoutInSeconds",
        "DisconnectTimeoutInSeconds",
    }
)
UPDATABLE_WHILE_RUNNING = {
    FleetType.ALWAYS_ON: _IMAGE_FLEET_RUNNING_UPDATES,
    FleetType.ON_DEMAND: _IMAGE_FLEET_RUNNING_UPDATES,
    FleetType.ELASTIC: frozenset(
        {
            "DisplayName",
            "IdleDisconnectTimeoutInSeconds",
            "DisconnectTimeoutInSeconds",
            "MaxConcurrentSessions",
            "SessionScriptS3Location",
            "UsbDeviceFilterStrings",
        }
    ),
}

# Members of an UpdateFleet request that are settings rather than its target.
UPDATABLE_MEMBERS = (
    "ImageName",
    "ImageArn",
    "InstanceType",
    "ComputeCapacity",
    "VpcConfig",
    "MaxUserDurationInSeconds",
    "DisconnectTimeoutInSeconds",
    "Description",
    "DisplayName",
    "EnableDefaultInternetAccess",
    "DomainJoinInfo",
    "IdleDisconnectTimeoutInSeconds",
    "IamRoleArn",
    "StreamView",
    "Platform",
    "MaxConcurrentSessions",
    "UsbDeviceFilterStrings",
    "SessionScriptS3Location",
    "MaxSessionsPerInstance",
    "RootVolumeConfig",
    "DisableIMDSV1",
)


def check_timeouts(settings: dict[str, Any]) -> None:
    """Enforce the session timeouts and volume size the API documents."""
    check_range(
        "MaxUserDurationInSeconds",
        settings.get("MaxUserDurationInSeconds"),
        600,
        432000,
        "seconds",
    )
    check_range(
        "DisconnectTimeoutInSeconds",
        settings.get("DisconnectTimeoutInSeconds"),
        60,
        36000,
        "seconds",
    )
    idle = settings.get("IdleDisconnectTimeoutInSeconds")
    if idle is not None and idle != 0 and not 60 <= idle <= 36000:
        msg = (
            "The IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000 "
            "seconds."
        )
        raise InvalidParameterCombinationException(msg)
    volume = (settings.get("RootVolumeConfig") or {}).get("VolumeSizeInGb")
    check_range("VolumeSizeInGb", volume, 200, 500, "GB")
    for member in ("MaxConcurrentSessions", "MaxSessionsPerInstance"):
        check_range(member, settings.get(member), 1, 2**31 - 1)
    capacity = settings.get("ComputeCapacity") or {}
    for member in ("DesiredInstances", "DesiredSessions"):
        check_range(member, capacity.get(member), 0, 2**31 - 1)


def check_iam_role(role_arn: str | None) -> None:
    """AppStream assumes the role, so it must be an IAM role ARN."""
    if role_arn is None:
        return
    arn = parse_arn(role_arn)
    if arn.service != "iam" or arn.resource_type != "role":
        msg = (
            "AppStream 2.0 encountered an error because your IAM role "
            f"'{role_arn}' is invalid"
        )
        raise InvalidRoleException(msg)


def aws_state_name(state: str) -> str:
    """The state as AppStream's messages name it: a running fleet is ACTIVE."""
    return "ACTIVE" if state == FleetState.RUNNING else state


class Fleet(ManagedState, BaseModel):
    """A fleet of streaming instances; its state moves through the state manager."""

    def __init__(
        self,
        account_id: str,
        region_name: str,
        name: str,
        instance_type: str,
        fleet_type: str,
        image: Image | None,
        settings: dict[str, Any],
    ) -> None:
        ManagedState.__init__(
            self,
            model_name=FLEET_MODEL_NAME,
            transitions=[
                (FleetState.STARTING.value, FleetState.RUNNING.value),
                (FleetState.STOPPING.value, FleetState.STOPPED.value),
            ],
        )
        self.status = FleetState.STOPPED.value
        self.name = name
        self.arn = resource_arn(account_id, region_name, f"fleet/{name}")
        self.instance_type = instance_type
        self.fleet_type = fleet_type
        self.created_time = utcnow()
        self.fleet_errors: list[dict[str, str]] = []
        self.image_name: str | None = None
        self.image_arn: str | None = None
        self.platform: str | None = settings.get("Platform")
        if image is not None:
            self.use_image(image)
        self.compute_capacity: dict[str, int] | None = settings.get("ComputeCapacity")
        self.vpc_config = settings.get("VpcConfig")
        self.max_user_duration_in_seconds = settings.get(
            "MaxUserDurationInSeconds", DEFAULT_MAX_USER_DURATION_IN_SECONDS
        )
        self.disconnect_timeout_in_seconds = settings.get(
            "DisconnectTimeoutInSeconds", DEFAULT_DISCONNECT_TIMEOUT_IN_SECONDS
        )
        self.idle_disconnect_timeout_in_seconds = settings.get(
            "IdleDisconnectTimeoutInSeconds", 0
        )
        self.description = settings.get("Description")
        self.display_name = settings.get("DisplayName")
        self.enable_default_internet_access = settings.get(
            "EnableDefaultInternetAccess", False
        )
        self.domain_join_info = settings.get("DomainJoinInfo")
        self.iam_role_arn = settings.get("IamRoleArn")
        self.stream_view = settings.get("StreamView", "APP")
        self.max_concurrent_sessions = settings.get("MaxConcurrentSessions")
        self.usb_device_filter_strings = settings.get("UsbDeviceFilterStrings")
        self.session_script_s3_location = settings.get("SessionScriptS3Location")
        self.max_sessions_per_instance = settings.get("MaxSessionsPerInstance")
        self.root_volume_config = settings.get(
            "RootVolumeConfig", {"VolumeSizeInGb": DEFAULT_VOLUME_SIZE_IN_GB}
        )
        self.disable_imdsv1 = settings.get("DisableIMDSV1", False)

    @property
    def state(self) -> str:
        return str(self.status)

    @property
    def is_elastic(self) -> bool:
        return self.fleet_type == FleetType.ELASTIC

    @property
    def is_domain_joined(self) -> bool:
        return bool(
            self.domain_join_info and self.domain_join_info.get("DirectoryName")
        )

    @property
    def is_linux(self) -> bool:
        return self.platform in LINUX_PLATFORMS

    @property
    def compute_capacity_status(self) -> dict[str, int]:
        capacity = self.compute_capacity or {}
        running = self.state == FleetState.RUNNING
        desired_sessions = capacity.get("DesiredSessions")
        if desired_sessions is not None and self.max_sessions_per_instance:
            desired = math.ceil(desired_sessions / self.max_sessions_per_instance)
        else:
            desired = capacity.get("DesiredInstances", 0)
        status = {
            "Desired": desired,
            "Running": desired if running else 0,
            "InUse": 0,
            "Available": desired if running else 0,
        }
        if desired_sessions is not None:
            status.update(
                {
                    "DesiredUserSessions": desired_sessions,
                    "AvailableUserSessions": desired_sessions if running else 0,
                    "ActiveUserSessions": 0,
                    "ActualUserSessions": desired_sessions if running else 0,
                    "Draining": 0,
                    "DrainModeActiveUserSessions": 0,
                    "DrainModeUnusedUserSessions": 0,
                }
            )
        return status

    def use_image(self, image: Image) -> None:
        self.image_name = image.name
        self.image_arn = image.arn
        self.platform = image.platform

    def start(self) -> None:
        if self.state == FleetState.STOPPED:
            self.status = FleetState.STARTING.value

    def stop(self) -> None:
        if self.state in (FleetState.STARTING, FleetState.RUNNING):
            self.status = FleetState.STOPPING.value

    def check_update_allowed(self, members: set[str]) -> None:
        """Raise ResourceInUseException for a change the fleet's state forbids."""
        state = self.state
        if state == FleetState.STOPPED or not members:
            return
        allowed: frozenset[str] = frozenset()
        if state == FleetState.RUNNING:
            allowed = UPDATABLE_WHILE_RUNNING[FleetType(self.fleet_type)]
        if members - allowed:
            msg = (
                f"Cannot update the attribute for fleet {self.name} when it is "
                f"{aws_state_name(state)}. The fleet must be stopped to complete "
                "this action."
            )
            raise ResourceInUseException(msg)

    def check_image_compatible(self, image: Image) -> None:
        if self.state == FleetState.STOPPED or image.platform == self.platform:
            return
        msg = (
            f"The image {image.name} runs {image.platform}, but fleet {self.name} "
            f"runs {self.platform}. The fleet must be stopped to change its "
            "operating system."
        )
        raise IncompatibleImageException(msg)

    def delete_attributes(self, attributes: list[str]) -> None:
        for attribute in map(FleetAttribute, attributes):
            if attribute == FleetAttribute.VPC_CONFIGURATION_SECURITY_GROUP_IDS:
                if self.vpc_config:
                    self.vpc_config = without_none(
                        {"SubnetIds": self.vpc_config.get("SubnetIds")}
                    )
            elif attribute == FleetAttribute.VOLUME_CONFIGURATION:
                self.root_volume_config = {"VolumeSizeInGb": DEFAULT_VOLUME_SIZE_IN_GB}
            else:
                setattr(self, xform_name(ATTRIBUTE_MEMBERS[attribute]), None)

    def apply(self, settings: dict[str, Any]) -> None:
        """Store the members of an UpdateFleet request that were given."""
        for member in UPDATABLE_MEMBERS:
            if member in settings and member not in ("ImageName", "ImageArn"):
                setattr(self, xform_name(member), settings[member])


def check_image_choice(image_name: str | None, image_arn: str | None) -> None:
    if image_name is None and image_arn is None:
        msg = "Either ImageName or ImageArn must be specified."
        raise InvalidParameterCombinationException(msg)
    if image_name is not None and image_arn is not None:
        msg = "Specify either ImageName or ImageArn, not both."
        raise InvalidParameterCombinationException(msg)


def check_instance_capacity(settings: dict[str, Any]) -> None:
    """Always-on and on-demand fleets size by instances, or by sessions."""
    capacity = settings.get("ComputeCapacity")
    if capacity is None:
        msg = "ComputeCapacity is required for ALWAYS_ON and ON_DEMAND fleets."
        raise InvalidParameterCombinationException(msg)
    instances = capacity.get("DesiredInstances")
    sessions = capacity.get("DesiredSessions")
    if (instances is None) == (sessions is None):
        msg = "Specify either DesiredInstances or DesiredSessions, not both or neither."
        raise InvalidParameterCombinationException(msg)
    multi_session = settings.get("MaxSessionsPerInstance") is not None
    if sessions is not None and not multi_session:
        msg = "DesiredSessions is allowed only for multi-session fleets."
        raise InvalidParameterCombinationException(msg)
    if instances is not None and multi_session:
        msg = "Multi-session fleets are sized by DesiredSessions."
        raise InvalidParameterCombinationException(msg)
    check_not_elastic(settings)


def check_not_elastic(settings: dict[str, Any]) -> None:
    for member in ("MaxConcurrentSessions", "SessionScriptS3Location"):
        if settings.get(member) is not None:
            msg = f"{member} is allowed only for ELASTIC fleets."
            raise InvalidParameterCombinationException(msg)


def check_elastic_fleet(
    instance_type: str,
    image_name: str | None,
    image_arn: str | None,
    settings: dict[str, Any],
) -> None:
    """Elastic fleets stream app blocks on a platform, without an image."""
    if settings.get("Platform") is None:
        msg = "A Platform is required for ELASTIC fleets."
        raise InvalidParameterCombinationException(msg)
    check_elastic_update(image_name, image_arn, settings)
    if settings.get("MaxConcurrentSessions") is None:
        msg = "MaxConcurrentSessions is required for ELASTIC fleets."
        raise InvalidParameterCombinationException(msg)
    subnets = (settings.get("VpcConfig") or {}).get("SubnetIds") or []
    if len(subnets) < 2:
        msg = "ELASTIC fleets require a VpcConfig with at least two subnets."
        raise InvalidParameterCombinationException(msg)
    if instance_type not in ELASTIC_INSTANCE_TYPES:
        msg = f"The instance type {instance_type} is not supported for ELASTIC fleets."
        raise InvalidParameterCombinationException(msg)


def check_elastic_update(
    image_name: str | None, image_arn: str | None, settings: dict[str, Any]
) -> None:
    if image_name is not None or image_arn is not None:
        msg = "ELASTIC fleets do not use an image."
        raise InvalidParameterCombinationException(msg)
    for member in ("ComputeCapacity", "DomainJoinInfo", "MaxSessionsPerInstance"):
        if settings.get(member) is not None:
            msg = f"{member} is not allowed for ELASTIC fleets."
            raise InvalidParameterCombinationException(msg)
    if "Platform" in settings and settings["Platform"] not in ELASTIC_PLATFORMS:
        msg = (
            "ELASTIC fleets require a Platform of "
            f"{', '.join(sorted(ELASTIC_PLATFORMS))}."
        )
        raise InvalidParameterCombinationException(msg)
    if "InstanceType" in settings and settings["InstanceType"] not in (
        ELASTIC_INSTANCE_TYPES
    ):
        msg = (
            f"The instance type {settings['InstanceType']} is not supported for "
            "ELASTIC fleets."
        )
        raise InvalidParameterCombinationException(msg)


def check_platform(platform: str | None, image: Image | None) -> None:
    if platform is not None and image is not None and platform != image.platform:
        msg = (
            f"The platform {platform} does not match the platform {image.platform} "
            f"of image {image.name}."
        )
        raise InvalidParameterCombinationException(msg)
