"""Fleet state transitions through moto's state manager, and boto3's fleet waiters."""

from typing import Any

import boto3
import pytest
from botocore.exceptions import WaiterError
from freezegun import freeze_time
from moto import mock_aws, settings
from moto.moto_api import state_manager

from .helpers import FLEET_MODEL, create_fleet, fleet_progression

REGION = "us-east-1"
FAST_WAITER = {"Delay": 0, "MaxAttempts": 5}


def _client() -> Any:
    return boto3.client("appstream", region_name=REGION)


def _state(client: Any, name: str) -> str:
    return client.describe_fleets(Names=[name])["Fleets"][0]["State"]


@pytest.fixture
def manual_progression() -> Any:
    """Each fleet moves on from STARTING or STOPPING at its second description."""
    with fleet_progression(progression="manual", times=2):
        yield


@pytest.fixture
def slow_progression() -> Any:
    """Fleets move on from STARTING or STOPPING after ten minutes."""
    with fleet_progression(progression="time", seconds=600):
        yield


def test_fleet_model_is_registered() -> None:
    assert FLEET_MODEL in state_manager.get_registered_models()


def test_fleet_model_default_transition() -> None:
    assert state_manager.get_transition(FLEET_MODEL) == {"progression": "immediate"}


@mock_aws
def test_start_fleet_immediate_progression() -> None:
    client = _client()
    create_fleet(client, "fleet-immediate-start")

    client.start_fleet(Name="fleet-immediate-start")

    assert _state(client, "fleet-immediate-start") == "RUNNING"


@mock_aws
def test_stop_fleet_immediate_progression() -> None:
    client = _client()
    create_fleet(client, "fleet-immediate-stop")
    client.start_fleet(Name="fleet-immediate-stop")
    assert _state(client, "fleet-immediate-stop") == "RUNNING"

    client.stop_fleet(Name="fleet-immediate-stop")

    assert _state(client, "fleet-immediate-stop") == "STOPPED"


@mock_aws
def test_start_fleet_manual_progression(manual_progression: None) -> None:
    client = _client()
    create_fleet(client, "fleet-manual-start")

    client.start_fleet(Name="fleet-manual-start")

    states = [_state(client, "fleet-manual-start") for _ in range(3)]
    assert states == ["STARTING", "RUNNING", "RUNNING"]


@mock_aws
def test_stop_fleet_manual_progression(manual_progression: None) -> None:
    client = _client()
    create_fleet(client, "fleet-manual-stop")
    client.start_fleet(Name="fleet-manual-stop")
    assert [_state(client, "fleet-manual-stop") for _ in range(2)] == [
        "STARTING",
        "RUNNING",
    ]

    client.stop_fleet(Name="fleet-manual-stop")

    states = [_state(client, "fleet-manual-stop") for _ in range(3)]
    assert states == ["STOPPING", "STOPPED", "STOPPED"]


@mock_aws
def test_start_fleet_manual_progression_counts_descriptions_per_fleet(
    manual_progression: None,
) -> None:
    client = _client()
    create_fleet(client, "fleet-manual-a")
    create_fleet(client, "fleet-manual-b")
    client.start_fleet(Name="fleet-manual-a")
    client.start_fleet(Name="fleet-manual-b")

    assert _state(client, "fleet-manual-a") == "STARTING"
    assert _state(client, "fleet-manual-a") == "RUNNING"
    assert _state(client, "fleet-manual-b") == "STARTING"


@mock_aws
def test_create_fleet_manual_progression_stays_stopped(
    manual_progression: None,
) -> None:
    client = _client()
    create_fleet(client, "fleet-manual-stopped")

    states = [_state(client, "fleet-manual-stopped") for _ in range(3)]

    assert states == ["STOPPED", "STOPPED", "STOPPED"]


