"""Mixed AppStream traffic for load tests and ``scripts/soak_appstream.py``.

Every step names the error codes it can provoke: a name pool shared by all
threads means a create can meet a resource that exists, a delete one that is
gone, and so on. Any other code, and any 5xx, is a failure of the server.
"""

from __future__ import annotations

import json
import os
import random
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .wire import BASE_IMAGE, Reply, post

RAE = "ResourceAlreadyExistsException"
RNF = "ResourceNotFoundException"
RIU = "ResourceInUseException"
CME = "ConcurrentModificationException"
LEE = "LimitExceededException"
POOL_SIZE = 12
BULKY_SHARE = 0.25


@dataclass(frozen=True)
class Step:
    """One request and the error codes the workload itself can cause."""

    action: str
    body: str
    provoked: frozenset[str]


@dataclass
class Tally:
    """What a load run saw: replies by action and code, and every failure."""

    replies: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, step: Step, reply: Reply) -> None:
        code = "OK" if reply.status == 200 else _code(reply)
        problem = None
        if reply.status >= 500:
            problem = "a 5xx"
        elif reply.status != 200 and code not in step.provoked:
            problem = "an error the workload did not provoke"
        with self.lock:
            self.replies[(step.action, code)] += 1
            if problem is not None and len(self.failures) < 50:
                self.failures.append(
                    f"{problem}: {step.action} {step.body[:300]} -> "
                    f"HTTP {reply.status} {reply.text[:300]}"
                )

    @property
    def total(self) -> int:
        return sum(self.replies.values())


def _code(reply: Reply) -> str:
    try:
        body = reply.json()
    except ValueError:
        return f"HTTP {reply.status} without JSON"
    if isinstance(body, dict) and isinstance(body.get("__type"), str):
        return str(body["__type"])
    return f"HTTP {reply.status} without __type"


def _step(action: str, params: dict[str, Any], *provoked: str) -> Step:
    return Step(action, json.dumps(params), frozenset(provoked))


def _arn(kind: str, name: str) -> str:
    return f"arn:aws:appstream:us-east-1:123456789012:{kind}/{name}"


def _association(stack: str, user: str) -> dict[str, str]:
    return {"StackName": stack, "UserName": user, "AuthenticationType": "USERPOOL"}


def _mixed_steps(rng: random.Random) -> list[Step]:
    fleet = f"soak-fleet-{rng.randrange(POOL_SIZE)}"
    stack = f"soak-stack-{rng.randrange(POOL_SIZE)}"
    user = f"soak-user-{rng.randrange(POOL_SIZE)}@example.com"
    kind, name = rng.choice([("fleet", fleet), ("stack", stack)])
    user_key = {"UserName": user, "AuthenticationType": "USERPOOL"}
    return [
        _step(
            "CreateFleet",
            {
                "Name": fleet,
                "ImageName": BASE_IMAGE,
                "InstanceType": "stream.standard.medium",
                "ComputeCapacity": {"DesiredInstances": 1},
            },
            RAE,
        ),
        _step("DescribeFleets", {}),
        _step("DescribeFleets", {"Names": [fleet]}, RNF),
        _step("UpdateFleet", {"Name": fleet, "DisplayName": "Soak"}, RNF, RIU),
        _step("StartFleet", {"Name": fleet}, RNF, CME),
        _step("StopFleet", {"Name": fleet}, RNF),
        _step("DeleteFleet", {"Name": fleet}, RNF, RIU),
        _step("CreateStack", {"Name": stack}, RAE),
        _step("DescribeStacks", {}),
        _step("DescribeStacks", {"Names": [stack]}, RNF),
        _step("UpdateStack", {"Name": stack, "DisplayName": "Soak"}, RNF),
        _step("DeleteStack", {"Name": stack}, RNF, RIU),
        _step("AssociateFleet", {"FleetName": fleet, "StackName": stack}, RNF, LEE),
        _step("DisassociateFleet", {"FleetName": fleet, "StackName": stack}, RNF),
        _step("ListAssociatedStacks", {"FleetName": fleet}),
        _step("ListAssociatedFleets", {"StackName": stack}),
        _step("CreateUser", {**user_key}, RAE),
        _step("DisableUser", {**user_key}, RNF),
        _step("EnableUser", {**user_key}, RNF),
        _step("DeleteUser", {**user_key}, RNF),
        _step("DescribeUsers", {"AuthenticationType": "USERPOOL"}),
        _step(
            "BatchAssociateUserStack",
            {"UserStackAssociations": [_association(stack, user)]},
        ),
        _step(
            "BatchDisassociateUserStack",
            {"UserStackAssociations": [_association(stack, user)]},
        ),
        _step("DescribeUserStackAssociations", {"StackName": stack}),
        _step(
            "TagResource",
            {"ResourceArn": _arn(kind, name), "Tags": {f"k{rng.randrange(9)}": "v"}},
            RNF,
        ),
        _step(
            "UntagResource",
            {"ResourceArn": _arn(kind, name), "TagKeys": [f"k{rng.randrange(9)}"]},
            RNF,
        ),
        _step("ListTagsForResource", {"ResourceArn": _arn(kind, name)}, RNF),
        _step("DescribeImages", {"MaxResults": 5}),
        Step("DescribeFleets", "{not json", frozenset({"SerializationException"})),
        Step("DescribeEverything", "{}", frozenset({"UnknownOperationException"})),
    ]


def _bulky_stack(rng: random.Random) -> Step:
    """A stack of a new name with the most tags and text the model allows."""
    name = f"soak-bulk-{rng.getrandbits(64):016x}"
    tags = {f"{index:02}-{'k' * 125}": "v" * 256 for index in range(50)}
    params = {
        "Name": name,
        "Description": "d" * 256,
        "DisplayName": "n" * 100,
        "Tags": tags,
    }
    return _step("CreateStack", params, RAE)


def mixed_step(rng: random.Random) -> Step:
    """One request of the soak mix.

    A quarter create a new stack that holds about 20 KB, so that state the
    server failed to free would show in its memory; the rest work on a pool of
    names that all threads share.
    """
    if rng.random() < BULKY_SHARE:
        return _bulky_stack(rng)
    return rng.choice(_mixed_steps(rng))


def run_load(
    url: str,
    steps: Sequence[Step],
    threads: int,
    on_step: Callable[[Step, Reply], None] | None = None,
) -> Tally:
    """Send every step from ``threads`` threads; return what came back."""
    tally = Tally()

    def send(step: Step) -> None:
        reply = post(url, step.action, step.body)
        tally.record(step, reply)
        if on_step is not None:
            on_step(step, reply)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for future in [pool.submit(send, step) for step in steps]:
            future.result()
    return tally


def soak(url: str, requests: int, threads: int, seed: int = 0) -> Tally:
    """``requests`` requests of the mixed workload from ``threads`` threads."""
    rng = random.Random(seed)
    return run_load(url, [mixed_step(rng) for _ in range(requests)], threads)


def create_each(url: str, action: str, names: Sequence[str]) -> list[tuple[str, int]]:
    """Create a stack or fleet of each name in turn; (name, HTTP status) each.

    Importable by a child process, for the multi-process tests.
    """
    results = []
    for name in names:
        params: dict[str, Any] = {"Name": name}
        if action == "CreateFleet":
            params.update(
                ImageName=BASE_IMAGE,
                InstanceType="stream.standard.medium",
                ComputeCapacity={"DesiredInstances": 1},
            )
        reply = post(url, action, json.dumps(params))
        results.append((name, reply.status))
    return results


def worker_pid(_: object) -> int:
    """The process id of the worker that runs this; warms up a process pool."""
    return os.getpid()
