"""State stays in its account, Region and partition; IAM policies apply to AppStream."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

import moto_appstream

DEFAULT_ACCOUNT = "123456789012"
BASE_IMAGE = "AppStream-WinServer2019-06-12-2023"


@dataclass(frozen=True)
class Scope:
    """One account, Region and partition, and how a client reaches it."""

    label: str
    account: str
    region: str
    partition: str
    via: str  # "credentials", "header", "sts" or "environment"

    def arn(self, resource: str) -> str:
        return f"arn:{self.partition}:appstream:{self.region}:{self.account}:{resource}"

    @property
    def has_user_pool(self) -> bool:
        return self.partition == "aws"


SCOPES = [
    Scope("default", DEFAULT_ACCOUNT, "us-east-1", "aws", "credentials"),
    Scope("region", DEFAULT_ACCOUNT, "eu-west-1", "aws", "credentials"),
    Scope("gov", DEFAULT_ACCOUNT, "us-gov-west-1", "aws-us-gov", "credentials"),
    Scope("header", "111111111111", "us-east-1", "aws", "header"),
    Scope("sts", "222222222222", "us-east-1", "aws", "sts"),
    Scope("environment", "333333333333", "us-east-1", "aws", "environment"),
    Scope("gov-header", "111111111111", "us-gov-west-1", "aws-us-gov", "header"),
]
SCOPE_IDS = [scope.label for scope in SCOPES]
SHARED_FLEET = "shared-fleet"
SHARED_STACK = "shared-stack"
SHARED_USER = "shared@example.com"


class ScopedClient:
    """An AppStream client whose every call lands in one scope."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.client = self._client()

    def _client(self) -> Any:
        credentials: dict[str, str] = {}
        if self.scope.via == "sts":
            assumed = boto3.client("sts", region_name="us-east-1").assume_role(
                RoleArn=f"arn:aws:iam::{self.scope.account}:role/isolation",
                RoleSessionName="isolation",
            )["Credentials"]
            credentials = {
                "aws_access_key_id": assumed["AccessKeyId"],
                "aws_secret_access_key": assumed["SecretAccessKey"],
                "aws_session_token": assumed["SessionToken"],
            }
        client = boto3.client("appstream", region_name=self.scope.region, **credentials)
        if self.scope.via == "header":
            account = self.scope.account

            def add_header(request: Any, **_: Any) -> None:
                request.headers["x-moto-account-id"] = account

            client.meta.events.register("before-sign.appstream", add_header)
        return client

    @contextmanager
    def active(self) -> Iterator[Any]:
        """The client, with ``MOTO_ACCOUNT_ID`` set for the environment scope."""
        if self.scope.via != "environment":
            yield self.client
            return
        previous = os.environ.get("MOTO_ACCOUNT_ID")
        os.environ["MOTO_ACCOUNT_ID"] = self.scope.account
        try:
            yield self.client
        finally:
            if previous is None:
                del os.environ["MOTO_ACCOUNT_ID"]
            else:
                os.environ["MOTO_ACCOUNT_ID"] = previous

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)

        def scoped(**kwargs: Any) -> Any:
            with self.active():
                return method(**kwargs)

        return scoped


def _populate(scope: Scope) -> ScopedClient:
    """The same names in every scope, plus a fleet and stack named for it."""
    client = ScopedClient(scope)
    label = scope.label
    moto_appstream.add_private_image(
        f"image-{label}",
        "WINDOWS_SERVER_2022",
        account_id=scope.account,
        region_name=scope.region,
    )
    moto_appstream.add_private_image(
        "shared-image",
        "WINDOWS_SERVER_2022",
        account_id=scope.account,
        region_name=scope.region,
    )
    for name in (SHARED_FLEET, f"fleet-{label}"):
        client.create_fleet(
            Name=name,
            ImageName="shared-image",
            InstanceType="stream.standard.medium",
            ComputeCapacity={"DesiredInstances": 1},
            Description=f"in {label}",
            Tags={"scope": label},
        )
    for name in (SHARED_STACK, f"stack-{label}"):
        client.create_stack(Name=name, Description=f"in {label}", Tags={"scope": label})
    client.associate_fleet(FleetName=SHARED_FLEET, StackName=f"stack-{label}")
    if scope.has_user_pool:
        client.create_user(UserName=SHARED_USER, AuthenticationType="USERPOOL")
        client.batch_associate_user_stack(
            UserStackAssociations=[
                {
                    "StackName": f"stack-{label}",
                    "UserName": SHARED_USER,
                    "AuthenticationType": "USERPOOL",
                }
            ]
        )
    return client


