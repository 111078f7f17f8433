"""Stacks: what users stream, and the settings of their sessions."""

from enum import Enum
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.utils import utcnow
from moto.moto_api._internal import mock_random

from ..exceptions import InvalidParameterCombinationException
from .common import check_range, check_unique, resource_arn

MAX_CLIPBOARD_LENGTH = 20971520

AGENT_ACCESS_REQUIRED = ("Settings", "ScreenResolution", "ScreenImageFormat")


class UserAction(str, Enum):
    CLIPBOARD_COPY_FROM_LOCAL_DEVICE = "CLIPBOARD_COPY_FROM_LOCAL_DEVICE"
    CLIPBOARD_COPY_TO_LOCAL_DEVICE = "CLIPBOARD_COPY_TO_LOCAL_DEVICE"
    FILE_UPLOAD = "FILE_UPLOAD"
    FILE_DOWNLOAD = "FILE_DOWNLOAD"
    PRINTING_TO_LOCAL_DEVICE = "PRINTING_TO_LOCAL_DEVICE"
    DOMAIN_PASSWORD_SIGNIN = "DOMAIN_PASSWORD_SIGNIN"
    DOMAIN_SMART_CARD_SIGNIN = "DOMAIN_SMART_CARD_SIGNIN"
    AUTO_TIME_ZONE_REDIRECTION = "AUTO_TIME_ZONE_REDIRECTION"


class Permission(str, Enum):
    ENABLED = "ENABLED"
    DISABLED = "DISABLED"


class AgentAction(str, Enum):
    COMPUTER_VISION = "COMPUTER_VISION"
    COMPUTER_INPUT = "COMPUTER_INPUT"


class StorageConnectorType(str, Enum):
    HOMEFOLDERS = "HOMEFOLDERS"
    GOOGLE_DRIVE = "GOOGLE_DRIVE"
    ONE_DRIVE = "ONE_DRIVE"


class StackAttribute(str, Enum):
    STORAGE_CONNECTORS = "STORAGE_CONNECTORS"
    STORAGE_CONNECTOR_HOMEFOLDERS = "STORAGE_CONNECTOR_HOMEFOLDERS"
    STORAGE_CONNECTOR_GOOGLE_DRIVE = "STORAGE_CONNECTOR_GOOGLE_DRIVE"
    STORAGE_CONNECTOR_ONE_DRIVE = "STORAGE_CONNECTOR_ONE_DRIVE"
    REDIRECT_URL = "REDIRECT_URL"
    FEEDBACK_URL = "FEEDBACK_URL"
    THEME_NAME = "THEME_NAME"
    USER_SETTINGS = "USER_SETTINGS"
    EMBED_HOST_DOMAINS = "EMBED_HOST_DOMAINS"
    IAM_ROLE_ARN = "IAM_ROLE_ARN"
    ACCESS_ENDPOINTS = "ACCESS_ENDPOINTS"
    STREAMING_EXPERIENCE_SETTINGS = "STREAMING_EXPERIENCE_SETTINGS"
    CONTENT_REDIRECTION = "CONTENT_REDIRECTION"
    AGENT_ACCESS_CONFIG = "AGENT_ACCESS_CONFIG"


# Permissions a stack grants for the actions its creator did not set.
DEFAULT_PERMISSIONS = {
    UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE: Permission.ENABLED,
    UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE: Permission.ENABLED,
    UserAction.FILE_UPLOAD: Permission.ENABLED,
    UserAction.FILE_DOWNLOAD: Permission.ENABLED,
    UserAction.PRINTING_TO_LOCAL_DEVICE: Permission.ENABLED,
    UserAction.DOMAIN_PASSWORD_SIGNIN: Permission.ENABLED,
    UserAction.DOMAIN_SMART_CARD_SIGNIN: Permission.DISABLED,
    UserAction.AUTO_TIME_ZONE_REDIRECTION: Permission.DISABLED,
}

CLIPBOARD_ACTIONS = frozenset(
    {
        UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE,
        UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE,
    }
)

# Storage connectors and settings persistence that Linux fleets cannot serve.
WINDOWS_ONLY_CONNECTORS = frozenset(
    {StorageConnectorType.GOOGLE_DRIVE, StorageConnectorType.ONE_DRIVE}
)