@mock_aws
def test_start_fleet_time_progression(slow_progression: None) -> None:
    if settings.TEST_SERVER_MODE:
        pytest.skip("freezegun cannot move the server's clock")
    client = _client()
    with freeze_time("2024-05-01 12:00:00") as frozen:
        create_fleet(client, "fleet-timed-start")
        client.start_fleet(Name="fleet-timed-start")
        frozen.tick(300)
        halfway = _state(client, "fleet-timed-start")
        frozen.tick(301)
        done = _state(client, "fleet-timed-start")

    assert (halfway, done) == ("STARTING", "RUNNING")


@mock_aws
def test_fleet_started_waiter() -> None:
    client = _client()
    create_fleet(client, "fleet-wait-started")
    client.start_fleet(Name="fleet-wait-started")

    client.get_waiter("fleet_started").wait(
        Names=["fleet-wait-started"], WaiterConfig=FAST_WAITER
    )

    assert _state(client, "fleet-wait-started") == "RUNNING"


@mock_aws
def test_fleet_started_waiter_manual_progression(manual_progression: None) -> None:
    client = _client()
    create_fleet(client, "fleet-wait-starting")
    client.start_fleet(Name="fleet-wait-starting")

    client.get_waiter("fleet_started").wait(
        Names=["fleet-wait-starting"], WaiterConfig=FAST_WAITER
    )

    assert _state(client, "fleet-wait-starting") == "RUNNING"


@mock_aws
def test_fleet_started_waiter_stopped_fleet() -> None:
    client = _client()
    create_fleet(client, "fleet-wait-never-started")
    waiter = client.get_waiter("fleet_started")

    with pytest.raises(WaiterError) as exc:
        waiter.wait(Names=["fleet-wait-never-started"], WaiterConfig=FAST_WAITER)

    assert exc.value.kwargs["reason"] == (
        "Waiter encountered a terminal failure state: For expression "
        '"Fleets[].State" we matched expected path: "STOPPED" at least once'
    )
    assert exc.value.last_response["Fleets"][0]["State"] == "STOPPED"


@mock_aws
def test_fleet_stopped_waiter() -> None:
    client = _client()
    create_fleet(client, "fleet-wait-stopped")
    client.start_fleet(Name="fleet-wait-stopped")
    assert _state(client, "fleet-wait-stopped") == "RUNNING"
    client.stop_fleet(Name="fleet-wait-stopped")

    client.get_waiter("fleet_stopped").wait(
        Names=["fleet-wait-stopped"], WaiterConfig=FAST_WAITER
    )

    assert _state(client, "fleet-wait-stopped") == "STOPPED"


@mock_aws
def test_fleet_stopped_waiter_manual_progression(manual_progression: None) -> None:
    client = _client()
    create_fleet(client, "fleet-wait-stopping")
    client.start_fleet(Name="fleet-wait-stopping")
    client.get_waiter("fleet_started").wait(
        Names=["fleet-wait-stopping"], WaiterConfig=FAST_WAITER
    )
    client.stop_fleet(Name="fleet-wait-stopping")

    client.get_waiter("fleet_stopped").wait(
        Names=["fleet-wait-stopping"], WaiterConfig=FAST_WAITER
    )

    assert _state(client, "fleet-wait-stopping") == "STOPPED"


@mock_aws
def test_fleet_stopped_waiter_running_fleet() -> None:
    client = _client()
    create_fleet(client, "fleet-wait-still-running")
    client.start_fleet(Name="fleet-wait-still-running")
    waiter = client.get_waiter("fleet_stopped")

    with pytest.raises(WaiterError) as exc:
        waiter.wait(Names=["fleet-wait-still-running"], WaiterConfig=FAST_WAITER)

    assert exc.value.kwargs["reason"] == (
        "Waiter encountered a terminal failure state: For expression "
        '"Fleets[].State" we matched expected path: "RUNNING" at least once'
    )
    assert exc.value.last_response["Fleets"][0]["State"] == "RUNNING"