@pytest.fixture(scope="class")
def clients() -> Iterator[dict[str, ScopedClient]]:
    """Every scope populated with the same names, in one mock for the class.

    The tests of the class only read, or make calls that must fail.
    """
    with mock_aws():
        yield {scope.label: _populate(scope) for scope in SCOPES}


PAIRS = [(owner, caller) for owner in SCOPES for caller in SCOPES if owner != caller]
PAIR_IDS = [f"{owner.label}-seen-from-{caller.label}" for owner, caller in PAIRS]
USER_POOL_PAIRS = [(owner, caller) for owner, caller in PAIRS if caller.has_user_pool]


def _pair_id(scope: Scope) -> str:
    return scope.label


class TestIsolation:
    """Each scope sees its own resources, and another scope's ARNs are unknown."""

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_fleets_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        fleets = clients[scope.label].describe_fleets()["Fleets"]

        assert sorted((f["Name"], f["Arn"], f["Description"]) for f in fleets) == [
            (
                f"fleet-{scope.label}",
                scope.arn(f"fleet/fleet-{scope.label}"),
                f"in {scope.label}",
            ),
            (SHARED_FLEET, scope.arn(f"fleet/{SHARED_FLEET}"), f"in {scope.label}"),
        ]

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_fleets_image_arn_names_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        fleets = clients[scope.label].describe_fleets(Names=[SHARED_FLEET])["Fleets"]

        assert [fleet["ImageArn"] for fleet in fleets] == [
            scope.arn("image/shared-image")
        ]

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_stacks_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        stacks = clients[scope.label].describe_stacks()["Stacks"]

        assert sorted((s["Name"], s["Arn"], s["Description"]) for s in stacks) == [
            (SHARED_STACK, scope.arn(f"stack/{SHARED_STACK}"), f"in {scope.label}"),
            (
                f"stack-{scope.label}",
                scope.arn(f"stack/stack-{scope.label}"),
                f"in {scope.label}",
            ),
        ]

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_users_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        users = clients[scope.label].describe_users(AuthenticationType="USERPOOL")[
            "Users"
        ]

        expected = [(SHARED_USER, scope.arn(f"user/USERPOOL/{SHARED_USER}"))]
        assert [(user["UserName"], user["Arn"]) for user in users] == (
            expected if scope.has_user_pool else []
        )

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_images_private_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        images = clients[scope.label].describe_images(Type="PRIVATE")["Images"]

        assert sorted(image["Arn"] for image in images) == [
            scope.arn(f"image/image-{scope.label}"),
            scope.arn("image/shared-image"),
        ]

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_list_associated_stacks_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        names = clients[scope.label].list_associated_stacks(FleetName=SHARED_FLEET)

        assert names["Names"] == [f"stack-{scope.label}"]

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_list_associated_fleets_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        client = clients[scope.label]

        seen = {
            other.label: client.list_associated_fleets(
                StackName=f"stack-{other.label}"
            )["Names"]
            for other in SCOPES
        }

        assert seen == {
            other.label: [SHARED_FLEET] if other == scope else [] for other in SCOPES
        }

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_describe_user_stack_associations_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        associations = clients[scope.label].describe_user_stack_associations(
            UserName=SHARED_USER, AuthenticationType="USERPOOL"
        )["UserStackAssociations"]

        expected = [
            {
                "StackName": f"stack-{scope.label}",
                "UserName": SHARED_USER,
                "AuthenticationType": "USERPOOL",
                "SendEmailNotification": False,
            }
        ]
        assert associations == (expected if scope.has_user_pool else [])

    @pytest.mark.parametrize("scope", SCOPES, ids=SCOPE_IDS)
    def test_list_tags_for_resource_sees_only_its_scope(
        self, clients: dict[str, ScopedClient], scope: Scope
    ) -> None:
        client = clients[scope.label]

        tags = [
            client.list_tags_for_resource(ResourceArn=scope.arn(resource))["Tags"]
            for resource in (f"fleet/{SHARED_FLEET}", f"stack/{SHARED_STACK}")
        ]

        assert tags == [{"scope": scope.label}, {"scope": scope.label}]

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_list_tags_for_resource_of_another_scope_is_not_found(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        arn = owner.arn(f"fleet/fleet-{owner.label}")

        with pytest.raises(ClientError) as exc:
            clients[caller.label].list_tags_for_resource(ResourceArn=arn)

        err = exc.value.response["Error"]
        assert err["Code"] == "ResourceNotFoundException"
        assert err["Message"] == f"The resource {arn} does not exist."
        assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_tag_resource_of_another_scope_is_not_found_and_changes_nothing(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        arn = owner.arn(f"stack/{SHARED_STACK}")

        with pytest.raises(ClientError) as exc:
            clients[caller.label].tag_resource(
                ResourceArn=arn, Tags={"intruder": "yes"}
            )

        err = exc.value.response["Error"]
        assert (err["Code"], err["Message"]) == (
            "ResourceNotFoundException",
            f"The resource {arn} does not exist.",
        )
        owner_tags = clients[owner.label].list_tags_for_resource(ResourceArn=arn)
        assert owner_tags["Tags"] == {"scope": owner.label}

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_untag_resource_of_another_scope_is_not_found_and_changes_nothing(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        arn = owner.arn(f"fleet/{SHARED_FLEET}")

        with pytest.raises(ClientError) as exc:
            clients[caller.label].untag_resource(ResourceArn=arn, TagKeys=["scope"])

        assert exc.value.response["Error"]["Code"] == "ResourceNotFoundException"
        owner_tags = clients[owner.label].list_tags_for_resource(ResourceArn=arn)
        assert owner_tags["Tags"] == {"scope": owner.label}

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_describe_images_by_arn_of_another_scope_is_not_found(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        arn = owner.arn(f"image/image-{owner.label}")

        with pytest.raises(ClientError) as exc:
            clients[caller.label].describe_images(Arns=[arn])

        err = exc.value.response["Error"]
        assert err["Code"] == "ResourceNotFoundException"
        assert err["Message"] == (
            f"The image {arn} for account {caller.account} does not exist."
        )

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_create_fleet_with_image_arn_of_another_scope_is_not_found(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        arn = owner.arn("image/shared-image")

        with pytest.raises(ClientError) as exc:
            clients[caller.label].create_fleet(
                Name="borrowed-image",
                ImageArn=arn,
                InstanceType="stream.standard.medium",
                ComputeCapacity={"DesiredInstances": 1},
            )

        err = exc.value.response["Error"]
        assert err["Code"] == "ResourceNotFoundException"
        assert err["Message"] == (
            f"The image {arn} for account {caller.account} does not exist."
        )

    @pytest.mark.parametrize(("owner", "caller"), PAIRS, ids=PAIR_IDS)
    def test_associate_fleet_with_stack_of_another_scope_is_not_found(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        stack = f"stack-{owner.label}"

        with pytest.raises(ClientError) as exc:
            clients[caller.label].associate_fleet(
                FleetName=f"fleet-{caller.label}", StackName=stack
            )

        err = exc.value.response["Error"]
        assert (err["Code"], err["Message"]) == (
            "ResourceNotFoundException",
            f"The stack {stack} does not exist.",
        )

    @pytest.mark.parametrize(("owner", "caller"), USER_POOL_PAIRS, ids=_pair_id)
    def test_batch_associate_user_stack_with_stack_of_another_scope_fails_the_entry(
        self, clients: dict[str, ScopedClient], owner: Scope, caller: Scope
    ) -> None:
        entry = {
            "StackName": f"stack-{owner.label}",
            "UserName": SHARED_USER,
            "AuthenticationType": "USERPOOL",
        }

        errors = clients[caller.label].batch_associate_user_stack(
            UserStackAssociations=[entry]
        )["errors"]

        assert errors == [
            {
                "UserStackAssociation": entry,
                "ErrorCode": "STACK_NOT_FOUND",
                "ErrorMessage": f"The stack stack-{owner.label} does not exist.",
            }
        ]


# IAM: moto enforces policies once its initial unauthenticated actions are used.

IAM_SETUP_ACTIONS = 3


def _user_client(user_name: str, policy: dict[str, Any]) -> Any:
    """A client of a new IAM user with one inline policy (three IAM actions)."""
    iam = boto3.client("iam", region_name="us-east-1")
    iam.create_user(UserName=user_name)
    iam.put_user_policy(
        UserName=user_name, PolicyName="appstream", PolicyDocument=json.dumps(policy)
    )
    key = iam.create_access_key(UserName=user_name)["AccessKey"]
    return boto3.client(
        "appstream",
        region_name="us-east-1",
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
    )


def _policy(action: str, resource: str = "*") -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}],
    }


def _create_fleet(client: Any, name: str) -> None:
    client.create_fleet(
        Name=name,
        ImageName=BASE_IMAGE,
        InstanceType="stream.standard.medium",
        ComputeCapacity={"DesiredInstances": 1},
    )


def _denial(user: str, action: str, resource: str) -> str:
    return (
        f"User: arn:aws:iam::{DEFAULT_ACCOUNT}:user/{user} is not authorized to "
        f"perform: appstream:{action} on resource: {resource}"
    )


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS + 1)
@mock_aws
def test_describe_fleets_allowed_by_describe_only_policy() -> None:
    _create_fleet(boto3.client("appstream", region_name="us-east-1"), "visible")
    client = _user_client("reader", _policy("appstream:Describe*"))

    fleets = client.describe_fleets()["Fleets"]

    assert [fleet["Name"] for fleet in fleets] == ["visible"]


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS)
@mock_aws
def test_create_fleet_denied_by_describe_only_policy() -> None:
    client = _user_client("reader", _policy("appstream:Describe*"))

    with pytest.raises(ClientError) as exc:
        _create_fleet(client, "forbidden")

    err = exc.value.response["Error"]
    assert err["Code"] == "AccessDeniedException"
    assert err["Message"] == _denial(
        "reader",
        "CreateFleet",
        f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/forbidden",
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS)
@mock_aws
def test_create_fleet_denied_creates_nothing() -> None:
    client = _user_client("reader", _policy("appstream:Describe*"))

    with pytest.raises(ClientError):
        _create_fleet(client, "forbidden")

    assert client.describe_fleets()["Fleets"] == []


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS)
@mock_aws
def test_create_fleet_denial_is_a_json_body() -> None:
    client = _user_client("reader", _policy("appstream:Describe*"))
    raw: list[tuple[int, bytes]] = []

    def keep(http_response: Any, **_: Any) -> None:
        raw.append((http_response.status_code, http_response.content))

    client.meta.events.register("after-call.appstream", keep)

    with pytest.raises(ClientError):
        _create_fleet(client, "forbidden")

    [(status, body)] = raw
    assert status == 403
    assert json.loads(body) == {
        "__type": "AccessDeniedException",
        "message": _denial(
            "reader",
            "CreateFleet",
            f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/forbidden",
        ),
    }