# The simple members of a stack that UpdateStack replaces when given.
REPLACEABLE_MEMBERS = {
    "DisplayName": "display_name",
    "Description": "description",
    "RedirectURL": "redirect_url",
    "FeedbackURL": "feedback_url",
    "AccessEndpoints": "access_endpoints",
    "EmbedHostDomains": "embed_host_domains",
    "StreamingExperienceSettings": "streaming_experience_settings",
    "ContentRedirection": "content_redirection",
}

# Every member of CreateStack and UpdateStack that a stack stores.
STACK_MEMBERS = frozenset(
    {
        *REPLACEABLE_MEMBERS,
        "StorageConnectors",
        "UserSettings",
        "ApplicationSettings",
        "AgentAccessConfig",
    }
)

# The stack attribute each StackAttribute value removes.
DELETABLE_ATTRIBUTES = {
    StackAttribute.REDIRECT_URL: "redirect_url",
    StackAttribute.FEEDBACK_URL: "feedback_url",
    StackAttribute.EMBED_HOST_DOMAINS: "embed_host_domains",
    StackAttribute.ACCESS_ENDPOINTS: "access_endpoints",
    StackAttribute.STREAMING_EXPERIENCE_SETTINGS: "streaming_experience_settings",
    StackAttribute.CONTENT_REDIRECTION: "content_redirection",
    StackAttribute.AGENT_ACCESS_CONFIG: "agent_access_config",
}

CONNECTOR_ATTRIBUTES = {
    StackAttribute.STORAGE_CONNECTOR_HOMEFOLDERS: StorageConnectorType.HOMEFOLDERS,
    StackAttribute.STORAGE_CONNECTOR_GOOGLE_DRIVE: StorageConnectorType.GOOGLE_DRIVE,
    StackAttribute.STORAGE_CONNECTOR_ONE_DRIVE: StorageConnectorType.ONE_DRIVE,
}


def check_user_settings(user_settings: list[dict[str, Any]] | None) -> None:
    """Clipboard limits apply only to enabled clipboard actions, once per action."""
    check_unique((setting["Action"] for setting in user_settings or []), "action")
    for setting in user_settings or []:
        action = setting["Action"]
        length = setting.get("MaximumLength")
        if length is None:
            continue
        if (
            action not in CLIPBOARD_ACTIONS
            or setting["Permission"] != Permission.ENABLED
        ):
            msg = (
                "MaximumLength can only be set for the clipboard actions "
                "CLIPBOARD_COPY_FROM_LOCAL_DEVICE and CLIPBOARD_COPY_TO_LOCAL_DEVICE "
                "when their permission is ENABLED."
            )
            raise InvalidParameterCombinationException(msg)
        check_range("MaximumLength", length, 1, MAX_CLIPBOARD_LENGTH)


def check_storage_connectors(connectors: list[dict[str, Any]] | None) -> None:
    check_unique(
        (connector["ConnectorType"] for connector in connectors or []),
        "storage connector",
    )
    for connector in connectors or []:
        connector_type = connector["ConnectorType"]
        if (
            connector.get("DomainsRequireAdminConsent")
            and connector_type != StorageConnectorType.ONE_DRIVE
        ):
            msg = "DomainsRequireAdminConsent is supported only for ONE_DRIVE."
            raise InvalidParameterCombinationException(msg)


def check_application_settings(settings: dict[str, Any] | None) -> None:
    if settings and not settings["Enabled"] and settings.get("SettingsGroup"):
        msg = "A SettingsGroup can only be set when application settings are enabled."
        raise InvalidParameterCombinationException(msg)


def check_agent_access(config: dict[str, Any] | None) -> None:
    if not config:
        return
    enabled = {
        setting["AgentAction"]
        for setting in config.get("Settings") or []
        if setting["Permission"] == Permission.ENABLED
    }
    if (
        AgentAction.COMPUTER_INPUT in enabled
        and AgentAction.COMPUTER_VISION not in enabled
    ):
        msg = "COMPUTER_INPUT can only be enabled together with COMPUTER_VISION."
        raise InvalidParameterCombinationException(msg)
    if config.get("ScreenshotsUploadEnabled") and not config.get("S3BucketArn"):
        msg = "An S3BucketArn is required when ScreenshotsUploadEnabled is true."
        raise InvalidParameterCombinationException(msg)


