"""The AWS CLI v1 against moto-appstream-server: what ``aws appstream`` prints.

Each test runs one CLI command; state is arranged and checked with boto3.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_appstream.helpers import create_fleet

from . import expected
from .expected import BASE_IMAGE, INSTANCE_TYPE, REGION

CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def aws(
    aws_cli_executable: Path, server_url: str, client_environment: dict[str, str]
) -> CliRunner:
    """Run ``aws appstream <args>`` against the server, with JSON output."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                str(aws_cli_executable),
                "appstream",
                *args,
                "--endpoint-url",
                server_url,
                "--region",
                REGION,
                "--output",
                "json",
            ],
            capture_output=True,
            text=True,
            env=client_environment,
            timeout=120,
            check=False,
        )

    return run


def _printed_json(result: subprocess.CompletedProcess[str]) -> Any:
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


def _printed_nothing(result: subprocess.CompletedProcess[str]) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def _fleet_states(client: Any) -> list[tuple[str, str]]:
    return [
        (fleet["Name"], fleet["State"]) for fleet in client.describe_fleets()["Fleets"]
    ]


def test_create_fleet(aws: CliRunner, server_client: Any) -> None:
    printed = _printed_json(
        aws(
            "create-fleet",
            "--name",
            "cli-create-fleet",
            "--image-name",
            BASE_IMAGE,
            "--instance-type",
            INSTANCE_TYPE,
            "--compute-capacity",
            "DesiredInstances=1",
        )
    )

    stored = server_client.describe_fleets(Names=["cli-create-fleet"])["Fleets"][0]
    created = stored["CreatedTime"].timestamp()
    assert printed == {"Fleet": expected.fleet("cli-create-fleet", created)}


def test_describe_fleets(aws: CliRunner, server_client: Any) -> None:
    fleet = create_fleet(server_client, "cli-describe-fleets")

    printed = _printed_json(aws("describe-fleets"))

    created = fleet["CreatedTime"].timestamp()
    assert printed == {"Fleets": [expected.fleet("cli-describe-fleets", created)]}


def test_describe_fleets_unknown_name(aws: CliRunner) -> None:
    result = aws("describe-fleets", "--names", "missing")

    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.strip() == (
        "An error occurred (ResourceNotFoundException) when calling the "
        "DescribeFleets operation: The fleet missing does not exist."
    )


def test_update_fleet(aws: CliRunner, server_client: Any) -> None:
    fleet = create_fleet(server_client, "cli-update-fleet")

    printed = _printed_json(
        aws("update-fleet", "--name", "cli-update-fleet", "--display-name", "CLI fleet")
    )

    created = fleet["CreatedTime"].timestamp()
    assert printed == {
        "Fleet": expected.fleet("cli-update-fleet", created, display_name="CLI fleet")
    }


