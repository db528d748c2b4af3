"""The docs say what the code does: the README's commands and the guide's examples work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sparring.adapters.files.authoring import validate_paths
from sparring.authoring.checks import check_rubric
from sparring.formats.loading import load_text
from sparring.formats.rubric import Rubric
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
GUIDE = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")


def quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_exactly_two_commands() -> None:
    commands = quick_start()
    assert len(commands) == 2
    assert "sparring rehearse frustrated-sales-director" in commands[0]
    assert "[test]" in commands[1]
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start()[1] in ci


def test_the_guide_scenario_example_validates(tmp_path: Path) -> None:
    example = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)[0]
    target = tmp_path / "scenarios" / "late-handoff.yaml"
    target.parent.mkdir()
    target.write_text(example, encoding="utf-8")
    report = validate_paths([target])
    assert [str(d) for d in report.diagnostics] == []


def test_the_guide_rubric_example_validates() -> None:
    example = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)[1]
    loaded = load_text(example, Rubric, "guide.yaml")
    assert loaded.model is not None, loaded.diagnostics
    assert loaded.doc is not None
    assert [d for d in check_rubric(loaded.model, loaded.doc) if d.is_error] == []


@pytest.mark.parametrize("name", ["rehearsal.svg", "debrief.svg"])
def test_readme_screenshots_exist(name: str) -> None:
    assert f"docs/images/{name}" in README
    assert (REPO / "docs" / "images" / name).stat().st_size > 10_000