class Stack(BaseModel):
    """A stack; it has no state of its own and any attribute may change."""

    def __init__(
        self, account_id: str, region_name: str, name: str, settings: dict[str, Any]
    ) -> None:
        self.account_id = account_id
        self.region_name = region_name
        self.name = name
        self.arn = resource_arn(account_id, region_name, f"stack/{name}")
        self.created_time = utcnow()
        self.stack_errors: list[dict[str, str]] = []
        self.description = settings.get("Description")
        self.display_name = settings.get("DisplayName")
        self.redirect_url = settings.get("RedirectURL")
        self.feedback_url = settings.get("FeedbackURL")
        self.access_endpoints = settings.get("AccessEndpoints")
        self.embed_host_domains = settings.get("EmbedHostDomains")
        self.streaming_experience_settings = settings.get("StreamingExperienceSettings")
        self.content_redirection = settings.get("ContentRedirection")
        self.agent_access_config = settings.get("AgentAccessConfig")
        self.storage_connectors: list[dict[str, Any]] = []
        self.set_storage_connectors(settings.get("StorageConnectors") or [])
        self._permissions: dict[str, dict[str, Any]] = {}
        self.merge_user_settings(settings.get("UserSettings") or [])
        self.application_settings: dict[str, Any] = {"Enabled": False}
        self.set_application_settings(settings.get("ApplicationSettings"))

    @property
    def user_settings(self) -> list[dict[str, Any]]:
        return [self._permissions[action.value] for action in UserAction]

    @property
    def needs_windows_fleet(self) -> bool:
        connector_types = {c["ConnectorType"] for c in self.storage_connectors}
        return bool(connector_types & WINDOWS_ONLY_CONNECTORS) or bool(
            self.application_settings.get("Enabled")
        )

    def merge_user_settings(self, user_settings: list[dict[str, Any]]) -> None:
        given = {setting["Action"]: setting for setting in user_settings}
        for action in UserAction:
            if action.value in given:
                self._permissions[action.value] = dict(given[action.value])
            elif action.value not in self._permissions:
                self._permissions[action.value] = {
                    "Action": action.value,
                    "Permission": DEFAULT_PERMISSIONS[action].value,
                }

    def reset_user_settings(self) -> None:
        self._permissions = {}
        self.merge_user_settings([])

    def set_storage_connectors(self, connectors: list[dict[str, Any]]) -> None:
        self.storage_connectors = [self._with_home_folder(c) for c in connectors]

    def remove_storage_connectors(self, connector_type: str | None = None) -> None:
        self.storage_connectors = [
            connector
            for connector in self.storage_connectors
            if connector_type is not None
            and connector["ConnectorType"] != connector_type
        ]

    def set_application_settings(self, settings: dict[str, Any] | None) -> None:
        if settings is None:
            return
        if not settings["Enabled"]:
            self.application_settings = {"Enabled": False}
            return
        bucket = self.application_settings.get("S3BucketName") or (
            f"appstream-app-settings-{self.region_name}-{self.account_id}-"
            f"{mock_random.get_random_string(length=8, lower_case=True)}"
        )
        self.application_settings = {
            "Enabled": True,
            "SettingsGroup": settings.get("SettingsGroup") or self.name,
            "S3BucketName": bucket,
        }

    def update_agent_access_config(self, update: dict[str, Any]) -> None:
        merged = dict(self.agent_access_config or {})
        merged.update(update)
        missing = [member for member in AGENT_ACCESS_REQUIRED if member not in merged]
        if missing:
            msg = (
                "A stack without agent access needs "
                f"{', '.join(AGENT_ACCESS_REQUIRED)} to enable it; missing: "
                f"{', '.join(missing)}."
            )
            raise InvalidParameterCombinationException(msg)
        check_agent_access(merged)
        self.agent_access_config = merged

    def _with_home_folder(self, connector: dict[str, Any]) -> dict[str, Any]:
        connector = dict(connector)
        if connector["ConnectorType"] == StorageConnectorType.HOMEFOLDERS:
            connector.setdefault(
                "ResourceIdentifier",
                f"appstream2-36fb080bb8-{self.region_name}-{self.account_id}",
            )
        return connector