def test_start_fleet(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-start-fleet")

    _printed_nothing(aws("start-fleet", "--name", "cli-start-fleet"))

    assert _fleet_states(server_client) == [("cli-start-fleet", "RUNNING")]


def test_stop_fleet(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-stop-fleet")
    server_client.start_fleet(Name="cli-stop-fleet")

    _printed_nothing(aws("stop-fleet", "--name", "cli-stop-fleet"))

    assert _fleet_states(server_client) == [("cli-stop-fleet", "STOPPED")]


def test_delete_fleet(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-delete-fleet")

    _printed_nothing(aws("delete-fleet", "--name", "cli-delete-fleet"))

    assert _fleet_states(server_client) == []


def test_create_stack(aws: CliRunner, server_client: Any) -> None:
    printed = _printed_json(aws("create-stack", "--name", "cli-create-stack"))

    stored = server_client.describe_stacks(Names=["cli-create-stack"])["Stacks"][0]
    created = stored["CreatedTime"].timestamp()
    assert printed == {"Stack": expected.stack("cli-create-stack", created)}


def test_describe_stacks(aws: CliRunner, server_client: Any) -> None:
    stack = server_client.create_stack(Name="cli-describe-stacks")["Stack"]

    printed = _printed_json(aws("describe-stacks", "--names", "cli-describe-stacks"))

    created = stack["CreatedTime"].timestamp()
    assert printed == {"Stacks": [expected.stack("cli-describe-stacks", created)]}


def test_update_stack(aws: CliRunner, server_client: Any) -> None:
    stack = server_client.create_stack(Name="cli-update-stack")["Stack"]

    printed = _printed_json(
        aws("update-stack", "--name", "cli-update-stack", "--display-name", "CLI stack")
    )

    created = stack["CreatedTime"].timestamp()
    assert printed == {
        "Stack": expected.stack("cli-update-stack", created, display_name="CLI stack")
    }


def test_delete_stack(aws: CliRunner, server_client: Any) -> None:
    server_client.create_stack(Name="cli-delete-stack")

    _printed_nothing(aws("delete-stack", "--name", "cli-delete-stack"))

    assert server_client.describe_stacks()["Stacks"] == []


def test_associate_fleet(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-associate-fleet")
    server_client.create_stack(Name="cli-associate-stack")

    _printed_nothing(
        aws(
            "associate-fleet",
            "--fleet-name",
            "cli-associate-fleet",
            "--stack-name",
            "cli-associate-stack",
        )
    )

    names = server_client.list_associated_stacks(FleetName="cli-associate-fleet")
    assert names["Names"] == ["cli-associate-stack"]


def test_list_associated_stacks(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-listed-fleet")
    server_client.create_stack(Name="cli-listed-stack")
    server_client.associate_fleet(
        FleetName="cli-listed-fleet", StackName="cli-listed-stack"
    )

    printed = _printed_json(
        aws("list-associated-stacks", "--fleet-name", "cli-listed-fleet")
    )

    assert printed == {"Names": ["cli-listed-stack"]}


def test_disassociate_fleet(aws: CliRunner, server_client: Any) -> None:
    create_fleet(server_client, "cli-disassociate-fleet")
    server_client.create_stack(Name="cli-disassociate-stack")
    server_client.associate_fleet(
        FleetName="cli-disassociate-fleet", StackName="cli-disassociate-stack"
    )

    _printed_nothing(
        aws(
            "disassociate-fleet",
            "--fleet-name",
            "cli-disassociate-fleet",
            "--stack-name",
            "cli-disassociate-stack",
        )
    )

    names = server_client.list_associated_stacks(FleetName="cli-disassociate-fleet")
    assert names["Names"] == []


def test_create_user(aws: CliRunner, server_client: Any) -> None:
    _printed_nothing(
        aws(
            "create-user",
            "--user-name",
            "carol@example.com",
            "--authentication-type",
            "USERPOOL",
            "--first-name",
            "Carol",
            "--last-name",
            "Cli",
        )
    )

    users = server_client.describe_users(AuthenticationType="USERPOOL")["Users"]
    assert users == [
        expected.user("carol@example.com", "Carol", "Cli", users[0]["CreatedTime"])
    ]


def test_describe_users(aws: CliRunner, server_client: Any) -> None:
    server_client.create_user(
        UserName="dave@example.com",
        AuthenticationType="USERPOOL",
        FirstName="Dave",
        LastName="Cli",
    )
    stored = server_client.describe_users(AuthenticationType="USERPOOL")["Users"][0]

    printed = _printed_json(aws("describe-users", "--authentication-type", "USERPOOL"))

    created = stored["CreatedTime"].timestamp()
    assert printed == {
        "Users": [expected.user("dave@example.com", "Dave", "Cli", created)]
    }


def test_delete_user(aws: CliRunner, server_client: Any) -> None:
    server_client.create_user(
        UserName="erin@example.com", AuthenticationType="USERPOOL"
    )

    _printed_nothing(
        aws(
            "delete-user",
            "--user-name",
            "erin@example.com",
            "--authentication-type",
            "USERPOOL",
        )
    )

    assert server_client.describe_users(AuthenticationType="USERPOOL")["Users"] == []


def test_batch_associate_user_stack(aws: CliRunner, server_client: Any) -> None:
    server_client.create_stack(Name="cli-batch-stack")
    server_client.create_user(
        UserName="frank@example.com", AuthenticationType="USERPOOL"
    )

    printed = _printed_json(
        aws(
            "batch-associate-user-stack",
            "--user-stack-associations",
            "StackName=cli-batch-stack,UserName=frank@example.com,"
            "AuthenticationType=USERPOOL",
        )
    )

    assert printed == {"errors": []}
    associations = server_client.describe_user_stack_associations(
        StackName="cli-batch-stack"
    )["UserStackAssociations"]
    assert associations == [
        expected.association("cli-batch-stack", "frank@example.com")
    ]


def test_describe_user_stack_associations(aws: CliRunner, server_client: Any) -> None:
    server_client.create_stack(Name="cli-assigned-stack")
    server_client.create_user(
        UserName="grace@example.com", AuthenticationType="USERPOOL"
    )
    server_client.batch_associate_user_stack(
        UserStackAssociations=[
            {
                "StackName": "cli-assigned-stack",
                "UserName": "grace@example.com",
                "AuthenticationType": "USERPOOL",
            }
        ]
    )

    printed = _printed_json(
        aws("describe-user-stack-associations", "--stack-name", "cli-assigned-stack")
    )

    assert printed == {
        "UserStackAssociations": [
            expected.association("cli-assigned-stack", "grace@example.com")
        ]
    }
