"""The coverage table and docs page must match the backend they describe."""

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "implementation_coverage.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("implementation_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_coverage_files_are_current():
    script = load_script()
    for path, text in script.outputs().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run python scripts/implementation_coverage.py"
        )


def test_coverage_lists_every_operation_of_the_model():
    script = load_script()
    table = script.render_markdown()
    entries = [line for line in table.splitlines() if line.startswith("- [")]
    done = [line for line in entries if line.startswith("- [X]")]
    assert len(entries) == 89
    assert len(done) == len(
        [op for op in script.operations() if script.implemented(op)]
    )
    assert f"{len(done)} of 89" in table


def test_check_mode_reports_current_files():
    assert load_script().main(["--check"]) == 0
