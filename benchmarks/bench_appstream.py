#!/usr/bin/env python
"""Measure moto-appstream against floors and against moto's own ECS, in one run.

Contenders of one comparison run alternately, in a shuffled order every round, so
that drift of the machine falls on all of them alike. Each figure is the median
over rounds of the mean time of one call within a round; ratios are medians of
the per-round ratios.

    python benchmarks/bench_appstream.py            # everything
    python benchmarks/bench_appstream.py --quick    # fewer rounds, smaller scale
    python benchmarks/bench_appstream.py --only calls,scale

Parts: ``calls`` (per call, in-process), ``server`` (per call over HTTP),
``scale`` (10,000 against 10 resources, paging, memory), ``tests`` (a pytest
test with and without the plugin's fixtures), ``import``.
"""

import argparse
import gc
import io
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import botocore.awsrequest
from botocore.stub import Stubber
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID

import moto_appstream
from moto_appstream import appstream_backends

REGION = "us-east-1"
IMAGE = "AppStream-WinServer2019-06-12-2023"
CREDENTIALS = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
    "region_name": REGION,
}
TARGETS = {
    "calls": ("per call, AppStream / ECS", 1.3),
    "scale": ("10,000 resources / 10 resources", 1.2),
    "tests": ("test with fixtures / without", 0.2),
    "import": ("import moto_appstream / import moto", 1.05),
}

Contender = Callable[[], object]
results: list[tuple[str, str, float, float]] = []


def compare(
    title: str,
    contenders: dict[str, Contender],
    baseline: str,
    rounds: int,
    calls: int,
) -> dict[str, float]:
    """Time the contenders alternately; print medians and ratios to ``baseline``."""
    per_round: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for name in names:
        contenders[name]()
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            function = contenders[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(calls):
                function()
            per_round[name].append((time.perf_counter() - start) / calls)
    medians = {name: statistics.median(times) for name, times in per_round.items()}
    ratios = {
        name: statistics.median(
            t / b for t, b in zip(per_round[name], per_round[baseline], strict=True)
        )
        for name in contenders
    }
    print(f"\n{title}")
    print(f"  {'contender':<52} {'median':>12} {'ratio':>8}")
    for name in contenders:
        print(f"  {name:<52} {format_seconds(medians[name]):>12} {ratios[name]:>8.2f}")
        results.append((title, name, medians[name], ratios[name]))
    return ratios


def format_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} us"


def verdict(part: str, ratio: float) -> None:
    label, target = TARGETS[part]
    met = ratio <= target
    word = "met" if met else f"MISSED by {ratio / target:.2f}x"
    print(f"  target {label} <= {target}: {ratio:.2f}, {word}")
    results.append(("target", label, target, ratio))


def new_fleet_request(name: str) -> dict[str, Any]:
    return {
        "Name": name,
        "InstanceType": "stream.standard.medium",
        "ImageName": IMAGE,
        "ComputeCapacity": {"DesiredInstances": 1},
    }


def canned_reply(
    body: dict[str, Any],
) -> Callable[..., botocore.awsrequest.AWSResponse]:
    raw = json.dumps(body).encode()

    class Raw(io.BytesIO):
        def stream(self, **_: Any) -> Any:
            yield self.getvalue()

    def reply(**_: Any) -> botocore.awsrequest.AWSResponse:
        headers = {"Content-Type": "application/x-amz-json-1.1"}
        return botocore.awsrequest.AWSResponse("https://x", 200, headers, Raw(raw))

    return reply


def counter() -> Callable[[], int]:
    state = {"n": 0}

    def next_number() -> int:
        state["n"] += 1
        return state["n"]

    return next_number


def described_fleet() -> dict[str, Any]:
    """The fleet the mock returns, so that the floors parse a reply of equal size."""
    with mock_aws():
        client = boto3.client("appstream", **CREDENTIALS)
        client.create_fleet(**new_fleet_request("described"))
        fleet = client.describe_fleets()["Fleets"][0]
    fleet["CreatedTime"] = fleet["CreatedTime"].timestamp()
    return dict(fleet)


def compare_with_ecs(
    title: str, client_options: dict[str, Any], rounds: int, calls: int
) -> None:
    """Describe and create calls of AppStream against those of moto's ECS."""
    appstream = boto3.client("appstream", **client_options, **CREDENTIALS)
    ecs = boto3.client("ecs", **client_options, **CREDENTIALS)
    appstream.create_fleet(**new_fleet_request("described"))
    ecs.create_cluster(clusterName="described")
    number = counter()
    contenders: dict[str, Contender] = {
        "ecs describe_clusters": lambda: ecs.describe_clusters(clusters=["described"]),
        "appstream describe_fleets": lambda: appstream.describe_fleets(
            Names=["described"]
        ),
        "ecs create_cluster": lambda: ecs.create_cluster(clusterName=f"c{number()}"),
        "appstream create_fleet": lambda: appstream.create_fleet(
            **new_fleet_request(f"f{number()}")
        ),
    }
    ratios = compare(title, contenders, "ecs describe_clusters", rounds, calls)
    verdict("calls", ratios["appstream describe_fleets"])
    verdict("calls", ratios["appstream create_fleet"] / ratios["ecs create_cluster"])


