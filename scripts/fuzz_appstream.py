"""Fuzz moto-appstream-server with requests drawn from the botocore model.

The same generator and checks as ``tests/test_robustness/test_fuzz.py``, for
longer runs: every operation the backend implements gets ``--examples``
requests (in rounds, each round with a new seed), until ``--seconds`` have
passed. Every distinct failure is printed with the request that caused it; the
exit status is 1 when there was one.

    python scripts/fuzz_appstream.py --examples 2000 --seconds 1800

Without ``--endpoint`` the script starts its own server on a free loopback port.
A server given with ``--endpoint`` is reset (all of its state is lost).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_robustness.fuzzing import KNOWN, Fuzzer  # noqa: E402
from test_robustness.model_strategies import (  # noqa: E402
    Case,
    cases,
    implemented_operations,
)
from test_robustness.wire import (  # noqa: E402
    Reply,
    add_private_image,
    call,
    post,
    reset,
)
from test_server.launch import started_server  # noqa: E402

ROUND_SIZE = 50

Failures = dict[tuple[str, str], tuple[Case, list[str]]]


def http_fuzzer(url: str) -> Fuzzer:
    def send(case: Case) -> Reply:
        return post(url, case.operation, case.body)

    def read(action: str, params: Mapping[str, Any]) -> Any:
        return call(url, action, params)

    def add_image(name: str, platform: str) -> None:
        add_private_image(url, name, platform)

    return Fuzzer(send=send, read=read, reset=lambda: reset(url), add_image=add_image)


def run_round(
    fuzzer: Fuzzer,
    operation: str,
    examples: int,
    round_seed: int,
    deadline: float,
    failures: Failures,
) -> None:
    """Send ``examples`` generated requests for one operation, keeping failures."""

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis_seed(round_seed)
    @given(cases(operation, KNOWN))
    def fuzz(case: Case) -> None:
        if time.monotonic() > deadline:
            return
        try:
            problems = fuzzer.run(case)
        except (AssertionError, OSError) as error:
            fuzzer.state = None
            problems = [f"the fuzzer could not run the case: {error}"]
        if problems:
            failures.setdefault((operation, problems[0]), (case, problems))

    fuzz()


def fuzz_server(
    url: str,
    operations: Sequence[str],
    examples: int,
    seconds: float,
    first_seed: int,
) -> Failures:
    fuzzer = http_fuzzer(url)
    failures: Failures = {}
    deadline = time.monotonic() + seconds
    done = 0
    round_number = 0
    while done < examples and time.monotonic() < deadline:
        size = min(ROUND_SIZE, examples - done)
        for operation in operations:
            run_round(
                fuzzer,
                operation,
                size,
                first_seed + round_number,
                deadline,
                failures,
            )
        done += size
        round_number += 1
        print(
            f"round {round_number}: {done} examples per operation, "
            f"{fuzzer.sent} requests, {len(failures)} distinct failures",
            flush=True,
        )
    return failures


def report(failures: Failures) -> None:
    for (operation, _), (case, problems) in sorted(failures.items()):
        print(f"\n== {operation}")
        print(case.describe())
        for problem in problems:
            print(f"  - {problem}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--examples", type=int, default=500, help="requests per operation"
    )
    parser.add_argument(
        "--seconds", type=float, default=600.0, help="stop after this long"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the first round")
    parser.add_argument(
        "--operation",
        action="append",
        default=None,
        help="fuzz only this operation (repeatable)",
    )
    parser.add_argument("--endpoint", help="fuzz this server instead of starting one")
    args = parser.parse_args(argv)

    operations = implemented_operations()
    if args.operation:
        unknown = sorted(set(args.operation) - set(operations))
        if unknown:
            parser.error(f"not implemented operations: {', '.join(unknown)}")
        operations = [op for op in operations if op in args.operation]

    if args.endpoint:
        failures = fuzz_server(
            args.endpoint, operations, args.examples, args.seconds, args.seed
        )
    else:
        with started_server() as server:
            failures = fuzz_server(
                server.url, operations, args.examples, args.seconds, args.seed
            )
    report(failures)
    print(f"\n{len(failures)} distinct failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
