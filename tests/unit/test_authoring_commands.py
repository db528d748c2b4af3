"""The authoring commands as an author uses them: validate, new, schema, list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sparring.adapters.files.authoring import validate_paths
from sparring.authoring.schema import schema_for
from sparring.cli.main import main
from tests.conftest import REPO, RUBRICS, SCENARIOS
from tests.support.cli import run_cli

SHIPPED_SCENARIOS = sorted(SCENARIOS.glob("*.yaml"))
SHIPPED_RUBRICS = sorted(RUBRICS.glob("*.yaml"))


def test_shipped_content_validates_cleanly() -> None:
    report = validate_paths([SCENARIOS, RUBRICS])
    assert report.files == len(SHIPPED_SCENARIOS) + len(SHIPPED_RUBRICS)
    assert [str(d) for d in report.diagnostics] == []


def test_validate_cli_exit_codes(tmp_path: Path) -> None:
    ok = run_cli("validate", "scenarios", "rubrics")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 errors" in ok.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (SCENARIOS / "frustrated-sales-director.yaml")
        .read_text()
        .replace("difficulty: medium", "difficulty: medum")
    )
    out = run_cli("validate", str(bad))
    assert out.returncode == 1
    assert (
        "difficulty: expected one of 'easy', 'medium', 'hard', got text 'medum'; "
        "did you mean 'medium'?" in out.stdout
    )
    assert "Traceback" not in out.stdout + out.stderr


def test_validate_missing_path_is_an_error(tmp_path: Path) -> None:
    report = validate_paths([tmp_path / "nope.yaml"])
    assert report.errors == 1
    assert "no such file or folder" in str(report.diagnostics[0])


@pytest.mark.parametrize("path", SHIPPED_SCENARIOS + SHIPPED_RUBRICS, ids=lambda p: p.name)
def test_json_schema_accepts_every_shipped_file(path: Path) -> None:
    kind = "rubric" if path.parent.name == "rubrics" else "scenario"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema_for(kind)).validate(data)


@pytest.mark.parametrize("kind", ["scenario", "rubric"])
def test_json_schema_rejects_what_the_loader_rejects(kind: str) -> None:
    source = SHIPPED_SCENARIOS[0] if kind == "scenario" else SHIPPED_RUBRICS[0]
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["unexpected_field"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema_for(kind)).validate(data)


def _walk_properties(node: Any, where: str, missing: list[str]) -> None:
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if "description" not in prop:
                missing.append(f"{where}.{name}")
        for key, value in node.items():
            _walk_properties(value, f"{where}/{key}", missing)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _walk_properties(value, f"{where}[{i}]", missing)


@pytest.mark.parametrize("kind", ["scenario", "rubric"])
def test_every_schema_field_has_a_description(kind: str) -> None:
    missing: list[str] = []
    schema = schema_for(kind)
    _walk_properties(schema, kind, missing)
    assert missing == []
    for name, definition in schema.get("$defs", {}).items():
        assert definition.get("description"), f"{name} has no description"


@pytest.mark.parametrize("kind", ["scenario", "rubric"])
def test_committed_schema_files_are_current(kind: str) -> None:
    committed = json.loads((REPO / "docs" / "schemas" / f"{kind}.schema.json").read_text())
    assert committed == schema_for(kind), (
        f"run: sparring schema {kind} -o docs/schemas/{kind}.schema.json"
    )


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "rubric"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "sparring rubric"
    assert "dimensions" in schema["properties"]


def test_new_scenario_writes_a_valid_template(
    sparring_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "scenario", "The late handoff"]) == 0
    target = sparring_home / "scenarios" / "the-late-handoff.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    schema_path = Path(text.split("$schema=file://", 1)[1].splitlines()[0])
    assert json.loads(schema_path.read_text())["title"] == "sparring scenario"
    report = validate_paths([target])
    assert [str(d) for d in report.diagnostics] == []
    data = yaml.safe_load(text)
    assert data["id"] == "the-late-handoff"
    assert data["title"] == "The late handoff"
    # the new scenario is immediately listed and usable by id
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["scenarios"]
    assert {"id": "the-late-handoff", "source": "user"}.items() <= next(
        e for e in listed if e["id"] == "the-late-handoff"
    ).items()


def test_new_scenario_quotes_awkward_titles(tmp_path: Path) -> None:
    out = tmp_path / "odd.yaml"
    assert main(["new", "scenario", 'Boss\'s "review": part 2', "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text())
    assert data["title"] == 'Boss\'s "review": part 2'
    assert validate_paths([out]).errors == 0


def test_new_scenario_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text("keep me")
    assert main(["new", "scenario", "x", "-o", str(out)]) == 1
    assert out.read_text() == "keep me"
    assert main(["new", "scenario", "x", "-o", str(out), "--force"]) == 0
    assert out.read_text() != "keep me"


def test_list_shows_shipped_user_and_extra_folders(
    tmp_path: Path, sparring_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    flagship = (SCENARIOS / "frustrated-sales-director.yaml").read_text()
    (extra / "copy.yaml").write_text(
        flagship.replace("id: frustrated-sales-director", "id: my-copy")
    )
    (extra / "broken.yaml").write_text("id: [")
    assert main(["list", "--json", "--scenarios", str(extra)]) == 0
    captured = capsys.readouterr()
    entries = {e["id"]: e for e in json.loads(captured.out)["scenarios"]}
    assert entries["my-copy"]["source"] == "folder"
    assert entries["frustrated-sales-director"]["source"] == "shipped"
    assert {p.stem for p in SHIPPED_SCENARIOS} <= set(entries)
    assert "broken.yaml:1:" in captured.err
    assert "YAML syntax error" in captured.err


def test_scenario_argument_accepts_id_or_path(tmp_path: Path) -> None:
    from sparring.adapters.files.library import Library
    from sparring.formats.diagnostics import LoadError

    library = Library()
    by_id, path = library.resolve_scenario("frustrated-sales-director")
    by_path, _ = library.resolve_scenario(str(path))
    assert by_id == by_path
    with pytest.raises(LoadError) as excinfo:
        library.resolve_scenario("frustrated-sales-directer")
    assert "did you mean 'frustrated-sales-director'?" in str(excinfo.value)
    with pytest.raises(LoadError, match="no such file"):
        library.resolve_scenario(str(tmp_path / "missing.yaml"))
