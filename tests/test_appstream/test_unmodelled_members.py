"""Members that a later botocore model adds are reported, never silently kept."""

import pytest
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID

from moto_appstream import appstream_backends

FLEET_SETTINGS = {"ComputeCapacity": {"DesiredInstances": 1}}


def backend():
    return appstream_backends[DEFAULT_ACCOUNT_ID]["us-east-1"]


@mock_aws
def test_create_stack_warns_about_an_unmodelled_member():
    with pytest.warns(UserWarning) as record:
        backend().create_stack(
            name="stack-new-member", tags=None, settings={"WebAuthnRedirection": {}}
        )
    assert [str(warning.message) for warning in record] == [
        "moto-appstream does not model the WebAuthnRedirection member of "
        "CreateStack; its value is ignored."
    ]


@mock_aws
def test_update_fleet_warns_about_an_unmodelled_member():
    backend().create_fleet(
        name="fleet-new-member",
        instance_type="stream.standard.small",
        fleet_type=None,
        image_name="AppStream-WinServer2019-06-12-2023",
        image_arn=None,
        tags=None,
        settings=dict(FLEET_SETTINGS),
    )
    with pytest.warns(UserWarning) as record:
        backend().update_fleet(
            name="fleet-new-member",
            image_name=None,
            image_arn=None,
            attributes_to_delete=None,
            delete_vpc_config=None,
            settings={"FutureMember": 1},
        )
    assert [str(warning.message) for warning in record] == [
        "moto-appstream does not model the FutureMember member of UpdateFleet; "
        "its value is ignored."
    ]
