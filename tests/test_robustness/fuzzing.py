"""The fuzz loop: a known starting state, one request, its checks, the state after.

A ``Fuzzer`` runs one ``Case`` at a time through a transport (raw HTTP to the
server, or boto3 in-process). Before a case it makes sure the account holds the
baseline below; after it, it reads the account's whole state again. A rejected
request must leave that state exactly as it was; an accepted one may change it,
and then the next case starts from a fresh baseline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model_strategies import Case, operation_model, output_shape_errors, reply_problems
from .wire import BASE_IMAGE, DEFAULT_ACCOUNT, Reply

Read = Callable[[str, Mapping[str, Any]], Any]

REGION = "us-east-1"
IMAGE = "fuzz-image"
FLEET = "fuzz-fleet"
RUNNING_FLEET = "fuzz-running"
STACK = "fuzz-stack"
LONELY_STACK = "fuzz-lonely"
USER = "fuzz@example.com"


def _arn(resource: str, account: str = DEFAULT_ACCOUNT) -> str:
    return f"arn:aws:appstream:{REGION}:{account}:{resource}"


# Strings the generator offers to any member they fit, so lookups hit.
KNOWN = (
    IMAGE,
    BASE_IMAGE,
    FLEET,
    RUNNING_FLEET,
    STACK,
    LONELY_STACK,
    USER,
    "USERPOOL",
    "stream.standard.medium",
    _arn(f"fleet/{FLEET}"),
    _arn(f"fleet/{RUNNING_FLEET}"),
    _arn(f"stack/{STACK}"),
    _arn(f"stack/{LONELY_STACK}"),
    _arn(f"image/{IMAGE}"),
    _arn(f"image/{BASE_IMAGE}", account=""),
    _arn(f"fleet/{FLEET}", account="111122223333"),
)


def build_baseline(read: Read, add_image: Callable[[str, str], None]) -> None:
    """Two fleets (one running), two stacks, a user, their links and tags."""
    add_image(IMAGE, "WINDOWS_SERVER_2022")
    read(
        "CreateFleet",
        {
            "Name": FLEET,
            "ImageName": BASE_IMAGE,
            "InstanceType": "stream.standard.medium",
            "ComputeCapacity": {"DesiredInstances": 2},
            "Description": "Fleet the fuzzer starts from",
            "DisplayName": "Fuzz fleet",
            "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
            "Tags": {"team": "fuzz", "cost-centre": "42"},
        },
    )
    read(
        "CreateFleet",
        {
            "Name": RUNNING_FLEET,
            "ImageName": IMAGE,
            "InstanceType": "stream.standard.large",
            "FleetType": "ALWAYS_ON",
            "ComputeCapacity": {"DesiredInstances": 1},
        },
    )
    read("StartFleet", {"Name": RUNNING_FLEET})
    read("CreateStack", {"Name": STACK, "Tags": {"team": "fuzz"}})
    read("CreateStack", {"Name": LONELY_STACK, "Description": "No fleet"})
    read("AssociateFleet", {"FleetName": FLEET, "StackName": STACK})
    read("CreateUser", {"UserName": USER, "AuthenticationType": "USERPOOL"})
    read(
        "BatchAssociateUserStack",
        {
            "UserStackAssociations": [
                {
                    "StackName": STACK,
                    "UserName": USER,
                    "AuthenticationType": "USERPOOL",
                }
            ]
        },
    )


def _pages(read: Read, action: str, params: Mapping[str, Any], key: str) -> list[Any]:
    items: list[Any] = []
    token = None
    while True:
        page_params = dict(params)
        if token is not None:
            page_params["NextToken"] = token
        page = read(action, page_params)
        items.extend(page.get(key, []))
        token = page.get("NextToken")
        if token is None:
            return items


# The read operations ``snapshot`` calls, to observe every stored thing.
SNAPSHOT_OPERATIONS = frozenset(
    {
        "DescribeFleets",
        "DescribeImages",
        "DescribeStacks",
        "DescribeUsers",
        "DescribeUserStackAssociations",
        "ListAssociatedFleets",
        "ListAssociatedStacks",
        "ListTagsForResource",
    }
)


def snapshot(read: Read) -> dict[str, Any]:
    """Everything one account and Region holds, as its read operations show it."""
    fleets = _pages(read, "DescribeFleets", {}, "Fleets")
    stacks = _pages(read, "DescribeStacks", {}, "Stacks")
    users = _pages(read, "DescribeUsers", {"AuthenticationType": "USERPOOL"}, "Users")
    images = _pages(read, "DescribeImages", {"Type": "PRIVATE"}, "Images")
    state: dict[str, Any] = {
        "fleets": fleets,
        "stacks": stacks,
        "users": users,
        "images": images,
        "stacks_of_fleet": {},
        "fleets_of_stack": {},
        "users_of_stack": {},
        "stacks_of_user": {},
        "tags": {},
    }
    for fleet in fleets:
        state["stacks_of_fleet"][fleet["Name"]] = _pages(
            read, "ListAssociatedStacks", {"FleetName": fleet["Name"]}, "Names"
        )
    for stack in stacks:
        name = stack["Name"]
        state["fleets_of_stack"][name] = _pages(
            read, "ListAssociatedFleets", {"StackName": name}, "Names"
        )
        state["users_of_stack"][name] = _pages(
            read,
            "DescribeUserStackAssociations",
            {"StackName": name},
            "UserStackAssociations",
        )
    for user in users:
        params = {
            "UserName": user["UserName"],
            "AuthenticationType": user["AuthenticationType"],
        }
        state["stacks_of_user"][user["UserName"]] = _pages(
            read, "DescribeUserStackAssociations", params, "UserStackAssociations"
        )
    for resource in [*fleets, *stacks, *images]:
        tags = read("ListTagsForResource", {"ResourceArn": resource["Arn"]})
        state["tags"][resource["Arn"]] = tags.get("Tags", {})
    return state


def state_difference(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """The parts of two snapshots that differ, for a failure message."""
    lines = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            lines.append(f"{key}: {before.get(key)!r:.400} -> {after.get(key)!r:.400}")
    return "; ".join(lines)


@dataclass(repr=False)
class Fuzzer:
    """Runs cases through ``send`` and checks replies and stored state."""

    send: Callable[[Case], Reply]
    read: Read
    reset: Callable[[], None]
    add_image: Callable[[str, str], None]
    state: dict[str, Any] | None = None
    sent: int = field(default=0)

    def __repr__(self) -> str:
        return f"Fuzzer(sent={self.sent})"

    def checked_read(self, action: str, params: Mapping[str, Any]) -> Any:
        """A read that must succeed and match its output shape."""
        body = self.read(action, params)
        errors = output_shape_errors(body, operation_model(action).output_shape)
        if errors:
            msg = f"{action} {dict(params)!r} does not match its output shape: {errors}"
            raise AssertionError(msg)
        return body

    def prepare(self) -> dict[str, Any]:
        if self.state is None:
            self.reset()
            build_baseline(self.read, self.add_image)
            self.state = snapshot(self.checked_read)
        return self.state

    def run(self, case: Case) -> list[str]:
        """Send one case; return every property the reply or the state broke."""
        before = self.prepare()
        reply = self.send(case)
        self.sent += 1
        problems = reply_problems(case, reply)
        try:
            after = snapshot(self.checked_read)
        except AssertionError as error:
            problems.append(f"reading the state afterwards failed: {error}")
            self.state = None
            return _with_reply(problems, reply)
        if after != before:
            self.state = None
            if not 200 <= reply.status < 300:
                difference = state_difference(before, after)
                problems.append(f"a rejected request changed the state: {difference}")
        return _with_reply(problems, reply)


def _with_reply(problems: list[str], reply: Reply) -> list[str]:
    if problems:
        problems.append(f"reply: HTTP {reply.status} {reply.text[:600]}")
    return problems