FLEET_OPERATOR_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["appstream:StartFleet", "appstream:StopFleet"],
            "Resource": f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/mine",
        },
        {"Effect": "Allow", "Action": "appstream:DescribeFleets", "Resource": "*"},
    ],
}


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS + 2)
@mock_aws
def test_start_fleet_and_stop_fleet_allowed_on_the_fleet_a_policy_names() -> None:
    admin = boto3.client("appstream", region_name="us-east-1")
    _create_fleet(admin, "mine")
    _create_fleet(admin, "theirs")
    client = _user_client("operator", FLEET_OPERATOR_POLICY)

    client.start_fleet(Name="mine")
    started = client.describe_fleets(Names=["mine"])["Fleets"][0]["State"]
    client.stop_fleet(Name="mine")
    stopped = client.describe_fleets(Names=["mine"])["Fleets"][0]["State"]

    assert (started, stopped) == ("RUNNING", "STOPPED")


@pytest.mark.parametrize("action", ["StartFleet", "StopFleet"])
@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS + 2)
@mock_aws
def test_start_fleet_and_stop_fleet_denied_on_a_fleet_the_policy_does_not_name(
    action: str,
) -> None:
    admin = boto3.client("appstream", region_name="us-east-1")
    _create_fleet(admin, "mine")
    _create_fleet(admin, "theirs")
    client = _user_client("operator", FLEET_OPERATOR_POLICY)

    with pytest.raises(ClientError) as exc:
        getattr(client, "start_fleet" if action == "StartFleet" else "stop_fleet")(
            Name="theirs"
        )

    err = exc.value.response["Error"]
    assert err["Code"] == "AccessDeniedException"
    assert err["Message"] == _denial(
        "operator",
        action,
        f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/theirs",
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS + 2)
@mock_aws
def test_start_fleet_denied_leaves_the_fleet_stopped() -> None:
    admin = boto3.client("appstream", region_name="us-east-1")
    _create_fleet(admin, "mine")
    _create_fleet(admin, "theirs")
    client = _user_client("operator", FLEET_OPERATOR_POLICY)

    with pytest.raises(ClientError):
        client.start_fleet(Name="theirs")

    fleets = client.describe_fleets(Names=["theirs"])["Fleets"]
    assert [fleet["State"] for fleet in fleets] == ["STOPPED"]


