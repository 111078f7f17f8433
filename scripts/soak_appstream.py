"""Soak moto-appstream-server with mixed AppStream requests from many threads.

Each round sends ``--requests`` requests of the workload in
``tests/test_robustness/workload.py`` from ``--threads`` threads, then resets
the server. It prints the replies by action and code, every reply that was a
5xx or an error the workload did not provoke, and the server's resident memory
after each reset (only for a server it started itself). The exit status is 1
when any reply failed, or when memory grew after the first round by more than
``--rss-tolerance`` of what the first round added.

CPython and the C allocator keep most freed memory mapped, so a reset does not
bring RSS back down; the rounds after the first reuse that memory instead. A
reset that kept a round's resources would add about as much as the first round
again.

    python scripts/soak_appstream.py --requests 20000 --threads 16 --rounds 3

Without ``--endpoint`` the script starts its own server on a free loopback port,
with ``MOTO_APPSTREAM_ENFORCE_QUOTAS=false``. A server given with ``--endpoint``
is reset after every round (all of its state is lost).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_robustness.wire import reset, rss_kib  # noqa: E402
from test_robustness.workload import soak  # noqa: E402
from test_server.launch import started_server  # noqa: E402


def run(
    url: str,
    pid: int | None,
    requests: int,
    threads: int,
    rounds: int,
    seed: int,
    rss_tolerance: float,
) -> int:
    replies: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []
    memory: list[int] = []
    reset(url)
    if pid is not None:
        memory.append(rss_kib(pid))
        print(f"RSS before the first round {memory[0] / 1024:.1f} MiB", flush=True)
    for number in range(rounds):
        started = time.monotonic()
        tally = soak(url, requests, threads, seed=seed + number)
        elapsed = time.monotonic() - started
        reset(url)
        replies.update(tally.replies)
        failures.extend(tally.failures)
        line = (
            f"round {number + 1}: {tally.total} requests in {elapsed:.1f} s "
            f"({tally.total / elapsed:.0f}/s), {len(tally.failures)} failures"
        )
        if pid is not None:
            memory.append(rss_kib(pid))
            line += f", RSS after reset {memory[-1] / 1024:.1f} MiB"
        print(line, flush=True)

    print("\nreplies by action and code:")
    for (action, code), count in sorted(replies.items()):
        print(f"  {action:32} {code:36} {count}")
    for failure in failures:
        print(f"FAILED {failure}")
    status = 1 if failures else 0
    if len(memory) > 2:
        first = (memory[1] - memory[0]) / 1024
        later = (memory[-1] - memory[1]) / 1024
        print(
            f"\nRSS added by the first round {first:+.1f} MiB, "
            f"by the {len(memory) - 2} later rounds {later:+.1f} MiB"
        )
        if later > rss_tolerance * max(first, 0.0):
            print(f"that is more than {rss_tolerance:.0%} of the first round's")
            status = 1
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--requests", type=int, default=20_000, help="requests per round"
    )
    parser.add_argument("--threads", type=int, default=8, help="client threads")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each reset")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first round")
    parser.add_argument(
        "--rss-tolerance",
        type=float,
        default=0.25,
        help="RSS the later rounds may add, as a fraction of the first round's",
    )
    parser.add_argument("--endpoint", help="soak this server instead of starting one")
    args = parser.parse_args(argv)

    options = (
        args.requests,
        args.threads,
        args.rounds,
        args.seed,
        args.rss_tolerance,
    )
    if args.endpoint:
        return run(args.endpoint, None, *options)
    with started_server({"MOTO_APPSTREAM_ENFORCE_QUOTAS": "false"}) as server:
        return run(server.url, server.pid, *options)


if __name__ == "__main__":
    sys.exit(main())
