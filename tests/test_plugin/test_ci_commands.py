"""README.rst, .ci/run and tox.ini run the same test command."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README_COMMAND = "pip install -e '.[server,test]' && pytest -q tests"
LINT_COMMANDS = ["ruff check .", "ruff format --check .", "mypy"]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.rst").read_text(encoding="utf-8")
    lines = re.findall(
        r"^\s+\$ (pip install -e '\.\[server,test\]' && .+)$", text, re.M
    )
    return [line.rstrip() for line in lines]


def _tox() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "tox.ini", encoding="utf-8")
    return parser


def _tox_commands(section: str) -> list[str]:
    value = _tox().get(section, "commands")
    return [line.strip() for line in value.strip().splitlines()]


def test_readme_gives_the_test_command_once() -> None:
    assert _readme_commands() == [README_COMMAND]


def test_readme_test_command_is_in_a_console_block() -> None:
    text = (ROOT / "README.rst").read_text(encoding="utf-8")

    blocks = re.finditer(
        r"^\.\. code-block:: console\n\n((?:[ \t]+.*\n?)+)", text, re.M
    )

    holding = [block for block in blocks if f"$ {README_COMMAND}" in block.group(1)]
    assert len(holding) == 1


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_run_takes_its_commands_from_the_readme() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--print-commands"],
        capture_output=True,
        text=True,
        check=True,
    )

    install, test = README_COMMAND.split(" && ", 1)
    assert result.stdout.splitlines() == [f"install: {install}", f"test: {test}"]


def test_ci_run_lints_like_tox() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()

    assert [line for line in script if line in LINT_COMMANDS] == LINT_COMMANDS
    assert _tox_commands("testenv:lint") == LINT_COMMANDS


def test_tox_runs_the_readme_test_command() -> None:
    test_command = README_COMMAND.split(" && ", 1)[1]

    assert _tox_commands("testenv") == [test_command]


def test_tox_lists_oldest_newest_and_lint() -> None:
    envlist = [env.strip() for env in _tox().get("tox", "envlist").split(",")]

    assert envlist == ["py-moto-oldest", "py-moto-newest", "lint"]


def test_tox_pins_the_oldest_moto() -> None:
    assert _tox().get("testenv:py-moto-oldest", "deps").split() == [
        "moto[server]==5.2.1"
    ]