FLEET_ARN = f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:fleet/target"
STACK_ARN = f"arn:aws:appstream:us-east-1:{DEFAULT_ACCOUNT}:stack/target"


DENIED_ACTIONS = [
    ("UpdateFleet", {"Name": "target", "DisplayName": "New"}, FLEET_ARN),
    ("DeleteFleet", {"Name": "target"}, FLEET_ARN),
    ("StartFleet", {"Name": "target"}, FLEET_ARN),
    ("StopFleet", {"Name": "target"}, FLEET_ARN),
    ("ListAssociatedStacks", {"FleetName": "target"}, FLEET_ARN),
    ("AssociateFleet", {"FleetName": "target", "StackName": "s"}, FLEET_ARN),
    ("DisassociateFleet", {"FleetName": "target", "StackName": "s"}, FLEET_ARN),
    ("CreateStack", {"Name": "target"}, STACK_ARN),
    ("UpdateStack", {"Name": "target", "DisplayName": "New"}, STACK_ARN),
    ("DeleteStack", {"Name": "target"}, STACK_ARN),
    ("ListAssociatedFleets", {"StackName": "target"}, STACK_ARN),
    ("TagResource", {"ResourceArn": FLEET_ARN, "Tags": {"a": "b"}}, FLEET_ARN),
    ("UntagResource", {"ResourceArn": STACK_ARN, "TagKeys": ["a"]}, STACK_ARN),
    ("ListTagsForResource", {"ResourceArn": FLEET_ARN}, FLEET_ARN),
    (
        "CreateUser",
        {"UserName": "new@example.com", "AuthenticationType": "USERPOOL"},
        "*",
    ),
]


@pytest.mark.parametrize(
    ("action", "params", "resource"),
    DENIED_ACTIONS,
    ids=[action for action, _, _ in DENIED_ACTIONS],
)
@set_initial_no_auth_action_count(IAM_SETUP_ACTIONS)
@mock_aws
def test_denial_names_the_resource_of_the_action(
    action: str, params: dict[str, Any], resource: str
) -> None:
    client = _user_client("reader", _policy("appstream:Describe*"))

    with pytest.raises(ClientError) as exc:
        getattr(client, xform_name(action))(**params)

    err = exc.value.response["Error"]
    assert err["Code"] == "AccessDeniedException"
    assert err["Message"] == _denial("reader", action, resource)
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
