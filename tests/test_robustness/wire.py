"""Raw HTTP to a moto-appstream-server on loopback: start it, call it, read it.

Shared by the robustness tests and by ``scripts/fuzz_appstream.py`` and
``scripts/soak_appstream.py``, so both drive the server the same way.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

TARGET_PREFIX = "PhotonAdminProxyService"
JSON_11 = "application/x-amz-json-1.1"
DEFAULT_ACCOUNT = "123456789012"
BASE_IMAGE = "AppStream-WinServer2019-06-12-2023"
REQUEST_TIMEOUT = 30.0

_CREDENTIALS = Credentials("testing", "testing")


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, headers and the undecoded body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class CallFailed(AssertionError):
    """A call that had to succeed did not."""


def post(
    url: str,
    action: str,
    body: bytes | str,
    *,
    region: str = "us-east-1",
    headers: Mapping[str, str] | None = None,
    sign: bool = True,
) -> Reply:
    """POST a raw body to the server as the AppStream action ``action``."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    all_headers = {
        "Content-Type": JSON_11,
        "X-Amz-Target": f"{TARGET_PREFIX}.{action}",
        **(headers or {}),
    }
    if sign:
        request = AWSRequest(
            method="POST", url=f"{url}/", data=data, headers=all_headers
        )
        SigV4Auth(_CREDENTIALS, "appstream", region).add_auth(request)
        all_headers = dict(request.headers.items())
    return _send(f"{url}/", data, all_headers)


def _send(url: str, data: bytes, headers: Mapping[str, str]) -> Reply:
    request = urllib.request.Request(
        url, data=data, headers=dict(headers), method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as answer:
            return Reply(answer.status, dict(answer.headers.items()), answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, dict(error.headers.items()), error.read())


def call(url: str, action: str, params: Mapping[str, Any] | None = None) -> Any:
    """Call an action that must succeed and return its decoded body."""
    reply = post(url, action, json.dumps(dict(params or {})))
    if reply.status != 200:
        msg = f"{action} {params!r} answered {reply.status}: {reply.text}"
        raise CallFailed(msg)
    return reply.json()


def reset(url: str) -> None:
    request = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as reply:
        if reply.status != 200:
            raise CallFailed(f"reset answered {reply.status}")


def add_private_image(url: str, name: str, platform: str) -> None:
    body = json.dumps({"Name": name, "Platform": platform}).encode("utf-8")
    request = urllib.request.Request(
        f"{url}/moto-api/appstream/images",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as reply:
        if reply.status != 201:
            raise CallFailed(f"adding image {name} answered {reply.status}")


def rss_kib(pid: int) -> int:
    """The resident set size of a process, from /proc/<pid>/status, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")
