"""The layers point one way, for every module, including imports inside functions.

    ui (tui, cli)  ->  runtime  ->  adapters  ->  core (formats, judge, persona, authoring,
                                                         session)

The core is pure: it never imports the UI, the network stack, the adapters or the runtime, so
the tests, the headless runner and the validator stand on it alone and it imports fast. Only
`adapters.llm` may talk to an LLM endpoint; only the TUI may draw.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "sparring"

# What each part of sparring may import from sparring itself.
ALLOWED: dict[str, set[str]] = {
    "formats": {"formats"},
    "judge": {"formats", "judge"},
    "persona": {"formats", "judge", "persona"},
    "authoring": {"formats", "persona", "authoring"},
    "session": {"formats", "judge", "persona", "session"},
    "adapters": {"formats", "judge", "persona", "authoring", "session", "adapters"},
    "runtime": {"formats", "judge", "persona", "authoring", "session", "adapters", "runtime"},
    "tui": {"formats", "judge", "persona", "authoring", "session", "adapters", "runtime", "tui"},
    "cli": {
        "formats",
        "judge",
        "persona",
        "authoring",
        "session",
        "adapters",
        "runtime",
        "cli",
        "tui",
    },
}
CORE = ("formats", "judge", "persona", "authoring", "session")
# Third-party packages only some parts may import.
RESTRICTED = {
    "textual": ("tui",),
    "rich": ("tui",),
    "openai": ("adapters.llm",),
    "httpx": ("adapters.llm",),
    "httpx2": ("adapters.llm",),
    "tiktoken": ("adapters.llm",),
    "tenacity": ("adapters.llm",),
    "platformdirs": ("adapters", "runtime"),
    "sqlite3": ("adapters",),
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _part(path: Path) -> str:
    """The dotted place of a module under sparring, e.g. "adapters.llm.client"."""
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, anywhere in it (line, dotted name)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "sparring":
                found += [(node.lineno, f"sparring.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def violations(path: Path) -> list[str]:
    place = _part(path)
    top = place.split(".")[0]
    problems = []
    for line, name in _imports(path):
        root, _, rest = name.partition(".")
        where = f"{path.relative_to(SRC)}:{line}: imports {name}"
        if root == "sparring":
            target = rest.split(".")[0]
            if top in ALLOWED and target in {*ALLOWED, "adapters"} and target not in ALLOWED[top]:
                problems.append(f"{where} ({top} may not import {target})")
        elif root in RESTRICTED and not any(
            place == allowed or place.startswith(allowed + ".") for allowed in RESTRICTED[root]
        ):
            problems.append(f"{where} (only {', '.join(RESTRICTED[root])} may)")
    return problems


def test_every_module_imports_only_in_its_direction() -> None:
    problems = [p for path in _modules() for p in violations(path)]
    assert problems == []


def test_every_module_belongs_to_a_layer() -> None:
    loose = [
        _part(p)
        for p in _modules()
        if _part(p).split(".")[0] not in ALLOWED and _part(p) not in ("__init__", "__main__")
    ]
    assert loose == []


def test_the_check_catches_a_core_module_that_imports_the_ui(tmp_path: Path) -> None:
    """The check above can fail: a core module that imports textual, the runtime or the
    adapters is caught, even inside a function."""
    fake = PACKAGE / "session" / "_leaky_for_test.py"
    fake.write_text(
        "import textual\n"
        "def f():\n    from sparring.adapters.files import paths\n"
        "    from sparring.runtime.settings import Settings\n"
        "    import openai\n",
        encoding="utf-8",
    )
    try:
        found = violations(fake)
    finally:
        fake.unlink()
    assert len(found) == 4
    assert "session may not import adapters" in found[1]
    assert "only adapters.llm may" in found[3]


@pytest.mark.parametrize("part", CORE)
def test_core_imports_no_ui_or_network_at_run_time(part: str) -> None:
    """Importing all of a core package pulls in none of the heavy or outside packages."""
    modules = sorted(_part(p).removesuffix(".__init__") for p in (PACKAGE / part).rglob("*.py"))
    code = (
        "import importlib, sys\n"
        f"for m in {[f'sparring.{m}' for m in modules]!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'openai', 'httpx', 'httpx2', 'tiktoken', 'platformdirs', "
        "'sqlite3'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{part} imported {out.stdout.strip()}"


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
