"""Help that ships: `sparring docs` prints the authoring guide from inside the package, the
help and the new-scenario template point to it, and every command and option in `--help` says
what it does."""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sparring.adapters.files import paths
from sparring.authoring.template import scenario_template
from sparring.cli.main import _parser
from tests.conftest import REPO
from tests.support.cli import run_cli

GUIDE = REPO / "docs" / "authoring.md"


# --- every command and option in --help says what it does -------------------------------------


def _parsers(
    parser: argparse.ArgumentParser, name: str = "sparring"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {command}")


def _undescribed(parser: argparse.ArgumentParser, name: str) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        what = "/".join(action.option_strings) or action.metavar or action.dest
        if not action.help or action.help == argparse.SUPPRESS or not action.help.strip():
            yield f"{name}: {what}"
        if isinstance(action, argparse._SubParsersAction):
            described = {choice.dest for choice in action._choices_actions if choice.help}
            yield from (
                f"{name} {command}" for command in action.choices if command not in described
            )


def test_every_command_and_option_has_a_description() -> None:
    missing = [gap for name, parser in _parsers(_parser()) for gap in _undescribed(parser, name)]
    assert missing == []


def test_the_walk_reaches_every_command() -> None:
    names = {name for name, _ in _parsers(_parser())}
    assert {"sparring docs", "sparring new scenario", "sparring config show"} <= names
    assert len(names) >= 15


# --- sparring docs ----------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [("docs", "authoring"), ("docs",)], ids=["authoring", "default"])
def test_docs_prints_the_authoring_guide(argv: tuple[str, ...]) -> None:
    ran = run_cli(*argv)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.rstrip("\n") == GUIDE.read_text(encoding="utf-8").rstrip("\n")
    shown = ran.stderr.strip().splitlines()[-1]
    assert shown.startswith("this guide is the file "), ran.stderr
    assert Path(shown.removeprefix("this guide is the file ")).samefile(GUIDE)


def test_docs_names_the_topics_it_knows() -> None:
    ran = run_cli("docs", "authorng")
    assert ran.returncode == 2
    assert "invalid choice: 'authorng'" in ran.stderr
    assert "authoring" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_docs_explains_a_guide_it_cannot_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "shipped_docs_dir", lambda: tmp_path / "nowhere")
    ran = run_cli("docs")
    assert ran.returncode == 1
    assert "nowhere" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_an_installed_package_finds_the_guide_inside_itself(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A wheel puts the guide at sparring/_shipped/docs/, next to the scenarios and rubrics."""
    package = tmp_path / "site-packages" / "sparring"
    (package / "_shipped" / "docs").mkdir(parents=True)
    (package / "_shipped" / "docs" / "authoring.md").write_text("# the shipped guide\n")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.shipped_docs_dir() == package / "_shipped" / "docs"
    ran = run_cli("docs", "authoring")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "# the shipped guide\n"
    assert str(package / "_shipped" / "docs" / "authoring.md") in ran.stderr


def test_a_source_checkout_finds_the_guide_in_docs() -> None:
    assert (paths.shipped_docs_dir() / "authoring.md").samefile(GUIDE)


def test_the_wheel_carries_the_guide_where_the_package_looks() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["docs/authoring.md"] == "sparring/_shipped/docs/authoring.md"
    assert included["scenarios"] == "sparring/_shipped/scenarios"


# --- pointing to it ---------------------------------------------------------------------------


def test_help_points_to_sparring_docs() -> None:
    ran = run_cli("--help")
    assert ran.returncode == 0
    assert "sparring docs authoring" in ran.stdout
    assert "docs/authoring.md" not in ran.stdout
    usage = run_cli("docs", "--help").stdout
    assert usage.startswith("usage: sparring docs [-h] [TOPIC]")
    assert "authoring (the default)" in usage


def test_the_new_scenario_template_points_to_sparring_docs(tmp_path: Path) -> None:
    text = scenario_template("My difficult boss", schema_ref="schema.json")
    assert "sparring docs authoring" in text
    assert "docs/authoring.md" not in text

    target = tmp_path / "boss.yaml"
    ran = run_cli("new", "scenario", "My difficult boss", "-o", target)
    assert ran.returncode == 0, ran.stderr
    written = target.read_text(encoding="utf-8")
    assert "sparring docs authoring" in written
    assert "docs/authoring.md" not in written
