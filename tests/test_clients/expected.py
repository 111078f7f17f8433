"""What AppStream returns for the resources the client tests create.

Each client renders ``CreatedTime`` its own way, so callers pass it in as that
client printed it.
"""

from __future__ import annotations

from typing import Any

from test_appstream.helpers import default_user_settings

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
BASE_IMAGE = "AppStream-WinServer2019-06-12-2023"
INSTANCE_TYPE = "stream.standard.medium"


def arn(resource: str) -> str:
    return f"arn:aws:appstream:{REGION}:{ACCOUNT_ID}:{resource}"


def fleet(
    name: str,
    created_time: Any,
    *,
    state: str = "STOPPED",
    display_name: str | None = None,
) -> dict[str, Any]:
    """An on-demand fleet of one medium instance on the 2019 Windows base image."""
    running = 1 if state == "RUNNING" else 0
    output = {
        "Arn": arn(f"fleet/{name}"),
        "Name": name,
        "ImageName": BASE_IMAGE,
        "ImageArn": f"arn:aws:appstream:{REGION}::image/{BASE_IMAGE}",
        "InstanceType": INSTANCE_TYPE,
        "FleetType": "ON_DEMAND",
        "ComputeCapacityStatus": {
            "Desired": 1,
            "Running": running,
            "InUse": 0,
            "Available": running,
        },
        "MaxUserDurationInSeconds": 57600,
        "DisconnectTimeoutInSeconds": 900,
        "State": state,
        "CreatedTime": created_time,
        "FleetErrors": [],
        "EnableDefaultInternetAccess": False,
        "IdleDisconnectTimeoutInSeconds": 0,
        "StreamView": "APP",
        "Platform": "WINDOWS_SERVER_2019",
        "RootVolumeConfig": {"VolumeSizeInGb": 200},
        "DisableIMDSV1": False,
    }
    if display_name is not None:
        output["DisplayName"] = display_name
    return output


def stack(
    name: str, created_time: Any, *, display_name: str | None = None
) -> dict[str, Any]:
    """A stack created with its name only."""
    output = {
        "Arn": arn(f"stack/{name}"),
        "Name": name,
        "CreatedTime": created_time,
        "StorageConnectors": [],
        "StackErrors": [],
        "UserSettings": default_user_settings(),
        "ApplicationSettings": {"Enabled": False},
    }
    if display_name is not None:
        output["DisplayName"] = display_name
    return output


def user(
    user_name: str, first_name: str, last_name: str, created_time: Any
) -> dict[str, Any]:
    """A new user-pool user."""
    return {
        "Arn": arn(f"user/USERPOOL/{user_name}"),
        "UserName": user_name,
        "Enabled": True,
        "Status": "UNCONFIRMED",
        "FirstName": first_name,
        "LastName": last_name,
        "CreatedTime": created_time,
        "AuthenticationType": "USERPOOL",
    }


def association(stack_name: str, user_name: str) -> dict[str, Any]:
    """A user-pool user assigned to a stack without an e-mail."""
    return {
        "StackName": stack_name,
        "UserName": user_name,
        "AuthenticationType": "USERPOOL",
        "SendEmailNotification": False,
    }
