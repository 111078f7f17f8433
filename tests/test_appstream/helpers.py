"""Arrangements and checks that many AppStream test modules share."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.moto_api import state_manager

REGION = "us-east-1"
FLEET_MODEL = "appstream::fleet"
WINDOWS_IMAGE = "AppStream-WinServer2019-06-12-2023"
LINUX_IMAGE = "AppStream-AmazonLinux2-09-21-2022"

_DEFAULT_PERMISSIONS = {
    "CLIPBOARD_COPY_FROM_LOCAL_DEVICE": "ENABLED",
    "CLIPBOARD_COPY_TO_LOCAL_DEVICE": "ENABLED",
    "FILE_UPLOAD": "ENABLED",
    "FILE_DOWNLOAD": "ENABLED",
    "PRINTING_TO_LOCAL_DEVICE": "ENABLED",
    "DOMAIN_PASSWORD_SIGNIN": "ENABLED",
    "DOMAIN_SMART_CARD_SIGNIN": "DISABLED",
    "AUTO_TIME_ZONE_REDIRECTION": "DISABLED",
}


def default_user_settings(**permissions: str) -> list[dict[str, str]]:
    """The UserSettings of a new stack, with the given actions' permissions."""
    return [
        {"Action": action, "Permission": permissions.get(action, permission)}
        for action, permission in _DEFAULT_PERMISSIONS.items()
    ]


def client_for_account(account_id: str, region: str = REGION) -> Any:
    """An AppStream client whose calls name ``account_id`` in a moto header."""
    client = boto3.client("appstream", region_name=region)

    def add_account_header(params: dict[str, Any], **_: Any) -> None:
        params["headers"]["x-moto-account-id"] = account_id

    client.meta.events.register("before-call.appstream.*", add_account_header)
    return client


def create_fleet(client: Any, name: str, **members: Any) -> dict[str, Any]:
    """Create an on-demand fleet of one medium instance; return its Fleet.

    ``members`` add to or replace the standard request members; a member given
    as ``None`` is left out of the request.
    """
    request = {
        "Name": name,
        "ImageName": WINDOWS_IMAGE,
        "InstanceType": "stream.standard.medium",
        "ComputeCapacity": {"DesiredInstances": 1},
        **members,
    }
    request = {key: value for key, value in request.items() if value is not None}
    fleet: dict[str, Any] = client.create_fleet(**request)["Fleet"]
    return fleet


def create_user(client: Any, user_name: str) -> None:
    """Create a user-pool user with only the required members."""
    client.create_user(UserName=user_name, AuthenticationType="USERPOOL")


def assert_client_error(
    exc: pytest.ExceptionInfo[ClientError],
    code: str,
    message: str,
    status: int = 400,
) -> None:
    """Check the error code, the whole message and the HTTP status of ``exc``."""
    response = exc.value.response
    actual = (
        response["Error"]["Code"],
        response["Error"]["Message"],
        response["ResponseMetadata"]["HTTPStatusCode"],
    )
    expected = (code, message, status)
    assert actual == expected, f"{actual!r} != {expected!r}"


def start_fleet_and_wait(client: Any, name: str, describes: int = 1) -> dict[str, Any]:
    """Start a fleet, describe it ``describes`` times; return it, RUNNING.

    Under moto's default progression one description finds the fleet RUNNING;
    under a manual progression of ``times: 2`` the second one does.
    """
    client.start_fleet(Name=name)
    for _ in range(describes):
        fleet: dict[str, Any] = client.describe_fleets(Names=[name])["Fleets"][0]
    assert fleet["State"] == "RUNNING", fleet["State"]
    return fleet


@contextlib.contextmanager
def fleet_progression(**transition: Any) -> Iterator[None]:
    """Move fleets between states by moto's ``transition`` until the block ends."""
    state_manager.set_transition(model_name=FLEET_MODEL, transition=transition)
    try:
        yield
    finally:
        state_manager.unset_transition(FLEET_MODEL)


def associate_user(client: Any, stack_name: str, user_name: str) -> None:
    """Associate a user-pool user with a stack, without an email."""
    client.batch_associate_user_stack(
        UserStackAssociations=[
            {
                "StackName": stack_name,
                "UserName": user_name,
                "AuthenticationType": "USERPOOL",
            }
        ]
    )


# CreateStack members that a fleet on a Linux image cannot serve, by test id.
WINDOWS_ONLY_STACK_MEMBERS = {
    "google-drive": {"StorageConnectors": [{"ConnectorType": "GOOGLE_DRIVE"}]},
    "one-drive": {"StorageConnectors": [{"ConnectorType": "ONE_DRIVE"}]},
    "application-settings": {"ApplicationSettings": {"Enabled": True}},
}