def part_calls(rounds: int, calls: int) -> None:
    described = {"Fleets": [described_fleet()]}
    stub_client = boto3.client("appstream", **CREDENTIALS)
    stubber = Stubber(stub_client)
    send_client = boto3.client("appstream", **CREDENTIALS)
    send_client.meta.events.register("before-send", canned_reply(described))

    stubbed_reply = {"Fleets": [dict(described["Fleets"][0], CreatedTime=time.time())]}

    def stubbed() -> object:
        stubber.add_response("describe_fleets", stubbed_reply)
        return stub_client.describe_fleets()

    with stubber:
        floors: dict[str, Contender] = {
            "botocore Stubber describe_fleets (floor)": stubbed,
            "canned reply at before-send describe_fleets": send_client.describe_fleets,
        }
        compare(
            "Client-side floors (no mock)", floors, next(iter(floors)), rounds, calls
        )

    os.environ["MOTO_APPSTREAM_ENFORCE_QUOTAS"] = "false"
    with mock_aws():
        compare_with_ecs("In-process, under mock_aws", {}, rounds, calls)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def part_server(rounds: int, calls: int) -> None:
    port = free_port()
    env = dict(os.environ, MOTO_APPSTREAM_ENFORCE_QUOTAS="false")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto_appstream.server", "-p", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint)
        compare_with_ecs(
            "Over HTTP, moto-appstream-server on loopback",
            {"endpoint_url": endpoint},
            rounds,
            calls,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(endpoint: str) -> None:
    import urllib.request

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/data.json", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no server answered at {endpoint}")


def fill_account(account_id: str, fleets: int, associations: int) -> None:
    """Create resources through the API, with quotas off."""
    os.environ["MOTO_APPSTREAM_ENFORCE_QUOTAS"] = "false"
    os.environ["MOTO_ACCOUNT_ID"] = account_id
    try:
        client = boto3.client("appstream", **CREDENTIALS)
        for index in range(fleets):
            client.create_fleet(**new_fleet_request(f"fleet-{index}"))
        client.create_stack(Name="stack")
        entries = []
        for index in range(associations):
            user = f"user-{index}@example.com"
            client.create_user(UserName=user, AuthenticationType="USERPOOL")
            entries.append(
                {
                    "StackName": "stack",
                    "UserName": user,
                    "AuthenticationType": "USERPOOL",
                }
            )
            if len(entries) == 25:
                client.batch_associate_user_stack(UserStackAssociations=entries)
                entries = []
        if entries:
            client.batch_associate_user_stack(UserStackAssociations=entries)
    finally:
        del os.environ["MOTO_ACCOUNT_ID"]


