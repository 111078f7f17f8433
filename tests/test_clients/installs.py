"""Installing the AWS CLI and the JavaScript SDK once, into a cache in the repository.

The cache lives in ``<repo>/.client-tools`` (ignored by git): ``awscli-venv`` is a
virtualenv holding the pinned AWS CLI, ``js`` a copy of the committed ``js``
project with its locked ``node_modules``. An install is reused while its marker
file names what is pinned now and the installed versions match the pins, so only
the first run pays for it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import pytest

# This release pins botocore 1.43.11, the AppStream model the server is tested on.
AWS_CLI_VERSION = "1.45.11"
AWS_CLI_REQUIREMENT = f"awscli=={AWS_CLI_VERSION}"
MIN_NODE_MAJOR = 20
INSTALL_TIMEOUT = 900

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE = REPO_ROOT / ".client-tools"
JS_PROJECT = Path(__file__).resolve().parent / "js"
MARKER = ".installed"


def _fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


@contextmanager
def _locked(name: str) -> Iterator[None]:
    """Serialise installs into one cache entry across concurrent test runs."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _run(command: list[str], what: str, env: dict[str, str] | None = None) -> None:
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired:
        _fail(f"{what} took over {INSTALL_TIMEOUT} s: {' '.join(command)}")
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-4000:]
        _fail(
            f"{what} failed (exit {result.returncode}); it needs the package "
            f"registry to be reachable.\n$ {' '.join(command)}\n{output}"
        )


def _marker_says(directory: Path, expected: str) -> bool:
    marker = directory / MARKER
    return marker.is_file() and marker.read_text() == expected


def _installing_environment() -> dict[str, str]:
    environment = dict(os.environ)
    for variable in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_USER"):
        environment.pop(variable, None)
    return environment


def _aws_executable(venv: Path) -> Path:
    return venv / "bin" / "aws"


def _aws_cli_works(venv: Path) -> bool:
    aws = _aws_executable(venv)
    if not aws.exists():
        return False
    try:
        result = subprocess.run(
            [str(aws), "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=_installing_environment(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and result.stdout.startswith(
        f"aws-cli/{AWS_CLI_VERSION} "
    )


def _create_venv(venv: Path) -> None:
    attempt = subprocess.run(
        [sys.executable, "-m", "venv", str(venv)],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )
    if attempt.returncode == 0:
        return
    shutil.rmtree(venv, ignore_errors=True)
    _run(
        [sys.executable, "-m", "virtualenv", str(venv)],
        "Creating a virtualenv for the AWS CLI (venv failed too: "
        f"{attempt.stderr.strip()[-500:]})",
    )


def aws_cli() -> Path:
    """The ``aws`` executable of the pinned AWS CLI v1, installed if needed."""
    venv = CACHE / "awscli-venv"
    with _locked("awscli-venv"):
        if _marker_says(venv, AWS_CLI_REQUIREMENT) and _aws_cli_works(venv):
            return _aws_executable(venv)
        shutil.rmtree(venv, ignore_errors=True)
        _create_venv(venv)
        _run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                AWS_CLI_REQUIREMENT,
            ],
            f"Installing {AWS_CLI_REQUIREMENT} into {venv}",
            env=_installing_environment(),
        )
        if not _aws_cli_works(venv):
            _fail(f"{_aws_executable(venv)} --version does not run after install")
        (venv / MARKER).write_text(AWS_CLI_REQUIREMENT)
        return _aws_executable(venv)


def _check_node() -> str:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        missing = " and ".join(
            name for name, path in (("node", node), ("npm", npm)) if path is None
        )
        _fail(
            f"The JavaScript SDK tests need Node.js {MIN_NODE_MAJOR} or newer with "
            f"npm on PATH; {missing} not found."
        )
    version = subprocess.run(
        [node, "--version"], capture_output=True, text=True, timeout=60, check=True
    ).stdout.strip()
    major = int(version.lstrip("v").split(".")[0])
    if major < MIN_NODE_MAJOR:
        _fail(
            f"The JavaScript SDK tests need Node.js {MIN_NODE_MAJOR} or newer; "
            f"{node} is {version}."
        )
    return npm


def _installed_js_packages_match(target: Path, lock: dict[str, Any]) -> bool:
    """Whether every package of the lock is installed at its locked version."""
    for location, entry in lock["packages"].items():
        if not location:
            continue
        manifest = target / location / "package.json"
        try:
            installed = json.loads(manifest.read_text())["version"]
        except (OSError, ValueError, KeyError):
            return False
        if installed != entry["version"]:
            return False
    return True


def js_project() -> Path:
    """A copy of ``tests/test_clients/js`` with its locked packages installed."""
    npm = _check_node()
    target = CACHE / "js"
    lock_text = (JS_PROJECT / "package-lock.json").read_bytes()
    fingerprint = hashlib.sha256(lock_text).hexdigest()
    with _locked("js"):
        target.mkdir(parents=True, exist_ok=True)
        for source in JS_PROJECT.iterdir():
            if source.is_file():
                shutil.copyfile(source, target / source.name)
        if _marker_says(target, fingerprint) and _installed_js_packages_match(
            target, json.loads(lock_text)
        ):
            return target
        (target / MARKER).unlink(missing_ok=True)
        _run(
            [
                npm,
                "ci",
                "--prefix",
                str(target),
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--loglevel=error",
            ],
            f"Installing the JavaScript SDK into {target}",
        )
        (target / MARKER).write_text(fingerprint)
        return target
