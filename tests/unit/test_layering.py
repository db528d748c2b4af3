"""The pure core must not pull in the UI or the network stack: it is what the tests, the
headless runner and the validator stand on, and it must stay fast to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "sparring.formats.moves",
    "sparring.formats.common",
    "sparring.formats.scenario",
    "sparring.formats.rubric",
    "sparring.persona.rules",
    "sparring.authoring.reachability",
    "sparring.formats.loading",
    "sparring.authoring.checks",
    "sparring.adapters.files.library",
    "sparring.adapters.files.authoring",
]
FORBIDDEN = ("textual", "openai", "httpx", "httpx2", "tiktoken", "rich")


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui_or_network(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imported {out.stdout.strip()}"


def test_cli_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from sparring.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'openai', 'pydantic', 'yaml', 'tiktoken', 'rich'))\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY=\n" in out.stdout or out.stdout.rstrip().endswith("HEAVY=")


def test_import_contract_fails_when_violated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: a module that imports textual is caught."""
    (tmp_path / "leaky.py").write_text("import textual\n")
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import leaky\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "textual" in out.stdout