def client_for(account_id: str) -> Any:
    client = boto3.client("appstream", **CREDENTIALS)

    def set_account(request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = account_id

    client.meta.events.register("before-sign", set_account, unique_id="bench-acct")
    return client


def page_all(client: Any) -> int:
    count = 0
    for page in client.get_paginator("describe_fleets").paginate():
        count += len(page["Fleets"])
    return count


def part_scale(rounds: int, calls: int, large: int) -> None:
    small_account, large_account = "111111111111", "222222222222"
    with mock_aws():
        start = time.perf_counter()
        fill_account(small_account, 10, 10)
        fill_account(large_account, large, large)
        print(
            f"\n(created 2 x {large} fleets and users in {time.perf_counter() - start:.0f} s)"
        )
        small, big = client_for(small_account), client_for(large_account)
        lookups = compare(
            f"DescribeFleets(Names=[one]) among 10 and among {large}",
            {
                "among 10": lambda: small.describe_fleets(Names=["fleet-5"]),
                f"among {large}": lambda: big.describe_fleets(Names=["fleet-5"]),
            },
            "among 10",
            rounds,
            calls,
        )
        verdict("scale", lookups[f"among {large}"])
        associations = compare(
            f"DescribeUserStackAssociations(StackName, MaxResults=5) among 10 and {large}",
            {
                "among 10": lambda: small.describe_user_stack_associations(
                    StackName="stack", MaxResults=5
                ),
                f"among {large}": lambda: big.describe_user_stack_associations(
                    StackName="stack", MaxResults=5
                ),
            },
            "among 10",
            rounds,
            calls,
        )
        verdict("scale", associations[f"among {large}"])

        tenth = large // 10
        fill_account("333333333333", tenth, 0)
        medium = client_for("333333333333")
        paging = compare(
            f"Paging through all fleets, per fleet: {tenth} and {large}",
            {
                f"{tenth} fleets": lambda: page_all(medium) and None,
                f"{large} fleets": lambda: page_all(big) and None,
            },
            f"{tenth} fleets",
            max(3, rounds // 5),
            1,
        )
        per_fleet = paging[f"{large} fleets"] / 10
        print(f"  per-fleet cost at {large} over {tenth}: {per_fleet:.2f}")
        verdict("scale", per_fleet)

    with mock_aws():
        os.environ["MOTO_APPSTREAM_ENFORCE_QUOTAS"] = "false"
        client = boto3.client("appstream", **CREDENTIALS)
        client.create_fleet(**new_fleet_request("warm"))
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        for index in range(1000):
            client.create_fleet(**new_fleet_request(f"mem-{index}"))
        gc.collect()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        backend = appstream_backends[DEFAULT_ACCOUNT_ID][REGION]
        assert len(backend.fleets) == 1001
        grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
        print(f"\nMemory held per fleet: {grown / 1000 / 1024:.1f} KiB (1,000 fleets)")
        results.append(("memory", "per fleet (KiB)", grown / 1000 / 1024, 0.0))


TEST_MODULE = """
import boto3
from moto import mock_aws


@mock_aws
def test_plain_{n}():
    client = boto3.client("appstream", region_name="us-east-1")
    assert client.describe_fleets()["Fleets"] == []


def test_fixture_{n}(appstream_client):
    assert appstream_client.describe_fleets()["Fleets"] == []
"""


def part_tests(rounds: int) -> None:
    count = 20
    with tempfile.TemporaryDirectory() as folder:
        module = Path(folder) / "test_bench.py"
        module.write_text(
            "".join(textwrap.dedent(TEST_MODULE).format(n=n) for n in range(count))
        )
        report = Path(folder) / "report.xml"
        plain: list[float] = []
        fixture: list[float] = []
        for _ in range(rounds):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    f"--junitxml={report}",
                    str(module),
                ],
                check=True,
                capture_output=True,
                cwd=folder,
            )
            times = re.findall(
                r'name="(test_\w+?)_\d+" time="([\d.]+)"', report.read_text()
            )
            # The first test of each kind pays for imports; leave it out.
            plain.append(
                statistics.mean(float(t) for n, t in times[2:] if n == "test_plain")
            )
            fixture.append(
                statistics.mean(float(t) for n, t in times[2:] if n == "test_fixture")
            )
    ratio = statistics.median(f / p for f, p in zip(fixture, plain, strict=True))
    print("\nA pytest test: mock start and stop, a client, one call")
    print(
        f"  plain @mock_aws with boto3.client()        {format_seconds(statistics.median(plain)):>10}"
    )
    print(
        f"  appstream_client fixture                   {format_seconds(statistics.median(fixture)):>10}"
    )
    results.append(("tests", "plain", statistics.median(plain), 1.0))
    results.append(("tests", "fixture", statistics.median(fixture), ratio))
    verdict("tests", ratio)


def part_import(rounds: int) -> None:
    commands = {
        "import moto": "import moto",
        "import moto_appstream": "import moto_appstream",
    }
    # moto's installed modules come with compiled bytecode; give ours the same
    # footing, even where PYTHONDONTWRITEBYTECODE is set, by compiling them once.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for command in commands.values():
        subprocess.run([sys.executable, "-c", command], check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", commands[name]], check=True, env=env)
            times[name].append(time.perf_counter() - start)
    ratio = statistics.median(
        a / m
        for a, m in zip(
            times["import moto_appstream"], times["import moto"], strict=True
        )
    )
    print("\nImport, in a new interpreter")
    for name in commands:
        print(f"  {name:<24} {format_seconds(statistics.median(times[name])):>10}")
        results.append(("import", name, statistics.median(times[name]), 0.0))
    verdict("import", ratio)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds, 2,000 resources"
    )
    parser.add_argument("--only", default="calls,server,scale,tests,import")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    rounds, calls = (7, 10) if args.quick else (25, 25)
    large = 2000 if args.quick else 10000
    random.seed(20161201)
    print(
        f"moto-appstream benchmark, Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    print(f"moto {__import__('moto').__version__}, boto3 {boto3.__version__}")
    if "calls" in parts:
        part_calls(rounds, calls)
    if "server" in parts:
        part_server(max(5, rounds // 2), calls)
    if "scale" in parts:
        part_scale(rounds, calls, large)
    if "tests" in parts:
        part_tests(3 if args.quick else 7)
    if "import" in parts:
        part_import(7 if args.quick else 15)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    assert moto_appstream.mock_appstream is mock_aws
    sys.exit(main())
