"""The AWS SDK for JavaScript v3 against moto-appstream-server.

``js/scenario.mjs`` runs a fleet, a stack and a user through their life cycle,
reads one modeled error and prints what the SDK returned; node runs it once for
this module and each test checks one call.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from . import expected

FLEET = "js-fleet"
STACK = "js-stack"
USER = "bob@example.com"

STEPS = [
    "createFleet",
    "describeFleets",
    "updateFleet",
    "startFleet",
    "describeStartedFleet",
    "stopFleet",
    "describeStoppedFleet",
    "createStack",
    "describeStacks",
    "updateStack",
    "associateFleet",
    "listAssociatedStacks",
    "createUser",
    "describeUsers",
    "batchAssociateUserStack",
    "describeUserStackAssociations",
    "disassociateFleet",
    "deleteStack",
    "deleteFleet",
    "deleteUser",
    "describeFleetsAfterDelete",
]


class ScenarioRun(NamedTuple):
    summary: dict[str, Any]
    started: datetime
    finished: datetime


@pytest.fixture(scope="module")
def run(
    js_project_dir: Path,
    server_url: str,
    server_reset: Callable[[], None],
    client_environment: dict[str, str],
) -> ScenarioRun:
    node = shutil.which("node")
    assert node is not None
    server_reset()
    started = datetime.now(timezone.utc).replace(microsecond=0)
    result = subprocess.run(
        [node, "scenario.mjs", server_url],
        cwd=js_project_dir,
        capture_output=True,
        text=True,
        env=client_environment,
        timeout=120,
        check=False,
    )
    finished = datetime.now(timezone.utc)
    if result.returncode != 0:
        pytest.fail(
            f"node scenario.mjs exited with {result.returncode}:\n{result.stderr}"
        )
    return ScenarioRun(json.loads(result.stdout), started, finished)


@pytest.fixture(scope="module")
def outputs(run: ScenarioRun) -> dict[str, Any]:
    """What each call returned, less ``$metadata``, by step."""
    steps: dict[str, Any] = run.summary["outputs"]
    return steps


def _date(printed: Any) -> datetime:
    """A timestamp the SDK returned as a Date."""
    assert list(printed) == ["$date"]
    return datetime.fromisoformat(printed["$date"].replace("Z", "+00:00"))


def test_every_call_answers_200(run: ScenarioRun) -> None:
    assert list(run.summary["statusCodes"].items()) == [(step, 200) for step in STEPS]


def test_create_fleet_created_time(run: ScenarioRun) -> None:
    fleet = run.summary["outputs"]["createFleet"]["Fleet"]

    assert run.started <= _date(fleet["CreatedTime"]) <= run.finished


def test_create_stack_created_time(run: ScenarioRun) -> None:
    stack = run.summary["outputs"]["createStack"]["Stack"]

    assert run.started <= _date(stack["CreatedTime"]) <= run.finished


def test_describe_users_created_time(run: ScenarioRun) -> None:
    user = run.summary["outputs"]["describeUsers"]["Users"][0]

    assert run.started <= _date(user["CreatedTime"]) <= run.finished


def _fleet_created(outputs: dict[str, Any]) -> Any:
    return outputs["createFleet"]["Fleet"]["CreatedTime"]


def _stack_created(outputs: dict[str, Any]) -> Any:
    return outputs["createStack"]["Stack"]["CreatedTime"]


def test_create_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["createFleet"] == {
        "Fleet": expected.fleet(FLEET, _fleet_created(outputs))
    }


def test_describe_fleets(outputs: dict[str, Any]) -> None:
    assert outputs["describeFleets"] == {
        "Fleets": [expected.fleet(FLEET, _fleet_created(outputs))]
    }


def test_update_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["updateFleet"] == {
        "Fleet": expected.fleet(FLEET, _fleet_created(outputs), display_name="JS fleet")
    }


def test_start_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["startFleet"] == {}
    assert outputs["describeStartedFleet"] == {
        "Fleets": [
            expected.fleet(
                FLEET, _fleet_created(outputs), state="RUNNING", display_name="JS fleet"
            )
        ]
    }


def test_stop_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["stopFleet"] == {}
    assert outputs["describeStoppedFleet"] == {
        "Fleets": [
            expected.fleet(FLEET, _fleet_created(outputs), display_name="JS fleet")
        ]
    }


def test_create_stack(outputs: dict[str, Any]) -> None:
    assert outputs["createStack"] == {
        "Stack": expected.stack(STACK, _stack_created(outputs))
    }


def test_describe_stacks(outputs: dict[str, Any]) -> None:
    assert outputs["describeStacks"] == {
        "Stacks": [expected.stack(STACK, _stack_created(outputs))]
    }


def test_update_stack(outputs: dict[str, Any]) -> None:
    assert outputs["updateStack"] == {
        "Stack": expected.stack(STACK, _stack_created(outputs), display_name="JS stack")
    }


def test_associate_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["associateFleet"] == {}


def test_list_associated_stacks(outputs: dict[str, Any]) -> None:
    assert outputs["listAssociatedStacks"] == {"Names": [STACK]}


def test_create_user(outputs: dict[str, Any]) -> None:
    assert outputs["createUser"] == {}


def test_describe_users(outputs: dict[str, Any]) -> None:
    created = outputs["describeUsers"]["Users"][0]["CreatedTime"]

    assert outputs["describeUsers"] == {
        "Users": [expected.user(USER, "Bob", "Builder", created)]
    }


def test_batch_associate_user_stack(outputs: dict[str, Any]) -> None:
    assert outputs["batchAssociateUserStack"] == {"errors": []}


def test_describe_user_stack_associations(outputs: dict[str, Any]) -> None:
    assert outputs["describeUserStackAssociations"] == {
        "UserStackAssociations": [expected.association(STACK, USER)]
    }


def test_disassociate_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["disassociateFleet"] == {}


def test_delete_stack(outputs: dict[str, Any]) -> None:
    assert outputs["deleteStack"] == {}


def test_delete_fleet(outputs: dict[str, Any]) -> None:
    assert outputs["deleteFleet"] == {}
    assert outputs["describeFleetsAfterDelete"] == {"Fleets": []}


def test_delete_user(outputs: dict[str, Any]) -> None:
    assert outputs["deleteUser"] == {}


def test_describe_fleets_unknown_name(run: ScenarioRun) -> None:
    assert run.summary["error"] == {
        "name": "ResourceNotFoundException",
        "message": "The fleet missing does not exist.",
        "fault": "client",
        "httpStatusCode": 400,
        "isModeledClass": True,
    }
